using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Waves.Engine.Kernels;

/// <summary>
/// Oscillator kernels over a fixed-point phase: 2^64 is one cycle. Integer addition is exact and
/// associative, so the phase of sample i is the same whether it was reached one sample at a time or
/// computed as p0 + (i+1)·increment for a whole block at once — the output does not depend on the
/// block size or the vector width. Waveforms read the top 32 bits (<c>cycle</c>); as a signed
/// number, cycle·2^−31 is the phase in units of π, in [−1, 1).
/// </summary>
public static class OscKernels
{
    const double TwoTo64 = 18446744073709551616.0, TwoTo32 = 4294967296.0;
    const float TwoToMinus31 = 4.656612873077393e-10f;

    // sin(πx) = x·(1 − x²)·Q(x²) on [−1, 1]: Q a minimax fit of degree 5 (error below 2e-7 in float),
    // so the whole cycle needs no folding into a quarter.
    const float Q0 = 3.141592635012535f, Q1 = -2.026119455560426f, Q2 = 0.5240371777893972f,
        Q3 = -0.07519222561577446f, Q4 = 0.0068679234653612935f, Q5 = -0.00038981653020664836f;

    /// <summary>The phase increment of <paramref name="hz"/> at <paramref name="sampleRate"/>, rounded
    /// up to the next 2^−64 of a cycle, so that a phase meant to complete a cycle on a frame (0.5 Hz at
    /// frame 88200) does, never a frame late. Any frequency, negative and above Nyquist included, is
    /// taken modulo the sample rate; NaN and infinities stop the phase.</summary>
    public static ulong Increment(double hz, double sampleRate)
    {
        var c = hz / sampleRate;
        // What the division rounded away, exactly (a fused multiply-add is one correctly rounded
        // operation, the same on every machine).
        var r = Math.FusedMultiplyAdd(-c, sampleRate, hz);
        var f = c - Math.Floor(c);
        if (!double.IsFinite(f) || !double.IsFinite(r)) return 0;
        var main = f * TwoTo64;
        var whole = Math.Floor(main);
        var extra = Math.Ceiling(main - whole + r / sampleRate * TwoTo64);
        return (ulong)whole + (ulong)(long)extra;
    }

    /// <summary>A phase offset of <paramref name="cycles"/> (any real number), as top-32-bit cycle units.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint CycleOffset(double cycles)
    {
        var f = cycles - Math.Floor(cycles);
        return double.IsNaN(f) ? 0 : (uint)(f * TwoTo32);
    }

    /// <summary>Advances <paramref name="phase"/> once per sample by <paramref name="inc"/>, writing each
    /// new phase's top 32 bits to <paramref name="cycle"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ulong AdvanceConstant(ulong phase, ulong inc, Span<uint> cycle)
    {
        var n = cycle.Length;
        var i = 0;
        if (Vector256.IsHardwareAccelerated && n >= 8)
        {
            var lo = Vector256.Create(phase + inc, phase + 2 * inc, phase + 3 * inc, phase + 4 * inc);
            var hi = lo + Vector256.Create(4 * inc);
            var step = Vector256.Create(8 * inc);
            for (; i <= n - 8; i += 8)
            {
                var top = Vector256.Narrow(Vector256.ShiftRightLogical(lo, 32), Vector256.ShiftRightLogical(hi, 32));
                top.StoreUnsafe(ref cycle[i]);
                lo += step;
                hi += step;
            }
            phase += (ulong)i * inc;
        }
        for (; i < n; i++)
        {
            phase += inc;
            cycle[i] = (uint)(phase >> 32);
        }
        return phase;
    }

