namespace Waves.Engine.Rendering;

/// <summary>
/// A wave of seconds read as whole frames (truncated, as the original did). A constant is
/// converted at full precision once, so 0.01 s is 441 frames at 44.1 kHz (its float would give 440).
/// </summary>
public sealed class FramesWave(Wave seconds, double sampleRate, int maxBlock)
{
    readonly float[] buffer = new float[maxBlock];
    readonly long constant = seconds.IsConstant ? ToFrames(seconds.ExactConstant, sampleRate) : -1;

    public Wave Seconds => seconds;

    /// <summary>True when the value is constant and at most 0 frames.</summary>
    public bool IsZero => seconds.IsConstant && constant <= 0;

    public static long ToFrames(double seconds, double sampleRate) =>
        double.IsFinite(seconds) && seconds > 0 ? (long)(seconds * sampleRate) : 0;

    public void Fill(in Block block, long clock)
    {
        if (constant < 0) seconds.Fill(block, clock, buffer);
    }

    /// <summary>Frames at sample <paramref name="i"/> of the block last filled.</summary>
    public long At(int i) => constant >= 0 ? constant : ToFrames(buffer[i], sampleRate);
}
