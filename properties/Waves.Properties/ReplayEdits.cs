using System.Collections.Immutable;
using System.Globalization;

namespace Waves.Properties;

/// <summary>What an edit made of the sound: the new model (unchanged for a broken text), the text
/// saved, what was done, and whether the text was meant to be rejected.</summary>
public sealed record ReplayEditResult(PNode Model, string Yaml, string What, bool MeantBroken);

/// <summary>
/// An edit of a generated sound, as someone live-coding would save it: applied to the model of the
/// previous edit (or to the original, for a revert). Edits pick their target by an index taken
/// modulo the candidates, so they still apply to a shrunk sound; with no candidate the text is saved
/// unchanged. Broken edits (a YAML syntax error, an unknown node type, a bad expression) leave the
/// model as it was: the next edit starts from the last text that was meant to be good.
/// </summary>
public abstract record ReplayEdit
{
    public abstract ReplayEditResult Apply(PNode current, PNode original);

    protected static string Yaml(PNode root) => PatchYaml.Write(GeneratedPatch.SoundName, root);

    protected static ReplayEditResult Good(PNode model, string what) => new(model, Yaml(model), what, false);

    protected static ReplayEditResult Unchanged(PNode current, string why) => Good(current, $"unchanged text ({why})");

    protected static string Num(double v) => PatchYaml.Number(v);

    /// <summary>A short, readable form of a value for the description of an edit.</summary>
    protected static string Show(PValue v) => v switch
    {
        PNumber n => Num(n.V),
        PWord w => w.V,
        PExpr e => $"\"{e.V}\"",
        PList l => "[" + string.Join(", ", l.Items.Select(Show)) + "]",
        PNode n => n.Type + " {…}",
        _ => v.ToString() ?? "",
    };

    protected static string Where(ReplaySlot s) => s.IsRoot ? "the root" : $"'{s.Name ?? "item"}' at {string.Join(".", s.Path)}";

    protected static List<ReplaySlot> Nodes(PNode root) => [.. ReplayTree.Slots(root).Where(s => s.Value is PNode)];

    protected static T Pick<T>(IReadOnlyList<T> candidates, int k) => candidates[(int)((uint)k % (uint)candidates.Count)];
}

/// <summary>The same text saved again.</summary>
public sealed record SameTextEdit : ReplayEdit
{
    public override ReplayEditResult Apply(PNode current, PNode original) => Good(current, "the same text saved again");
}

/// <summary>Only whitespace or comments change (the sound means the same).</summary>
public sealed record ReformatEdit(int Variant) : ReplayEdit
{
    public const int Variants = 6;

    public override ReplayEditResult Apply(PNode current, PNode original)
    {
        var text = Yaml(current);
        var lines = text.TrimEnd('\n').Split('\n');
        var (what, result) = ((uint)Variant % Variants) switch
        {
            0 => ("a comment appended", text + "# saved again by a property test\n"),
            1 => ("a comment and a blank line before the sound", "# a sound of the property tests\n\n" + text),
            2 => ("a blank line after every line", string.Concat(lines.Select(l => l + "\n\n"))),
            3 => ("a comment at the end of every line", string.Concat(lines.Select(l => l + "   # note\n"))),
            4 => ("indentation doubled", string.Concat(lines.Select(l => new string(' ', 2 * (l.Length - l.TrimStart(' ').Length)) + l.TrimStart(' ') + "\n"))),
            _ => ("CRLF line ends", text.Replace("\n", "\r\n")),
        };
        return new ReplayEditResult(current, result, $"whitespace/comment-only change: {what}", false);
    }
}

/// <summary>Back to the text the session started with.</summary>
public sealed record RevertEdit : ReplayEdit
{
    public override ReplayEditResult Apply(PNode current, PNode original) => Good(original, "reverted to the starting text");
}

/// <summary>A given sound saved (for fixed counter-examples).</summary>
public sealed record ReplaceEdit(PNode Root, string What) : ReplayEdit
{
    public override ReplayEditResult Apply(PNode current, PNode original) => Good(Root, What);
}

/// <summary>A number scaled (or, if it was 0, set to <c>Factor / 10</c>).</summary>
public sealed record ChangeNumberEdit(int K, double Factor) : ReplayEdit
{
    public override ReplayEditResult Apply(PNode current, PNode original)
    {
        var numbers = ReplayTree.Slots(current).Where(s => s.Value is PNumber).ToList();
        if (numbers.Count == 0) return Unchanged(current, "no number to change");
        var slot = Pick(numbers, K);
        var old = ((PNumber)slot.Value).V;
        var now = Math.Round(old != 0 ? old * Factor : Factor / 10, 4);
        return Good(ReplayTree.ReplaceIn(current, slot.Path, _ => new PNumber(now)), $"number {Where(slot)} changed from {Num(old)} to {Num(now)}");
    }
}

