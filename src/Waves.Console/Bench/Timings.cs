using System.Diagnostics;
using System.Globalization;

namespace Waves.Console.Bench;

/// <summary>A set of measured durations, in milliseconds, and the statistics the bench prints.</summary>
sealed class Timings
{
    readonly List<double> ms = [];

    public int Count => ms.Count;

    public void Add(double milliseconds) => ms.Add(milliseconds);

    public void Add(TimeSpan time) => ms.Add(time.TotalMilliseconds);

    /// <summary>Adds the time between two <see cref="Stopwatch.GetTimestamp"/> values.</summary>
    public void AddTicks(long from, long to) => ms.Add(Stopwatch.GetElapsedTime(from, to).TotalMilliseconds);

    public double Median => Percentile(50);

    public double P99 => Percentile(99);

    public double Max => ms.Count == 0 ? double.NaN : ms.Max();

    /// <summary>The <paramref name="p"/>-th percentile, interpolated linearly between the closest
    /// ranks (the median of an even count is the mean of the middle two); NaN when empty.</summary>
    public double Percentile(double p)
    {
        if (ms.Count == 0) return double.NaN;
        var sorted = ms.Order().ToArray();
        var rank = p / 100 * (sorted.Length - 1);
        var lo = (int)Math.Floor(rank);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
    }

    /// <summary>A duration in milliseconds as printed: three significant digits at least, one decimal place at most.</summary>
    public static string Ms(double v) => double.IsNaN(v) ? "n/a" :
        (v < 10 ? v.ToString("0.00", CultureInfo.InvariantCulture) : v.ToString("0.0", CultureInfo.InvariantCulture)) + " ms";
}
