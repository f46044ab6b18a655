using System.Collections.Immutable;

namespace Waves.Engine.Patching;

public sealed record Param(string Name, Value Value, SourcePos KeyPos);

/// <summary>
/// One node of a sound, as written: type, parameters in file order, position and id.
/// Immutable; a reload builds new specs and the compiler matches state by <see cref="Id"/>.
/// </summary>
/// <param name="Id">State key: the explicit <c>id</c>, else the path of parameter names from the sound.</param>
/// <param name="ExplicitId">True when the user wrote <c>id:</c>.</param>
public sealed record NodeSpec(string Type, ImmutableArray<Param> Params, string Id, bool ExplicitId, SourcePos Pos)
{
    public Value? Get(string name)
    {
        foreach (var p in Params)
            if (p.Name == name) return p.Value;
        return null;
    }

    public Param? GetParam(string name)
    {
        foreach (var p in Params)
            if (p.Name == name) return p;
        return null;
    }

    /// <summary>The node's own <c>duration</c> when it is a finite number.</summary>
    public double? Duration => Get("duration") is Value.Number { V: var d } && double.IsFinite(d) ? d : null;

    /// <summary>Every node below this one (not including it), depth first.</summary>
    public IEnumerable<NodeSpec> Descendants()
    {
        foreach (var p in Params)
            foreach (var n in NodesIn(p.Value))
            {
                yield return n;
                foreach (var d in n.Descendants()) yield return d;
            }
    }

    static IEnumerable<NodeSpec> NodesIn(Value v)
    {
        switch (v)
        {
            case Value.Node n: yield return n.Spec; break;
            case Value.List l:
                foreach (var item in l.Items)
                    foreach (var n in NodesIn(item)) yield return n;
                break;
        }
    }

    /// <summary>A library sound that a sequencer step names: it plays when triggered, so (as in the
    /// original) its durations are not the durations of the sound around it.</summary>
    public bool Triggered { get; init; }

    /// <summary>The largest finite duration anywhere in the tree (how long a render lasts by default),
    /// not counting sounds that sequencer steps name.</summary>
    public double? DeclaredDuration()
    {
        double? max = Duration;
        foreach (var p in Params)
            foreach (var n in NodesIn(p.Value))
                if (!n.Triggered && n.DeclaredDuration() is { } v && (max is null || v > max)) max = v;
        return max;
    }
}