/// <summary>An oscillator's waveform changed.</summary>
public sealed record ChangeWaveformEdit(int K, string Waveform) : ReplayEdit
{
    public override ReplayEditResult Apply(PNode current, PNode original)
    {
        var words = ReplayTree.Slots(current).Where(s => s is { Name: "type", Value: PWord, Parent: PNode { Type: "osc" } }).ToList();
        if (words.Count == 0) return Unchanged(current, "no waveform to change");
        var slot = Pick(words, K);
        return Good(ReplayTree.ReplaceIn(current, slot.Path, _ => new PWord(Waveform)),
            $"waveform {Where(slot)} changed from {Show(slot.Value)} to {Waveform}");
    }
}

/// <summary>A track added to a mix (the sound becomes a mix of itself and the new track when it has no
/// mix); ids of the new track that the sound has already are renamed, with the reads of them.</summary>
public sealed record AddTrackEdit(int K, string Name, PNode Track) : ReplayEdit
{
    public override ReplayEditResult Apply(PNode current, PNode original)
    {
        var track = ReplayTree.WithFreshIds(Track, current);
        var mixes = ReplayTree.Slots(current).Where(s => s.Value is PNode { Type: "mix" }).ToList();
        if (mixes.Count == 0)
            return Good(new PNode("mix", [new("main", current), new(Name, track)]),
                $"the sound wrapped in a mix as track 'main', with a new track '{Name}'");
        var slot = Pick(mixes, K);
        var name = ReplayTree.Unused((PNode)slot.Value, Name);
        return Good(ReplayTree.ReplaceIn(current, slot.Path, v => v is PNode m ? m with { Params = m.Params.Add(new(name, track)) } : v),
            $"track '{name}' ({Track.Type}) added to the mix at {Where(slot)}");
    }
}

/// <summary>Something taken out: a track of a mix with more than one, a node parameter replaced by a
/// number, or any other parameter dropped.</summary>
public sealed record RemovePartEdit(int K) : ReplayEdit
{
    public override ReplayEditResult Apply(PNode current, PNode original)
    {
        var candidates = new List<(string What, Func<PNode> Do)>();
        foreach (var s in ReplayTree.Slots(current).Where(s => s.Value is PNode))
        {
            var node = (PNode)s.Value;
            var tracks = node.Type == "mix" ? node.Params.Count(p => p.Value is PNode) : 0;
            for (var i = 0; i < node.Params.Length; i++)
            {
                var (index, p) = (i, node.Params[i]);
                if (node.Type == "mix" && p.Value is PNode)
                {
                    if (tracks > 1)
                        candidates.Add(($"track '{p.Name}' removed from the mix at {Where(s)}", () => ReplayTree.RemoveParam(current, s.Path, index)));
                }
                else if (p.Value is PNode child)
                    candidates.Add(($"node '{p.Name}' ({child.Type}) at {Where(s)} replaced by 0.5",
                        () => ReplayTree.ReplaceIn(current, s.Path.Add(index), _ => new PNumber(0.5))));
                else
                    candidates.Add(($"parameter '{p.Name}: {Show(p.Value)}' removed from {node.Type} at {Where(s)}",
                        () => ReplayTree.RemoveParam(current, s.Path, index)));
            }
        }
        if (candidates.Count == 0) return Unchanged(current, "nothing to remove");
        var (what, apply) = Pick(candidates, K);
        return Good(apply(), what);
    }
}

/// <summary>A track of a mix renamed (its subtree gets new ids: fresh state).</summary>
public sealed record RenameTrackEdit(int K, string Name) : ReplayEdit
{
    public override ReplayEditResult Apply(PNode current, PNode original)
    {
        var tracks = ReplayTree.Slots(current)
            .Where(s => s.Value is PNode { Type: "mix" })
            .SelectMany(s => ((PNode)s.Value).Params.Select((p, i) => (Mix: s, Index: i, Param: p)))
            .Where(t => t.Param.Value is PNode)
            .ToList();
        if (tracks.Count == 0) return Unchanged(current, "no track to rename");
        var (mix, index, param) = Pick(tracks, K);
        var name = ReplayTree.Unused((PNode)mix.Value, Name);
        return Good(ReplayTree.ReplaceIn(current, mix.Path, v => v is PNode m ? m with { Params = m.Params.SetItem(index, param with { Name = name }) } : v),
            $"track '{param.Name}' of the mix at {Where(mix)} renamed to '{name}'");
    }
}

