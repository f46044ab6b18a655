using Waves.Engine.Rendering;

namespace Waves.Console.Live;

/// <summary>
/// Peak and RMS levels of the mix (slot 0) and of each track of the sound's root mix (slots 1…),
/// written by the render thread after each block (no allocation, no lock) and read by the view.
/// Peaks fall back by a fixed amount per second; RMS is smoothed over about 300 ms.
/// </summary>
sealed class Meters(int sampleRate, int maxTracks = 32)
{
    readonly float[] peak = new float[maxTracks + 1], rms = new float[maxTracks + 1];
    readonly string?[] names = new string?[maxTracks + 1];
    int tracks;

    /// <summary>Tracks shown (beyond <c>maxTracks</c> they are not metered).</summary>
    public int Tracks => Volatile.Read(ref tracks);

    public string? Name(int slot) => Volatile.Read(ref names[slot]);
    public float Peak(int slot) => Volatile.Read(ref peak[slot]);
    public float Rms(int slot) => Volatile.Read(ref rms[slot]);

    /// <summary>Render thread: levels of the block just rendered.</summary>
    public void Update(Patch patch, ReadOnlySpan<float> left, ReadOnlySpan<float> right, int count)
    {
        if (count <= 0) return;
        Measure(0, left[..count], right.IsEmpty ? left[..count] : right[..count], count);
        var n = 0;
        if (patch.StemMix is { } mix)
        {
            var list = mix.Tracks;
            for (var i = 0; i < list.Count && n < peak.Length - 1; i++)
            {
                var t = list[i];
                if (t.Name.EndsWith(" (removed)", StringComparison.Ordinal)) continue;
                n++;
                names[n] = t.Name;
                var s = t.Signal;
                var l = s.Left.AsSpan(0, Math.Min(count, s.Left.Length));
                Measure(n, l, s.Right is { } r ? r.AsSpan(0, l.Length) : l, l.Length);
            }
        }
        Volatile.Write(ref tracks, n);
    }

    void Measure(int slot, ReadOnlySpan<float> l, ReadOnlySpan<float> r, int count)
    {
        float max = 0, sum = 0;
        for (var i = 0; i < count; i++)
        {
            var a = Math.Abs(l[i]);
            var b = Math.Abs(r[i]);
            if (a > max) max = a;
            if (b > max) max = b;
            sum += (l[i] * l[i] + r[i] * r[i]) * 0.5f;
        }
        if (!float.IsFinite(max)) (max, sum) = (0, 0);
        var seconds = count / (float)sampleRate;
        var fallen = peak[slot] * MathF.Pow(0.05f, seconds); // about −26 dB per second
        Volatile.Write(ref peak[slot], Math.Max(max, fallen));
        var k = 1 - MathF.Exp(-seconds / 0.3f);
        var mean = rms[slot] * rms[slot];
        Volatile.Write(ref rms[slot], MathF.Sqrt(mean + k * (sum / count - mean)));
    }
}
