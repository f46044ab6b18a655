using System.Collections.Immutable;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Waves.Engine.Patching;

/// <summary>
/// Reads a YAML file into <see cref="RawNode"/>s with positions, using YamlDotNet's parser.
/// Own tree rather than YamlDotNet's representation model because duplicate keys must be a
/// warning (last wins), not an exception, and every node must keep its line and column.
/// </summary>
public static class YamlReader
{
    public static RawNode? Read(string text, string file, List<Problem> problems)
    {
        var parser = new Parser(new StringReader(text));
        var anchors = new Dictionary<string, RawNode>();
        var openFlows = new Stack<(char Bracket, SourcePos At)>();
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _)) return null;
            parser.Consume<DocumentStart>();
            var root = ReadNode(parser, file, anchors, problems, openFlows);
            return root;
        }
        catch (YamlException e)
        {
            var at = new SourcePos(file, (int)e.Start.Line, (int)e.Start.Column);
            // The scanner reports a tab used as indentation at the start of the document; point at the tab.
            if (e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) && IndentTab(text, at.Line) is { } tab)
                at = at with { Line = tab.Line, Column = tab.Column };
            else if (openFlows.Count > 0 && at.Line > LineCount(text))
            {
                // Reported at the end of a file whose bracket was never closed: point at the bracket.
                var (bracket, open) = openFlows.Peek();
                problems.Add(Problem.Error(open, $"YAML syntax: '{bracket}' is not closed"));
                return null;
            }
            problems.Add(Problem.Error(ClampToText(at, text), $"YAML syntax: {Clean(e.Message)}"));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner gives up this way on a flow collection left open at the end of the file.
            var (bracket, at) = openFlows.Count > 0 ? openFlows.Peek() : ('[', new SourcePos(file, 1, 1));
            problems.Add(Problem.Error(at, $"YAML syntax: '{bracket}' is not closed"));
            return null;
        }
    }

    // Lines as YAML counts them: \r\n, \r and \n each end one.
    static string[] Lines(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');

    static int LineCount(string text)
    {
        var lines = Lines(text);
        return lines.Length - (lines[^1].Length == 0 ? 1 : 0);
    }

    /// <summary>A position past the end of its line, or of the text, moves to the end of that line
    /// (the scanner reports some errors one place past the text it read).</summary>
    static SourcePos ClampToText(SourcePos at, string text)
    {
        var lines = Lines(text);
        var count = LineCount(text);
        if (count == 0) return at with { Line = 1, Column = 1 };
        var line = Math.Clamp(at.Line, 1, count);
        var column = Math.Clamp(at.Column, 1, lines[line - 1].Length + 1);
        return at with { Line = line, Column = line < at.Line ? lines[line - 1].Length + 1 : column };
    }

    /// <summary>Deepest nesting of mappings and lists read; deeper input is an error, not a stack overflow.</summary>
    public const int MaxDepth = 1000;

    /// <summary>Line and column of the first tab in the indentation of a line at or after <paramref name="fromLine"/>.</summary>
    static (int Line, int Column)? IndentTab(string text, int fromLine)
    {
        var lines = Lines(text);
        for (var i = Math.Max(0, fromLine - 1); i < lines.Length; i++)
            for (var c = 0; c < lines[i].Length && lines[i][c] is ' ' or '\t'; c++)
                if (lines[i][c] == '\t') return (i + 1, c + 1);
        return null;
    }

    static string Clean(string message)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: …) - (…): "; the position is ours to give.
        var i = message.LastIndexOf("): ", StringComparison.Ordinal);
        return i >= 0 && message.StartsWith('(') ? message[(i + 3)..] : message;
    }

    static SourcePos At(string file, Mark m) => new(file, (int)m.Line, (int)m.Column);

    static RawNode ReadNode(IParser parser, string file, Dictionary<string, RawNode> anchors, List<Problem> problems, Stack<(char, SourcePos)> openFlows, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            var ev = parser.Current!;
            throw new YamlException(ev.Start, ev.End, $"nested more than {MaxDepth} levels deep");
        }
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            if (anchors.TryGetValue(alias.Value.Value, out var target)) return target;
            problems.Add(Problem.Error(At(file, alias.Start), $"unknown alias '*{alias.Value.Value}'"));
            return new RawScalar("", true, At(file, alias.Start));
        }
        RawNode node;
        string? anchor = null;
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            anchor = scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value;
            var plain = scalar.Style == ScalarStyle.Plain && scalar.Tag.IsEmpty;
            node = new RawScalar(scalar.Value, plain, At(file, scalar.Start)) { MultiLine = scalar.End.Line != scalar.Start.Line };
        }
        else if (parser.TryConsume<SequenceStart>(out var seqStart))
        {
            anchor = seqStart.Anchor.IsEmpty ? null : seqStart.Anchor.Value;
            var flow = seqStart.Style == YamlDotNet.Core.Events.SequenceStyle.Flow;
            if (flow) openFlows.Push(('[', At(file, seqStart.Start)));
            var items = ImmutableArray.CreateBuilder<RawNode>();
            while (!parser.TryConsume<SequenceEnd>(out _))
                items.Add(ReadNode(parser, file, anchors, problems, openFlows, depth + 1));
            if (flow) openFlows.Pop();
            node = new RawSequence(items.ToImmutable(), At(file, seqStart.Start));
        }
        else if (parser.TryConsume<MappingStart>(out var mapStart))
        {
            anchor = mapStart.Anchor.IsEmpty ? null : mapStart.Anchor.Value;
            var flow = mapStart.Style == YamlDotNet.Core.Events.MappingStyle.Flow;
            if (flow) openFlows.Push(('{', At(file, mapStart.Start)));
            node = ReadMapping(parser, file, At(file, mapStart.Start), anchors, problems, openFlows, depth + 1);
            if (flow) openFlows.Pop();
        }
        else
        {
            var ev = parser.Current!;
            throw new YamlException(ev.Start, ev.End, $"unexpected {ev.GetType().Name}");
        }
        if (anchor is not null) anchors[anchor] = node;
        return node;
    }

    static RawMapping ReadMapping(IParser parser, string file, SourcePos pos, Dictionary<string, RawNode> anchors, List<Problem> problems, Stack<(char, SourcePos)> openFlows, int depth)
    {
        var entries = new List<RawEntry>();
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var keyNode = ReadNode(parser, file, anchors, problems, openFlows, depth);
            var value = ReadNode(parser, file, anchors, problems, openFlows, depth);
            if (keyNode is not RawScalar key)
            {
                problems.Add(Problem.Error(keyNode.Pos, "a mapping key must be a plain name, not a list or mapping"));
                continue;
            }
            if (key.Plain && key.Text == "<<" && value is RawMapping merged)
            {
                // YAML merge key: the merged entries come first, explicit ones override them.
                foreach (var e in merged.Entries)
                    if (entries.FindIndex(x => x.Key.Text == e.Key.Text) < 0) entries.Add(e);
                continue;
            }
            var existing = entries.FindIndex(e => e.Key.Text == key.Text);
            if (existing >= 0)
            {
                var first = entries[existing].Key.Pos;
                problems.Add(Problem.Warning(key.Pos, $"duplicate key '{key.Text}' (first at line {first.Line}); the last one wins"));
                entries[existing] = new RawEntry(entries[existing].Key, value);
            }
            else entries.Add(new RawEntry(key, value));
        }
        return new RawMapping([.. entries], pos);
    }
}
