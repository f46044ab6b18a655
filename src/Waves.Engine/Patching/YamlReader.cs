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
            problems.Add(Problem.Error(at, $"YAML syntax: {Clean(e.Message)}"));
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

    /// <summary>Line and column of the first tab in the indentation of a line at or after <paramref name="fromLine"/>.</summary>
    static (int Line, int Column)? IndentTab(string text, int fromLine)
    {
        var lines = text.Split('\n');
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

    static RawNode ReadNode(IParser parser, string file, Dictionary<string, RawNode> anchors, List<Problem> problems, Stack<(char, SourcePos)> openFlows)
    {
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
            node = new RawScalar(scalar.Value, plain, At(file, scalar.Start));
        }
        else if (parser.TryConsume<SequenceStart>(out var seqStart))
        {
            anchor = seqStart.Anchor.IsEmpty ? null : seqStart.Anchor.Value;
            var flow = seqStart.Style == YamlDotNet.Core.Events.SequenceStyle.Flow;
            if (flow) openFlows.Push(('[', At(file, seqStart.Start)));
            var items = ImmutableArray.CreateBuilder<RawNode>();
            while (!parser.TryConsume<SequenceEnd>(out _))
                items.Add(ReadNode(parser, file, anchors, problems, openFlows));
            if (flow) openFlows.Pop();
            node = new RawSequence(items.ToImmutable(), At(file, seqStart.Start));
        }
        else if (parser.TryConsume<MappingStart>(out var mapStart))
        {
            anchor = mapStart.Anchor.IsEmpty ? null : mapStart.Anchor.Value;
            var flow = mapStart.Style == YamlDotNet.Core.Events.MappingStyle.Flow;
            if (flow) openFlows.Push(('{', At(file, mapStart.Start)));
            node = ReadMapping(parser, file, At(file, mapStart.Start), anchors, problems, openFlows);
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

    static RawMapping ReadMapping(IParser parser, string file, SourcePos pos, Dictionary<string, RawNode> anchors, List<Problem> problems, Stack<(char, SourcePos)> openFlows)
    {
        var entries = new List<RawEntry>();
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var keyNode = ReadNode(parser, file, anchors, problems, openFlows);
            var value = ReadNode(parser, file, anchors, problems, openFlows);
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
