namespace Waves.Engine.Expressions.Evaluation;

/// <summary>Reads a patch signal's current block. A source shorter than the block reads as silence
/// past its end rather than failing on the render thread.</summary>
internal sealed class SignalEvaluator(ISignalSource source) : Evaluator
{
    public override void Evaluate(in EvalFrame frame, Span<double> dst)
    {
        var values = source.Current;
        var count = Math.Min(frame.Count, values.Length);
        for (var i = 0; i < count; i++)
            dst[i] = values[i];
        dst[count..frame.Count].Clear();
    }

    protected override void AllocateCore(int maxBlock)
    {
    }
}
