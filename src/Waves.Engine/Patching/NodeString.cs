using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Waves.Engine.Patching;

/// <summary>
/// Node-string notation (spec §1.6): <c>NAME [PARAM…]</c>, where each parameter token is a name
/// of letters and underscores immediately followed by a number (<c>warp1</c>, <c>v.2</c>,
/// <c>f-2.5</c>, <c>cc16</c> is <c>cc</c> = 16). Also accepts <c>name=value</c>, whose value is read
/// like a YAML scalar (so it may be an expression). A compact value is a decimal number, as the
/// original read it (<c>f010</c> is 10, not YAML's octal 8). Tokens that fit neither form
/// (<c>x1e3</c>, bare words, <c>f440.</c>) are reported with the reason instead of being
/// dropped silently as the original did; later tokens of a name win over earlier ones.
/// </summary>
public static partial class NodeString
{
    /// <param name="Name">The first token: the sound.</param>
    /// <param name="Overrides">The parameters, as a mapping of plain scalars (positions: see the Parse overloads).</param>
    /// <param name="Rejected">Tokens that are not parameters, in order.</param>
    public sealed record Parsed(string Name, RawMapping Overrides, IReadOnlyList<string> Rejected)
    {
        /// <summary>One error per rejected token, at the token, saying why it was not read.</summary>
        public IReadOnlyList<Problem> Problems { get; init; } = [];
    }

    /// <summary>Parses command-line arguments: the sound, then one parameter per argument. A position's
    /// column is the argument's number (the sound is 1), in the file <paramref name="origin"/>.</summary>
    public static Parsed Parse(IReadOnlyList<string> tokens, string origin = "<command line>") =>
        Read([.. tokens.Select((t, i) => (t, new SourcePos(origin, 1, i + 1)))], new SourcePos(origin, 1, 1));

    /// <summary>Parses whitespace-separated tokens of one line, numbered as <see cref="Parse(IReadOnlyList{string}, string)"/> does.</summary>
    public static Parsed Parse(string text, string origin = "<command line>") =>
        Parse(text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries), origin);

    /// <summary>Parses one node string written in a sound file, <paramref name="at"/> being the position
    /// of its first character: positions of tokens are their columns on that line.</summary>
    public static Parsed Parse(string text, SourcePos at) => Read(Tokens(text, at), at);

    /// <summary>
    /// A sequencer step written as text: comma-separated node strings (<c>"kick, hat v0.5"</c>), each
    /// a sound to start. Empty text (or only commas and spaces) is a rest: no sounds. A step written as a
    /// YAML list is parsed item by item with this too. <paramref name="at"/> is the position of the
    /// text's first character.
    /// </summary>
    public static IReadOnlyList<Parsed> ParseStep(string text, SourcePos at)
    {
        var sounds = new List<Parsed>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != ',') continue;
            var part = text[start..i];
            if (!string.IsNullOrWhiteSpace(part)) sounds.Add(Parse(part, at.Offset(start)));
            start = i + 1;
        }
        return sounds;
    }

    /// <summary>Why <paramref name="token"/> is not a parameter (one short sentence).</summary>
    public static string Explain(string token)
    {
        if (token.StartsWith('=')) return "the name is missing before '='";
        if (token.EndsWith('=')) return "the value is missing after '='";
        if (Exponent().Match(token) is { Success: true } e)
            return $"a compact value has no exponent; write {e.Groups[1].Value}={e.Groups[2].Value}";
        if (token.EndsWith('.') && Compact().IsMatch(token[..^1]))
            return $"a number cannot end with a dot; write {token[..^1]}";
        if (Word().IsMatch(token))
            return $"'{token}' has no value: write the number right after the name ({token}1) or {token}=value";
        return "a parameter is a name of letters and underscores followed by a number (warp1, v.2, f-2.5), or name=value";
    }

    static Parsed Read(IReadOnlyList<(string Text, SourcePos Pos)> tokens, SourcePos at)
    {
        var name = tokens.Count > 0 ? tokens[0].Text : "";
        var entries = new List<RawEntry>();
        var rejected = new List<string>();
        var problems = new List<Problem>();
        foreach (var (token, pos) in tokens.Skip(1))
        {
            string key, value;
            if (token.IndexOf('=') is var eq and > 0 && eq < token.Length - 1)
                (key, value) = (token[..eq], token[(eq + 1)..]);
            else if (!token.Contains('=') && Compact().Match(token) is { Success: true } m)
                (key, value) = (m.Groups[1].Value, Decimal(m.Groups[2].Value));
            else
            {
                rejected.Add(token);
                problems.Add(Problem.Error(pos, $"cannot read parameter '{token}' of '{name}': {Explain(token)}"));
                continue;
            }
            entries.RemoveAll(e => e.Key.Text == key);
            entries.Add(new RawEntry(new RawScalar(key, true, pos), new RawScalar(value, true, pos)));
        }
        return new Parsed(name, new RawMapping([.. entries], at), rejected) { Problems = problems };
    }

    /// <summary>The text of a compact value such that YAML reads the number the original read
    /// (Python's float()): kept when YAML agrees (<c>.5</c>, <c>-2.5</c>), else written out.</summary>
    static string Decimal(string text)
    {
        var value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return YamlScalars.AsNumber(new RawScalar(text, true, SourcePos.None)) == value
            ? text
            : value.ToString("R", CultureInfo.InvariantCulture);
    }

    static ImmutableArray<(string, SourcePos)> Tokens(string text, SourcePos at)
    {
        var tokens = ImmutableArray.CreateBuilder<(string, SourcePos)>();
        for (var i = 0; i < text.Length;)
        {
            if (char.IsWhiteSpace(text[i])) { i++; continue; }
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
            tokens.Add((text[start..i], at.Offset(start)));
        }
        return tokens.ToImmutable();
    }

    [GeneratedRegex(@"^([A-Za-z_]+)([-+]?[0-9]*\.?[0-9]+)$")]
    private static partial Regex Compact();

    [GeneratedRegex(@"^([A-Za-z_]+)([-+]?[0-9]*\.?[0-9]+[eE][-+]?[0-9]+)$")]
    private static partial Regex Exponent();

    [GeneratedRegex(@"^[A-Za-z_]+$")]
    private static partial Regex Word();
}
