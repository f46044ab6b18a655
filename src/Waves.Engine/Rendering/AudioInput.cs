using Waves.Engine.Audio;

namespace Waves.Engine.Rendering;

/// <summary>
/// A session's audio input as the render thread sees it. A producer — a capture thread, or a replay
/// feeding the frames a journal kept — writes stereo frames into a lock-free ring; at each block the
/// render thread takes exactly the block's frames once (<see cref="BeginBlock"/>), and every
/// <c>input</c> node of the patch reads that same window. A block the ring cannot fill whole is
/// silence and counted, and the ring keeps what it had, so that a late device builds up the lead it
/// lacked instead of leaving gaps in every block. What the render thread used goes to <see cref="Used"/>
/// for the journal. Nothing here allocates, locks or waits after construction.
/// </summary>
public sealed class AudioInput
{
    readonly SampleRing source;
    readonly float[] left, right, scratchL, scratchR;
    readonly int maxLead;
    long blockFrame, missing, skipped;
    int blockCount = -1, renderThread = -1;

    /// <param name="maxBlock">The largest block the render thread asks for.</param>
    /// <param name="keepUsed">Hand the frames used to <see cref="Used"/> (a live session's journal).</param>
    /// <param name="maxLeadFrames">Frames the ring may hold ahead of the render thread before the oldest are
    /// dropped (after a pause, or when the device's clock runs fast); at least a block.</param>
    public AudioInput(int sampleRate, int maxBlock, bool keepUsed, int? maxLeadFrames = null)
    {
        SampleRate = sampleRate;
        maxLead = Math.Max(maxBlock, maxLeadFrames ?? sampleRate / 4 + maxBlock);
        source = new SampleRing(Math.Max(sampleRate, 2 * maxLead));
        left = new float[maxBlock];
        right = new float[maxBlock];
        scratchL = new float[Math.Max(maxBlock, 1024)];
        scratchR = new float[scratchL.Length];
        Used = keepUsed ? new SampleRing(4 * sampleRate + maxBlock) : null;
    }

    public int SampleRate { get; }

    /// <summary>Producer side (one thread): appends captured frames; right empty means mono.</summary>
    public void Write(ReadOnlySpan<float> l, ReadOnlySpan<float> r) => source.Write(l, r);

    /// <summary>Frames waiting in the ring.</summary>
    public long Buffered => source.Available;

    /// <summary>Frames the render thread played as silence because the device had not delivered them.</summary>
    public long MissingFrames => Interlocked.Read(ref missing);

    /// <summary>Frames dropped because the ring ran too far ahead (or overflowed).</summary>
    public long DroppedFrames => Interlocked.Read(ref skipped) + source.Dropped;

    /// <summary>The frames each block used, in session order, for the control thread to store (null when not kept).</summary>
    public SampleRing? Used { get; }

    /// <summary>Render thread, at the start of a block: takes the block's <paramref name="count"/> frames.</summary>
    internal void BeginBlock(long frame, int count)
    {
        renderThread = Environment.CurrentManagedThreadId;
        var l = left.AsSpan(0, count);
        var r = right.AsSpan(0, count);
        for (var excess = source.Available - maxLead; excess > 0;)
        {
            var n = source.Read(scratchL.AsSpan(0, (int)Math.Min(excess, scratchL.Length)), scratchR);
            if (n == 0) break;
            excess -= n;
            Interlocked.Add(ref skipped, n);
        }
        if (source.Available >= count) source.Read(l, r);
        else
        {
            l.Clear();
            r.Clear();
            Interlocked.Add(ref missing, count);
        }
        Used?.Write(l, r);
        (blockFrame, blockCount) = (frame, count);
    }

    /// <summary>Render thread, at the end of the block: outside a block every read is silent.</summary>
    internal void EndBlock() => blockCount = -1;

    /// <summary>
    /// The input at session frames <paramref name="frame"/> … + <paramref name="l"/>'s length, within the
    /// block being rendered; silence outside it, and on any thread but the render thread (a sound
    /// rendered whole when it is compiled cannot know the input).
    /// </summary>
    public void Read(long frame, Span<float> l, Span<float> r)
    {
        l.Clear();
        r.Clear();
        if (blockCount < 0 || Environment.CurrentManagedThreadId != renderThread) return;
        var from = Math.Max(frame, blockFrame);
        var to = Math.Min(frame + l.Length, blockFrame + blockCount);
        if (to <= from) return;
        var n = (int)(to - from);
        left.AsSpan((int)(from - blockFrame), n).CopyTo(l[(int)(from - frame)..]);
        right.AsSpan((int)(from - blockFrame), n).CopyTo(r[(int)(from - frame)..]);
    }
}
