namespace Waves.Engine.Kernels;

public static partial class DetMath
{
    // fdlibm's (FreeBSD's) e_log2.c and e_log10.c: ln(1+f) with its leading terms kept in extra precision,
    // so that log2 of a power of two is exact and log10 of a power of ten comes out whole.
    const double Two54 = 1.80143985094819840000e+16;
    const double InvLn2Hi = 1.44269504072144627571e+00, InvLn2Lo = 1.67517131648865118353e-10;
    const double InvLn10Hi = 4.34294481878168880939e-01, InvLn10Lo = 2.50829467116452752298e-11;
    const double Log10Of2Hi = 3.01029995663611771306e-01, Log10Of2Lo = 3.69423907715893078616e-13;

    /// <summary>log₂ x, the project's own (fdlibm's e_log2.c), within 1 ulp; exact for powers of two.</summary>
    public static double Log2(double x)
    {
        if (!SplitForLog(ref x, out var k, out var special)) return special;
        double y = k;
        var (hi, lo) = Log1pParts(x - 1.0);
        var valHi = hi * InvLn2Hi;
        var valLo = (lo + hi) * InvLn2Lo + lo * InvLn2Hi;
        var w = y + valHi;
        valLo += (y - w) + valHi;
        return valLo + w;
    }

    /// <summary>log₁₀ x, the project's own (fdlibm's e_log10.c), within 1 ulp.</summary>
    public static double Log10(double x)
    {
        if (!SplitForLog(ref x, out var k, out var special)) return special;
        double y = k;
        var (hi, lo) = Log1pParts(x - 1.0);
        var valHi = hi * InvLn10Hi;
        var y2 = y * Log10Of2Hi;
        var valLo = y * Log10Of2Lo + (lo + hi) * InvLn10Lo + lo * InvLn10Hi;
        var w = y2 + valHi;
        valLo += (y2 - w) + valHi;
        return valLo + w;
    }

    /// <summary>x = 2^k·m with m in [√2/2, √2) (x becomes m); false with the result itself for
    /// 0, negatives, 1, ∞ and NaN.</summary>
    static bool SplitForLog(ref double x, out int k, out double special)
    {
        var hx = High(x);
        var lx = Low(x);
        k = 0;
        special = 0;
        if (hx < 0x00100000)
        {
            // x < 2^−1022
            if (((hx & 0x7fffffff) | (int)lx) == 0) { special = double.NegativeInfinity; return false; }
            if (hx < 0) { special = double.NaN; return false; }
            k -= 54;
            x *= Two54; // subnormal: scale up
            hx = High(x);
        }
        if (hx >= 0x7ff00000) { special = x + x; return false; }
        if (hx == 0x3ff00000 && lx == 0) return false; // log(1) = +0
        k += (hx >> 20) - 1023;
        hx &= 0x000fffff;
        var i = (hx + 0x95f64) & 0x100000;
        x = WithHigh(x, hx | (i ^ 0x3ff00000));
        k += i >> 20;
        return true;
    }

    /// <summary>ln(1+f) as hi + lo, hi with its low word cleared (FreeBSD's k_log1p and its callers' split).</summary>
    static (double Hi, double Lo) Log1pParts(double f)
    {
        var hfsq = 0.5 * f * f;
        var s = f / (2.0 + f);
        var z = s * s;
        var w = z * z;
        var t1 = w * (Lg2 + w * (Lg4 + w * Lg6));
        var t2 = z * (Lg1 + w * (Lg3 + w * (Lg5 + w * Lg7)));
        var r = s * (hfsq + (t2 + t1));
        var hi = ClearLow(f - hfsq);
        var lo = (f - hi) - hfsq + r;
        return (hi, lo);
    }
}
