using System.Text;
using System.Text.RegularExpressions;
using Waves.Engine.Nodes;

namespace Waves.Engine.Tests.Fuzz;

/// <summary>
/// Deterministic mutations of a sound file: every choice comes from the one <see cref="Random"/>
/// given, so a case is reproduced from its seed alone. Each applied mutation is logged in
/// <see cref="Applied"/> (printed with a failure).
/// </summary>
/// <remarks>
/// Nesting depths stay below what overflows the stack of a 1.5 MB thread (about 7,000 YAML levels):
/// a stack overflow ends the test process instead of failing one test. Deeper input is checked in a
/// child process by <see cref="CrashReproTests"/>. Alias and sub-patch fan-out is bounded the same way
/// (it expands exponentially; see there).
/// </remarks>
public sealed partial class YamlMutator(Random rng, IReadOnlyList<string> otherTexts)
{
    public List<string> Applied { get; } = [];

    public enum Kind
    {
        FlipBytes, InsertBytes, DeleteBytes,
        DuplicateLines, DeleteLines, SwapLines,
        Indentation,
        ReplaceNumber, ReplaceNodeType, ReplaceKey, ReplaceWaveform,
        ReplaceExpression, DeepNesting, Duration, ListsAndNodes, YamlSyntax,
        AliasFanOut, Truncate, Splice,
    }

    static readonly (Kind Kind, int Weight)[] Weights =
    [
        (Kind.FlipBytes, 3), (Kind.InsertBytes, 2), (Kind.DeleteBytes, 2),
        (Kind.DuplicateLines, 4), (Kind.DeleteLines, 4), (Kind.SwapLines, 4),
        (Kind.Indentation, 6),
        (Kind.ReplaceNumber, 12), (Kind.ReplaceNodeType, 7), (Kind.ReplaceKey, 6), (Kind.ReplaceWaveform, 3),
        (Kind.ReplaceExpression, 14), (Kind.DeepNesting, 4), (Kind.Duration, 6), (Kind.ListsAndNodes, 6),
        (Kind.YamlSyntax, 6), (Kind.AliasFanOut, 1), (Kind.Truncate, 1), (Kind.Splice, 3),
    ];

    static readonly int TotalWeight = Weights.Sum(w => w.Weight);

    public string Mutate(string text, int count)
    {
        for (var i = 0; i < count; i++) text = MutateOnce(text);
        return text;
    }

    public string MutateOnce(string text)
    {
        var roll = rng.Next(TotalWeight);
        var kind = Weights[^1].Kind;
        foreach (var (k, w) in Weights)
        {
            if (roll < w) { kind = k; break; }
            roll -= w;
        }
        return Apply(kind, text);
    }

    public string Apply(Kind kind, string text) => kind switch
    {
        Kind.FlipBytes => FlipBytes(text),
        Kind.InsertBytes => InsertBytes(text),
        Kind.DeleteBytes => DeleteBytes(text),
        Kind.DuplicateLines => DuplicateLines(text),
        Kind.DeleteLines => DeleteLines(text),
        Kind.SwapLines => SwapLines(text),
        Kind.Indentation => Indentation(text),
        Kind.ReplaceNumber => ReplaceNumber(text),
        Kind.ReplaceNodeType => ReplaceNodeType(text),
        Kind.ReplaceKey => ReplaceKey(text),
        Kind.ReplaceWaveform => ReplaceWaveform(text),
        Kind.ReplaceExpression => ReplaceExpression(text),
        Kind.DeepNesting => DeepNesting(text),
        Kind.Duration => Duration(text),
        Kind.ListsAndNodes => ListsAndNodes(text),
        Kind.YamlSyntax => YamlSyntax(text),
        Kind.AliasFanOut => AliasFanOut(text),
        Kind.Truncate => Truncate(text),
        Kind.Splice => Splice(text),
        _ => text,
    };

    // ------------------------------------------------------------------ vocabulary

    /// <summary>Values that replace numbers and durations: extremes, non-numbers, YAML 1.1 forms
    /// (octal, hex, binary, sexagesimal, booleans), strings and collections.</summary>
    internal static readonly string[] SpecialValues =
    [
        "1e308", "-1e308", "1e400", "-1e400", "1.7976931348623157e308", "4.9e-324", "1e-300", "1e-400",
        "NaN", "nan", ".nan", ".NaN", ".inf", "-.inf", "+.inf", ".Inf", "inf", "-inf", "Infinity",
        "0", "-0", "0.0", "-0.0", "+0", "-1", "-440", "-0.5", "-1e9", "1e9", "1e-9", "2147483648", "-2147483649",
        "9223372036854775807", "9223372036854775808", "123456789012345678901234567890", "1e18",
        "0x7fffffff", "0xFFFFFFFF", "0b101", "010", "0o17", "1_000", "1:30", "1:30.5", "-1:00", "1__0",
        "true", "false", "yes", "no", "on", "off", "null", "~", "\"\"", "''", "\"1\"", "'1.5'", "abc", "\"abc\"",
        "[]", "{}", "[1]", "[1, 2]", "[.nan, .inf]", "{osc: {}}", "!!str 1", "!!float 1", "&n 1", "*undefined",
        "1 2", "1,5", "0,5", "1.", ".5", "-.5", "5.", "1e3", "1E+3", "1e", "e1", "0.1.2", "--1", "+-1", "١٢", "½",
    ];

