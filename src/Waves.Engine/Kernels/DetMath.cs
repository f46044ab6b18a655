using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Waves.Engine.Kernels;

/// <summary>
/// Sine, cosine and tangent (fdlibm's kernels after a Cody-Waite quadrant reduction), e^x and ln x,
/// and (scalar only, in the other parts) pow, expm1, tanh, sinh, cosh, log2, log10, asin, acos, atan and atan2
/// of the project's own, so that results do not depend on the platform's C library. One kernel serves the
/// scalar and every vector width (<see cref="IDoubleLanes{TV}"/>), so a block gives the same bits
/// whichever path rendered it.
/// Accurate to about 1 ulp for |x| below 1e6; larger arguments lose precision but stay deterministic.
/// </summary>
/// <remarks>
/// The methods and constants come from fdlibm, whose notice is kept here:
/// Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved. Developed at SunPro, a Sun
/// Microsystems, Inc. business. Permission to use, copy, modify, and distribute this software is
/// freely granted, provided that this notice is preserved.
/// </remarks>
public static partial class DetMath
{
    const double TwoOverPi = 6.36619772367581382433e-01;
    const double PiO2Hi = 1.57079632673412561417e+00, PiO2Lo = 6.07710050650619224932e-11;
    const double S1 = -1.66666666666666324348e-01, S2 = 8.33333333332248946124e-03, S3 = -1.98412698298579493134e-04,
        S4 = 2.75573137070700676789e-06, S5 = -2.50507602534068634195e-08, S6 = 1.58969099521155010221e-10;
    const double C1 = 4.16666666666666019037e-02, C2 = -1.38888888888741095749e-03, C3 = 2.48015872894767294178e-05,
        C4 = -2.75573143513906633035e-07, C5 = 2.08757232129817482790e-09, C6 = -1.13596475577881948265e-11;

    public static double Sin(double x) => Sin<double, Lanes1>(x);

    public static double Cos(double x) => Cos<double, Lanes1>(x);

    public static double Tan(double x) => Tan<double, Lanes1>(x);

