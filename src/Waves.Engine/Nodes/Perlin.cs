using Waves.Engine.Rendering;

namespace Waves.Engine.Nodes;

/// <summary>
/// One-octave improved Perlin noise in one dimension, as the original's noise library computed
/// it (quintic fade, gradients from the x components of GRAD3, period 1024), with the permutation
/// shuffled by the node's own seed. Output lies within ±0.5 and is 0 at whole x.
/// </summary>
public sealed class Perlin
{
    static readonly int[] GradX = [1, -1, 1, -1, 1, -1, 1, -1, 0, 0, 0, 0, 1, 0, -1, 0];
    readonly int[] perm = new int[512];

    public Perlin(ulong seed)
    {
        var p = new int[256];
        for (var i = 0; i < 256; i++) p[i] = i;
        for (var i = 255; i > 0; i--)
        {
            var j = (int)(Noise.Uniform(seed, i) * (i + 1));
            (p[i], p[j]) = (p[j], p[i]);
        }
        for (var i = 0; i < 512; i++) perm[i] = p[i & 255];
    }

    public double At(double x)
    {
        var fl = Math.Floor(x);
        var i = (long)fl % 1024;
        if (i < 0) i += 1024;
        var ii = (i + 1) % 1024;
        var f = x - fl;
        var fade = f * f * f * (f * (f * 6 - 15) + 10);
        var g0 = GradX[perm[(int)(i & 255)] & 15] * f;
        var g1 = GradX[perm[(int)(ii & 255)] & 15] * (f - 1);
        return g0 + fade * (g1 - g0);
    }
}