    /// <summary>Values of YAML 1.1 integer forms that do not fit a 64-bit integer (or have no digits).
    /// Used rarely: the engine throws on them (checked one by one in <see cref="ScalarEdgeCaseTests"/>),
    /// and a fuzz run where nearly every case finds the same bug hides every other finding.</summary>
    internal static readonly string[] OutOfRangeIntegers =
        ["0x_", "0b_", "0xFFFFFFFFFFFFFFFFF", "0b" + new string('1', 70), "01777777777777777777777777", "99999999999999999999:00"];

    static readonly string[] Nonsense =
        ["", "oscillator", "Osc", "OSC", "osc ", "x", "_", "vars", "<<", "id", "duration", "signal", "signals", "monitor",
         "1", "-", "?", "[osc]", "{osc}", "os c", "é", "osc:osc", "\"osc\"", "'mix'", "&a osc", "*a", "!osc", "null", "true"];

    static readonly string[] NodeTypes = [.. NodeRegistry.LanguageTypes.Order(StringComparer.Ordinal)];

    static readonly string[] ImplementedTypes = [.. NodeRegistry.Implemented.Keys.Order(StringComparer.Ordinal)];

    static readonly string[] ParamNames =
    [
        .. NodeRegistry.Implemented.Values.SelectMany(i => i.Params).Select(p => p.Name)
            .Concat(NodeRegistry.BaseParams.Select(p => p.Name)).Distinct().Order(StringComparer.Ordinal),
        "signals", "bpm", "context", "a_vol", "a_pan", "kick_vol", "tone_pan", "seed", "steps", "interval",
    ];

    static readonly string[] Waveforms =
        ["sin", "cos", "tri", "sqr", "saw", "ramp", "noise", "perlin", "wander", "none", "SIN", "Square", "square",
         "sine", "", "1", "noise2", "lp", "lowpass", "linear", "smooth", "step", "[sin]", ".nan"];

    static readonly string[] Functions =
        ["sin", "cos", "tan", "abs", "sqrt", "exp", "log", "log10", "log2", "floor", "ceil", "round", "sign", "tanh",
         "sinh", "cosh", "arcsin", "arccos", "arctan", "square", "trunc", "pow", "arctan2", "hypot", "maximum",
         "minimum", "clip", "where", "max", "min", "sum", "mean", "std", "rand", "to_mono", "np.sin", "np.maximum",
         "np.clip", "np.foo", "unknown_fn", "t", "pi", "lambda"];

    static readonly string[] Atoms =
        ["t", "time", "1", "0", "-1", "0.5", "1e308", "1e400", "1e-400", "pi", "tau", "e", "inf", "infinity", "sr",
         "sample_rate", "a4", "c#4", "Bb3", "cs10", "g10", "fifth", "octave", "semitone", "duration", "x",
         "unknown_name", "np", "np.pi", "np.inf", "np.e", "np.foo", "base", "root", "beat", "tune", "warp", "pitch",
         "major", "chromatic", "blues", "[]", "[1, 2, 3]", "[t, 2 * t]", "True", "False", "$t", "$pitch", "None", "_"];

    static readonly string[] Operators = ["+", "-", "*", "/", "//", "%", "**", "<", "<=", ">", ">=", "==", "!=", "and", "or"];

