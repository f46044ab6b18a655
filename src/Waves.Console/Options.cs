using System.Globalization;

namespace Waves.Console;

/// <summary>Command-line words: positional arguments and <c>--name value</c> options.</summary>
sealed class Options
{
    readonly Dictionary<string, string?> named = new(StringComparer.Ordinal);

    public List<string> Positional { get; } = [];

    /// <param name="flags">Options that take no value.</param>
    public static Options Parse(IEnumerable<string> args, IReadOnlySet<string> flags)
    {
        var o = new Options();
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var a = e.Current;
            if (a.StartsWith('-') && a.Length > 1 && !char.IsDigit(a[1]) && a[1] != '.')
            {
                if (flags.Contains(a)) { o.named[a] = null; continue; }
                if (!e.MoveNext()) throw new UsageException($"option {a} needs a value");
                o.named[a] = e.Current;
            }
            else o.Positional.Add(a);
        }
        return o;
    }

    public bool Has(string name) => named.ContainsKey(name);

    public string? Get(string name, string? alias = null) =>
        named.TryGetValue(name, out var v) ? v : alias is not null && named.TryGetValue(alias, out var w) ? w : null;

    public double? Number(string name)
    {
        var s = Get(name);
        if (s is null) return null;
        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v : throw new UsageException($"{name} expects a number, got '{s}'");
    }

    public int? Int(string name, int min, int max)
    {
        var s = Get(name);
        if (s is null) return null;
        return int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
            ? v : throw new UsageException($"{name} expects a whole number from {min} to {max}, got '{s}'");
    }

    /// <summary>Rejects options other than <paramref name="known"/> and more positional words than allowed.</summary>
    public void RequireOnly(IEnumerable<string> known, int positional)
    {
        if (Unknown(known).FirstOrDefault() is { } unknown) throw new UsageException($"unknown option {unknown}");
        if (Positional.Count > positional) throw new UsageException($"unexpected argument '{Positional[positional]}'");
    }

    public IEnumerable<string> Unknown(IEnumerable<string> known) => named.Keys.Except(known);
}

sealed class UsageException(string message) : Exception(message);
