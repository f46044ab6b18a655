using Waves.Engine.Expressions;

namespace Waves.Engine.Rendering;

/// <summary>An expression evaluated per sample; <c>t</c> is the owning node's time.</summary>
public sealed class ExprWave(CompiledExpression expr, int maxBlock, double sampleRate) : Wave
{
    readonly double[] scratch = new double[maxBlock];

    public override bool IsConstant => expr.IsConstant;
    public override float Constant => (float)expr.ConstantValue;
    public override double ExactConstant => expr.ConstantValue;

    public override int Fill(in Block block, long clock, Span<float> dst)
    {
        var n = block.Count;
        var tmp = scratch.AsSpan(0, n);
        expr.Evaluate(new EvalFrame(clock, n, sampleRate), tmp);
        for (var i = 0; i < n; i++) dst[i] = (float)tmp[i];
        return n;
    }
}
