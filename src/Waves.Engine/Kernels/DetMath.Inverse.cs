namespace Waves.Engine.Kernels;

public static partial class DetMath
{
    // fdlibm's e_asin.c / e_acos.c: asin x = x + x·R(x²) near 0, and through √((1−|x|)/2) beyond ½.
    const double PiO2Full = 1.57079632679489655800e+00, PiO2Tail = 6.12323399573676603587e-17, PiO4Full = 7.85398163397448278999e-01;
    const double PiFull = 3.14159265358979311600e+00, PiTail = 1.2246467991473531772e-16;
    const double PS0 = 1.66666666666666657415e-01, PS1 = -3.25565818622400915405e-01, PS2 = 2.01212532134862925881e-01,
        PS3 = -4.00555345006794114027e-02, PS4 = 7.91534994289814532176e-04, PS5 = 3.47933107596021167570e-05;
    const double QS1 = -2.40339491173441421878e+00, QS2 = 2.02094576023350569471e+00, QS3 = -6.88283971605453293030e-01,
        QS4 = 7.70381505559019352791e-02;

    static double AsinR(double t)
    {
        var p = t * (PS0 + t * (PS1 + t * (PS2 + t * (PS3 + t * (PS4 + t * PS5)))));
        var q = 1 + t * (QS1 + t * (QS2 + t * (QS3 + t * QS4)));
        return p / q;
    }

    /// <summary>arcsin x, the project's own (fdlibm's e_asin.c), within 1 ulp; NaN outside [−1, 1].</summary>
    public static double Asin(double x)
    {
        var hx = High(x);
        var ix = hx & 0x7fffffff;
        if (ix >= 0x3ff00000)
        {
            if (((ix - 0x3ff00000) | (int)Low(x)) == 0) return x * PiO2Full + x * PiO2Tail; // ±π/2
            return double.NaN; // |x| > 1 or NaN
        }
        if (ix < 0x3fe00000)
        {
            // |x| < ½
            if (ix < 0x3e500000) return x; // |x| < 2^−26
            return x + x * AsinR(x * x);
        }
        var t = (1 - Math.Abs(x)) * 0.5;
        var r = AsinR(t);
        var s = Math.Sqrt(t);
        double result;
        if (ix >= 0x3FEF3333) result = PiO2Full - (2.0 * (s + s * r) - PiO2Tail); // |x| > 0.975
        else
        {
            var w = ClearLow(s);
            var c = (t - w * w) / (s + w);
            var p = 2.0 * s * r - (PiO2Tail - 2.0 * c);
            var q = PiO4Full - 2.0 * w;
            result = PiO4Full - (p - q);
        }
        return hx > 0 ? result : -result;
    }

    /// <summary>arccos x, the project's own (fdlibm's e_acos.c), within 1 ulp; NaN outside [−1, 1].</summary>
    public static double Acos(double x)
    {
        var hx = High(x);
        var ix = hx & 0x7fffffff;
        if (ix >= 0x3ff00000)
        {
            if (((ix - 0x3ff00000) | (int)Low(x)) == 0) return hx > 0 ? 0.0 : PiFull + 2.0 * PiO2Tail;
            return double.NaN;
        }
        if (ix < 0x3fe00000)
        {
            // |x| < ½
            if (ix <= 0x3c600000) return PiO2Full + PiO2Tail; // |x| < 2^−57
            return PiO2Full - (x - (PiO2Tail - x * AsinR(x * x)));
        }
        if (hx < 0)
        {
            // x < −½
            var z = (1 + x) * 0.5;
            var s = Math.Sqrt(z);
            var w = AsinR(z) * s - PiO2Tail;
            return PiFull - 2.0 * (s + w);
        }
        else
        {
            // x > ½
            var z = (1 - x) * 0.5;
            var s = Math.Sqrt(z);
            var df = ClearLow(s);
            var c = (z - df * df) / (s + df);
            var w = AsinR(z) * s + c;
            return 2.0 * (df + w);
        }
    }

