namespace Waves.Engine.Expressions.Evaluation;

/// <summary>sum/mean/std/max/min over the items of a list, per sample. std is the population one (numpy's default).
/// An empty list sums to 0 and has NaN mean and std; max/min of an empty list are rejected when compiling.</summary>
internal sealed class ListReduceEvaluator(WaveList list, ListReduction reduction) : Evaluator
{
    public override void Evaluate(in EvalFrame frame, Span<double> dst)
    {
        var values = dst[..frame.Count];
        list.Evaluate(frame);
        var n = list.Count;
        for (var i = 0; i < values.Length; i++)
            values[i] = reduction switch
            {
                ListReduction.Sum => Sum(i),
                ListReduction.Mean => Sum(i) / n,
                ListReduction.Std => Std(i),
                ListReduction.Max => Extremum(i, max: true),
                _ => Extremum(i, max: false),
            };
    }

    protected override void AllocateCore(int maxBlock) => list.Allocate(maxBlock);

    private double Sum(int i)
    {
        var sum = 0.0;
        for (var k = 0; k < list.Count; k++)
            sum += list.Get(k, i);
        return sum;
    }

    private double Std(int i)
    {
        var mean = Sum(i) / list.Count;
        var squares = 0.0;
        for (var k = 0; k < list.Count; k++)
        {
            var d = list.Get(k, i) - mean;
            squares += d * d;
        }

        return Math.Sqrt(squares / list.Count);
    }

    private double Extremum(int i, bool max)
    {
        var best = list.Get(0, i);
        for (var k = 1; k < list.Count; k++)
            best = max ? Math.Max(best, list.Get(k, i)) : Math.Min(best, list.Get(k, i));
        return best;
    }
}
