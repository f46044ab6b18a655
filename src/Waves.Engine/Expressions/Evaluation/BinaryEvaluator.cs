using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Waves.Engine.Expressions.Evaluation;

/// <summary>Combines two operands sample by sample with <typeparamref name="TOp"/>. A constant operand
/// is applied as a scalar, without filling a block with it first.</summary>
internal sealed class BinaryEvaluator<TOp>(Evaluator left, Evaluator right) : Evaluator
    where TOp : struct, IBinaryOp
{
    private double[] _right = [];
    private readonly ConstantEvaluator? _constLeft = left as ConstantEvaluator;
    private readonly ConstantEvaluator? _constRight = right as ConstantEvaluator;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Evaluate(in EvalFrame frame, Span<double> dst)
    {
        var a = dst[..frame.Count];
        if (_constRight is { Value: var cr })
        {
            left.Evaluate(frame, a);
            var i = 0;
            if (TOp.Vectorized && Vector256.IsHardwareAccelerated)
            {
                var v = Vector256.Create(cr);
                for (; i <= a.Length - 4; i += 4)
                    TOp.Apply(Vector256.Create(a.Slice(i, 4)), v).CopyTo(a.Slice(i, 4));
            }
            for (; i < a.Length; i++)
                a[i] = TOp.Apply(a[i], cr);
            return;
        }
        if (_constLeft is { Value: var cl })
        {
            right.Evaluate(frame, a);
            var i = 0;
            if (TOp.Vectorized && Vector256.IsHardwareAccelerated)
            {
                var v = Vector256.Create(cl);
                for (; i <= a.Length - 4; i += 4)
                    TOp.Apply(v, Vector256.Create(a.Slice(i, 4))).CopyTo(a.Slice(i, 4));
            }
            for (; i < a.Length; i++)
                a[i] = TOp.Apply(cl, a[i]);
            return;
        }
        {
            var b = _right.AsSpan(0, frame.Count);
            left.Evaluate(frame, a);
            right.Evaluate(frame, b);
            var i = 0;
            if (TOp.Vectorized && Vector256.IsHardwareAccelerated)
                for (; i <= a.Length - 4; i += 4)
                    TOp.Apply(Vector256.Create(a.Slice(i, 4)), Vector256.Create(b.Slice(i, 4))).CopyTo(a.Slice(i, 4));
            for (; i < a.Length; i++)
                a[i] = TOp.Apply(a[i], b[i]);
        }
    }

    protected override void AllocateCore(int maxBlock)
    {
        if (_constLeft is null && _constRight is null) _right = new double[maxBlock];
        left.Allocate(maxBlock);
        right.Allocate(maxBlock);
    }
}
