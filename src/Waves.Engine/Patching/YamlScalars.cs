using System.Globalization;
using System.Text.RegularExpressions;

namespace Waves.Engine.Patching;

/// <summary>
/// Reads plain scalars the way the original's YAML 1.1 loader did, so existing patches mean the
/// same: <c>yes/no/on/off</c> are booleans, <c>010</c> is octal, <c>1_000</c> is a thousand, and
/// <c>-.1</c> or <c>1e3</c> (not YAML 1.1 floats) stay text, which as expressions give the same number.
/// </summary>
public static partial class YamlScalars
{
    public static bool IsNull(RawScalar s) =>
        s.Plain && s.Text is "" or "~" or "null" or "Null" or "NULL";

    public static bool? AsBool(RawScalar s)
    {
        if (!s.Plain) return null;
        return s.Text switch
        {
            "yes" or "Yes" or "YES" or "true" or "True" or "TRUE" or "on" or "On" or "ON" => true,
            "no" or "No" or "NO" or "false" or "False" or "FALSE" or "off" or "Off" or "OFF" => false,
            _ => null,
        };
    }

    /// <summary>The number a plain scalar denotes (booleans count as 1/0), or null.</summary>
    public static double? AsNumber(RawScalar s)
    {
        if (!s.Plain) return null;
        if (AsBool(s) is { } b) return b ? 1 : 0;
        var t = s.Text;
        if (IntPattern().IsMatch(t)) return ParseInt(t);
        if (FloatPattern().IsMatch(t))
        {
            var clean = t.Replace("_", "");
            if (clean.Contains(':')) return Signed(clean, body => Sexagesimal(body));
            return double.TryParse(clean, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) ? f : null;
        }
        var special = t.TrimStart('+', '-');
        if (special is ".inf" or ".Inf" or ".INF") return t.StartsWith('-') ? double.NegativeInfinity : double.PositiveInfinity;
        if (t is ".nan" or ".NaN" or ".NAN") return double.NaN;
        return null;
    }

    // Digits are accumulated as doubles: a number too long for a long is large, not an error.
    static double? ParseInt(string t) => Signed(t.Replace("_", ""), body =>
        body.StartsWith("0b") ? Digits(body[2..], 2)
        : body.StartsWith("0x") ? Digits(body[2..], 16)
        : body.Contains(':') ? Sexagesimal(body)
        : body.Length > 1 && body[0] == '0' ? Digits(body, 8)
        : Digits(body, 10));

    static double? Signed(string t, Func<string, double?> body)
    {
        var neg = t.StartsWith('-');
        return body(t.TrimStart('+', '-')) is { } v ? (neg ? -v : v) : null;
    }

    static double? Digits(string digits, int radix)
    {
        if (digits.Length == 0) return null;
        double v = 0;
        foreach (var c in digits)
        {
            var d = c is >= '0' and <= '9' ? c - '0' : c is >= 'a' and <= 'f' ? c - 'a' + 10 : c is >= 'A' and <= 'F' ? c - 'A' + 10 : 99;
            if (d >= radix) return null;
            v = v * radix + d;
        }
        return v;
    }

    static double? Sexagesimal(string body)
    {
        double v = 0;
        foreach (var part in body.Split(':'))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var p)) return null;
            v = v * 60 + p;
        }
        return v;
    }

    // YAML 1.1 int and float forms (as PyYAML resolves them).
    [GeneratedRegex(@"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$")]
    private static partial Regex IntPattern();

    [GeneratedRegex(@"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*)$")]
    private static partial Regex FloatPattern();
}
