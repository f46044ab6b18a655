using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Waves.Engine.Kernels;

namespace Waves.Engine.Expressions.Evaluation;

/// <summary>Applies <typeparamref name="TOp"/> to each sample of its operand; the struct type argument
/// lets the JIT inline the operation into the loop.</summary>
internal sealed class UnaryEvaluator<TOp>(Evaluator operand) : Evaluator
    where TOp : struct, IUnaryOp
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Evaluate(in EvalFrame frame, Span<double> dst)
    {
        var values = dst[..frame.Count];
        operand.Evaluate(frame, values);
        var n = values.Length;
        ref var v = ref MemoryMarshal.GetReference(values);
        var i = 0;
        if (TOp.Vectorized)
        {
            if (Vector512.IsHardwareAccelerated)
                for (; i <= n - 8; i += 8)
                    Lanes8.Store(TOp.Apply<Vector512<double>, Lanes8>(Lanes8.Load(ref Unsafe.Add(ref v, i))), ref Unsafe.Add(ref v, i));
            if (Vector256.IsHardwareAccelerated)
                for (; i <= n - 4; i += 4)
                    Lanes4.Store(TOp.Apply<Vector256<double>, Lanes4>(Lanes4.Load(ref Unsafe.Add(ref v, i))), ref Unsafe.Add(ref v, i));
        }
        for (; i < n; i++)
            Unsafe.Add(ref v, i) = TOp.Apply(Unsafe.Add(ref v, i));
    }

    protected override void AllocateCore(int maxBlock) => operand.Allocate(maxBlock);
}
