using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Waves.Engine.Kernels;

/// <summary>
/// Element-wise float arithmetic over blocks (products and sums through TensorPrimitives). Each
/// element gets the same IEEE operations in the vector loop and the scalar tail, so the result does
/// not depend on the vector width or on hardware intrinsics being available.
/// </summary>
public static class SpanMath
{
    /// <summary>x[i] ·= y[i].</summary>
    public static void Multiply(Span<float> x, ReadOnlySpan<float> y) => TensorPrimitives.Multiply(x, y, x);

    /// <summary>x[i] ·= k.</summary>
    public static void Scale(Span<float> x, float k) => TensorPrimitives.Multiply(x, k, x);

    /// <summary>dst[i] = x[i] · y[i].</summary>
    public static void Product(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> dst) => TensorPrimitives.Multiply(x[..dst.Length], y[..dst.Length], dst);

    /// <summary>acc[i] += x[i] · g (for g = 1, exactly acc[i] += x[i]); a product and a sum, not fused.</summary>
    public static void AddScaled(Span<float> acc, ReadOnlySpan<float> x, float g) => TensorPrimitives.MultiplyAdd(x[..acc.Length], g, acc, acc);

    /// <summary>True when every element is finite; otherwise replaces the others by 0 and returns false.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool ZeroNonFinite(Span<float> x)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            // x − x is 0 for finite x and NaN for ±∞ and NaN.
            var bad = Vector256<float>.Zero;
            for (; i <= x.Length - 8; i += 8)
            {
                var v = Vector256.Create(x.Slice(i, 8));
                bad |= ~Vector256.Equals(v - v, Vector256<float>.Zero);
            }
            if (bad == Vector256<float>.Zero)
            {
                for (; i < x.Length; i++)
                    if (!float.IsFinite(x[i])) return Scalar(x);
                return true;
            }
        }
        return Scalar(x);

        static bool Scalar(Span<float> x)
        {
            var ok = true;
            for (var i = 0; i < x.Length; i++)
                if (!float.IsFinite(x[i]))
                {
                    x[i] = 0;
                    ok = false;
                }
            return ok;
        }
    }

    /// <summary>Largest |x[i]| (NaN ignored).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float PeakMagnitude(ReadOnlySpan<float> x)
    {
        var i = 0;
        var peak = 0f;
        if (Vector256.IsHardwareAccelerated && x.Length >= 8)
        {
            var m = Vector256<float>.Zero;
            for (; i <= x.Length - 8; i += 8) m = Vector256.Max(m, Vector256.Abs(Vector256.Create(x.Slice(i, 8))));
            for (var k = 0; k < 8; k++) peak = Math.Max(peak, m[k]);
        }
        for (; i < x.Length; i++) peak = Math.Max(peak, Math.Abs(x[i]));
        return peak;
    }
}