    static readonly string[] Fragments =
    [
        "1/0", "0/0", "-1/0", "t/0", "1//0", "1%0", "t%0", "0**-1", "(-8)**(1/3)", "log(0)", "log(-1)", "sqrt(-1)",
        "arcsin(2)", "exp(1e3)", "exp(t * 1e5)", "10**400", "2**1024", "tan(pi/2)", "1e308*10", "inf-inf", "inf*0",
        "1/(t-t)", "sinh(1e4)", "pow(-1, 0.5)", "hypot(1e308, 1e308)", "std([inf])", "mean([])", "sum([])",
        "rand([])", "rand()", "rand(1, 2, 3)", "rand(1e308)", "rand(-inf, inf)", "rand([t, 1/0])", "max()",
        "max([])", "min(1)", "sum(1)", "std([])", "[][0]", "[1, 2][5]", "[1, 2][-5]", "[1, 2][inf-inf]",
        "[1, 2][t * 1e9]", "[1, 2][1e400]", "[x for x in t]", "[x for x in []]", "[x for in major]", "[x for x in major",
        "clip(t)", "where(t)", "np.pi()", "t.real", "t()", "(1)(2)", "1 if t", "1 if t else", "lambda: 1", "a = 1",
        "1, 2", "[1, 2,]", "[,]", "1e", "1e+", "1.2.3", "0x10", "1_000", "1__0", "$$t", "$", "c#", "c#4#",
        "# only a comment", "", " ", "\t", "'quoted'", "\"", "t +", "+", "*", "**", "()", "[", "]", "{1: 2}",
        "(((1)", "1))", "sin(t", "max(t, 1/0)", "min(t, nan)", "to_mono([1, 2])", "sum([1, [2]])",
        "sum([sum([a * b for a in major]) for b in chromatic])",
        "[[x * y for x in major] for y in minor][3][2]", "1 < t < 2 < 3", "not not t", "- - - t", "t if t else [1, 2]",
        "[1, 2] + 1", "[1, 2] * [3]", "max([1, 2], 3)", "rand(major) * a4", "c#4 * fifth ** 12",
        "é", "∞", "t\u00a0+ 1", "t\u200b", "\u0000", "\\", "@", "`t`", "t;", "{", "}", "&", "*a", "!t",
    ];

    // ------------------------------------------------------------------ helpers

    int Next(int max) => max <= 0 ? 0 : rng.Next(max);

    T Pick<T>(IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    bool Chance(double p) => rng.NextDouble() < p;

    /// <summary>Log-uniform in [1, max]: small depths are common, the largest still occur.</summary>
    int LogUniform(int max) => Math.Clamp((int)Math.Exp(rng.NextDouble() * Math.Log(max)), 1, max);

    static List<string> Lines(string text) => [.. text.Split('\n')];

    static string Join(List<string> lines) => string.Join('\n', lines);

    void Log(string what) => Applied.Add(what);

    static string Show(string s, int max = 60)
    {
        var e = s.Replace("\\", "\\\\").Replace("\n", "\\n").Replace("\r", "\\r").Replace("\t", "\\t");
        return e.Length <= max ? e : $"{e[..max]}…({s.Length} chars)";
    }

    static int LineOf(string text, int index)
    {
        var line = 1;
        for (var i = 0; i < index && i < text.Length; i++)
            if (text[i] == '\n') line++;
        return line;
    }

    string ReplaceMatch(string text, Match m, string replacement, string kind)
    {
        Log($"{kind} line {LineOf(text, m.Index)}: '{Show(m.Value, 30)}' → '{Show(replacement)}'");
        return string.Concat(text.AsSpan(0, m.Index), replacement, text.AsSpan(m.Index + m.Length));
    }

    string Quote(string s) => rng.Next(3) switch
    {
        0 => s,
        1 => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"",
        _ => "'" + s.Replace("'", "''") + "'",
    };

    /// <summary>Lines of the form <c>key: value</c> (block style, value on the same line).</summary>
    List<(int Line, Match Match)> KeyValueLines(List<string> lines)
    {
        var found = new List<(int, Match)>();
        for (var i = 0; i < lines.Count; i++)
            if (KeyValue().Match(lines[i]) is { Success: true } m) found.Add((i, m));
        return found;
    }

    [GeneratedRegex(@"^(?<indent>[ \t]*(?:-[ \t]+)?)(?<key>[^\s:#\-\[\]{},][^:#\[\]{}]*?)[ \t]*:(?<gap>[ \t]*)(?<value>.*?)[ \t]*$")]
    private static partial Regex KeyValue();

    [GeneratedRegex(@"(?<![\w.$])[-+]?(?:\d[\d_]*\.?\d*|\.\d+)(?:[eE][-+]?\d+)?(?![\w.])")]
    private static partial Regex Number();

    [GeneratedRegex(@"(?<![\w$#.])(?<type>[a-z_]+)(?=[ \t]*:(?:[ \t]|$))", RegexOptions.Multiline)]
    private static partial Regex KeyWord();

    [GeneratedRegex(@"(?<=\btype[ \t]*:[ \t]*)[\w.\[\]]*")]
    private static partial Regex WaveformValue();

    [GeneratedRegex(@"(?<=\bduration[ \t]*:[ \t]*)[^,}\]\n#]*")]
    private static partial Regex DurationValue();

    [GeneratedRegex(@"\[[^\[\]\n]*\]")]
    private static partial Regex FlowList();

    [GeneratedRegex(@"\{[^{}\n]*\}")]
    private static partial Regex FlowMap();

    [GeneratedRegex(@"^(?<indent>[ \t]*)(?:-[ \t]+)?(?<type>osc|envelope|context|mix|track)[ \t]*:[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex BlockNodeLine();

    [GeneratedRegex(@"^(?<name>[A-Za-z_][\w]*)[ \t]*:", RegexOptions.Multiline)]
    private static partial Regex TopLevelKey();

    // ------------------------------------------------------------------ bytes

    static readonly byte[] InterestingBytes =
        [.. " \t\n\r:-[]{}#&*!|>\"'%@`,?.0123456789"u8.ToArray(), 0x00, 0x7F, 0xFF, 0xC3, 0xE2, 0x80, 0xEF, 0xBB, 0xBF];

    byte RandomByte() => Chance(0.6) ? Pick(InterestingBytes) : (byte)rng.Next(256);

    string FlipBytes(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length == 0) return InsertBytes(text);
        var n = 1 + Next(4);
        var at = new List<int>();
        for (var i = 0; i < n; i++)
        {
            var pos = Next(bytes.Length);
            at.Add(pos);
            bytes[pos] = Chance(0.5) ? (byte)(bytes[pos] ^ (1 << rng.Next(8))) : RandomByte();
        }
        Log($"flip bytes at offsets {string.Join(", ", at)}");
        return Encoding.UTF8.GetString(bytes);
    }

    string InsertBytes(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text).ToList();
        var pos = Next(bytes.Count + 1);
        var n = 1 + Next(8);
        var inserted = new byte[n];
        for (var i = 0; i < n; i++) inserted[i] = RandomByte();
        bytes.InsertRange(pos, inserted);
        Log($"insert bytes {Convert.ToHexString(inserted)} at offset {pos}");
        return Encoding.UTF8.GetString([.. bytes]);
    }

    string DeleteBytes(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text).ToList();
        if (bytes.Count == 0) return text;
        var pos = Next(bytes.Count);
        var n = Math.Min(bytes.Count - pos, 1 + (Chance(0.8) ? Next(8) : Next(200)));
        bytes.RemoveRange(pos, n);
        Log($"delete {n} bytes at offset {pos}");
        return Encoding.UTF8.GetString([.. bytes]);
    }

