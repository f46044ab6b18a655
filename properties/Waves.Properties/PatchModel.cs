using System.Collections.Immutable;

namespace Waves.Properties;

/// <summary>A generated YAML value: the small tree that <see cref="PatchGen"/> builds,
/// <see cref="PatchShrinker"/> simplifies and <see cref="PatchYaml"/> writes out.</summary>
public abstract record PValue;

/// <summary>A number, written plainly.</summary>
public sealed record PNumber(double V) : PValue;

/// <summary>A bare word: an enum choice (<c>sqr</c>) or a boolean (<c>true</c>).</summary>
public sealed record PWord(string V) : PValue;

/// <summary>Expression text, written double-quoted.</summary>
public sealed record PExpr(string V) : PValue;

/// <summary>A list, written in flow style (<c>[440, [880, 0.3], 220]</c>).</summary>
public sealed record PList(ImmutableArray<PValue> Items) : PValue;

/// <summary>A node: <c>type: {parameters}</c>, parameters in the order written.</summary>
public sealed record PNode(string Type, ImmutableArray<PParam> Params) : PValue
{
    public PValue? Get(string name) => Params.FirstOrDefault(p => p.Name == name)?.Value;

    /// <summary>Every node below this one, depth first (not including it).</summary>
    public IEnumerable<PNode> Descendants() => Params.SelectMany(p => NodesIn(p.Value));

    static IEnumerable<PNode> NodesIn(PValue v) => v switch
    {
        PNode n => n.Descendants().Prepend(n),
        PList l => l.Items.SelectMany(NodesIn),
        _ => [],
    };
}

public sealed record PParam(string Name, PValue Value);
