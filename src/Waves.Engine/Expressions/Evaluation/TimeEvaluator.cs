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
        // Frame numbers below 2^53 are exact as doubles, so stepping them is exact too.
        if (Vector512.IsHardwareAccelerated)
        {
            var frames = Vector512.Create((double)clock) + Vector512.Create(0.0, 1, 2, 3, 4, 5, 6, 7);
            var r = Vector512.Create(rate);
            for (; i <= frame.Count - 8; i += 8, frames += Vector512.Create(8.0))
                (frames / r).StoreUnsafe(ref dst[i]);
        }
        if (Vector256.IsHardwareAccelerated)
        {
            var frames = Vector256.Create((double)clock + i) + Vector256.Create(0.0, 1, 2, 3);
            var r = Vector256.Create(rate);
            for (; i <= frame.Count - 4; i += 4, frames += Vector256.Create(4.0))
                (frames / r).StoreUnsafe(ref dst[i]);
        }
        for (; i < frame.Count; i++)
            dst[i] = (clock + i) / rate;
    }

    protected override void AllocateCore(int maxBlock)
    {
    }
}