    // ------------------------------------------------------------------ lines

    string DuplicateLines(string text)
    {
        var lines = Lines(text);
        var start = Next(lines.Count);
        var n = Math.Min(lines.Count - start, 1 + Next(Chance(0.7) ? 2 : 12));
        var block = lines.GetRange(start, n);
        var to = Chance(0.6) ? start + n : Next(lines.Count + 1);
        lines.InsertRange(to, block);
        Log($"duplicate lines {start + 1}-{start + n} to before line {to + 1}");
        return Join(lines);
    }

    string DeleteLines(string text)
    {
        var lines = Lines(text);
        if (lines.Count < 2) return text;
        var start = Next(lines.Count);
        var n = Math.Min(lines.Count - start, 1 + Next(3));
        lines.RemoveRange(start, n);
        Log($"delete lines {start + 1}-{start + n}");
        return Join(lines);
    }

    string SwapLines(string text)
    {
        var lines = Lines(text);
        if (lines.Count < 2) return text;
        var a = Next(lines.Count);
        var b = Chance(0.6) ? Math.Clamp(a + (Chance(0.5) ? 1 : -1), 0, lines.Count - 1) : Next(lines.Count);
        (lines[a], lines[b]) = (lines[b], lines[a]);
        Log($"swap lines {a + 1} and {b + 1}");
        return Join(lines);
    }

    string Indentation(string text)
    {
        var lines = Lines(text);
        var candidates = Enumerable.Range(0, lines.Count).Where(i => lines[i].Trim().Length > 0).ToList();
        if (candidates.Count == 0) return text;
        var i = Pick(candidates);
        var line = lines[i];
        var indent = line.Length - line.TrimStart(' ', '\t').Length;
        string changed;
        string what;
        switch (rng.Next(6))
        {
            case 0:
                var add = 1 + Next(4);
                changed = new string(' ', add) + line;
                what = $"indent line {i + 1} by {add}";
                break;
            case 1 when indent > 0:
                var remove = 1 + Next(indent);
                changed = line[remove..];
                what = $"dedent line {i + 1} by {remove}";
                break;
            case 2:
                var at = Next(indent + 1);
                changed = line[..at] + "\t" + line[at..];
                what = $"insert a tab in the indentation of line {i + 1} at column {at + 1}";
                break;
            case 3:
                changed = line.Replace("  ", "\t");
                what = $"indent line {i + 1} with tabs";
                break;
            case 4:
                changed = line.TrimStart();
                what = $"remove the indentation of line {i + 1}";
                break;
            default:
                // Re-indent a whole block from this line on: the structure shifts.
                var delta = Chance(0.5) ? 2 : -2;
                var end = Math.Min(lines.Count, i + 1 + Next(20));
                for (var k = i; k < end; k++)
                {
                    var l = lines[k];
                    var ind = l.Length - l.TrimStart(' ').Length;
                    lines[k] = delta > 0 ? "  " + l : l[Math.Min(ind, 2)..];
                }
                Log($"shift lines {i + 1}-{end} by {delta} columns");
                return Join(lines);
        }
        lines[i] = changed;
        Log(what);
        return Join(lines);
    }

