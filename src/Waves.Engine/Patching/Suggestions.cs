namespace Waves.Engine.Patching;

/// <summary>The closest known name to a misspelt one, for "did you mean" in problems.</summary>
public static class Suggestions
{
    const int MaxLength = 64;

    /// <summary>The candidate nearest to <paramref name="name"/> by edit distance (a swap of two
    /// neighbours counts as one edit), if it is near enough to be a slip; ties go to the first in
    /// ordinal order so the message does not depend on dictionary order.</summary>
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        // Names are short; a long one is no slip (and would cost a large table).
        if (name.Length > MaxLength) return null;
        var limit = Math.Clamp(name.Length / 3, 1, 3);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var c in candidates.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            // The distance is at least the difference in length.
            if (c == name || Math.Abs(c.Length - name.Length) > limit) continue;
            var d = Distance(name.ToLowerInvariant(), c.ToLowerInvariant());
            if (d <= limit && d < bestDistance) (best, bestDistance) = (c, d);
        }
        return best;
    }

    /// <summary>" — did you mean 'x'?" or nothing.</summary>
    public static string DidYouMean(string name, IEnumerable<string> candidates) =>
        Closest(name, candidates) is { } s ? $" — did you mean '{s}'?" : "";

    /// <summary>Optimal string alignment distance.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }
}
