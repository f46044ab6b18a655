namespace Waves.Engine.Kernels;

public static partial class DetMath
{
    // fdlibm's s_expm1.c: the Q's of its rational approximation of x/(e^x − 1), scaled for R(x²/2).
    const double Q1 = -3.33333333333331316428e-02, Q2 = 1.58730158725481460165e-03, Q3 = -7.93650757867487942473e-05,
        Q4 = 4.00821782732936239552e-06, Q5 = -2.01099218183624371326e-07;

    /// <summary>e^x − 1, accurate for small x too (fdlibm's s_expm1.c), within 1 ulp.</summary>
    public static double Expm1(double x)
    {
        var hxFull = High(x);
        var negative = hxFull < 0;
        var hx = hxFull & 0x7fffffff;

        if (hx >= 0x4043687A)
        {
            // |x| ≥ 56·ln 2
            if (hx >= 0x40862E42)
            {
                if (double.IsNaN(x)) return x;
                if (double.IsInfinity(x)) return negative ? -1 : x;
                if (x > ExpOverflow) return double.PositiveInfinity;
            }
            if (negative) return -1;
        }

        int k;
        double c = 0;
        if (hx > 0x3fd62e42)
        {
            // |x| > ½ ln 2: x = k·ln 2 + (hi − lo)
            double hi, lo;
            if (hx < 0x3FF0A2B2)
            {
                if (!negative) { hi = x - Ln2Hi; lo = Ln2Lo; k = 1; }
                else { hi = x + Ln2Hi; lo = -Ln2Lo; k = -1; }
            }
            else
            {
                k = (int)(InvLn2 * x + (negative ? -0.5 : 0.5));
                double t = k;
                hi = x - t * Ln2Hi; // exact here
                lo = t * Ln2Lo;
            }
            x = hi - lo;
            c = (hi - x) - lo;
        }
        else if (hx < 0x3c900000) return x; // |x| < 2^−54
        else k = 0;

        var hfx = 0.5 * x;
        var hxs = x * hfx;
        var r1 = 1 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
        var t3 = 3.0 - r1 * hfx;
        var e = hxs * ((r1 - t3) / (6.0 - x * t3));
        if (k == 0) return x - (x * e - hxs);
        e = x * (e - c) - c;
        e -= hxs;
        if (k == -1) return 0.5 * (x - e) - 0.5;
        if (k == 1) return x < -0.25 ? -2.0 * (e - (x + 0.5)) : 1 + 2.0 * (x - e);
        if (k <= -2 || k > 56)
        {
            // e^x − 1 is e^x to working precision
            var y = 1 - (e - x);
            y = k == 1024 ? y * 2.0 * 8.98846567431158e307 /* 2^1023 */ : y * FromWords(0x3ff00000 + (k << 20), 0);
            return y - 1;
        }
        if (k < 20)
        {
            var t = FromWords(0x3ff00000 - (0x200000 >> k), 0); // 1 − 2^−k
            return (t - (e - x)) * FromWords(0x3ff00000 + (k << 20), 0);
        }
        var tk = FromWords((0x3ff - k) << 20, 0); // 2^−k
        var yk = x - (e + tk);
        yk += 1;
        return yk * FromWords(0x3ff00000 + (k << 20), 0);
    }

    /// <summary>tanh x, the project's own (fdlibm's s_tanh.c), within 1 ulp.</summary>
    public static double Tanh(double x)
    {
        var jx = High(x);
        var ix = jx & 0x7fffffff;
        if (ix >= 0x7ff00000) return jx >= 0 ? 1 / x + 1 : 1 / x - 1; // ±1, or NaN
        double z;
        if (ix < 0x40360000)
        {
            // |x| < 22
            if (ix < 0x3e300000) return x; // |x| < 2^−28
            if (ix >= 0x3ff00000)
            {
                var t = Expm1(2 * Math.Abs(x));
                z = 1 - 2 / (t + 2);
            }
            else
            {
                var t = Expm1(-2 * Math.Abs(x));
                z = -t / (t + 2);
            }
        }
        else z = 1; // |x| ≥ 22
        return jx >= 0 ? z : -z;
    }

    /// <summary>sinh x, the project's own (fdlibm's e_sinh.c), within 1 ulp.</summary>
    public static double Sinh(double x)
    {
        var jx = High(x);
        var ix = jx & 0x7fffffff;
        if (ix >= 0x7ff00000) return x + x;
        var h = jx < 0 ? -0.5 : 0.5;
        if (ix < 0x40360000)
        {
            // |x| < 22: sign(x)·½·(E + E/(E + 1)), E = e^|x| − 1
            if (ix < 0x3e300000) return x; // |x| < 2^−28
            var t = Expm1(Math.Abs(x));
            if (ix < 0x3ff00000) return h * (2.0 * t - t * t / (t + 1));
            return h * (t + t / (t + 1));
        }
        if (ix < 0x40862E42) return h * Exp(Math.Abs(x)); // |x| < log(max double)
        if (ix < 0x408633CE || (ix == 0x408633CE && Low(x) <= 0x8fb9f87dU))
        {
            // below the overflow threshold: e^|x| in two halves so the intermediate does not overflow
            var w = Exp(0.5 * Math.Abs(x));
            return h * w * w;
        }
        return x * 1.0e307;
    }

    /// <summary>cosh x, the project's own (fdlibm's e_cosh.c), within 1 ulp.</summary>
    public static double Cosh(double x)
    {
        var ix = High(x) & 0x7fffffff;
        if (ix >= 0x7ff00000) return x * x;
        if (ix < 0x3fd62e43)
        {
            // |x| < ½ ln 2: 1 + expm1(|x|)²/(2·e^|x|)
            var t = Expm1(Math.Abs(x));
            var w = 1 + t;
            if (ix < 0x3c800000) return w;
            return 1 + t * t / (w + w);
        }
        if (ix < 0x40360000)
        {
            var t = Exp(Math.Abs(x));
            return 0.5 * t + 0.5 / t;
        }
        if (ix < 0x40862E42) return 0.5 * Exp(Math.Abs(x));
        if (ix < 0x408633CE || (ix == 0x408633CE && Low(x) <= 0x8fb9f87dU))
        {
            var w = Exp(0.5 * Math.Abs(x));
            return 0.5 * w * w;
        }
        return double.PositiveInfinity;
    }
}
