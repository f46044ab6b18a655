namespace Waves.Engine.Audio;

/// <summary>
/// A single-producer, single-consumer ring of stereo frames: the render thread writes blocks
/// without waiting or allocating, another thread reads them (to record, to meter). When the
/// reader falls a whole ring behind, the writer drops frames and counts them instead of waiting.
/// </summary>
public sealed class SampleRing(int capacityFrames)
{
    readonly float[] left = new float[capacityFrames], right = new float[capacityFrames];
    long written, read, dropped;

    public long Dropped => Interlocked.Read(ref dropped);

    /// <summary>Frames read so far: with nothing dropped, the stream position of the next frame read.</summary>
    public long ReadPosition => Volatile.Read(ref read);

    /// <summary>Frames waiting to be read.</summary>
    public long Available => Volatile.Read(ref written) - Volatile.Read(ref read);

    /// <summary>Appends frames (right empty: mono, copied to both sides). Render thread only.</summary>
    public void Write(ReadOnlySpan<float> l, ReadOnlySpan<float> r)
    {
        var w = Volatile.Read(ref written);
        var free = capacityFrames - (w - Volatile.Read(ref read));
        var n = (int)Math.Min(l.Length, free);
        if (n < l.Length) Interlocked.Add(ref dropped, l.Length - n);
        for (var i = 0; i < n; i++)
        {
            var at = (int)((w + i) % capacityFrames);
            left[at] = l[i];
            right[at] = r.IsEmpty ? l[i] : r[i];
        }
        Volatile.Write(ref written, w + n);
    }

    /// <summary>Takes up to the destination's length of frames; returns how many. Reader thread only.</summary>
    public int Read(Span<float> l, Span<float> r)
    {
        var rd = Volatile.Read(ref read);
        var n = (int)Math.Min(l.Length, Volatile.Read(ref written) - rd);
        for (var i = 0; i < n; i++)
        {
            var at = (int)((rd + i) % capacityFrames);
            l[i] = left[at];
            r[i] = right[at];
        }
        Volatile.Write(ref read, rd + n);
        return n;
    }
}
