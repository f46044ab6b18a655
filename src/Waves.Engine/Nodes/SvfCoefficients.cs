using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Waves.Engine.Kernels;

namespace Waves.Engine.Nodes;

/// <summary>
/// Per-sample coefficients of the <see cref="Svf"/> for a block, and the filter loop over them.
/// The loop runs the TPT update in its linear form: s1' = c1·s1 + c2·(x − s2),
/// s2' = s2 + c2·s1 + c3·(x − s2) with c1 = 2a1 − 1, c2 = 2a2, c3 = 2a3, which is Simper's
/// band = a1·s1 + a2·v3, low = s2 + a2·s1 + a3·v3, s' = 2·out − s with fewer dependent steps per sample;
/// band and low are recovered as (s + s')/2. The coefficient pass is vectorised; its lanes do the
/// scalar tail's operations, so a block gives the same bits at any vector width or block size.
/// </summary>
public sealed partial class SvfCoefficients(FilterShape shape, double sampleRate, double minCutoff, double maxCutoff, int maxBlock)
{
    readonly double radiansPerHz = Math.PI / sampleRate;
    readonly double[] hz = new double[maxBlock], c1 = new double[maxBlock], c2 = new double[maxBlock], c3 = new double[maxBlock];
    readonly double[] k = new double[maxBlock], m0 = new double[maxBlock], m1 = new double[maxBlock], m2 = new double[maxBlock];

    /// <summary>The same cutoff and peak for the first <paramref name="count"/> samples.</summary>
    public void Constant(float cutoff, float peak, int count)
    {
        Span<float> c = [cutoff];
        Span<float> p = [peak];
        Compute(c, p, peakIsConstant: true);
        if (count <= 1) return;
        c1.AsSpan(1, count - 1).Fill(c1[0]); c2.AsSpan(1, count - 1).Fill(c2[0]); c3.AsSpan(1, count - 1).Fill(c3[0]);
        m0.AsSpan(1, count - 1).Fill(m0[0]); m1.AsSpan(1, count - 1).Fill(m1[0]); m2.AsSpan(1, count - 1).Fill(m2[0]);
    }

    /// <summary>The constant peak (its bits) whose k and gains fill the first <see cref="filledLength"/> samples.</summary>
    int filledPeak, filledLength;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Compute(ReadOnlySpan<float> cutoff, ReadOnlySpan<float> peak, bool peakIsConstant)
    {
        var n = cutoff.Length;
        if (n == 0) return;
        if (peakIsConstant)
        {
            // The same peak as the blocks before: its k and gains are still in place.
            var bits = BitConverter.SingleToInt32Bits(peak[0]);
            if (bits != filledPeak || filledLength < n)
            {
                Gains(peak[0], out var kk, out var g0, out var g1, out var g2);
                k.AsSpan(0, n).Fill(kk); m0.AsSpan(0, n).Fill(g0); m1.AsSpan(0, n).Fill(g1); m2.AsSpan(0, n).Fill(g2);
                (filledPeak, filledLength) = (bits, n);
            }
        }
        else
            for (var p = 0; p < n; p++) Gains(peak[p], out k[p], out m0[p], out m1[p], out m2[p]);

        Widen(cutoff, hz.AsSpan(0, n));
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
            for (; i <= n - 8; i += 8) Lane<Vector512<double>, Lanes8>(i);
        if (Vector256.IsHardwareAccelerated)
            for (; i <= n - 4; i += 4) Lane<Vector256<double>, Lanes4>(i);
        for (; i < n; i++) Lane<double, Lanes1>(i);
    }

    /// <summary>c1, c2 and c3 of the samples from <paramref name="j"/> on, one lane each.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    void Lane<TV, TL>(int j) where TV : struct where TL : struct, IDoubleLanes<TV>
    {
        var lo = TL.Create(minCutoff);
        var one = TL.Create(1);
        var f = TL.Load(ref hz[j]);
        // NaN falls to the lowest cutoff.
        f = TL.Select(TL.GreaterOrEqual(f, lo), f, lo);
        f = TL.Select(TL.Greater(f, TL.Create(maxCutoff)), TL.Create(maxCutoff), f);
        // g = tan = num/den; a1 = 1/(1 + g(g + k)), a2 = g·a1, a3 = g·a2, with one division.
        var (num, den) = DetMath.TanFraction<TV, TL>(TL.Mul(f, TL.Create(radiansPerHz)));
        var d2 = TL.Mul(den, den);
        var inv = TL.Div(one, TL.Fma(num, TL.Fma(TL.Load(ref k[j]), den, num), d2));
        var a1 = TL.Mul(d2, inv);
        var a2 = TL.Mul(TL.Mul(num, den), inv);
        var a3 = TL.Mul(TL.Mul(num, num), inv);
        TL.Store(TL.Sub(TL.Add(a1, a1), one), ref c1[j]);
        TL.Store(TL.Add(a2, a2), ref c2[j]);
        TL.Store(TL.Add(a3, a3), ref c3[j]);
    }

    /// <summary>The cutoffs as doubles (exact).</summary>
    static void Widen(ReadOnlySpan<float> src, Span<double> dst)
    {
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
            for (; i <= src.Length - 16; i += 16)
            {
                var (lo, hi) = Vector512.Widen(Vector512.Create(src.Slice(i, 16)));
                lo.CopyTo(dst.Slice(i, 8));
                hi.CopyTo(dst.Slice(i + 8, 8));
            }
        for (; i < src.Length; i++) dst[i] = src[i];
    }

    /// <summary>Output mix of the shape, with the original's 1/√Q gain compensation above Q = 1.</summary>
    void Gains(float peak, out double kk, out double g0, out double g1, out double g2)
    {
        var q = Svf.QFromPeak(peak);
        kk = 1 / q;
        var gain = q > 1 ? 1 / Math.Sqrt(q) : 1;
        (g0, g1, g2) = shape switch
        {
            FilterShape.Lowpass => (0.0, 0.0, gain),
            FilterShape.Highpass => (gain, -kk * gain, -gain),
            FilterShape.Bandpass => (0.0, kk * gain, 0.0),
            _ => (gain, -kk * gain, 0.0),
        };
    }
}
