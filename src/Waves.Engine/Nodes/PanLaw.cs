namespace Waves.Engine.Nodes;

/// <summary>Equal-power pan: θ = (p+1)/2·π/2, gains (cos θ, sin θ); exact at −1, 0 and 1. Not clamped.</summary>
public static class PanLaw
{
    public const float Centre = 0.70710678f;

    public static (float Left, float Right) Gains(float pan)
    {
        if (pan == -1f) return (1f, 0f);
        if (pan == 1f) return (0f, 1f);
        if (pan == 0f) return (Centre, Centre);
        var theta = (pan + 1.0) / 2.0 * (Math.PI / 2.0);
        return ((float)Math.Cos(theta), (float)Math.Sin(theta));
    }
}
