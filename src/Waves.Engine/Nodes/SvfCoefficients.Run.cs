using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Waves.Engine.Kernels;

namespace Waves.Engine.Nodes;

/// <summary>The state-update coefficients of one sample: s1' = C1·s1 + C2·(x − s2), s2' = s2 + C2·s1 + C3·(x − s2).</summary>
public readonly record struct SvfStep(double C1, double C2, double C3);

public sealed partial class SvfCoefficients
{
    /// <summary>The coefficients of sample <paramref name="i"/> of the block.</summary>
    public SvfStep Step(int i) => new(c1[i], c2[i], c3[i]);

    // Per block: the pair terms (P, q) of each whole pair, whether the output mix is the same for every
    // sample, and the memory before each sample and after the last.
    readonly double[] p11 = new double[maxBlock / 2 + 1], p12 = new double[maxBlock / 2 + 1], p21 = new double[maxBlock / 2 + 1], p22 = new double[maxBlock / 2 + 1];
    readonly double[] q1 = new double[maxBlock / 2 + 1], q2 = new double[maxBlock / 2 + 1];
    readonly double[] mem1 = new double[maxBlock + 1], mem2 = new double[maxBlock + 1];
    bool mixConstant;

    /// <summary>
    /// Filters <paramref name="input"/> into <paramref name="output"/> two samples at a time: the update
    /// is linear, s[n+2] = P·s[n] + u with P = A(n+1)·A(n), and P does not depend on the memory, so P is
    /// computed for the block in a vectorised pass and the serial chain is one 2×2 step per pair; the
    /// memory between and the outputs hang off it. Pairs are anchored to the filter's clock (frames 2m,
    /// 2m+1), so the bits do not depend on where blocks end: when <paramref name="pending"/>, the block
    /// starts on a pair's second half, (<paramref name="s1"/>, <paramref name="s2"/>) is the memory at
    /// the pair's start and <paramref name="held"/>, <paramref name="heldX"/> the first half's
    /// coefficients and input. Returns the memory after the block (at the start of its last pair if that
    /// pair is unfinished) and the input of an unfinished pair's first half.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public (double S1, double S2, double X) Run(double s1, double s2, bool pending, SvfStep held, double heldX,
        ReadOnlySpan<float> input, Span<float> output)
    {
        var n = input.Length;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, c1.Length);
        output = output[..n];
        if (n == 0) return (s1, s2, heldX);
        var i = 0;
        if (pending)
        {
            Half(held.C1, held.C2, held.C3, heldX, s1, s2, out mem1[0], out mem2[0]);
            Pair<double, Lanes1>(held.C1, held.C2, held.C3, c1[0], c2[0], c3[0], out var h11, out var h12, out var h21, out var h22, out var h1, out var h2);
            Chain(h11, h12, h21, h22, h1, h2, c2[0], c3[0], heldX, input[0], ref s1, ref s2);
            i = 1;
        }
        // The arrays hold at least n (mem: n + 1) items; the loop reads them without bounds checks.
        ref var x = ref MemoryMarshal.GetReference(input);
        ref double k1 = ref c1[0], k2 = ref c2[0], k3 = ref c3[0], e1 = ref mem1[0], e2 = ref mem2[0];
        ref double r11 = ref p11[0], r12 = ref p12[0], r21 = ref p21[0], r22 = ref p22[0], v1 = ref q1[0], v2 = ref q2[0];
        for (var m = 0; i + 1 < n; i += 2, m++)
        {
            double xa = Unsafe.Add(ref x, i), xb = Unsafe.Add(ref x, i + 1);
            Unsafe.Add(ref e1, i) = s1;
            Unsafe.Add(ref e2, i) = s2;
            Half(Unsafe.Add(ref k1, i), Unsafe.Add(ref k2, i), Unsafe.Add(ref k3, i), xa, s1, s2, out Unsafe.Add(ref e1, i + 1), out Unsafe.Add(ref e2, i + 1));
            Chain(Unsafe.Add(ref r11, m), Unsafe.Add(ref r12, m), Unsafe.Add(ref r21, m), Unsafe.Add(ref r22, m), Unsafe.Add(ref v1, m), Unsafe.Add(ref v2, m),
                Unsafe.Add(ref k2, i + 1), Unsafe.Add(ref k3, i + 1), xa, xb, ref s1, ref s2);
        }
        var x0 = heldX;
        mem1[i] = s1;
        mem2[i] = s2;
        if (i < n)
        {
            // A first half alone: its output now, its pair finished by the next block.
            x0 = input[i];
            Half(c1[i], c2[i], c3[i], x0, s1, s2, out mem1[n], out mem2[n]);
        }
        Outputs(input, output);
        // Inputs are finite (every signal's output is), so only an overflow can get here; start afresh then.
        return double.IsFinite(s1 + s2) ? (s1, s2, x0) : (0, 0, x0);
    }

    /// <summary>Prepares the pair terms of the block's first <paramref name="count"/> coefficients for
    /// <see cref="Run"/> (for both channels): call it once per block, after the coefficients.
    /// A constant peak makes the output mix the same for every sample, a constant cutoff and peak every pair.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Pairs(bool pending, int count, bool cutoffIsConstant, bool peakIsConstant)
    {
        mixConstant = peakIsConstant;
        var j = pending ? 1 : 0;
        var m = 0;
        if (cutoffIsConstant && peakIsConstant && count - j >= 2)
        {
            Pair<double, Lanes1>(c1[j], c2[j], c3[j], c1[j + 1], c2[j + 1], c3[j + 1], out p11[0], out p12[0], out p21[0], out p22[0], out q1[0], out q2[0]);
            var pairs = (count - j) / 2;
            p11.AsSpan(1, pairs - 1).Fill(p11[0]); p12.AsSpan(1, pairs - 1).Fill(p12[0]);
            p21.AsSpan(1, pairs - 1).Fill(p21[0]); p22.AsSpan(1, pairs - 1).Fill(p22[0]);
            q1.AsSpan(1, pairs - 1).Fill(q1[0]); q2.AsSpan(1, pairs - 1).Fill(q2[0]);
            return;
        }
        if (Avx512F.IsSupported)
        {
            // Eight pairs at a time: the first halves (even) and second halves (odd) of 16 samples. Lanes do
            // the scalar tail's operations, so the bits do not depend on which of them ran.
            var even = Vector512.Create(0L, 2, 4, 6, 8, 10, 12, 14);
            var odd = Vector512.Create(1L, 3, 5, 7, 9, 11, 13, 15);
            for (; j <= count - 16; j += 16, m += 8)
            {
                var (a1, b1) = Split(ref c1[j], even, odd);
                var (a2, b2) = Split(ref c2[j], even, odd);
                var (a3, b3) = Split(ref c3[j], even, odd);
                Pair<Vector512<double>, Lanes8>(a1, a2, a3, b1, b2, b3, out var r11, out var r12, out var r21, out var r22, out var r1, out var r2);
                r11.StoreUnsafe(ref p11[m]); r12.StoreUnsafe(ref p12[m]); r21.StoreUnsafe(ref p21[m]); r22.StoreUnsafe(ref p22[m]);
                r1.StoreUnsafe(ref q1[m]); r2.StoreUnsafe(ref q2[m]);
            }
        }
        for (; j <= count - 2; j += 2, m++)
            Pair<double, Lanes1>(c1[j], c2[j], c3[j], c1[j + 1], c2[j + 1], c3[j + 1], out p11[m], out p12[m], out p21[m], out p22[m], out q1[m], out q2[m]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static (Vector512<double> Even, Vector512<double> Odd) Split(ref double src, Vector512<long> even, Vector512<long> odd)
    {
        var lo = Vector512.LoadUnsafe(ref src);
        var hi = Vector512.LoadUnsafe(ref src, 8);
        return (Avx512F.PermuteVar8x64x2(lo, even, hi), Avx512F.PermuteVar8x64x2(lo, odd, hi));
    }

    /// <summary>Every sample's output from the memory before and after it, vectorised; each lane does the
    /// scalar tail's operations. A constant mix (a constant peak) is read once.</summary>
    void Outputs(ReadOnlySpan<float> input, Span<float> output)
    {
        var n = input.Length;
        var i = 0;
        if (mixConstant && m0[0] == 0 && m1[0] == 0)
        {
            // A low-pass reads only the low output (its zero terms would change at most a zero's sign).
            if (Vector512.IsHardwareAccelerated)
                for (var g = Vector512.Create(m2[0]); i <= n - 16; i += 16)
                    Vector512.Narrow(LowLane<Vector512<double>, Lanes8>(i, g), LowLane<Vector512<double>, Lanes8>(i + 8, g)).CopyTo(output.Slice(i, 16));
            for (; i < n; i++) output[i] = (float)LowLane<double, Lanes1>(i, m2[0]);
            return;
        }
        if (Vector512.IsHardwareAccelerated)
        {
            var (g0, g1, g2) = (Vector512.Create(m0[0]), Vector512.Create(m1[0]), Vector512.Create(m2[0]));
            for (; i <= n - 16; i += 16)
            {
                var (xlo, xhi) = Vector512.Widen(Vector512.Create(input.Slice(i, 16)));
                if (!mixConstant)
                {
                    (g0, g1, g2) = (Vector512.LoadUnsafe(ref m0[i]), Vector512.LoadUnsafe(ref m1[i]), Vector512.LoadUnsafe(ref m2[i]));
                    var lo = OutLane<Vector512<double>, Lanes8>(i, xlo, g0, g1, g2);
                    (g0, g1, g2) = (Vector512.LoadUnsafe(ref m0[i + 8]), Vector512.LoadUnsafe(ref m1[i + 8]), Vector512.LoadUnsafe(ref m2[i + 8]));
                    Vector512.Narrow(lo, OutLane<Vector512<double>, Lanes8>(i + 8, xhi, g0, g1, g2)).CopyTo(output.Slice(i, 16));
                }
                else
                    Vector512.Narrow(OutLane<Vector512<double>, Lanes8>(i, xlo, g0, g1, g2), OutLane<Vector512<double>, Lanes8>(i + 8, xhi, g0, g1, g2))
                        .CopyTo(output.Slice(i, 16));
            }
        }
        for (; i < n; i++) output[i] = (float)OutLane<double, Lanes1>(i, input[i], m0[i], m1[i], m2[i]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    TV LowLane<TV, TL>(int i, TV g2) where TV : struct where TL : struct, IDoubleLanes<TV> =>
        TL.Mul(g2, TL.Mul(TL.Create(0.5), TL.Add(TL.Load(ref mem2[i]), TL.Load(ref mem2[i + 1]))));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    TV OutLane<TV, TL>(int i, TV x, TV g0, TV g1, TV g2) where TV : struct where TL : struct, IDoubleLanes<TV>
    {
        var half = TL.Create(0.5);
        var band = TL.Mul(half, TL.Add(TL.Load(ref mem1[i]), TL.Load(ref mem1[i + 1])));
        var low = TL.Mul(half, TL.Add(TL.Load(ref mem2[i]), TL.Load(ref mem2[i + 1])));
        return TL.Add(TL.Add(TL.Mul(g0, x), TL.Mul(g1, band)), TL.Mul(g2, low));
    }

    /// <summary>One plain step: the memory (t1, t2) after input <paramref name="x"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void Half(double k1, double k2, double k3, double x, double s1, double s2, out double t1, out double t2)
    {
        var v3 = x - s2;
        t1 = Math.FusedMultiplyAdd(k1, s1, k2 * v3);
        t2 = Math.FusedMultiplyAdd(k3, v3, Math.FusedMultiplyAdd(k2, s1, s2));
    }

    /// <summary>s ← P·s + u with u = q·xa + (b2, b3)·xb: the whole loop-carried work of a pair, two fused
    /// multiply-adds deep.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void Chain(double r11, double r12, double r21, double r22, double r1, double r2, double b2, double b3, double xa, double xb,
        ref double s1, ref double s2)
    {
        var u1 = Math.FusedMultiplyAdd(r1, xa, b2 * xb);
        var u2 = Math.FusedMultiplyAdd(r2, xa, b3 * xb);
        var n1 = Math.FusedMultiplyAdd(r11, s1, Math.FusedMultiplyAdd(r12, s2, u1));
        var n2 = Math.FusedMultiplyAdd(r21, s1, Math.FusedMultiplyAdd(r22, s2, u2));
        (s1, s2) = (n1, n2);
    }

    /// <summary>
    /// P = B·A and q = B·(a2, a3) for a pair whose first half has the coefficients a and the second b,
    /// where A = [[a1, −a2], [a2, 1 − a3]]. Written once for every lane width, so a pair gives the same
    /// bits whichever width computed it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void Pair<TV, TL>(TV a1, TV a2, TV a3, TV b1, TV b2, TV b3,
        out TV r11, out TV r12, out TV r21, out TV r22, out TV r1, out TV r2)
        where TV : struct where TL : struct, IDoubleLanes<TV>
    {
        var one = TL.Create(1);
        var na3 = TL.Sub(one, a3);
        var nb3 = TL.Sub(one, b3);
        var b2a2 = TL.Mul(b2, a2);
        r11 = TL.Sub(TL.Mul(b1, a1), b2a2);
        r12 = TL.Neg(TL.Fma(b1, a2, TL.Mul(b2, na3)));
        r21 = TL.Fma(b2, a1, TL.Mul(nb3, a2));
        r22 = TL.Sub(TL.Mul(nb3, na3), b2a2);
        r1 = TL.Sub(TL.Mul(b1, a2), TL.Mul(b2, a3));
        r2 = TL.Fma(nb3, a3, b2a2);
    }
}
