namespace Waves.Engine.Kernels;

public static partial class DetMath
{
    // fdlibm's e_pow.c: log2|x| to about 64 bits as t1 + t2, times y split the same way, then 2^z.
    const double PowTwo53 = 9007199254740992.0, PowHuge = 1.0e300, PowTiny = 1.0e-300;
    const double DpH1 = 5.84962487220764160156e-01, DpL1 = 1.35003920212974897128e-08; // log2(1.5) split
    const double PowL1 = 5.99999999999994648725e-01, PowL2 = 4.28571428578550184252e-01, PowL3 = 3.33333329818377432918e-01,
        PowL4 = 2.72728123808534006489e-01, PowL5 = 2.30660745775561754067e-01, PowL6 = 2.06975017800338417784e-01;
    const double Lg2Full = 6.93147180559945286227e-01, Lg2H = 6.93147182464599609375e-01, Lg2L = -1.90465429995776804525e-09;
    const double PowOvt = 8.0085662595372944372e-17; // -(1024 - log2(max double + ½ ulp))
    const double Cp = 9.61796693925975554329e-01, CpH = 9.61796700954437255859e-01, CpL = -7.02846165095275826516e-09; // 2/(3 ln 2)
    const double InvLn2H = 1.44269502162933349609e+00, InvLn2L = 1.92596299112661746887e-08;

