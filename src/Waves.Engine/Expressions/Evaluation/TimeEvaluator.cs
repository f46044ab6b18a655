namespace Waves.Engine.Expressions.Evaluation;

/// <summary><c>t</c>: the time of each sample, (Clock + i) / SampleRate.</summary>
internal sealed class TimeEvaluator : Evaluator
{
    public override void Evaluate(in EvalFrame frame, Span<double> dst)
    {
        var clock = frame.Clock;
        var rate = frame.SampleRate;
        for (var i = 0; i < frame.Count; i++)
            dst[i] = (clock + i) / rate;
    }

    protected override void AllocateCore(int maxBlock)
    {
    }
}
