namespace Waves.Engine.Expressions.Evaluation;

/// <summary><c>a if c else b</c> and <c>where(c, a, b)</c>: per sample, a where c is non-zero, else b.</summary>
internal sealed class SelectEvaluator(Evaluator condition, Evaluator whenTrue, Evaluator whenFalse) : Evaluator
{
    private double[] _true = [];
    private double[] _false = [];

    public override void Evaluate(in EvalFrame frame, Span<double> dst)
    {
        var c = dst[..frame.Count];
        var a = _true.AsSpan(0, frame.Count);
        var b = _false.AsSpan(0, frame.Count);
        condition.Evaluate(frame, c);
        whenTrue.Evaluate(frame, a);
        whenFalse.Evaluate(frame, b);
        for (var i = 0; i < c.Length; i++)
            c[i] = c[i] != 0 ? a[i] : b[i];
    }

    protected override void AllocateCore(int maxBlock)
    {
        _true = new double[maxBlock];
        _false = new double[maxBlock];
        condition.Allocate(maxBlock);
        whenTrue.Allocate(maxBlock);
        whenFalse.Allocate(maxBlock);
    }
}
