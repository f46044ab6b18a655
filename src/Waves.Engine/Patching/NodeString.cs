using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Waves.Engine.Patching;

/// <summary>
/// Node-string notation (spec §1.6): <c>NAME [PARAM…]</c>, where each parameter token is a name
/// of letters and underscores immediately followed by a number (<c>warp1</c>, <c>v.2</c>,
/// <c>f-2.5</c>). Also accepts <c>name=value</c>. Tokens that fit neither are reported instead of
/// being dropped silently.
/// </summary>
public static partial class NodeString
{
    public sealed record Parsed(string Name, RawMapping Overrides, IReadOnlyList<string> Rejected);

    public static Parsed Parse(IReadOnlyList<string> tokens, string origin = "<command line>")
    {
        var name = tokens.Count > 0 ? tokens[0] : "";
        var entries = new List<RawEntry>();
        var rejected = new List<string>();
        for (var i = 1; i < tokens.Count; i++)
        {
            var pos = new SourcePos(origin, 1, i + 1);
            var token = tokens[i];
            string key, value;
            if (token.IndexOf('=') is var eq and > 0)
                (key, value) = (token[..eq], token[(eq + 1)..]);
            else if (Compact().Match(token) is { Success: true } m)
                (key, value) = (m.Groups[1].Value, m.Groups[2].Value);
            else
            {
                rejected.Add(token);
                continue;
            }
            var k = new RawScalar(key, true, pos);
            entries.RemoveAll(e => e.Key.Text == key);
            entries.Add(new RawEntry(k, new RawScalar(value, true, pos)));
        }
        return new Parsed(name, new RawMapping([.. entries], new SourcePos(origin, 1, 1)), rejected);
    }

    public static Parsed Parse(string text, string origin = "<command line>") =>
        Parse(text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries), origin);

    [GeneratedRegex(@"^([A-Za-z_]+)([-+]?\d*\.?\d+)$")]
    private static partial Regex Compact();
}
