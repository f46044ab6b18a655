namespace Waves.Engine.Rendering;

/// <summary>
/// The block loop. At each block boundary it takes what the control side handed over through
/// single-slot mailboxes — a new patch (only the newest is kept), a state write (reset or
/// restore), a capture request — then renders the block. It never waits, locks or allocates;
/// the patch it leaves is handed back through <see cref="TakeRetired"/> to be let go elsewhere.
/// </summary>
public sealed partial class Renderer
{
    Patch current;
    Patch? pending, retired;
    StateWrite? pendingWrite;
    StateSnapshot? pendingCapture;
    Transport transport = Transport.Default;
    Transport? pendingTransport;
    long blockIndex;
    long frame;

    public Renderer(Patch patch)
    {
        current = patch;
        patch.AppliedFrame = 0;
    }

    /// <summary>When the sound ends, start it again in the same block (every state fresh), so a
    /// one-shot repeats seamlessly.</summary>
    public bool Loop { get; set; }

    /// <summary>The patch rendering now.</summary>
    public Patch Current => Volatile.Read(ref current);

    /// <summary>Session frame of the next block.</summary>
    public long Frame => Volatile.Read(ref frame);

    /// <summary>Hands a patch to the render thread; it is swapped in at the next block. A patch
    /// published before the previous one was swapped in replaces it.</summary>
    public void Publish(Patch next) => Interlocked.Exchange(ref pending, next);

    /// <summary>Copies state values at the next block boundary (after any swap).</summary>
    public void Write(StateWrite write) => Interlocked.Exchange(ref pendingWrite, write);

    /// <summary>Fills <paramref name="target"/> (see <see cref="StateSnapshot.ShapedLike"/>) with the live
    /// states at the next block boundary; its <see cref="StateSnapshot.Frame"/> is set when done.</summary>
    public void RequestCapture(StateSnapshot target) => Interlocked.Exchange(ref pendingCapture, target);

    /// <summary>Changes gain, mutes and solos at the next block boundary.</summary>
    public void SetTransport(Transport next) => Interlocked.Exchange(ref pendingTransport, next);

    /// <summary>The transport in force.</summary>
    public Transport Transport => Volatile.Read(ref transport);

    /// <summary>The last patch swapped out, once; the caller lets it go off the render thread.</summary>
    public Patch? TakeRetired() => Interlocked.Exchange(ref retired, null);

    /// <summary>
    /// Renders up to <paramref name="count"/> frames (at most the block size) into the channel
    /// spans (right may be empty for a mono patch: then only left is written). Returns the frames
    /// the sound produced; fewer than asked means it ended.
    /// </summary>
    public int RenderBlock(Span<float> left, Span<float> right, int count)
    {
        var gains = false;
        if (Volatile.Read(ref pending) is not null && SwapDue() && Interlocked.Exchange(ref pending, null) is { } next)
        {
            Volatile.Write(ref retired, current);
            next.AppliedFrame = frame;
            next.AppliedAt = System.Diagnostics.Stopwatch.GetTimestamp();
            Volatile.Write(ref current, next);
            gains = true;
        }
        if (Volatile.Read(ref pendingTransport) is not null && Interlocked.Exchange(ref pendingTransport, null) is { } t)
        {
            t.AppliedFrame = frame;
            Volatile.Write(ref transport, t);
            gains = true;
        }
        if (gains && current.StemMix is { } mix) mix.SetTrackGains(transport);
        if (Volatile.Read(ref pendingWrite) is not null && Interlocked.Exchange(ref pendingWrite, null) is { } write)
            write.Apply(frame);
        if (Volatile.Read(ref pendingCapture) is not null && Interlocked.Exchange(ref pendingCapture, null) is { } capture)
        {
            foreach (var (id, copy) in capture.Entries)
                if (current.States.TryGetValue(id, out var live) && live.GetType() == copy.GetType()) copy.CopyFrom(live);
            capture.Frame = frame;
        }
        current.Settings.Inputs.BeginAudioBlock(frame, count);
        // The block's MIDI messages, at their frames, for every node that reads them.
        current.Settings.Inputs.Midi.BeginBlock(frame, count);
        var produced = Pull(left, right, 0, count);
        var gain = (float)transport.Gain;
        if (gain != 1f)
        {
            for (var i = 0; i < count; i++) left[i] *= gain;
            if (!right.IsEmpty)
                for (var i = 0; i < count; i++) right[i] *= gain;
        }
        // A looping sound that ended starts again on the frame it ended, also when that is a block
        // boundary; one that gives nothing even right after a restart (no length) stops.
        while (Loop && produced < count)
        {
            current.Restart.Apply(frame + produced);
            var more = Pull(left, right, produced, count - produced);
            if (more == 0) break;
            produced += more;
        }
        current.Settings.Inputs.EndAudioBlock();
        Volatile.Write(ref frame, frame + count);
        return produced;
    }

    int Pull(Span<float> left, Span<float> right, int offset, int count)
    {
        var root = current.Root;
        var produced = root.Pull(new Block(blockIndex++, frame + offset, count, current.AppliedFrame));
        root.Left.AsSpan(0, count).CopyTo(left[offset..]);
        if (!right.IsEmpty) (root.Right ?? root.Left).AsSpan(0, count).CopyTo(right[offset..]);
        return produced;
    }
}
