using Waves.Engine.Audio;

namespace Waves.Console.Live;

/// <summary>Drains the output ring into a stereo WAV file (a reload may turn a mono sound stereo);
/// flushed on every drain, so an interrupted session leaves a playable file.</summary>
sealed class Recorder(SampleRing ring, WavWriter? writer)
{
    readonly float[] l = new float[8192], r = new float[8192];

    public long Frames => writer?.FramesWritten ?? 0;

    /// <summary>Writes what the ring holds; returns the frames taken.</summary>
    public int Drain()
    {
        var total = 0;
        int n;
        while ((n = ring.Read(l, r)) > 0)
        {
            writer?.Write(l.AsSpan(0, n), r.AsSpan(0, n));
            total += n;
        }
        if (total > 0) writer?.Flush();
        return total;
    }
}