    /// <summary>x^y, the project's own (fdlibm's e_pow.c), within 1 ulp, with C99's special cases;
    /// the platform's differs between C libraries.</summary>
    public static double Pow(double x, double y)
    {
        var hx = High(x);
        var lx = Low(x);
        var hy = High(y);
        var ly = Low(y);
        var ix = hx & 0x7fffffff;
        var iy = hy & 0x7fffffff;

        if ((iy | (int)ly) == 0) return 1; // x^±0 = 1, even for NaN x
        if (hx == 0x3ff00000 && lx == 0) return 1; // 1^y = 1, even for NaN y
        if (double.IsNaN(x) || double.IsNaN(y)) return x + y;

        // For x < 0: 0 when y is not an integer, 1 when odd, 2 when even.
        var yisint = 0;
        if (hx < 0)
        {
            if (iy >= 0x43400000) yisint = 2; // |y| ≥ 2^53: even
            else if (iy >= 0x3ff00000)
            {
                var e = (iy >> 20) - 0x3ff;
                if (e > 20)
                {
                    var j = ly >> (52 - e);
                    if ((j << (52 - e)) == ly) yisint = 2 - (int)(j & 1);
                }
                else if (ly == 0)
                {
                    var j = iy >> (20 - e);
                    if ((j << (20 - e)) == iy) yisint = 2 - (j & 1);
                }
            }
        }

        if (ly == 0)
        {
            if (iy == 0x7ff00000)
            {
                // y = ±∞
                if (((ix - 0x3ff00000) | (int)lx) == 0) return 1; // (−1)^±∞
                if (ix >= 0x3ff00000) return hy >= 0 ? y : 0;
                return hy < 0 ? -y : 0;
            }
            if (iy == 0x3ff00000) return hy < 0 ? 1 / x : x;
            if (hy == 0x40000000) return x * x;
            if (hy == 0x3fe00000 && hx >= 0) return Math.Sqrt(x);
        }

        var ax = Math.Abs(x);
        if (lx == 0 && (ix == 0x7ff00000 || ix == 0 || ix == 0x3ff00000))
        {
            // x is ±0, ±∞ or ±1
            var z = ax;
            if (hy < 0) z = 1 / z;
            if (hx < 0)
            {
                if (((ix - 0x3ff00000) | yisint) == 0) z = double.NaN; // (−1)^non-integer
                else if (yisint == 1) z = -z;
            }
            return z;
        }

        var n = (int)((uint)hx >> 31) - 1;
        if ((n | yisint) == 0) return double.NaN; // negative^non-integer
        var sign = (n | (yisint - 1)) == 0 ? -1.0 : 1.0; // negative^odd

        double t1, t2;
        if (iy > 0x41e00000)
        {
            // |y| > 2^31
            if (iy > 0x43f00000)
            {
                // |y| > 2^64: overflows or underflows unless x = 1
                if (ix <= 0x3fefffff) return hy < 0 ? PowHuge * PowHuge : PowTiny * PowTiny;
                if (ix >= 0x3ff00000) return hy > 0 ? PowHuge * PowHuge : PowTiny * PowTiny;
            }
            if (ix < 0x3fefffff) return hy < 0 ? sign * PowHuge * PowHuge : sign * PowTiny * PowTiny;
            if (ix > 0x3ff00000) return hy > 0 ? sign * PowHuge * PowHuge : sign * PowTiny * PowTiny;
            // |1 − x| ≤ 2^−20: log x from its series
            var t = ax - 1;
            var w = t * t * (0.5 - t * (3.3333333333333331e-01 - t * 0.25));
            var u = InvLn2H * t;
            var v = t * InvLn2L - w * InvLn2;
            t1 = ClearLow(u + v);
            t2 = v - (t1 - u);
        }
        else
        {
            n = 0;
            if (ix < 0x00100000)
            {
                ax *= PowTwo53;
                n -= 53;
                ix = High(ax);
            }
            n += (ix >> 20) - 0x3ff;
            var j = ix & 0x000fffff;
            int k;
            ix = j | 0x3ff00000;
            if (j <= 0x3988E) k = 0; // |x| < √(3/2)
            else if (j < 0xBB67A) k = 1; // |x| < √3
            else { k = 0; n += 1; ix -= 0x00100000; }
            ax = WithHigh(ax, ix);

            // ss = s_h + s_l = (x − b)/(x + b), b = 1 or 1.5
            var bp = k == 0 ? 1.0 : 1.5;
            var dpH = k == 0 ? 0.0 : DpH1;
            var dpL = k == 0 ? 0.0 : DpL1;
            var u = ax - bp;
            var v = 1 / (ax + bp);
            var ss = u * v;
            var sH = ClearLow(ss);
            var tH = FromWords(((ix >> 1) | 0x20000000) + 0x00080000 + (k << 18), 0);
            var tL = ax - (tH - bp);
            var sL = v * ((u - sH * tH) - sH * tL);
            var s2 = ss * ss;
            var r = s2 * s2 * (PowL1 + s2 * (PowL2 + s2 * (PowL3 + s2 * (PowL4 + s2 * (PowL5 + s2 * PowL6)))));
            r += sL * (sH + ss);
            s2 = sH * sH;
            tH = ClearLow(3.0 + s2 + r);
            tL = r - ((tH - 3.0) - s2);
            u = sH * tH;
            v = sL * tH + tL * ss;
            var pH = ClearLow(u + v);
            var pL = v - (pH - u);
            var zH = CpH * pH;
            var zL = CpL * pH + pL * Cp + dpL;
            // log2|x| = n + dp_h + z_h + z_l
            double tn = n;
            t1 = ClearLow(((zH + zL) + dpH) + tn);
            t2 = zL - (((t1 - tn) - dpH) - zH);
        }

        // (y1 + y2)·(t1 + t2)
        var y1 = ClearLow(y);
        var pl = (y - y1) * t1 + y * t2;
        var ph = y1 * t1;
        var zz = pl + ph;
        var jz = High(zz);
        var iz = (int)Low(zz);
        if (jz >= 0x40900000)
        {
            // z ≥ 1024
            if (((jz - 0x40900000) | iz) != 0) return sign * PowHuge * PowHuge;
            if (pl + PowOvt > zz - ph) return sign * PowHuge * PowHuge;
        }
        else if ((jz & 0x7fffffff) >= 0x4090cc00)
        {
            // z ≤ −1075
            if (((jz - unchecked((int)0xc090cc00)) | iz) != 0) return sign * PowTiny * PowTiny;
            if (pl <= zz - ph) return sign * PowTiny * PowTiny;
        }

        // 2^(p_h + p_l)
        var i = jz & 0x7fffffff;
        var ke = (i >> 20) - 0x3ff;
        n = 0;
        if (i > 0x3fe00000)
        {
            // |z| > 0.5: n = nearest integer to z
            n = jz + (0x00100000 >> (ke + 1));
            ke = ((n & 0x7fffffff) >> 20) - 0x3ff;
            var tn = FromWords(n & ~(0x000fffff >> ke), 0);
            n = ((n & 0x000fffff) | 0x00100000) >> (20 - ke);
            if (jz < 0) n = -n;
            ph -= tn;
        }
        var tt = ClearLow(pl + ph);
        var uu = tt * Lg2H;
        var vv = (pl - (tt - ph)) * Lg2Full + tt * Lg2L;
        var z2 = uu + vv;
        var ww = vv - (z2 - uu);
        tt = z2 * z2;
        var tq = z2 - tt * (P1 + tt * (P2 + tt * (P3 + tt * (P4 + tt * P5))));
        var rr = (z2 * tq) / (tq - 2.0) - (ww + z2 * ww);
        z2 = 1 - (rr - z2);
        var jr = High(z2) + (n << 20);
        z2 = (jr >> 20) <= 0 ? Math.ScaleB(z2, n) : WithHigh(z2, jr);
        return sign * z2;
    }
}