    // ------------------------------------------------------------------ values

    string ReplaceNumber(string text)
    {
        var matches = Number().Matches(text);
        var value = Chance(0.01) ? Pick(OutOfRangeIntegers) : Pick(SpecialValues);
        if (matches.Count == 0) return ReplaceValueWith(text, value, "number");
        return ReplaceMatch(text, matches[rng.Next(matches.Count)], value, "number");
    }

    string ReplaceNodeType(string text)
    {
        var matches = KeyWord().Matches(text).Where(m => NodeRegistry.IsNodeType(m.Value)).ToList();
        if (matches.Count == 0) return ReplaceKey(text);
        var m = Pick(matches);
        string replacement;
        switch (rng.Next(10))
        {
            case < 4:
                replacement = Pick(ImplementedTypes);
                break;
            case < 7:
                replacement = Pick(NodeTypes);
                break;
            case < 9:
                replacement = Pick(Nonsense);
                break;
            default:
                // A sound of the file as the type: a sub-patch, possibly using itself.
                var names = TopLevelKey().Matches(text).Select(x => x.Groups["name"].Value).Where(n => n != "vars").ToList();
                replacement = names.Count > 0 ? Pick(names) : "osc";
                break;
        }
        return ReplaceMatch(text, m, replacement, "node type");
    }

    string ReplaceKey(string text)
    {
        var matches = KeyWord().Matches(text);
        if (matches.Count == 0) return InsertBytes(text);
        var m = matches[rng.Next(matches.Count)];
        var replacement = rng.Next(4) switch
        {
            0 or 1 => Pick(ParamNames),
            2 => Pick(NodeTypes),
            _ => Pick(Nonsense),
        };
        return ReplaceMatch(text, m, replacement, "key");
    }

    string ReplaceWaveform(string text)
    {
        var matches = WaveformValue().Matches(text);
        if (matches.Count == 0) return ReplaceNumber(text);
        return ReplaceMatch(text, matches[rng.Next(matches.Count)], Pick(Waveforms), "waveform");
    }

    /// <summary>A random expression from the grammar's pieces (valid or not).</summary>
    string RandomExpression(int depth)
    {
        if (depth <= 0 || Chance(0.25)) return Pick(Atoms);
        return rng.Next(9) switch
        {
            0 => Pick(["-", "+", "not ", "~", "- -"]) + RandomExpression(depth - 1),
            1 or 2 => $"{RandomExpression(depth - 1)} {Pick(Operators)} {RandomExpression(depth - 1)}",
            3 or 4 => $"{Pick(Functions)}({string.Join(", ", Enumerable.Range(0, Next(5)).Select(_ => RandomExpression(depth - 1)))})",
            5 => $"({RandomExpression(depth - 1)})",
            6 => $"{RandomExpression(depth - 1)} if {RandomExpression(depth - 1)} else {RandomExpression(depth - 1)}",
            7 => $"[{RandomExpression(depth - 1)} for x in {Pick(["major", "chromatic", "[1, 2]", "[]", "t", "x", "[x for x in minor]"])}]",
            _ => $"[{string.Join(", ", Enumerable.Range(0, Next(4)).Select(_ => RandomExpression(depth - 1)))}][{RandomExpression(depth - 1)}]",
        };
    }

    /// <summary>Expressions built to be large or deep: long chains, deep parentheses and calls,
    /// prefix runs; the counts straddle the parser's and compiler's nesting limits (200 and 400).</summary>
    string DeepExpression()
    {
        int n;
        switch (rng.Next(10))
        {
            case 0:
                n = Pick([150, 199, 200, 201, 300, 1000]);
                return new string('(', n) + "t" + new string(')', n);
            case 1:
                n = Pick([10, 300, 5000]);
                return new string('(', n) + "1";
            case 2:
                n = LogUniform(3000);
                return string.Join(Pick(["+", "*", "-", " and ", " or "]), Enumerable.Repeat(Pick(["t", "1", "x", "t/0"]), n + 1));
            case 3:
                n = LogUniform(2000);
                return string.Join(Pick(["<", "<=", "==", "!="]), Enumerable.Repeat("t", n + 1));
            case 4:
                n = LogUniform(2000);
                return Pick(["max", "min", "np.maximum", "sum", "rand"]) + "(" + string.Join(", ", Enumerable.Repeat(Pick(["t", "1", "[t]"]), n)) + ")";
            case 5:
                n = Pick([100, 199, 200, 250, 400]);
                return string.Concat(Enumerable.Repeat(Pick(["sin(", "abs(", "max(1, ", "[", "-(", "rand("]), n)) + "t" + new string(')', n);
            case 6:
                n = LogUniform(1000);
                return string.Concat(Enumerable.Repeat(Pick(["-", "not ", "+", "- ", "2 ** "]), n)) + "t";
            case 7:
                n = LogUniform(400);
                return string.Concat(Enumerable.Repeat("1 if t else ", n)) + "0";
            case 8:
                n = 1 + Next(3);
                var e = "x0";
                for (var k = 0; k < n; k++) e = $"sum([{e} * x{k + 1} for x{k} in chromatic])";
                return e.Replace($"x{n}", "t");
            default:
                n = LogUniform(300);
                return string.Concat(Enumerable.Repeat("[1, ", n)) + "1" + new string(']', n) + "[0]";
        }
    }

