using Waves.Engine.Audio;

namespace Waves.Console.Live;

/// <summary>
/// The control thread's side of the render thread's taps: drains the mixdown (and, when asked,
/// each track) into stereo WAV files while recording, and keeps the last moments for the view's
/// scope. Files are flushed — header included — at every drain, so even a killed process leaves a
/// valid WAV missing at most the last drain interval. Recording can start and stop while playing.
/// </summary>
sealed class Recorder(SampleRing tap, StemTap? stems, int sampleRate, Scope? scope) : IDisposable
{
    readonly float[] l = new float[8192], r = new float[8192];
    WavWriter? mix;
    readonly Dictionary<int, WavWriter> stemWriters = [];
    long startFrame;

    /// <summary>The file being recorded (null when not recording).</summary>
    public string? Path => mix?.Path;

    /// <summary>The file of the current (or last) recording.</summary>
    public string? LastPath { get; private set; }

    /// <summary>Frames in the current (or last) recording.</summary>
    public long Frames { get; private set; }

    /// <summary>Stem files of the current (or last) recording.</summary>
    public List<string> StemPaths { get; } = [];

    /// <summary>Starts recording to <paramref name="path"/> from the next frame drained.</summary>
    public void Start(string path)
    {
        Stop();
        mix = new WavWriter(path, sampleRate, 2, SampleFormat.F32);
        LastPath = path;
        Frames = 0;
        StemPaths.Clear();
        startFrame = tap.ReadPosition;
    }

    /// <summary>Writes what is pending and closes the files.</summary>
    public void Stop()
    {
        if (mix is null) return;
        Drain();
        mix.Dispose();
        mix = null;
        foreach (var w in stemWriters.Values) w.Dispose();
        stemWriters.Clear();
    }

    /// <summary>Takes what the taps hold; returns the mixdown frames taken.</summary>
    public int Drain()
    {
        var total = 0;
        int n;
        while ((n = tap.Read(l, r)) > 0)
        {
            scope?.Add(l.AsSpan(0, n), r.AsSpan(0, n));
            if (mix is not null)
            {
                mix.Write(l.AsSpan(0, n), r.AsSpan(0, n));
                Frames += n;
            }
            total += n;
        }
        if (stems is not null) DrainStems();
        if (mix is not null && total > 0)
        {
            mix.Flush();
            foreach (var w in stemWriters.Values) w.Flush();
        }
        return total;
    }

    void DrainStems()
    {
        for (var slot = 0; slot < stems!.Slots; slot++)
        {
            var ring = stems.Ring(slot);
            if (mix is null) { while (ring.Read(l, r) > 0) { } continue; }
            if (!stemWriters.TryGetValue(slot, out var w))
            {
                w = stemWriters[slot] = new WavWriter(StemPath(mix.Path, stems.Name(slot)), sampleRate, 2, SampleFormat.F32);
                StemPaths.Add(w.Path);
                // A track first heard after the recording began starts with silence.
                Silence(w, stems.Start(slot) - startFrame);
            }
            int n;
            while ((n = ring.Read(l, r)) > 0)
            {
                var position = stems.Start(slot) + ring.ReadPosition - n;
                var skip = (int)Math.Clamp(startFrame - position, 0, n);
                w.Write(l.AsSpan(skip, n - skip), r.AsSpan(skip, n - skip));
            }
        }
    }

    static void Silence(WavWriter w, long count)
    {
        Span<float> zeros = stackalloc float[1024];
        zeros.Clear();
        while (count > 0)
        {
            var n = (int)Math.Min(count, zeros.Length);
            w.Write(zeros[..n], zeros[..n]);
            count -= n;
        }
    }

    /// <summary>The stem file of <paramref name="track"/> beside the mixdown <paramref name="path"/>.</summary>
    public static string StemPath(string path, string track) => Commands.RenderCommand.StemPath(path, track);

    public void Dispose() => Stop();
}
