using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Waves.Engine.Expressions;

namespace Waves.Engine.Rendering;

/// <summary>An expression evaluated per sample; <c>t</c> is the owning node's time.</summary>
public sealed class ExprWave(CompiledExpression expr, int maxBlock, double sampleRate) : Wave
{
    readonly double[] scratch = new double[maxBlock];

    public override bool IsConstant => expr.IsConstant;
    public override float Constant => (float)expr.ConstantValue;
    public override double ExactConstant => expr.ConstantValue;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override int Fill(in Block block, long clock, Span<float> dst)
    {
        var n = block.Count;
        var tmp = scratch.AsSpan(0, n);
        expr.Evaluate(new EvalFrame(clock, n, sampleRate) { Frame = block.Frame }, tmp);
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
            for (; i <= n - 16; i += 16)
                Vector512.Narrow(Vector512.Create(tmp.Slice(i, 8)), Vector512.Create(tmp.Slice(i + 8, 8))).CopyTo(dst.Slice(i, 16));
        if (Vector256.IsHardwareAccelerated)
            for (; i <= n - 8; i += 8)
                Vector256.Narrow(Vector256.Create(tmp.Slice(i, 4)), Vector256.Create(tmp.Slice(i + 4, 4))).CopyTo(dst.Slice(i, 8));
        for (; i < n; i++) dst[i] = (float)tmp[i];
        return n;
    }
}