    /// <summary>As <see cref="AdvanceConstant"/>, with a frequency per sample.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ulong AdvanceVarying(ulong phase, ReadOnlySpan<float> hz, double sampleRate, Span<uint> cycle)
    {
        var last = float.NaN;
        ulong inc = 0;
        for (var i = 0; i < cycle.Length; i++)
        {
            // Runs of one frequency (a held note, a stepped sequence) compute it once.
            if (BitConverter.SingleToInt32Bits(hz[i]) != BitConverter.SingleToInt32Bits(last))
                (last, inc) = (hz[i], Increment(hz[i], sampleRate));
            phase += inc;
            cycle[i] = (uint)(phase >> 32);
        }
        return phase;
    }

    /// <summary><see cref="AdvanceConstant"/> and <see cref="Sine"/> in one pass, without the cycle buffer,
    /// each sample then multiplied by <paramref name="amp"/> (the same product as a separate pass).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ulong SineConstant(ulong phase, ulong inc, uint offset, float amp, Span<float> dst)
    {
        var n = dst.Length;
        var i = 0;
        // The offset added to the top 32 bits of every phase is the offset added to the cycle.
        var shifted = phase + ((ulong)offset << 32);
        if (Vector512.IsHardwareAccelerated && n >= 16)
        {
            var lo = Vector512.Create(inc) * Vector512.Create(1UL, 2, 3, 4, 5, 6, 7, 8) + Vector512.Create(shifted);
            var hi = lo + Vector512.Create(8 * inc);
            var step = Vector512.Create(16 * inc);
            var a = Vector512.Create(amp);
            for (; i <= n - 16; i += 16)
            {
                var c = Vector512.Narrow(Vector512.ShiftRightLogical(lo, 32), Vector512.ShiftRightLogical(hi, 32));
                (SinPi(Vector512.ConvertToSingle(c.AsInt32()) * Vector512.Create(TwoToMinus31)) * a).StoreUnsafe(ref dst[i]);
                lo += step;
                hi += step;
            }
        }
        if (Vector256.IsHardwareAccelerated && n - i >= 8)
        {
            var lo = Vector256.Create(inc) * Vector256.Create(1UL, 2, 3, 4) + Vector256.Create(shifted + (ulong)i * inc);
            var hi = lo + Vector256.Create(4 * inc);
            var step = Vector256.Create(8 * inc);
            var a = Vector256.Create(amp);
            for (; i <= n - 8; i += 8)
            {
                var c = Vector256.Narrow(Vector256.ShiftRightLogical(lo, 32), Vector256.ShiftRightLogical(hi, 32));
                (SinPi(Vector256.ConvertToSingle(c.AsInt32()) * Vector256.Create(TwoToMinus31)) * a).StoreUnsafe(ref dst[i]);
                lo += step;
                hi += step;
            }
        }
        for (var p = shifted + (ulong)i * inc; i < n; i++)
        {
            p += inc;
            dst[i] = SinPi((int)(uint)(p >> 32) * TwoToMinus31) * amp;
        }
        return phase + (ulong)n * inc;
    }