    string ExpressionText() => rng.Next(10) switch
    {
        < 4 => RandomExpression(1 + Next(5)),
        < 7 => Pick(Fragments),
        < 9 => DeepExpression(),
        _ => RandomExpression(2) + " " + Pick(Fragments),
    };

    string ReplaceExpression(string text)
    {
        var lines = Lines(text);
        var kv = KeyValueLines(lines).Where(x => x.Match.Groups["value"].Length > 0).ToList();
        var expr = Quote(ExpressionText());
        if (kv.Count > 0 && Chance(0.8))
        {
            var (i, m) = Pick(kv);
            var v = m.Groups["value"];
            lines[i] = lines[i][..v.Index] + expr;
            Log($"expression line {i + 1}: '{Show(v.Value, 30)}' → {Show(expr)}");
            return Join(lines);
        }
        // Inside a flow mapping: replace a 'key: value' value up to the next ',' or '}'.
        var flows = FlowValue().Matches(text);
        if (flows.Count > 0)
            return ReplaceMatch(text, flows[rng.Next(flows.Count)], expr, "flow expression");
        return ReplaceValueWith(text, expr, "expression");
    }

    [GeneratedRegex(@"(?<=[{,][ \t]*[A-Za-z_]\w*[ \t]*:[ \t]*)[^,{}\[\]\n]+")]
    private static partial Regex FlowValue();

    /// <summary>Deep flow or block nesting, as a value or a whole sound.</summary>
    string DeepNesting(string text)
    {
        var n = LogUniform(2000);
        string nested;
        switch (rng.Next(8))
        {
            case 0: nested = new string('[', n) + "1" + new string(']', n); break;
            case 1: nested = string.Concat(Enumerable.Repeat("{a: ", n)) + "1" + new string('}', n); break;
            case 2:
                n = (n + 1) / 2; // two YAML levels per node
                nested = string.Concat(Enumerable.Repeat(Pick(["{osc: {phase: ", "{osc: {freq: ", "{envelope: {signal: ", "{track: {signal: ", "{context: {signal: ", "{mix: {a: "]), n))
                    + Pick(["1", "t", "{osc: {}}", "[1, 2]", ".nan"]) + new string('}', 2 * n);
                break;
            case 3: nested = string.Concat(Enumerable.Repeat("[1, ", n)) + "1" + new string(']', n); break;
            case 4: nested = string.Concat(Enumerable.Repeat("[[1, 0.5], ", n)) + "1" + new string(']', n); break;
            case 5: nested = new string('[', n); break; // never closed
            case 6: nested = string.Concat(Enumerable.Repeat("- ", Math.Min(n, 1000))) + "1"; break;
            default:
                return DeepBlock(text);
        }
        return ReplaceValueWith(text, nested, $"deep nesting ({n} levels)");
    }

    /// <summary>Block mappings nested by indentation under a key (text grows with the square of the depth, so at most 150).</summary>
    string DeepBlock(string text)
    {
        var lines = Lines(text);
        var nodeLines = BlockNodeLine().Matches(text).ToList();
        var depth = LogUniform(150);
        var at = nodeLines.Count > 0 ? LineOf(text, Pick(nodeLines).Index) : 1 + Next(lines.Count);
        var indent = at - 1 < lines.Count ? lines[at - 1].Length - lines[at - 1].TrimStart(' ').Length : 0;
        var block = new List<string>();
        var keys = Pick<string[]>([["osc", "phase"], ["envelope", "signal"], ["mix", "a"], ["a", "b"], ["context", "signal"]]);
        for (var k = 0; k < depth; k++)
            block.Add(new string(' ', indent + 2 + 2 * k) + keys[k % 2] + ":");
        block.Add(new string(' ', indent + 2 + 2 * depth) + Pick(["1", "t", "osc: {}", "- 1"]));
        lines.InsertRange(Math.Min(at, lines.Count), block);
        Log($"deep block nesting ({depth} levels) after line {at}");
        return Join(lines);
    }

    /// <summary>Replaces a random value (block or flow style) with <paramref name="value"/>.</summary>
    string ReplaceValueWith(string text, string value, string what)
    {
        var lines = Lines(text);
        var kv = KeyValueLines(lines).Where(x => x.Match.Groups["value"].Length > 0).ToList();
        if (kv.Count > 0)
        {
            var (i, m) = Pick(kv);
            var v = m.Groups["value"];
            lines[i] = lines[i][..v.Index] + value;
            Log($"{what} line {i + 1}: '{Show(v.Value, 30)}' → '{Show(value)}'");
            return Join(lines);
        }
        lines.Add("fuzzed: " + value);
        Log($"{what}: appended 'fuzzed: {Show(value)}'");
        return Join(lines);
    }

