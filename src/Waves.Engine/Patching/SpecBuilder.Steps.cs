using System.Collections.Immutable;
using Waves.Engine.Nodes;

namespace Waves.Engine.Patching;

/// <summary>
/// Sequencer steps. A step written as text names sounds of the library (node strings, a comma
/// for a chord); they are built here, with the rest of the played sound, so every sound a
/// sequencer can start is part of the sound's spec tree: checked when loading, compiled at each
/// reload into the sequencer's voices. A step becomes <see cref="Value.Null"/> (a rest), a node,
/// or a list of nodes (a chord).
/// </summary>
sealed partial class SpecBuilder
{
    static bool IsStepList(string type, string param) => type == "sequencer" && param is "steps" or "chain";

    Value ConvertSteps(RawNode raw, string prefix)
    {
        if (raw is not RawSequence seq) return Convert(raw, prefix);
        var items = ImmutableArray.CreateBuilder<Value>();
        for (var i = 0; i < seq.Items.Length; i++)
        {
            var item = seq.Items[i];
            var entries = (item is RawSequence chord ? chord.Items : [item]).SelectMany(Entries).ToList();
            // One sound is at the step's path; sounds of a chord at the step's path and their index.
            var chorded = item is RawSequence || entries.Count > 1;
            var sounds = new List<Value>();
            for (var j = 0; j < entries.Count; j++)
            {
                var at = chorded ? $"{prefix}/{i}/{j}" : $"{prefix}/{i}";
                var v = entries[j] switch
                {
                    NodeString.Parsed p => StepSound(p, at),
                    RawNode node => StepNode(node, at),
                    _ => null,
                };
                if (v is not null) sounds.Add(v);
            }
            items.Add(sounds.Count == 0 ? new Value.Null(item.Pos)
                : chorded ? new Value.List([.. sounds], item.Pos) : sounds[0]);
        }
        return new Value.List(items.ToImmutable(), seq.Pos);
    }

    /// <summary>What one item of a step starts: nothing for a rest, each node string of a text, or a node.</summary>
    static IEnumerable<object> Entries(RawNode item) => item switch
    {
        RawScalar s when YamlScalars.IsNull(s) => [],
        RawScalar s => NodeString.ParseStep(s.Text, s.TextPos),
        _ => [item],
    };

    Value? StepNode(RawNode item, string prefix)
    {
        var v = Convert(item, prefix);
        if (v is Value.Node) return v;
        if (v is not Value.Invalid)
            problems.Add(Problem.Error(item.Pos, $"a sequencer step is a sound name, a node, a list of them or empty; got {v.Describe()}"));
        return null;
    }

    /// <summary>
    /// A node string of a step: the sound with the parameters that its root has set (as a sub-patch's
    /// overrides), inside a <c>context</c> that gives every parameter to the sound's expressions by
    /// name (<c>"hihat v.5"</c> makes <c>v</c> = 0.5 inside <c>hihat</c>), as the original passed them.
    /// </summary>
    Value.Node? StepSound(NodeString.Parsed parsed, string prefix)
    {
        problems.AddRange(parsed.Problems);
        var pos = parsed.Overrides.Pos;
        if (!library.Sounds.TryGetValue(parsed.Name, out var def))
        {
            problems.Add(Problem.Error(pos, $"unknown sound '{parsed.Name}' in a sequencer step{Suggestions.DidYouMean(parsed.Name, library.Sounds.Keys)}"));
            return null;
        }
        var usePath = $"{prefix}/{parsed.Name}";
        var plain = Expand(def, usePath, null, pos, isUse: true);
        if (plain is null) return null;
        var info = NodeRegistry.Implemented.GetValueOrDefault(plain.Type);
        var own = parsed.Overrides.Entries
            .Where(e => plain.Get(e.Key.Text) is not null || info?.Param(e.Key.Text) is not null ||
                e.Key.Text == "signal" && plain.Get("input_signal") is not null)
            .ToImmutableArray();
        var root = own.IsEmpty ? plain : ApplyOverrides(plain, def.Name, new RawMapping(own, pos), usePath);
        if (parsed.Overrides.Entries.IsEmpty) return new Value.Node(root with { Triggered = true });
        var ps = parsed.Overrides.Entries
            .Select(e => new Param(e.Key.Text, Convert(e.Value, $"{usePath}/params/{e.Key.Text}"), e.Key.Pos))
            .Append(new Param("signal", new Value.Node(root), pos));
        return new Value.Node(new NodeSpec(Context.Info.Key, [.. ps], $"{usePath}/params", false, pos) { Triggered = true });
    }
}