    /// <summary>sin(2π·cycle/2^32) plus <paramref name="offset"/> (2^30 for a cosine).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Sine(ReadOnlySpan<uint> cycle, uint offset, Span<float> dst)
    {
        var n = cycle.Length;
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var off = Vector512.Create(offset);
            for (; i <= n - 16; i += 16)
            {
                var c = Vector512.LoadUnsafe(ref Unsafe.AsRef(in cycle[i])) + off;
                SinPi(Vector512.ConvertToSingle(c.AsInt32()) * Vector512.Create(TwoToMinus31)).StoreUnsafe(ref dst[i]);
            }
        }
        if (Vector256.IsHardwareAccelerated)
        {
            var off = Vector256.Create(offset);
            for (; i <= n - 8; i += 8)
            {
                var c = Vector256.LoadUnsafe(ref Unsafe.AsRef(in cycle[i])) + off;
                SinPi(Vector256.ConvertToSingle(c.AsInt32()) * Vector256.Create(TwoToMinus31)).StoreUnsafe(ref dst[i]);
            }
        }
        for (; i < n; i++) dst[i] = SinPi((int)(cycle[i] + offset) * TwoToMinus31);
    }

    /// <summary>One sample of <see cref="Sine"/>: sin(2π·cycle/2^32).</summary>
    public static float SineAt(uint cycle) => SinPi((int)cycle * TwoToMinus31);

    /// <summary>Triangle: 2/π·asin(sin φ), rising from 0 at phase 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Triangle(ReadOnlySpan<uint> cycle, Span<float> dst)
    {
        var n = cycle.Length;
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
            for (; i <= n - 8; i += 8)
            {
                var x = Vector256.ConvertToSingle(Vector256.LoadUnsafe(ref Unsafe.AsRef(in cycle[i])).AsInt32()) * Vector256.Create(TwoToMinus31);
                (Fold(x) * Vector256.Create(2f)).StoreUnsafe(ref dst[i]);
            }
        for (; i < n; i++) dst[i] = Fold((int)cycle[i] * TwoToMinus31) * 2f;
    }

    /// <summary>Sawtooth rising from −1 to 1 over a cycle, 0 at phase 0; <paramref name="sign"/> −1 gives the ramp.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Saw(ReadOnlySpan<uint> cycle, float sign, Span<float> dst)
    {
        var n = cycle.Length;
        var i = 0;
        var k = sign * TwoToMinus31;
        if (Vector256.IsHardwareAccelerated)
            for (; i <= n - 8; i += 8)
                (Vector256.ConvertToSingle(Vector256.LoadUnsafe(ref Unsafe.AsRef(in cycle[i])).AsInt32()) * Vector256.Create(k)).StoreUnsafe(ref dst[i]);
        for (; i < n; i++) dst[i] = (int)cycle[i] * k;
    }

    /// <summary>Square: 1 while the fraction of the cycle is below the pulse width, else −1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Square(ReadOnlySpan<uint> cycle, ReadOnlySpan<float> width, Span<float> dst)
    {
        for (var i = 0; i < cycle.Length; i++) dst[i] = cycle[i] / TwoTo32 < width[i] ? 1f : -1f;
    }

    /// <summary>Folds x (phase in units of π, in [−1, 1)) into [−½, ½] keeping sin(πx).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static float Fold(float x) => x > 0.5f ? 1f - x : x < -0.5f ? -1f - x : x;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector256<float> Fold(Vector256<float> x)
    {
        x = Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256.Create(0.5f)), Vector256.Create(1f) - x, x);
        return Vector256.ConditionalSelect(Vector256.LessThan(x, Vector256.Create(-0.5f)), Vector256.Create(-1f) - x, x);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static float SinPi(float x)
    {
        var z = x * x;
        var q = MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(Q5, z, Q4), z, Q3), z, Q2), z, Q1), z, Q0);
        return x * MathF.FusedMultiplyAdd(-x, x, 1f) * q;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector256<float> SinPi(Vector256<float> x)
    {
        var z = x * x;
        var q = Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(
            Vector256.Create(Q5), z, Vector256.Create(Q4)), z, Vector256.Create(Q3)), z, Vector256.Create(Q2)), z, Vector256.Create(Q1)), z, Vector256.Create(Q0));
        return x * Vector256.FusedMultiplyAdd(-x, x, Vector256.Create(1f)) * q;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector512<float> SinPi(Vector512<float> x)
    {
        var z = x * x;
        var q = Vector512.FusedMultiplyAdd(Vector512.FusedMultiplyAdd(Vector512.FusedMultiplyAdd(Vector512.FusedMultiplyAdd(Vector512.FusedMultiplyAdd(
            Vector512.Create(Q5), z, Vector512.Create(Q4)), z, Vector512.Create(Q3)), z, Vector512.Create(Q2)), z, Vector512.Create(Q1)), z, Vector512.Create(Q0));
        return x * Vector512.FusedMultiplyAdd(-x, x, Vector512.Create(1f)) * q;
    }
}
