namespace Waves.Engine.Nodes;

public enum FilterShape { Lowpass, Highpass, Bandpass, Notch }

/// <summary>
/// Coefficients of a trapezoidal (TPT) state-variable filter, Simper's form. Its transfer function
/// is exactly that of the RBJ cookbook biquad of the same shape, cutoff and Q (both are the
/// prewarped bilinear transform of the same analog prototype; the band-pass is the cookbook's
/// constant-0-dB-peak one). Unlike a direct-form biquad, its state stays bounded when the cutoff
/// and Q change every sample, which is why it is used for per-sample modulation.
/// Output = gain · (m0·input + m1·band + m2·low).
/// </summary>
public readonly struct Svf
{
    readonly double a1, a2, a3, m0, m1, m2;

    /// <summary>Smallest and largest Q: below 0.1 the response is flat mush, and above 1000 a
    /// modulated filter only whistles louder (the original's Q fell to 0 and broke the filter at
    /// peak ≈ −3.4, and had no upper bound).</summary>
    public const double MinQ = 0.1, MaxQ = 1000;

    public Svf(FilterShape shape, double cutoff, double q, double sampleRate)
    {
        var g = Kernels.DetMath.Tan(Math.PI * cutoff / sampleRate);
        var k = 1 / q;
        a1 = 1 / (1 + g * (g + k));
        a2 = g * a1;
        a3 = g * a2;
        // Resonance gain compensation of the original: above Q = 1 the output is scaled by 1/√Q.
        var gain = q > 1 ? 1 / Math.Sqrt(q) : 1;
        (m0, m1, m2) = shape switch
        {
            FilterShape.Lowpass => (0.0, 0.0, gain),
            FilterShape.Highpass => (gain, -k * gain, -gain),
            FilterShape.Bandpass => (0.0, k * gain, 0.0),
            _ => (gain, -k * gain, 0.0),
        };
    }

    /// <summary>One sample through the filter whose memory is (<paramref name="s1"/>, <paramref name="s2"/>).</summary>
    public double Tick(ref double s1, ref double s2, double x)
    {
        var v3 = x - s2;
        var band = a1 * s1 + a2 * v3;
        var low = s2 + a2 * s1 + a3 * v3;
        s1 = 2 * band - s1;
        s2 = 2 * low - s2;
        return m0 * x + m1 * band + m2 * low;
    }

    /// <summary>The original's mapping of <c>peak</c> to Q (−1 → 0.5, 0 → 0.707, 1 → 10, 2 → 37.9),
    /// clamped to [<see cref="MinQ"/>, <see cref="MaxQ"/>]; a value that is not a number means 0.</summary>
    public static double QFromPeak(double peak)
    {
        if (!double.IsFinite(peak)) peak = double.IsPositiveInfinity(peak) ? 1e6 : 0;
        var t = (peak + 1) / 2;
        var u = (t - 0.5) / 0.5;
        var q = t < 0.5 ? 0.5 + 0.207 * (t / 0.5) : 0.707 + 9.293 * u * u;
        return Math.Min(MaxQ, Math.Max(MinQ, q));
    }
}