    // fdlibm's s_atan.c: atan of 0.5, 1, 1.5 and ∞ split in two, and the odd series of atan near 0.
    const double AtanHi0 = 4.63647609000806093515e-01, AtanHi1 = 7.85398163397448278999e-01, AtanHi2 = 9.82793723247329054082e-01;
    const double AtanLo0 = 2.26987774529616870924e-17, AtanLo1 = 3.06161699786838301793e-17, AtanLo2 = 1.39033110312309984516e-17;
    const double AT0 = 3.33333333333329318027e-01, AT1 = -1.99999999998764832476e-01, AT2 = 1.42857142725034663711e-01,
        AT3 = -1.11111104054623557880e-01, AT4 = 9.09088713343650656196e-02, AT5 = -7.69187620504482999495e-02,
        AT6 = 6.66107313738753120669e-02, AT7 = -5.83357013379057348645e-02, AT8 = 4.97687799461593236017e-02,
        AT9 = -3.65315727442169155270e-02, AT10 = 1.62858201153657823623e-02;

    /// <summary>arctan x, the project's own (fdlibm's s_atan.c), within 1 ulp.</summary>
    public static double Atan(double x)
    {
        var hx = High(x);
        var ix = hx & 0x7fffffff;
        if (ix >= 0x44100000)
        {
            // |x| ≥ 2^66
            if (double.IsNaN(x)) return x + x;
            return hx > 0 ? PiO2Full + PiO2Tail : -PiO2Full - PiO2Tail;
        }
        int id;
        if (ix < 0x3fdc0000)
        {
            // |x| < 0.4375
            if (ix < 0x3e400000) return x; // |x| < 2^−27
            id = -1;
        }
        else
        {
            x = Math.Abs(x);
            if (ix < 0x3ff30000)
            {
                // |x| < 1.1875
                if (ix < 0x3fe60000) { id = 0; x = (2.0 * x - 1) / (2.0 + x); }
                else { id = 1; x = (x - 1) / (x + 1); }
            }
            else if (ix < 0x40038000) { id = 2; x = (x - 1.5) / (1 + 1.5 * x); } // |x| < 2.4375
            else { id = 3; x = -1.0 / x; }
        }
        var z = x * x;
        var w = z * z;
        // the series Σ aT[i]·z^(i+1) as its odd and even halves
        var s1 = z * (AT0 + w * (AT2 + w * (AT4 + w * (AT6 + w * (AT8 + w * AT10)))));
        var s2 = w * (AT1 + w * (AT3 + w * (AT5 + w * (AT7 + w * AT9))));
        if (id < 0) return x - x * (s1 + s2);
        var (hi, lo) = id switch
        {
            0 => (AtanHi0, AtanLo0),
            1 => (AtanHi1, AtanLo1),
            2 => (AtanHi2, AtanLo2),
            _ => (PiO2Full, PiO2Tail),
        };
        z = hi - ((x * (s1 + s2) - lo) - x);
        return hx < 0 ? -z : z;
    }

    /// <summary>The angle of the point (x, y), in (−π, π], the project's own (fdlibm's e_atan2.c), within 1 ulp,
    /// with C99's signed zero and infinity cases.</summary>
    public static double Atan2(double y, double x)
    {
        if (double.IsNaN(x) || double.IsNaN(y)) return x + y;
        var hx = High(x);
        var lx = Low(x);
        var hy = High(y);
        var ly = Low(y);
        var ix = hx & 0x7fffffff;
        var iy = hy & 0x7fffffff;
        if (hx == 0x3ff00000 && lx == 0) return Atan(y); // x = 1
        var m = ((hy >> 31) & 1) | ((hx >> 30) & 2); // 2·sign(x) + sign(y)

        if ((iy | (int)ly) == 0)
        {
            // y = ±0
            return m switch { 0 or 1 => y, 2 => PiFull, _ => -PiFull };
        }
        if ((ix | (int)lx) == 0) return hy < 0 ? -PiO2Full : PiO2Full; // x = ±0
        if (ix == 0x7ff00000)
        {
            if (iy == 0x7ff00000)
                return m switch { 0 => PiO4Full, 1 => -PiO4Full, 2 => 3.0 * PiO4Full, _ => -3.0 * PiO4Full };
            return m switch { 0 => 0.0, 1 => -0.0, 2 => PiFull, _ => -PiFull };
        }
        if (iy == 0x7ff00000) return hy < 0 ? -PiO2Full : PiO2Full;

        var k = (iy - ix) >> 20;
        double z;
        if (k > 60)
        {
            // |y/x| > 2^60
            z = PiO2Full + 0.5 * PiTail;
            m &= 1;
        }
        else if (hx < 0 && k < -60) z = 0.0; // 0 > |y|/x > −2^−60
        else z = Atan(Math.Abs(y / x));
        return m switch
        {
            0 => z,
            1 => -z,
            2 => PiFull - (z - PiTail),
            _ => (z - PiTail) - PiFull,
        };
    }
}