    internal static readonly string[] DurationValues =
        ["1e9", "1e-9", "1e300", "1e308", "4.9e-324", "0", "-0", "-1", "-1e9", ".inf", "-.inf", ".nan", "1e400", "0.00001",
         "2.2e-16", "44100", "1e18", "9.3e18", "abc", "[1, 2]", "{osc: {}}", "t", "1/0", "null", "", "0.0000226757", "0.05", "3"];

    string Duration(string text)
    {
        var value = Pick(DurationValues);
        var existing = DurationValue().Matches(text);
        if (existing.Count > 0 && Chance(0.6))
            return ReplaceMatch(text, existing[rng.Next(existing.Count)], value, "duration");
        var nodes = BlockNodeLine().Matches(text);
        if (nodes.Count == 0) return ReplaceValueWith(text, value, "duration value");
        var m = nodes[rng.Next(nodes.Count)];
        var lines = Lines(text);
        var line = LineOf(text, m.Index);
        var indent = m.Groups["indent"].Length + (lines[line - 1].TrimStart().StartsWith('-') ? 2 : 0);
        lines.Insert(line, new string(' ', indent + 2) + "duration: " + value);
        Log($"insert 'duration: {value}' after line {line}");
        return Join(lines);
    }

    /// <summary>Lists where nodes go and nodes where lists go, in flow and block style.</summary>
    string ListsAndNodes(string text)
    {
        switch (rng.Next(6))
        {
            case 0:
            {
                var lists = FlowList().Matches(text);
                if (lists.Count == 0) break;
                return ReplaceMatch(text, lists[rng.Next(lists.Count)],
                    Pick(["{osc: {freq: 3}}", "{a: 1}", "{}", "1", "{osc: {}, mix: {}}", "{track: {signal: [1, 2]}}"]), "list → node");
            }
            case 1:
            {
                var maps = FlowMap().Matches(text);
                if (maps.Count == 0) break;
                return ReplaceMatch(text, maps[rng.Next(maps.Count)],
                    Pick(["[1, 2]", "[]", "[{osc: {}}]", "[[1, 0.5], 2]", "[{osc: {freq: 2}}, {osc: {}}]", "[1, [2, 0.5], [3, 1.5], 4]"]), "node → list");
            }
            case 2:
            {
                // Block list items: '- ' in front of a line, or a mapping line turned into an item.
                var lines = Lines(text);
                var i = Next(lines.Count);
                var indent = lines[i].Length - lines[i].TrimStart(' ').Length;
                lines[i] = lines[i][..indent] + "- " + lines[i][indent..];
                Log($"make line {i + 1} a list item");
                return Join(lines);
            }
            case 3:
                return ReplaceValueWith(text, Pick(["[{osc: {}}]", "[[osc, 1]]", "[1, [2, 0.5], 3]", "[[1, 0], [2, 1]]", "[]", "[[]]",
                    "[1, [2, -1], 3]", "[1, [2, 2], 3]", "[1, [2, .nan], 3]", "[[1, .inf]]", "[1, [2, t], 3]", "[osc, mix]"]), "list value");
            case 4:
                return ReplaceValueWith(text, Pick(["{osc: {freq: 1}}", "{mix: {}}", "{envelope: {}}", "{context: {signal: 1}}",
                    "{track: {}}", "{osc: {}, amp: 2}", "{a: 1, b: 2}", "{osc: null}", "{osc: 1}", "{osc: [1]}"]), "node value");
            default:
            {
                // A node written as a block list under its key.
                var lines = Lines(text);
                var nodes = BlockNodeLine().Matches(text);
                if (nodes.Count == 0) break;
                var m = nodes[rng.Next(nodes.Count)];
                var line = LineOf(text, m.Index);
                var ind = m.Groups["indent"].Length;
                lines.Insert(line, new string(' ', ind + 2) + Pick(["- 1", "- osc: {}", "- [1, 2]", "- freq: 2"]));
                Log($"insert a list item after line {line}");
                return Join(lines);
            }
        }
        return ReplaceValueWith(text, "[{osc: {}}, 1]", "list value");
    }

