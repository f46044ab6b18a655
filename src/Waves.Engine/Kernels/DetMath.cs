using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Waves.Engine.Kernels;

/// <summary>
/// Sine, cosine and tangent of the project's own (fdlibm's kernels after a Cody-Waite quadrant
/// reduction), so that results do not depend on the platform's C library. The vector forms do the
/// same IEEE operations lane by lane as the scalar ones, in the same order and without fused
/// multiply-add, so a block gives the same bits whichever path (or vector width) rendered it.
/// Accurate to about 1 ulp for |x| below 1e6; larger arguments lose precision but stay deterministic.
/// </summary>
public static class DetMath
{
    const double TwoOverPi = 6.36619772367581382433e-01;
    const double PiO2Hi = 1.57079632673412561417e+00, PiO2Lo = 6.07710050650619224932e-11;
    const double S1 = -1.66666666666666324348e-01, S2 = 8.33333333332248946124e-03, S3 = -1.98412698298579493134e-04,
        S4 = 2.75573137070700676789e-06, S5 = -2.50507602534068634195e-08, S6 = 1.58969099521155010221e-10;
    const double C1 = 4.16666666666666019037e-02, C2 = -1.38888888888741095749e-03, C3 = 2.48015872894767294178e-05,
        C4 = -2.75573143513906633035e-07, C5 = 2.08757232129817482790e-09, C6 = -1.13596475577881948265e-11;

    public static double Sin(double x) => Quadrant(x, 0);

    public static double Cos(double x) => Quadrant(x, 1);

    public static double Tan(double x)
    {
        var (s, c) = SinCosReduced(x, out var q);
        // Odd quadrants swap the roles: tan = -cos/sin there.
        var odd = q == 1 || q == 3;
        return (odd ? -c : s) / (odd ? s : c);
    }

    /// <summary>sin(x + shift·π/2).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static double Quadrant(double x, int shift)
    {
        var (s, c) = SinCosReduced(x, out var q);
        q = (q + shift) & 3;
        var v = (q & 1) == 0 ? s : c;
        return q >= 2 ? -v : v;
    }

    /// <summary>Sine and cosine of x reduced to [−π/4, π/4], and the quadrant (0…3).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static (double Sin, double Cos) SinCosReduced(double x, out int quadrant)
    {
        var j = Math.Round(x * TwoOverPi);
        var r = (x - j * PiO2Hi) - j * PiO2Lo;
        var qd = j - 4 * Math.Floor(j * 0.25);
        quadrant = qd == 1 ? 1 : qd == 2 ? 2 : qd == 3 ? 3 : 0;
        var z = r * r;
        var s = r + r * z * (S1 + z * (S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)))));
        var c = (1 - 0.5 * z) + z * z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
        return (s, c);
    }

    public static Vector256<double> Sin(Vector256<double> x) => Quadrant(x, 0);

    public static Vector256<double> Cos(Vector256<double> x) => Quadrant(x, 1);

    public static Vector256<double> Tan(Vector256<double> x)
    {
        var (s, c, q) = SinCosReduced(x);
        var odd = Vector256.Equals(q, Vector256.Create(1.0)) | Vector256.Equals(q, Vector256.Create(3.0));
        return Vector256.ConditionalSelect(odd, -c, s) / Vector256.ConditionalSelect(odd, s, c);
    }

    static Vector256<double> Quadrant(Vector256<double> x, int shift)
    {
        var (s, c, q) = SinCosReduced(x);
        if (shift != 0)
        {
            // (q + 1) mod 4 on exact small integers held as doubles.
            q += Vector256.Create(1.0);
            q = Vector256.ConditionalSelect(Vector256.Equals(q, Vector256.Create(4.0)), Vector256<double>.Zero, q);
        }
        var odd = Vector256.Equals(q, Vector256.Create(1.0)) | Vector256.Equals(q, Vector256.Create(3.0));
        var v = Vector256.ConditionalSelect(odd, c, s);
        var neg = Vector256.GreaterThanOrEqual(q, Vector256.Create(2.0));
        return Vector256.ConditionalSelect(neg, -v, v);
    }

    static (Vector256<double> Sin, Vector256<double> Cos, Vector256<double> Quadrant) SinCosReduced(Vector256<double> x)
    {
        var j = Vector256.Round(x * Vector256.Create(TwoOverPi));
        var r = (x - j * Vector256.Create(PiO2Hi)) - j * Vector256.Create(PiO2Lo);
        var qd = j - Vector256.Create(4.0) * Vector256.Floor(j * Vector256.Create(0.25));
        // Non-finite j gives a NaN quadrant; the scalar form maps that to 0, and so does this.
        var q = Vector256.ConditionalSelect(Vector256.Equals(qd, qd), qd, Vector256<double>.Zero);
        var z = r * r;
        var s = r + r * z * (Vector256.Create(S1) + z * (Vector256.Create(S2) + z * (Vector256.Create(S3) + z * (Vector256.Create(S4) + z * (Vector256.Create(S5) + z * Vector256.Create(S6))))));
        var c = (Vector256.Create(1.0) - Vector256.Create(0.5) * z) + z * z * (Vector256.Create(C1) + z * (Vector256.Create(C2) + z * (Vector256.Create(C3) + z * (Vector256.Create(C4) + z * (Vector256.Create(C5) + z * Vector256.Create(C6))))));
        return (s, c, q);
    }
}
