using System.Globalization;
using System.Numerics;
using NAudio.Dsp;
using Complex = NAudio.Dsp.Complex;
using Waves.Engine.Audio;

namespace Waves.Engine.Tests.Playback;

/// <summary>How audio captured from a device compares with what the engine rendered (the replay).</summary>
/// <param name="Lag">Frames by which the capture is late: captured[k] ≈ expected[k − Lag].</param>
/// <param name="Correlation">Normalised correlation over the whole overlap (1: identical shape).</param>
/// <param name="WorstWindowCorrelation">The lowest correlation of any 1024-frame window (hop 256) that has signal
/// in the replay: a device gap (silence or a jump) drags it down.</param>
/// <param name="LevelDifferenceDb">Capture RMS over replay RMS, in dB.</param>
/// <param name="SpectrumDifferenceDb">The largest difference of third-octave band levels (bands
/// within 60 dB of the strongest), in dB.</param>
/// <param name="MatchedFrames">Frames of the replay that the capture covers.</param>
public sealed record CaptureMatch(int Lag, double Correlation, double WorstWindowCorrelation, double LevelDifferenceDb,
    double SpectrumDifferenceDb, int MatchedFrames, int Rate)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"lag {Lag} frames, correlation {Correlation:0.00000}, worst window {WorstWindowCorrelation:0.00000}, level {LevelDifferenceDb:+0.000;-0.000} dB, " +
        $"spectrum within {SpectrumDifferenceDb:0.000} dB, {MatchedFrames} frames ({MatchedFrames / (double)Rate:0.00} s) matched");
}

/// <summary>
/// Aligns a capture with the replay by cross-correlation and compares them window by window,
/// in level and in spectrum. Both are mono at the same rate (see <see cref="Resample"/>).
/// </summary>
public static class CaptureComparison
{
    const int Window = 1024, Hop = 256;

    public static CaptureMatch Compare(float[] captured, float[] expected, int rate)
    {
        var lag = FindLag(captured, expected, rate);
        var from = Math.Max(0, -lag);
        var to = Math.Min(expected.Length, captured.Length - lag);
        if (to - from < Window) return new CaptureMatch(lag, 0, 0, double.NegativeInfinity, double.PositiveInfinity, Math.Max(0, to - from), rate);
        var e = expected.AsSpan(from, to - from);
        var c = captured.AsSpan(from + lag, to - from);
        var worst = 1.0;
        var peak = MaxRms(e);
        for (var w = 0; w + Window <= e.Length; w += Hop)
        {
            var ew = e.Slice(w, Window);
            if (Rms(ew) < peak * 1e-2) continue;   // nothing to compare in a near-silent window
            worst = Math.Min(worst, Correlate(c.Slice(w, Window), ew));
        }
        return new CaptureMatch(lag, Correlate(c, e), worst, 20 * Math.Log10(Rms(c) / Math.Max(1e-12, Rms(e))),
            SpectrumDifference(c, e, rate), e.Length, rate);
    }

    /// <summary>The lag that best matches a probe from the replay (where it is loudest) within the capture.</summary>
    static int FindLag(float[] captured, float[] expected, int rate)
    {
        const int Probe = 8192;
        if (expected.Length < Probe || captured.Length < Probe) return 0;
        var start = 0;
        var best = -1.0;
        for (var s = 0; s + Probe <= expected.Length; s += Probe / 2)
        {
            var r = Rms(expected.AsSpan(s, Probe));
            if (r > best) (best, start) = (r, s);
        }
        var probe = expected.AsSpan(start, Probe);
        var bestScore = double.NegativeInfinity;
        var at = 0;
        for (var k = 0; k + Probe <= captured.Length; k++)
        {
            var score = Correlate(captured.AsSpan(k, Probe), probe);
            if (score > bestScore) (bestScore, at) = (score, k);
        }
        return at - start;
    }

    static double Correlate(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double ab = Dot(a, b), aa = Dot(a, a), bb = Dot(b, b);
        return aa <= 0 || bb <= 0 ? 0 : ab / Math.Sqrt(aa * bb);
    }