    string YamlSyntax(string text)
    {
        var lines = Lines(text);
        var i = Next(lines.Count);
        var indent = lines[i].Length - lines[i].TrimStart(' ').Length;
        var pad = new string(' ', indent);
        string what;
        switch (rng.Next(16))
        {
            case 0: lines[i] = lines[i].Replace(": ", ": &a "); what = "anchor &a"; break;
            case 1: lines.Insert(i, pad + Pick(["x: *a", "<<: *a", "<<: *pluck", "<<: [*a, *b]", "freq: *a", "signal: *a"])); what = "alias"; break;
            case 2: lines[i] = lines[i].Replace(": ", ": " + Pick(["!!str ", "!!float ", "!!int ", "!!map ", "!!seq ", "!custom ", "!!binary ", "!<tag:yaml.org,2002:str> "])); what = "tag"; break;
            case 3: lines.Insert(i, pad + Pick(["? complex", "? [a, b]", "? {a: 1}"])); lines.Insert(i + 1, pad + ": value"); what = "complex key"; break;
            case 4: lines.Insert(i, Pick(["---", "...", "--- !!map", "--- |"])); what = "document marker"; break;
            case 5: lines[i] = lines[i].Replace(": ", ": " + Pick(["|", ">", "|-", ">+", "|2"]) + "\n" + pad + "    "); what = "block scalar"; break;
            case 6: lines[i] = lines[i] + Pick(["\"", "'", " \"unclosed", " 'unclosed", "[", "{", "]", "}"]); what = "unbalanced quote or bracket"; break;
            case 7: lines.Insert(0, Pick(["%YAML 1.2\n---", "%TAG ! tag:x,2000:\n---", "%YAML 2.0\n---", "%FOO"])); what = "directive"; break;
            case 8: return AppendLog("BOM / CRLF / NUL", rng.Next(4) switch
            {
                0 => "\uFEFF" + text,
                1 => text.Replace("\n", "\r\n"),
                2 => text.Replace("\n", "\r"),
                _ => text.Insert(Next(text.Length + 1), "\0"),
            });
            case 9: lines[i] = lines[i] + Pick([" # comment", "#not a comment", " #", " : x", ": : :", " ,", ", x: 1"]); what = "trailing junk"; break;
            case 10: lines.Insert(i, lines[i]); what = "duplicate key"; break;
            case 11: lines.Insert(i, pad + Pick(["- 1", "-", "- - -", "- {osc: {}}"])); what = "list item among keys"; break;
            case 12: lines[i] = lines[i].Replace(":", Pick(["", "::", " :", ":x", "=", ": :"])); what = "broken colon"; break;
            case 13: lines.Insert(i, pad + Pick(["vars:", "vars: [1]", "vars: {x: [1, [2]], y: z, z: y}", "vars: 1", "vars:\n  a: a", "vars: {t: 1, sin: 2, duration: 3}"])); what = "vars"; break;
            case 14: lines[i] = lines[i].Replace("  ", "  \u00a0"); what = "non-breaking space"; break;
            default: lines.Insert(i, pad + Pick(["osc", "osc:", "osc: {}", "mix:", "envelope: ~", "context: {x: 1}", "track: {signal: null}"])); what = "stray node"; break;
        }
        Log($"yaml: {what} at line {i + 1}");
        return Join(lines);
    }

    string AppendLog(string what, string result)
    {
        Log($"yaml: {what}");
        return result;
    }

    /// <summary>Aliases used several times over (and sounds that use another several times): a
    /// small fan-out, since the expansion is exponential in the depth.</summary>
    string AliasFanOut(string text)
    {
        var width = 2 + Next(3);
        var depth = 1 + Next(3);
        var sb = new StringBuilder(text);
        if (Chance(0.5))
        {
            sb.Append("\nfan0: &fan0 {osc: {freq: 2, duration: 1}}\n");
            for (var k = 1; k <= depth; k++)
                sb.Append($"fan{k}: &fan{k} {{mix: {{{string.Join(", ", Enumerable.Range(0, width).Select(j => $"t{j}: *fan{k - 1}"))}}}}}\n");
            Log($"alias fan-out: width {width}, depth {depth}");
        }
        else
        {
            sb.Append("\nsub0: {osc: {freq: 2}}\n");
            for (var k = 1; k <= depth; k++)
                sb.Append($"sub{k}: {{mix: {{{string.Join(", ", Enumerable.Range(0, width).Select(j => $"t{j}: {{sub{k - 1}: {{}}}}"))}}}}}\n");
            Log($"sub-patch fan-out: width {width}, depth {depth}");
        }
        return sb.ToString();
    }

    string Truncate(string text)
    {
        if (text.Length == 0) return text;
        var at = Next(text.Length);
        Log($"truncate at offset {at}");
        return text[..at];
    }

    string Splice(string text)
    {
        if (otherTexts.Count == 0) return text;
        var other = Lines(Pick(otherTexts));
        var start = Next(other.Count);
        var n = Math.Min(other.Count - start, 1 + Next(20));
        var lines = Lines(text);
        var at = Next(lines.Count + 1);
        lines.InsertRange(at, other.GetRange(start, n));
        Log($"splice {n} lines of another seed before line {at + 1}");
        return Join(lines);
    }

    public override string ToString() => string.Join("; ", Applied);
}
