using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Waves.Engine.Expressions.Evaluation;

/// <summary><c>t</c>: the time of each sample, (Clock + i) / SampleRate.</summary>
internal sealed class TimeEvaluator : Evaluator
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Evaluate(in EvalFrame frame, Span<double> dst)
    {
        var clock = frame.Clock;
        var rate = frame.SampleRate;
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            // Frame numbers below 2^53 are exact as doubles, so stepping them by 4 is exact too.
            var frames = Vector256.Create((double)clock, clock + 1, clock + 2, clock + 3);
            var r = Vector256.Create(rate);
            for (; i <= frame.Count - 4; i += 4, frames += Vector256.Create(4.0))
                (frames / r).CopyTo(dst.Slice(i, 4));
        }
        for (; i < frame.Count; i++)
            dst[i] = (clock + i) / rate;
    }

    protected override void AllocateCore(int maxBlock)
    {
    }
}
