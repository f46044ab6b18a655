namespace Waves.Engine.Expressions.Evaluation;

/// <summary><c>list[i]</c> with an index that varies per sample.</summary>
internal sealed class IndexEvaluator(WaveList list, Evaluator index) : Evaluator
{
    public override void Evaluate(in EvalFrame frame, Span<double> dst)
    {
        var values = dst[..frame.Count];
        index.Evaluate(frame, values);
        list.Evaluate(frame);
        for (var i = 0; i < values.Length; i++)
            values[i] = list.Get(list.ClampIndex(values[i]), i);
    }

    protected override void AllocateCore(int maxBlock)
    {
        list.Allocate(maxBlock);
        index.Allocate(maxBlock);
    }
}
