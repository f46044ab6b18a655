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
public sealed class SvfCoefficients(FilterShape shape, double sampleRate, double minCutoff, double maxCutoff, int maxBlock)
{
    readonly double radiansPerHz = Math.PI / sampleRate;
    readonly double[] c1 = new double[maxBlock], c2 = new double[maxBlock], c3 = new double[maxBlock];
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Compute(ReadOnlySpan<float> cutoff, ReadOnlySpan<float> peak, bool peakIsConstant)
    {
        var n = cutoff.Length;
        if (n == 0) return;
        if (peakIsConstant)
        {
            Gains(peak[0], out var kk, out var g0, out var g1, out var g2);
            k.AsSpan(0, n).Fill(kk); m0.AsSpan(0, n).Fill(g0); m1.AsSpan(0, n).Fill(g1); m2.AsSpan(0, n).Fill(g2);
        }
        else
            for (var i = 0; i < n; i++) Gains(peak[i], out k[i], out m0[i], out m1[i], out m2[i]);

        var j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var lo = Vector256.Create(minCutoff);
            var hi = Vector256.Create(maxCutoff);
            var w = Vector256.Create(radiansPerHz);
            var one = Vector256.Create(1.0);
            var two = Vector256.Create(2.0);
            for (; j <= n - 4; j += 4)
            {
                var hz = Vector256.WidenLower(Vector128.Create(cutoff.Slice(j, 4)).ToVector256Unsafe());
                // NaN falls to the lowest cutoff, as in the scalar form.
                hz = Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(hz, lo), hz, lo);
                hz = Vector256.ConditionalSelect(Vector256.GreaterThan(hz, hi), hi, hz);
                var g = DetMath.Tan(hz * w);
                var a1 = one / (one + g * (g + Vector256.Create(k.AsSpan(j, 4))));
                var a2 = g * a1;
                var a3 = g * a2;
                (two * a1 - one).CopyTo(c1.AsSpan(j, 4));
                (two * a2).CopyTo(c2.AsSpan(j, 4));
                (two * a3).CopyTo(c3.AsSpan(j, 4));
            }
        }
        for (; j < n; j++)
        {
            double hz = cutoff[j];
            if (!(hz >= minCutoff)) hz = minCutoff;
            if (hz > maxCutoff) hz = maxCutoff;
            var g = DetMath.Tan(hz * radiansPerHz);
            var a1 = 1 / (1 + g * (g + k[j]));
            var a2 = g * a1;
            var a3 = g * a2;
            c1[j] = 2 * a1 - 1;
            c2[j] = 2 * a2;
            c3[j] = 2 * a3;
        }
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

    /// <summary>Filters <paramref name="input"/> into <paramref name="output"/> from the memory
    /// (<paramref name="s1"/>, <paramref name="s2"/>); returns the memory after it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public (double, double) Run(double s1, double s2, ReadOnlySpan<float> input, Span<float> output)
    {
        var n = input.Length;
        ReadOnlySpan<double> k1 = c1.AsSpan(0, n), k2 = c2.AsSpan(0, n), k3 = c3.AsSpan(0, n);
        ReadOnlySpan<double> g0 = m0.AsSpan(0, n), g1 = m1.AsSpan(0, n), g2 = m2.AsSpan(0, n);
        output = output[..n];
        for (var i = 0; i < n; i++)
        {
            double x = input[i];
            var v3 = x - s2;
            var n1 = k1[i] * s1 + k2[i] * v3;
            var n2 = (s2 + k2[i] * s1) + k3[i] * v3;
            var band = 0.5 * (s1 + n1);
            var low = 0.5 * (s2 + n2);
            output[i] = (float)(g0[i] * x + g1[i] * band + g2[i] * low);
            (s1, s2) = (n1, n2);
        }
        // Inputs are finite (every signal's output is), so only an overflow can get here; start afresh then.
        return double.IsFinite(s1 + s2) ? (s1, s2) : (0, 0);
    }
}
