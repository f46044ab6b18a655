using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Waves.Engine.Expressions.Evaluation;

/// <summary>Applies <typeparamref name="TOp"/> to each sample of its operand; the struct type argument
/// lets the JIT inline the operation into the loop.</summary>
internal sealed class UnaryEvaluator<TOp>(Evaluator operand) : Evaluator
    where TOp : struct, IUnaryOp
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Evaluate(in EvalFrame frame, Span<double> dst)
    {
        var values = dst[..frame.Count];
        operand.Evaluate(frame, values);
        var i = 0;
        if (TOp.Vectorized && Vector256.IsHardwareAccelerated)
            for (; i <= values.Length - 4; i += 4)
                TOp.Apply(Vector256.Create(values.Slice(i, 4))).CopyTo(values.Slice(i, 4));
        for (; i < values.Length; i++)
            values[i] = TOp.Apply(values[i]);
    }

    protected override void AllocateCore(int maxBlock) => operand.Allocate(maxBlock);
}
