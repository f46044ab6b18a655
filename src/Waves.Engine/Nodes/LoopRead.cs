namespace Waves.Engine.Nodes;

/// <summary>
/// Where a looping playhead reads inside the window [start, end) of W frames. Without overlap a
/// position wraps into the window, as in the original. With an overlap of X = overlap·W frames the
/// loop repeats every P = W − X frames and its last X frames are crossfaded (equal power) into its
/// first X, so the seam is smooth in both directions; the first pass plays the window's start as is.
/// </summary>
public readonly record struct LoopRead(double Position, double Other, float Gain, float OtherGain)
{
    /// <summary>The reads for playhead <paramref name="pos"/>; <paramref name="overlap"/> is a fraction of W below 1.</summary>
    public static LoopRead At(double pos, int start, int end, double overlap)
    {
        var w = Math.Max(1, end - start);
        var x = overlap > 0 ? Math.Min(w - 1, (int)(overlap * w)) : 0;
        var period = w - x;
        var rel = pos - start;
        var k = Math.Floor(rel / period);
        var u = rel - k * period;
        if (u >= period) u = 0; // rounding at the top edge
        if (k == 0 || x == 0 || u >= x) return new(start + u, 0, 1, 0);
        var f = u / x;
        return new(start + u, start + u + period, (float)Math.Sqrt(f), (float)Math.Sqrt(1 - f));
    }

    /// <summary>Where a loop starts when played backwards: the last frame of its first pass.</summary>
    public static double ReverseStart(int start, int end, double overlap)
    {
        var w = Math.Max(1, end - start);
        var x = overlap > 0 ? Math.Min(w - 1, (int)(overlap * w)) : 0;
        return start + (w - x) - 1;
    }
}