    public static Vector256<double> Sin(Vector256<double> x) => Sin<Vector256<double>, Lanes4>(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Sin<TV, TL>(TV x) where TV : struct where TL : struct, IDoubleLanes<TV> => Quadrant<TV, TL>(x, 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Cos<TV, TL>(TV x) where TV : struct where TL : struct, IDoubleLanes<TV> => Quadrant<TV, TL>(x, 1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Tan<TV, TL>(TV x) where TV : struct where TL : struct, IDoubleLanes<TV>
    {
        var (num, den) = TanFraction<TV, TL>(x);
        return TL.Div(num, den);
    }

    /// <summary>tan x as a fraction num/den (a sine over a cosine), for callers that fold the division into their own.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (TV Num, TV Den) TanFraction<TV, TL>(TV x) where TV : struct where TL : struct, IDoubleLanes<TV>
    {
        var (s, c, q) = SinCosReduced<TV, TL>(x);
        // Odd quadrants swap the roles: tan = -cos/sin there.
        var odd = TL.Or(TL.Equal(q, TL.Create(1)), TL.Equal(q, TL.Create(3)));
        return (TL.Select(odd, TL.Neg(c), s), TL.Select(odd, s, c));
    }

    /// <summary>sin x and cos x from one reduction.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (TV Sin, TV Cos) SinCos<TV, TL>(TV x) where TV : struct where TL : struct, IDoubleLanes<TV>
    {
        var (s, c, q) = SinCosReduced<TV, TL>(x);
        var odd = TL.Or(TL.Equal(q, TL.Create(1)), TL.Equal(q, TL.Create(3)));
        var sin = TL.Select(odd, c, s);
        var cos = TL.Select(odd, s, c);
        // sin is negative in quadrants 2 and 3, cos in 1 and 2.
        sin = TL.Select(TL.GreaterOrEqual(q, TL.Create(2)), TL.Neg(sin), sin);
        cos = TL.Select(TL.Or(TL.Equal(q, TL.Create(1)), TL.Equal(q, TL.Create(2))), TL.Neg(cos), cos);
        return (sin, cos);
    }

    /// <summary>sin(x + shift·π/2).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static TV Quadrant<TV, TL>(TV x, int shift) where TV : struct where TL : struct, IDoubleLanes<TV>
    {
        var (s, c, q) = SinCosReduced<TV, TL>(x);
        if (shift != 0)
        {
            // (q + 1) mod 4 on exact small integers held as doubles.
            q = TL.Add(q, TL.Create(1));
            q = TL.Select(TL.Equal(q, TL.Create(4)), TL.Create(0), q);
        }
        var odd = TL.Or(TL.Equal(q, TL.Create(1)), TL.Equal(q, TL.Create(3)));
        var v = TL.Select(odd, c, s);
        return TL.Select(TL.GreaterOrEqual(q, TL.Create(2)), TL.Neg(v), v);
    }

    /// <summary>Sine and cosine of x reduced to [−π/4, π/4], and the quadrant (0…3, exact doubles).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static (TV Sin, TV Cos, TV Quadrant) SinCosReduced<TV, TL>(TV x) where TV : struct where TL : struct, IDoubleLanes<TV>
    {
        var j = TL.Round(TL.Mul(x, TL.Create(TwoOverPi)));
        var r = TL.Sub(TL.Sub(x, TL.Mul(j, TL.Create(PiO2Hi))), TL.Mul(j, TL.Create(PiO2Lo)));
        var qd = TL.Sub(j, TL.Mul(TL.Create(4), TL.Floor(TL.Mul(j, TL.Create(0.25)))));
        // A non-finite x gives a NaN quadrant: taken as 0.
        var q = TL.Select(TL.Equal(qd, qd), qd, TL.Create(0));
        var z = TL.Mul(r, r);
        var ps = TL.Fma(TL.Fma(TL.Fma(TL.Fma(TL.Fma(TL.Create(S6), z, TL.Create(S5)), z, TL.Create(S4)), z, TL.Create(S3)), z, TL.Create(S2)), z, TL.Create(S1));
        var s = TL.Fma(TL.Mul(r, z), ps, r);
        var pc = TL.Fma(TL.Fma(TL.Fma(TL.Fma(TL.Fma(TL.Create(C6), z, TL.Create(C5)), z, TL.Create(C4)), z, TL.Create(C3)), z, TL.Create(C2)), z, TL.Create(C1));
        var c = TL.Fma(TL.Mul(z, z), pc, TL.Fma(TL.Create(-0.5), z, TL.Create(1)));
        return (s, c, q);
    }

    // fdlibm's e_exp.c: ln 2 split so that k·ln2Hi is exact, and the remez coefficients of its R(r²).
    const double Ln2Hi = 6.93147180369123816490e-01, Ln2Lo = 1.90821492927058770002e-10, InvLn2 = 1.44269504088896338700e+00;
    const double P1 = 1.66666666666666019037e-01, P2 = -2.77777777770155933842e-03, P3 = 6.61375632143793436117e-05,
        P4 = -1.65339022054652515390e-06, P5 = 4.13813679705723846039e-08;
    const double ExpOverflow = 7.09782712893383973096e+02, ExpUnderflow = -7.45133219101941108420e+02;

    /// <summary>e^x, the project's own (fdlibm's method: x = k·ln 2 + r, e^r from a rational form,
    /// scaled by 2^k), within 1 ulp; the platform's differs between C libraries.</summary>
    public static double Exp(double x)
    {
        if (double.IsNaN(x)) return x;
        if (x > ExpOverflow) return double.PositiveInfinity;
        if (x < ExpUnderflow) return 0;
        var k = Math.Round(x * InvLn2, MidpointRounding.ToEven);
        var hi = x - k * Ln2Hi; // exact: k has at most 11 bits and Ln2Hi's low 32 bits are zero
        var lo = k * Ln2Lo;
        var r = hi - lo;
        var t = r * r;
        var c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
        var y = 1 - ((lo - r * c / (2 - c)) - hi);
        return Math.ScaleB(y, (int)k);
    }

    const double Lg1 = 6.666666666666735130e-01, Lg2 = 3.999999999940941908e-01, Lg3 = 2.857142874366239149e-01,
        Lg4 = 2.222219843214978396e-01, Lg5 = 1.818357216161805012e-01, Lg6 = 1.531383769920937332e-01, Lg7 = 1.479819860511658591e-01;

    /// <summary>ln x, the project's own (fdlibm's e_log.c: x = 2^k·(1+f), ln(1+f) from s = f/(2+f)),
    /// within 1 ulp; the platform's differs between C libraries.</summary>
    public static double Log(double x)
    {
        if (double.IsNaN(x) || x < 0) return double.NaN;
        if (x == 0) return double.NegativeInfinity;
        if (double.IsPositiveInfinity(x)) return x;
        var k = 0;
        if (x < 2.2250738585072014e-308) { k -= 54; x *= 18014398509481984.0; } // 2^54: subnormal to normal
        var bits = BitConverter.DoubleToInt64Bits(x);
        var hx = (int)(bits >> 32);
        k += (hx >> 20) - 1023;
        hx &= 0x000fffff;
        var i = (hx + 0x95f64) & 0x100000;
        // Normalise x to [√2/2, √2): the mantissa with exponent 0 or −1.
        x = BitConverter.Int64BitsToDouble(((long)(hx | (i ^ 0x3ff00000)) << 32) | (bits & 0xffffffffL));
        k += i >> 20;
        var f = x - 1.0;
        double dk = k;
        if ((0x000fffff & (2 + hx)) < 3)
        {
            // |f| < 2^−20
            if (f == 0) return k == 0 ? 0 : dk * Ln2Hi + dk * Ln2Lo;
            var r0 = f * f * (0.5 - 0.33333333333333333 * f);
            return k == 0 ? f - r0 : dk * Ln2Hi - ((r0 - dk * Ln2Lo) - f);
        }
        var s = f / (2.0 + f);
        var z = s * s;
        var w = z * z;
        var t1 = w * (Lg2 + w * (Lg4 + w * Lg6));
        var t2 = z * (Lg1 + w * (Lg3 + w * (Lg5 + w * Lg7)));
        var r = t2 + t1;
        if (((hx - 0x6147a) | (0x6b851 - hx)) > 0)
        {
            var hfsq = 0.5 * f * f;
            return k == 0 ? f - (hfsq - s * (hfsq + r)) : dk * Ln2Hi - ((hfsq - (s * (hfsq + r) + dk * Ln2Lo)) - f);
        }
        return k == 0 ? f - s * (f - r) : dk * Ln2Hi - ((s * (f - r) - dk * Ln2Lo) - f);
    }
}