/// <summary>A node replaced by one of another type (an oscillator by an envelope and back; a mix,
/// track or context by what it wraps or by an oscillator).</summary>
public sealed record RetypeEdit(int K) : ReplayEdit
{
    public override ReplayEditResult Apply(PNode current, PNode original)
    {
        var slot = Pick(Nodes(current), K);
        var node = (PNode)slot.Value;
        PNode other = node.Type switch
        {
            "osc" => new PNode("envelope", [new("attack", new PNumber(0.01)), new("decay", new PNumber(0.05)), new("sustain", new PNumber(0.5)), new("signal", new PNumber(0.7))]),
            "mix" when node.Params.FirstOrDefault(p => p.Value is PNode)?.Value is PNode first => first,
            "track" when node.Get("signal") is PNode signal => signal,
            _ => new PNode("osc", [new("type", new PWord("tri")), new("freq", new PNumber(330)), new("amp", new PNumber(0.5))]),
        };
        return Good(ReplayTree.ReplaceIn(current, slot.Path, _ => other), $"{node.Type} at {Where(slot)} replaced by {other.Type} {{…}}");
    }
}

/// <summary>A node wrapped in a context, a track, an envelope or a mix.</summary>
public sealed record WrapEdit(int K, string Kind) : ReplayEdit
{
    public static readonly string[] Kinds = ["context", "track", "envelope", "mix"];

    public override ReplayEditResult Apply(PNode current, PNode original)
    {
        var slot = Pick(Nodes(current), K);
        var node = (PNode)slot.Value;
        PNode wrapped = Kind switch
        {
            "context" => new PNode("context", [new("lift", new PNumber(2)), new("signal", node)]),
            "track" => new PNode("track", [new("signal", node), new("volume", new PNumber(0.8))]),
            "envelope" => new PNode("envelope", [new("attack", new PNumber(0.02)), new("signal", node)]),
            _ => new PNode("mix", [new("solo", node)]),
        };
        return Good(ReplayTree.ReplaceIn(current, slot.Path, _ => wrapped), $"{node.Type} at {Where(slot)} wrapped in a {Kind}");
    }
}

/// <summary>A YAML syntax error: an unclosed or an extra bracket.</summary>
public sealed record BreakBracketEdit(int Variant) : ReplayEdit
{
    public override ReplayEditResult Apply(PNode current, PNode original)
    {
        var text = Yaml(current);
        var (what, broken) = ((uint)Variant % 3) switch
        {
            0 => ("an unclosed flow list added at the top level", text + "oops: [1, 2\n"),
            1 when text.LastIndexOfAny(['}', ']']) is var at and >= 0 => ($"the last '{text[at]}' deleted", text.Remove(at, 1)),
            1 => ("an unclosed '[' after the sound name", text.Replace($"{GeneratedPatch.SoundName}:\n", $"{GeneratedPatch.SoundName}: [\n")),
            _ => ("an extra '}' at the end of the last line", text.TrimEnd('\n') + " }\n"),
        };
        return new ReplayEditResult(current, broken, $"broken YAML: {what}", true);
    }
}

/// <summary>A node's type misspelt.</summary>
public sealed record UnknownTypeEdit(int K) : ReplayEdit
{
    public override ReplayEditResult Apply(PNode current, PNode original)
    {
        var slot = Pick(Nodes(current), K);
        var node = (PNode)slot.Value;
        var broken = ReplayTree.ReplaceIn(current, slot.Path, _ => node with { Type = node.Type + "x" });
        return new ReplayEditResult(current, Yaml(broken), $"unknown node type: {node.Type} at {Where(slot)} written {node.Type}x", true);
    }
}

/// <summary>A number or an expression replaced by an expression that does not compile (with neither, the
/// root's type is misspelt instead).</summary>
public sealed record BadExpressionEdit(int K, string Expression) : ReplayEdit
{
    public static readonly string[] Expressions = ["1 +* 2", "sin(t * 3", "nosuchname * 2", "t +"];

    public override ReplayEditResult Apply(PNode current, PNode original)
    {
        var values = ReplayTree.Slots(current).Where(s => s.Value is PNumber or PExpr).ToList();
        if (values.Count == 0) return new UnknownTypeEdit(0).Apply(current, original);
        var slot = Pick(values, K);
        var broken = ReplayTree.ReplaceIn(current, slot.Path, _ => new PExpr(Expression));
        return new ReplayEditResult(current, Yaml(broken), $"bad expression: {Where(slot)} ({Show(slot.Value)}) replaced by \"{Expression}\"", true);
    }
}

/// <summary>Formats numbers in edit descriptions.</summary>
static class ReplayFormat
{
    public static string Seconds(long frame, int rate) => (frame / (double)rate).ToString("0.#####", CultureInfo.InvariantCulture) + " s";

    public static string Indent(string text, string by = "    ") =>
        string.Concat(text.Replace("\r\n", "⏎\n").TrimEnd('\n').Split('\n').Select(l => by + l + "\n"));
}
