namespace Waves.Engine.Expressions.Evaluation;

/// <summary><c>rand()</c>, <c>rand(hi)</c>, <c>rand(lo, hi)</c>: lo + u·(hi − lo) with u uniform in [0, 1),
/// u drawn anew each <see cref="RandHash.RandPeriod"/> samples (and at each start of its voice); the
/// bounds are read per sample.</summary>
internal sealed class RandEvaluator(ulong seed, int site, Evaluator low, Evaluator high, IVoiceOrdinal? voice) : Evaluator
{
    private double[] _high = [];

    public override void Evaluate(in EvalFrame frame, Span<double> dst)
    {
        var lo = dst[..frame.Count];
        var hi = _high.AsSpan(0, frame.Count);
        low.Evaluate(frame, lo);
        high.Evaluate(frame, hi);
        var period = long.MinValue;
        var u = 0.0;
        var drawSeed = IVoiceOrdinal.Seed(seed, voice);
        for (var i = 0; i < lo.Length; i++)
        {
            var p = RandHash.PeriodOf(frame.Clock + i);
            if (p != period)
            {
                period = p;
                u = RandHash.Uniform(drawSeed, site, p);
            }

            lo[i] += u * (hi[i] - lo[i]);
        }
    }

    protected override void AllocateCore(int maxBlock)
    {
        _high = new double[maxBlock];
        low.Allocate(maxBlock);
        high.Allocate(maxBlock);
    }
}
