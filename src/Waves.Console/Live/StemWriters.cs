using Waves.Engine.Audio;
using Waves.Engine.Rendering;

namespace Waves.Console.Live;

/// <summary>
/// One stereo WAV per track of the sound's mix, beside the mixdown, for a render whose patch can
/// change (a replay): a track that appears later starts with silence, one that is gone gets
/// silence, so every stem lines up with the mixdown frame for frame.
/// </summary>
sealed class StemWriters(string mixdown, int sampleRate) : IDisposable
{
    readonly Dictionary<string, WavWriter> writers = new(StringComparer.Ordinal);
    readonly float[] zeros = new float[8192];
    long frames;

    public IEnumerable<string> Paths => writers.Values.Select(w => w.Path);

    public void Write(Patch patch, int from, int to)
    {
        var count = to - from;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var track in patch.StemMix?.Tracks ?? [])
        {
            if (track.Name.EndsWith(" (removed)", StringComparison.Ordinal)) continue;
            if (!writers.TryGetValue(track.Name, out var w))
            {
                w = writers[track.Name] = new WavWriter(Commands.RenderCommand.StemPath(mixdown, track.Name), sampleRate, 2, SampleFormat.F32);
                Silence(w, frames);
            }
            seen.Add(track.Name);
            var s = track.Signal;
            w.Write(s.Left.AsSpan(from, count), (s.Right ?? s.Left).AsSpan(from, count));
        }
        foreach (var (name, w) in writers)
            if (!seen.Contains(name)) Silence(w, count);
        frames += count;
    }

    void Silence(WavWriter w, long count)
    {
        while (count > 0)
        {
            var n = (int)Math.Min(count, zeros.Length);
            w.Write(zeros.AsSpan(0, n), zeros.AsSpan(0, n));
            count -= n;
        }
    }

    public void Dispose()
    {
        foreach (var w in writers.Values) w.Dispose();
    }
}
