namespace Waves.Engine.Expressions.Evaluation;

/// <summary>Counter-based randomness for <c>rand</c>: each draw is a pure function of
/// (seed, call site, period), so it needs no state and does not depend on the block size.
/// The seed comes from the session seed, the node id and the parameter (see CompileScope); the
/// call site is the <c>rand</c>'s number in its expression, in source order, so every call draws
/// on its own. The original drew anew at each evaluation, unseeded; this keeps one value per
/// evaluation but makes it reproducible from the seed and the same for any block size.</summary>
internal static class RandHash
{
    /// <summary>Samples per drawn value. The original drew once per evaluation, i.e. per 2048-frame
    /// chunk; a fixed period of the clock keeps that feel without tying it to the block size.</summary>
    public const int RandPeriod = 2048;

    /// <summary>The period that sample <paramref name="frame"/> falls in (floored, also for negative frames).</summary>
    public static long PeriodOf(long frame) => frame >= 0 ? frame / RandPeriod : (frame + 1) / RandPeriod - 1;

    /// <summary>A uniform value in [0, 1) for the given seed, call site and period.</summary>
    public static double Uniform(ulong seed, int site, long period)
    {
        var x = Mix(seed ^ Mix((ulong)site + 0x9E3779B97F4A7C15UL));
        x = Mix(x + (ulong)period * 0x9E3779B97F4A7C15UL);
        return (x >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>SplitMix64's finalizer.</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
