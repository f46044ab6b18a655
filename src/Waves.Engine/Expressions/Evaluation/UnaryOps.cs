using Waves.Engine.Kernels;

namespace Waves.Engine.Expressions.Evaluation;

/// <summary>A per-sample operation on one value, as a struct so generic evaluators specialise on it.</summary>
internal interface IUnaryOp
{
    static abstract double Apply(double x);

    /// <summary>True when <see cref="Apply{TV, TL}"/> gives, lane by lane, the bits of the scalar form.</summary>
    static virtual bool Vectorized => false;

    static virtual TV Apply<TV, TL>(TV x) where TV : struct where TL : struct, IDoubleLanes<TV> => throw new NotSupportedException();
}

internal struct NegateOp : IUnaryOp { public static double Apply(double x) => -x; }

/// <summary>Python truthiness: any non-zero value (NaN included) is true.</summary>
internal struct NotOp : IUnaryOp { public static double Apply(double x) => x != 0 ? 0 : 1; }

// The project's own sine, cosine and tangent: the platform's differ between machines.
internal struct SinOp : IUnaryOp
{
    public static double Apply(double x) => DetMath.Sin(x);
    public static bool Vectorized => true;
    public static TV Apply<TV, TL>(TV x) where TV : struct where TL : struct, IDoubleLanes<TV> => DetMath.Sin<TV, TL>(x);
}

internal struct CosOp : IUnaryOp
{
    public static double Apply(double x) => DetMath.Cos(x);
    public static bool Vectorized => true;
    public static TV Apply<TV, TL>(TV x) where TV : struct where TL : struct, IDoubleLanes<TV> => DetMath.Cos<TV, TL>(x);
}

internal struct TanOp : IUnaryOp { public static double Apply(double x) => DetMath.Tan(x); }

internal struct AbsOp : IUnaryOp { public static double Apply(double x) => Math.Abs(x); }

internal struct SqrtOp : IUnaryOp { public static double Apply(double x) => Math.Sqrt(x); }

internal struct ExpOp : IUnaryOp { public static double Apply(double x) => DetMath.Exp(x); }

internal struct LogOp : IUnaryOp { public static double Apply(double x) => DetMath.Log(x); }

internal struct Log10Op : IUnaryOp { public static double Apply(double x) => DetMath.Log10(x); }

internal struct Log2Op : IUnaryOp { public static double Apply(double x) => DetMath.Log2(x); }

internal struct FloorOp : IUnaryOp { public static double Apply(double x) => Math.Floor(x); }

internal struct CeilOp : IUnaryOp { public static double Apply(double x) => Math.Ceiling(x); }

/// <summary>Half to even, like numpy.</summary>
internal struct RoundOp : IUnaryOp { public static double Apply(double x) => Math.Round(x, MidpointRounding.ToEven); }

/// <summary>Like numpy: NaN stays NaN (Math.Sign would throw).</summary>
internal struct SignOp : IUnaryOp
{
    public static double Apply(double x) => x > 0 ? 1 : x < 0 ? -1 : x == 0 ? 0 : double.NaN;
}

internal struct TanhOp : IUnaryOp { public static double Apply(double x) => DetMath.Tanh(x); }

internal struct SinhOp : IUnaryOp { public static double Apply(double x) => DetMath.Sinh(x); }

internal struct CoshOp : IUnaryOp { public static double Apply(double x) => DetMath.Cosh(x); }

internal struct ArcsinOp : IUnaryOp { public static double Apply(double x) => DetMath.Asin(x); }

internal struct ArccosOp : IUnaryOp { public static double Apply(double x) => DetMath.Acos(x); }

internal struct ArctanOp : IUnaryOp { public static double Apply(double x) => DetMath.Atan(x); }

internal struct SquareOp : IUnaryOp { public static double Apply(double x) => x * x; }

internal struct TruncOp : IUnaryOp { public static double Apply(double x) => Math.Truncate(x); }

internal static class UnaryOps
{
    /// <summary>The evaluator of a one-argument built-in function, or null if there is none of that name.</summary>
    public static Evaluator? CreateFunction(string name, Evaluator x) => name switch
    {
        "sin" => new UnaryEvaluator<SinOp>(x),
        "cos" => new UnaryEvaluator<CosOp>(x),
        "tan" => new UnaryEvaluator<TanOp>(x),
        "abs" => new UnaryEvaluator<AbsOp>(x),
        "sqrt" => new UnaryEvaluator<SqrtOp>(x),
        "exp" => new UnaryEvaluator<ExpOp>(x),
        "log" => new UnaryEvaluator<LogOp>(x),
        "log10" => new UnaryEvaluator<Log10Op>(x),
        "log2" => new UnaryEvaluator<Log2Op>(x),
        "floor" => new UnaryEvaluator<FloorOp>(x),
        "ceil" => new UnaryEvaluator<CeilOp>(x),
        "round" => new UnaryEvaluator<RoundOp>(x),
        "sign" => new UnaryEvaluator<SignOp>(x),
        "tanh" => new UnaryEvaluator<TanhOp>(x),
        "sinh" => new UnaryEvaluator<SinhOp>(x),
        "cosh" => new UnaryEvaluator<CoshOp>(x),
        "arcsin" => new UnaryEvaluator<ArcsinOp>(x),
        "arccos" => new UnaryEvaluator<ArccosOp>(x),
        "arctan" => new UnaryEvaluator<ArctanOp>(x),
        "square" => new UnaryEvaluator<SquareOp>(x),
        "trunc" => new UnaryEvaluator<TruncOp>(x),
        _ => null,
    };
}
