namespace Waves.Engine.Nodes;

/// <summary>The fade curves of the original: exponential over x = 0…5 across the stage
/// (linspace including both ends), so a rise stops at 0.99326 and then jumps to its target.</summary>
public static class Shapes
{
    /// <summary>Stage position of frame <paramref name="k"/> of <paramref name="length"/>, as x in 0…5.</summary>
    public static double X(long k, long length) => length > 1 ? 5.0 * k / (length - 1) : 0;

    public static double Rise(long k, long length) => 1 - Kernels.DetMath.Exp(-X(k, length));

    public static double Fall(long k, long length) => Kernels.DetMath.Exp(-X(k, length));
}
