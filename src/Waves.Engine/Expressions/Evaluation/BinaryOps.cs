using Waves.Engine.Kernels;
using Waves.Engine.Expressions.Syntax;

namespace Waves.Engine.Expressions.Evaluation;

/// <summary>A per-sample operation on two values, as a struct so generic evaluators specialise on it.</summary>
internal interface IBinaryOp
{
    static abstract double Apply(double a, double b);

    /// <summary>True when <see cref="Apply{TV, TL}"/> gives, lane by lane, the bits of the scalar form.</summary>
    static virtual bool Vectorized => false;

    static virtual TV Apply<TV, TL>(TV a, TV b) where TV : struct where TL : struct, IDoubleLanes<TV> => throw new NotSupportedException();
}

internal struct AddOp : IBinaryOp
{
    public static double Apply(double a, double b) => a + b;
    public static bool Vectorized => true;
    public static TV Apply<TV, TL>(TV a, TV b) where TV : struct where TL : struct, IDoubleLanes<TV> => TL.Add(a, b);
}

internal struct SubtractOp : IBinaryOp
{
    public static double Apply(double a, double b) => a - b;
    public static bool Vectorized => true;
    public static TV Apply<TV, TL>(TV a, TV b) where TV : struct where TL : struct, IDoubleLanes<TV> => TL.Sub(a, b);
}

internal struct MultiplyOp : IBinaryOp
{
    public static double Apply(double a, double b) => a * b;
    public static bool Vectorized => true;
    public static TV Apply<TV, TL>(TV a, TV b) where TV : struct where TL : struct, IDoubleLanes<TV> => TL.Mul(a, b);
}

/// <summary>IEEE division: x/0 is ±inf or NaN, never an error.</summary>
internal struct DivideOp : IBinaryOp
{
    public static double Apply(double a, double b) => a / b;
    public static bool Vectorized => true;
    public static TV Apply<TV, TL>(TV a, TV b) where TV : struct where TL : struct, IDoubleLanes<TV> => TL.Div(a, b);
}

internal struct FloorDivideOp : IBinaryOp { public static double Apply(double a, double b) => Math.Floor(a / b); }

/// <summary>Python's float modulo: the result takes the sign of the divisor.</summary>
internal struct ModuloOp : IBinaryOp
{
    public static double Apply(double a, double b)
    {
        var r = a % b;
        if (r != 0)
            return (r < 0) != (b < 0) ? r + b : r;
        return b < 0 ? -0.0 : 0.0;
    }
}

internal struct PowerOp : IBinaryOp { public static double Apply(double a, double b) => DetMath.Pow(a, b); }

/// <summary>Python <c>a and b</c>: b when a is true, else a.</summary>
internal struct AndOp : IBinaryOp { public static double Apply(double a, double b) => a != 0 ? b : a; }

/// <summary>Python <c>a or b</c>: a when a is true, else b.</summary>
internal struct OrOp : IBinaryOp { public static double Apply(double a, double b) => a != 0 ? a : b; }

internal struct LessOp : IBinaryOp { public static double Apply(double a, double b) => a < b ? 1 : 0; }

internal struct LessOrEqualOp : IBinaryOp { public static double Apply(double a, double b) => a <= b ? 1 : 0; }

internal struct GreaterOp : IBinaryOp { public static double Apply(double a, double b) => a > b ? 1 : 0; }

internal struct GreaterOrEqualOp : IBinaryOp { public static double Apply(double a, double b) => a >= b ? 1 : 0; }

internal struct EqualOp : IBinaryOp { public static double Apply(double a, double b) => a == b ? 1 : 0; }

internal struct NotEqualOp : IBinaryOp { public static double Apply(double a, double b) => a != b ? 1 : 0; }

/// <summary>The original's <c>pow</c>: sign(b)·|b|^e, so pow(-8, 1/3) = -2.</summary>
internal struct SignedPowerOp : IBinaryOp
{
    public static double Apply(double a, double b) => SignOp.Apply(a) * DetMath.Pow(Math.Abs(a), b);
}

/// <summary>Element-wise maximum; NaN propagates, as in numpy.</summary>
internal struct MaxOp : IBinaryOp { public static double Apply(double a, double b) => Math.Max(a, b); }

/// <summary>Element-wise minimum; NaN propagates, as in numpy.</summary>
internal struct MinOp : IBinaryOp { public static double Apply(double a, double b) => Math.Min(a, b); }

internal struct Arctan2Op : IBinaryOp { public static double Apply(double a, double b) => DetMath.Atan2(a, b); }

internal struct HypotOp : IBinaryOp
{
    public static double Apply(double a, double b) => Math.Sqrt(a * a + b * b);
}

internal static class BinaryOps
{
    public static Evaluator Create(BinaryOperator op, Evaluator a, Evaluator b) => op switch
    {
        BinaryOperator.Add => new BinaryEvaluator<AddOp>(a, b),
        BinaryOperator.Subtract => new BinaryEvaluator<SubtractOp>(a, b),
        BinaryOperator.Multiply => new BinaryEvaluator<MultiplyOp>(a, b),
        BinaryOperator.Divide => new BinaryEvaluator<DivideOp>(a, b),
        BinaryOperator.FloorDivide => new BinaryEvaluator<FloorDivideOp>(a, b),
        BinaryOperator.Modulo => new BinaryEvaluator<ModuloOp>(a, b),
        BinaryOperator.Power => new BinaryEvaluator<PowerOp>(a, b),
        BinaryOperator.And => new BinaryEvaluator<AndOp>(a, b),
        BinaryOperator.Or => new BinaryEvaluator<OrOp>(a, b),
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    public static Evaluator Create(CompareOperator op, Evaluator a, Evaluator b) => op switch
    {
        CompareOperator.Less => new BinaryEvaluator<LessOp>(a, b),
        CompareOperator.LessOrEqual => new BinaryEvaluator<LessOrEqualOp>(a, b),
        CompareOperator.Greater => new BinaryEvaluator<GreaterOp>(a, b),
        CompareOperator.GreaterOrEqual => new BinaryEvaluator<GreaterOrEqualOp>(a, b),
        CompareOperator.Equal => new BinaryEvaluator<EqualOp>(a, b),
        CompareOperator.NotEqual => new BinaryEvaluator<NotEqualOp>(a, b),
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    /// <summary>The evaluator of a two-argument built-in function, or null if there is none of that name.</summary>
    public static Evaluator? CreateFunction(string name, Evaluator a, Evaluator b) => name switch
    {
        "pow" => new BinaryEvaluator<SignedPowerOp>(a, b),
        "max" or "maximum" => new BinaryEvaluator<MaxOp>(a, b),
        "min" or "minimum" => new BinaryEvaluator<MinOp>(a, b),
        "arctan2" => new BinaryEvaluator<Arctan2Op>(a, b),
        "hypot" => new BinaryEvaluator<HypotOp>(a, b),
        _ => null,
    };
}
