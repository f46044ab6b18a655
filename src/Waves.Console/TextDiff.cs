namespace Waves.Console;

/// <summary>A short line diff for the session log: lines removed (-) and added (+), in order.</summary>
static class TextDiff
{
    public static IEnumerable<string> Lines(string before, string after)
    {
        var a = before.Split('\n');
        var b = after.Split('\n');
        // Longest common subsequence table; sound files are small.
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y]) { x++; y++; }
            else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1])) yield return $"{x + 1,4} - {a[x++].TrimEnd('\r')}";
            else yield return $"{y + 1,4} + {b[y++].TrimEnd('\r')}";
        }
    }
}
