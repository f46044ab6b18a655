namespace Waves.Engine.Expressions.Evaluation;

/// <summary><c>rand(list)</c>: an item chosen anew each <see cref="RandHash.RandPeriod"/> samples (and at
/// each start of its voice).</summary>
internal sealed class RandChoiceEvaluator(ulong seed, int site, WaveList list, IVoiceOrdinal? voice) : Evaluator
{
    public override void Evaluate(in EvalFrame frame, Span<double> dst)
    {
        list.Evaluate(frame);
        var period = long.MinValue;
        var k = 0;
        var drawSeed = IVoiceOrdinal.Seed(seed, voice);
        for (var i = 0; i < frame.Count; i++)
        {
            var p = RandHash.PeriodOf(frame.Clock + i);
            if (p != period)
            {
                period = p;
                k = Math.Min((int)(RandHash.Uniform(drawSeed, site, p) * list.Count), list.Count - 1);
            }

            dst[i] = list.Get(k, i);
        }
    }

    protected override void AllocateCore(int maxBlock) => list.Allocate(maxBlock);
}
