using Waves.Engine.Rendering;

namespace Waves.Engine.Nodes;

/// <summary>Counter-based random numbers: the value for frame k is a pure function of (seed, k),
/// so noise is the same for any block size and after a reload or replay.</summary>
public static class Noise
{
    public static double Uniform(ulong seed, long k) => Seeds.Unit(Seeds.Mix(seed ^ Seeds.Mix((ulong)k)));

    /// <summary>A standard normal value (Box–Muller on two uniforms of the frame).</summary>
    public static double Gaussian(ulong seed, long k)
    {
        var h = Seeds.Mix(seed ^ Seeds.Mix((ulong)k));
        var u1 = 1.0 - Seeds.Unit(h);                // (0, 1]
        var u2 = Seeds.Unit(Seeds.Mix(h ^ 0xD1B54A32D192ED03UL));
        return Math.Sqrt(-2.0 * Kernels.DetMath.Log(u1)) * Kernels.DetMath.Cos(2 * Math.PI * u2);
    }
}
