using System.Runtime.Intrinsics;

namespace Waves.Engine.Kernels;

/// <summary>
/// Lane-wise double arithmetic over one vector type (<typeparamref name="TV"/>): 8 lanes, 4 lanes or
/// a scalar. A kernel written once against it runs at every width with the same IEEE operations per
/// lane (fused multiply-add is one correctly rounded operation everywhere), so its bits do not
/// depend on which width ran it. Masks are lanes with all bits set (true) or clear (false).
/// </summary>
public interface IDoubleLanes<TV> where TV : struct
{
    static abstract int Count { get; }
    static abstract TV Create(double x);
    static abstract TV Load(ref double src);
    static abstract void Store(TV v, ref double dst);
    static abstract TV Add(TV a, TV b);
    static abstract TV Sub(TV a, TV b);
    static abstract TV Mul(TV a, TV b);
    static abstract TV Div(TV a, TV b);
    /// <summary>a·b + c, rounded once.</summary>
    static abstract TV Fma(TV a, TV b, TV c);
    static abstract TV Neg(TV a);
    /// <summary>Round half to even.</summary>
    static abstract TV Round(TV x);
    static abstract TV Floor(TV x);
    static abstract TV Equal(TV a, TV b);
    static abstract TV Greater(TV a, TV b);
    static abstract TV GreaterOrEqual(TV a, TV b);
    static abstract TV Or(TV a, TV b);
    /// <summary>a where the mask is set, else b.</summary>
    static abstract TV Select(TV mask, TV a, TV b);
}

public readonly struct Lanes8 : IDoubleLanes<Vector512<double>>
{
    public static int Count => 8;
    public static Vector512<double> Create(double x) => Vector512.Create(x);
    public static Vector512<double> Load(ref double src) => Vector512.LoadUnsafe(ref src);
    public static void Store(Vector512<double> v, ref double dst) => v.StoreUnsafe(ref dst);
    public static Vector512<double> Add(Vector512<double> a, Vector512<double> b) => a + b;
    public static Vector512<double> Sub(Vector512<double> a, Vector512<double> b) => a - b;
    public static Vector512<double> Mul(Vector512<double> a, Vector512<double> b) => a * b;
    public static Vector512<double> Div(Vector512<double> a, Vector512<double> b) => a / b;
    public static Vector512<double> Fma(Vector512<double> a, Vector512<double> b, Vector512<double> c) => Vector512.FusedMultiplyAdd(a, b, c);
    public static Vector512<double> Neg(Vector512<double> a) => -a;
    public static Vector512<double> Round(Vector512<double> x) => Vector512.Round(x);
    public static Vector512<double> Floor(Vector512<double> x) => Vector512.Floor(x);
    public static Vector512<double> Equal(Vector512<double> a, Vector512<double> b) => Vector512.Equals(a, b);
    public static Vector512<double> Greater(Vector512<double> a, Vector512<double> b) => Vector512.GreaterThan(a, b);
    public static Vector512<double> GreaterOrEqual(Vector512<double> a, Vector512<double> b) => Vector512.GreaterThanOrEqual(a, b);
    public static Vector512<double> Or(Vector512<double> a, Vector512<double> b) => a | b;
    public static Vector512<double> Select(Vector512<double> mask, Vector512<double> a, Vector512<double> b) => Vector512.ConditionalSelect(mask, a, b);
}

public readonly struct Lanes4 : IDoubleLanes<Vector256<double>>
{
    public static int Count => 4;
    public static Vector256<double> Create(double x) => Vector256.Create(x);
    public static Vector256<double> Load(ref double src) => Vector256.LoadUnsafe(ref src);
    public static void Store(Vector256<double> v, ref double dst) => v.StoreUnsafe(ref dst);
    public static Vector256<double> Add(Vector256<double> a, Vector256<double> b) => a + b;
    public static Vector256<double> Sub(Vector256<double> a, Vector256<double> b) => a - b;
    public static Vector256<double> Mul(Vector256<double> a, Vector256<double> b) => a * b;
    public static Vector256<double> Div(Vector256<double> a, Vector256<double> b) => a / b;
    public static Vector256<double> Fma(Vector256<double> a, Vector256<double> b, Vector256<double> c) => Vector256.FusedMultiplyAdd(a, b, c);
    public static Vector256<double> Neg(Vector256<double> a) => -a;
    public static Vector256<double> Round(Vector256<double> x) => Vector256.Round(x);
    public static Vector256<double> Floor(Vector256<double> x) => Vector256.Floor(x);
    public static Vector256<double> Equal(Vector256<double> a, Vector256<double> b) => Vector256.Equals(a, b);
    public static Vector256<double> Greater(Vector256<double> a, Vector256<double> b) => Vector256.GreaterThan(a, b);
    public static Vector256<double> GreaterOrEqual(Vector256<double> a, Vector256<double> b) => Vector256.GreaterThanOrEqual(a, b);
    public static Vector256<double> Or(Vector256<double> a, Vector256<double> b) => a | b;
    public static Vector256<double> Select(Vector256<double> mask, Vector256<double> a, Vector256<double> b) => Vector256.ConditionalSelect(mask, a, b);
}

public readonly struct Lanes1 : IDoubleLanes<double>
{
    static readonly double True = BitConverter.Int64BitsToDouble(-1);

    public static int Count => 1;
    public static double Create(double x) => x;
    public static double Load(ref double src) => src;
    public static void Store(double v, ref double dst) => dst = v;
    public static double Add(double a, double b) => a + b;
    public static double Sub(double a, double b) => a - b;
    public static double Mul(double a, double b) => a * b;
    public static double Div(double a, double b) => a / b;
    public static double Fma(double a, double b, double c) => Math.FusedMultiplyAdd(a, b, c);
    public static double Neg(double a) => -a;
    public static double Round(double x) => Math.Round(x, MidpointRounding.ToEven);
    public static double Floor(double x) => Math.Floor(x);
    public static double Equal(double a, double b) => a == b ? True : 0;
    public static double Greater(double a, double b) => a > b ? True : 0;
    public static double GreaterOrEqual(double a, double b) => a >= b ? True : 0;
    public static double Or(double a, double b) => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(a) | BitConverter.DoubleToInt64Bits(b));
    public static double Select(double mask, double a, double b) => BitConverter.DoubleToInt64Bits(mask) != 0 ? a : b;
}
