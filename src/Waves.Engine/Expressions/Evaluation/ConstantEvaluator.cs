namespace Waves.Engine.Expressions.Evaluation;

internal sealed class ConstantEvaluator(double value) : Evaluator
{
    public double Value { get; } = value;

    public override void Evaluate(in EvalFrame frame, Span<double> dst) => dst[..frame.Count].Fill(Value);

    protected override void AllocateCore(int maxBlock)
    {
    }
}