    static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var n = Math.Min(a.Length, b.Length);
        var sum = Vector<float>.Zero;
        var i = 0;
        var total = 0.0;
        for (; i + Vector<float>.Count <= n; i += Vector<float>.Count)
        {
            sum += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
            // Flushed into a double now and then, so long sums keep their precision.
            if ((i & 4095) == 0) { total += Vector.Sum(sum); sum = Vector<float>.Zero; }
        }
        total += Vector.Sum(sum);
        for (; i < n; i++) total += a[i] * b[i];
        return total;
    }

    static double Rms(ReadOnlySpan<float> x) => x.IsEmpty ? 0 : Math.Sqrt(Dot(x, x) / x.Length);

    static double MaxRms(ReadOnlySpan<float> x)
    {
        var max = 0.0;
        for (var w = 0; w + Window <= x.Length; w += Window) max = Math.Max(max, Rms(x.Slice(w, Window)));
        return max;
    }

    static double SpectrumDifference(ReadOnlySpan<float> c, ReadOnlySpan<float> e, int rate)
    {
        var sc = Spectrum(c);
        var se = Spectrum(e);
        var bands = new List<(double Lo, double Hi)>();
        for (var f = 50.0; f * 1.26 < Math.Min(16000, rate / 2.0); f *= 1.26) bands.Add((f, f * 1.26));
        var levels = bands.Select(b => (C: Band(sc, b, rate), E: Band(se, b, rate))).ToList();
        var strongest = levels.Max(l => l.E);
        var worst = 0.0;
        foreach (var (lc, le) in levels)
        {
            if (le < strongest * 1e-6) continue;  // 60 dB below the strongest band
            worst = Math.Max(worst, Math.Abs(10 * Math.Log10(Math.Max(lc, 1e-30) / le)));
        }
        return worst;
    }

    const int FftOrder = 12, FftSize = 1 << FftOrder;

    /// <summary>Power spectrum averaged over Hann-windowed frames (half overlapping).</summary>
    static double[] Spectrum(ReadOnlySpan<float> x)
    {
        var power = new double[FftSize / 2];
        var data = new Complex[FftSize];
        var frames = 0;
        for (var s = 0; s + FftSize <= x.Length; s += FftSize / 2, frames++)
        {
            for (var i = 0; i < FftSize; i++)
                data[i] = new Complex { X = (float)(x[s + i] * FastFourierTransform.HannWindow(i, FftSize)), Y = 0 };
            FastFourierTransform.FFT(true, FftOrder, data);
            for (var i = 0; i < power.Length; i++) power[i] += data[i].X * (double)data[i].X + data[i].Y * (double)data[i].Y;
        }
        for (var i = 0; i < power.Length; i++) power[i] /= Math.Max(1, frames);
        return power;
    }

    static double Band(double[] power, (double Lo, double Hi) band, int rate)
    {
        var sum = 0.0;
        for (var i = 0; i < power.Length; i++)
        {
            var f = i * rate / (double)FftSize;
            if (f >= band.Lo && f < band.Hi) sum += power[i];
        }
        return sum;
    }

    /// <summary>Mono (the mean of the channels) of a WAV file.</summary>
    public static (float[] Mono, int Rate) ReadWavMono(string path)
    {
        var wav = WavReader.Read(path);
        return (Mono(wav.Channels), wav.SampleRate);
    }

    /// <summary>Mono of raw interleaved float32 little-endian audio (what <c>parec --format=float32le</c> writes).</summary>
    public static float[] ReadRawF32Mono(string path, int channels)
    {
        var bytes = File.ReadAllBytes(path);
        var frames = bytes.Length / (4 * channels);
        var mono = new float[frames];
        for (var i = 0; i < frames; i++)
        {
            var sum = 0f;
            for (var ch = 0; ch < channels; ch++) sum += BitConverter.ToSingle(bytes, 4 * (i * channels + ch));
            mono[i] = sum / channels;
        }
        return mono;
    }

    public static float[] Mono(float[][] channels)
    {
        var mono = new float[channels[0].Length];
        foreach (var ch in channels)
            for (var i = 0; i < mono.Length; i++) mono[i] += ch[i] / channels.Length;
        return mono;
    }

    /// <summary>Converts mono audio from one rate to another (NAudio's WDL resampler, sinc mode).</summary>
    public static float[] Resample(float[] x, int from, int to)
    {
        if (from == to) return x;
        var r = new WdlResampler();
        r.SetMode(true, 2, true, 64, 32);
        r.SetFilterParms();
        r.SetFeedMode(true);
        r.SetRates(from, to);
        var output = new List<float>(checked((int)((long)x.Length * to / from) + 1024));
        var chunk = new float[4096];
        for (var at = 0; at < x.Length;)
        {
            var n = Math.Min(2048, x.Length - at);
            var need = r.ResamplePrepare(n, 1, out var input);
            x.AsSpan(at, Math.Min(need, n)).CopyTo(input);
            var made = r.ResampleOut(chunk, Math.Min(need, n), chunk.Length, 1);
            output.AddRange(chunk.AsSpan(0, made));
            at += Math.Min(need, n);
        }
        return [.. output];
    }
}
