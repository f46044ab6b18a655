using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Waves.Engine.Kernels;

namespace Waves.Engine.Nodes;

/// <summary>Equal-power pan: θ = (p+1)/2·π/2, gains (cos θ, sin θ) with the project's own sine and
/// cosine; exact at −1, 0 and 1. Not clamped.</summary>
public static class PanLaw
{
    public const float Centre = 0.70710678f;

    public static (float Left, float Right) Gains(float pan)
    {
        var (l, r) = Lane<double, Lanes1>(pan);
        return ((float)l, (float)r);
    }

    /// <summary>The gains of every pan value, as <see cref="Gains"/> gives them, 8 or 4 at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Fill(ReadOnlySpan<float> pan, Span<float> left, Span<float> right)
    {
        var n = pan.Length;
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
            for (; i <= n - 8; i += 8)
            {
                var p = Vector256.Create(pan.Slice(i, 8));
                var (l, r) = Lane<Vector512<double>, Lanes8>(Vector512.Create(Vector256.WidenLower(p), Vector256.WidenUpper(p)));
                Vector256.Narrow(l.GetLower(), l.GetUpper()).CopyTo(left.Slice(i, 8));
                Vector256.Narrow(r.GetLower(), r.GetUpper()).CopyTo(right.Slice(i, 8));
            }
        if (Vector256.IsHardwareAccelerated)
            for (; i <= n - 4; i += 4)
            {
                var p = Vector128.Create(pan.Slice(i, 4));
                var (l, r) = Lane<Vector256<double>, Lanes4>(Vector256.Create(Vector128.WidenLower(p), Vector128.WidenUpper(p)));
                Vector128.Narrow(l.GetLower(), l.GetUpper()).CopyTo(left.Slice(i, 4));
                Vector128.Narrow(r.GetLower(), r.GetUpper()).CopyTo(right.Slice(i, 4));
            }
        for (; i < n; i++) (left[i], right[i]) = Gains(pan[i]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static (TV Left, TV Right) Lane<TV, TL>(TV p) where TV : struct where TL : struct, IDoubleLanes<TV>
    {
        var one = TL.Create(1);
        var (sin, cos) = DetMath.SinCos<TV, TL>(TL.Mul(TL.Mul(TL.Add(p, one), TL.Create(0.5)), TL.Create(Math.PI / 2)));
        var zero = TL.Create(0);
        var centre = TL.Create(Centre);
        var hardLeft = TL.Equal(p, TL.Create(-1));
        var hardRight = TL.Equal(p, one);
        var middle = TL.Equal(p, zero);
        var l = TL.Select(hardLeft, one, TL.Select(hardRight, zero, TL.Select(middle, centre, cos)));
        var r = TL.Select(hardLeft, zero, TL.Select(hardRight, one, TL.Select(middle, centre, sin)));
        return (l, r);
    }
}
