using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Waves.Engine.Kernels;

namespace Waves.Engine.Expressions.Evaluation;

/// <summary>Combines two operands sample by sample with <typeparamref name="TOp"/>. A constant operand
/// is applied as a scalar, without filling a block with it first.</summary>
internal sealed class BinaryEvaluator<TOp>(Evaluator left, Evaluator right) : Evaluator
    where TOp : struct, IBinaryOp
{
    private double[] _right = [];
    private readonly ConstantEvaluator? _constLeft = left as ConstantEvaluator;
    private readonly ConstantEvaluator? _constRight = right as ConstantEvaluator;

    public override void Evaluate(in EvalFrame frame, Span<double> dst)
    {
        var a = dst[..frame.Count];
        if (_constRight is { Value: var cr })
        {
            left.Evaluate(frame, a);
            Apply(a, default, cr, constant: 2);
        }
        else if (_constLeft is { Value: var cl })
        {
            right.Evaluate(frame, a);
            Apply(a, default, cl, constant: 1);
        }
        else
        {
            var b = _right.AsSpan(0, frame.Count);
            left.Evaluate(frame, a);
            right.Evaluate(frame, b);
            Apply(a, b, 0, constant: 0);
        }
    }

    /// <summary>a ← a op b; with <paramref name="constant"/> 1 the left operand is <paramref name="c"/>
    /// (a holds the right one), with 2 the right operand is.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void Apply(Span<double> a, ReadOnlySpan<double> b, double c, int constant)
    {
        var n = a.Length;
        ref var x = ref MemoryMarshal.GetReference(a);
        ref var y = ref MemoryMarshal.GetReference(b);
        var i = 0;
        if (TOp.Vectorized)
        {
            if (Vector512.IsHardwareAccelerated)
                for (; i <= n - 8; i += 8)
                    Lanes8.Store(Lanes<Vector512<double>, Lanes8>(ref Unsafe.Add(ref x, i), ref Unsafe.Add(ref y, i), c, constant), ref Unsafe.Add(ref x, i));
            if (Vector256.IsHardwareAccelerated)
                for (; i <= n - 4; i += 4)
                    Lanes4.Store(Lanes<Vector256<double>, Lanes4>(ref Unsafe.Add(ref x, i), ref Unsafe.Add(ref y, i), c, constant), ref Unsafe.Add(ref x, i));
        }
        for (; i < n; i++)
        {
            var v = Unsafe.Add(ref x, i);
            Unsafe.Add(ref x, i) = constant switch
            {
                2 => TOp.Apply(v, c),
                1 => TOp.Apply(c, v),
                _ => TOp.Apply(v, Unsafe.Add(ref y, i)),
            };
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static TV Lanes<TV, TL>(ref double x, ref double y, double c, int constant) where TV : struct where TL : struct, IDoubleLanes<TV>
    {
        var v = TL.Load(ref x);
        return constant switch
        {
            2 => TOp.Apply<TV, TL>(v, TL.Create(c)),
            1 => TOp.Apply<TV, TL>(TL.Create(c), v),
            _ => TOp.Apply<TV, TL>(v, TL.Load(ref y)),
        };
    }

    protected override void AllocateCore(int maxBlock)
    {
        if (_constLeft is null && _constRight is null) _right = new double[maxBlock];
        left.Allocate(maxBlock);
        right.Allocate(maxBlock);
    }
}
