namespace Waves.Engine.Expressions.Evaluation;

/// <summary>Applies <typeparamref name="TOp"/> to each sample of its operand; the struct type argument
/// lets the JIT inline the operation into the loop.</summary>
internal sealed class UnaryEvaluator<TOp>(Evaluator operand) : Evaluator
    where TOp : struct, IUnaryOp
{
    public override void Evaluate(in EvalFrame frame, Span<double> dst)
    {
        var values = dst[..frame.Count];
        operand.Evaluate(frame, values);
        for (var i = 0; i < values.Length; i++)
            values[i] = TOp.Apply(values[i]);
    }

    protected override void AllocateCore(int maxBlock) => operand.Allocate(maxBlock);
}
