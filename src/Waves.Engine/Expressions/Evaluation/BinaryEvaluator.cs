namespace Waves.Engine.Expressions.Evaluation;

/// <summary>Combines two operands sample by sample with <typeparamref name="TOp"/>.</summary>
internal sealed class BinaryEvaluator<TOp>(Evaluator left, Evaluator right) : Evaluator
    where TOp : struct, IBinaryOp
{
    private double[] _right = [];

    public override void Evaluate(in EvalFrame frame, Span<double> dst)
    {
        var a = dst[..frame.Count];
        var b = _right.AsSpan(0, frame.Count);
        left.Evaluate(frame, a);
        right.Evaluate(frame, b);
        for (var i = 0; i < a.Length; i++)
            a[i] = TOp.Apply(a[i], b[i]);
    }

    protected override void AllocateCore(int maxBlock)
    {
        _right = new double[maxBlock];
        left.Allocate(maxBlock);
        right.Allocate(maxBlock);
    }
}
