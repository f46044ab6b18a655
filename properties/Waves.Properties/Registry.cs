using Waves.Engine.Nodes;

namespace Waves.Properties;

/// <summary>Reads node types and parameters from <see cref="NodeRegistry.Implemented"/>, failing loudly
/// when a type or parameter the generator relies on is gone (so a rename breaks this project, not silently the coverage).</summary>
static class Registry
{
    public static NodeInfo Node(string type) =>
        NodeRegistry.Implemented.TryGetValue(type, out var info)
            ? info
            : throw new InvalidOperationException($"node type '{type}' is not in NodeRegistry.Implemented");

    public static ParamInfo Param(string type, string name) =>
        Node(type).Param(name) ?? throw new InvalidOperationException($"'{type}' has no parameter '{name}' in the registry");

    /// <summary>A node type's own parameters, then <c>duration</c> (the one base parameter that changes the sound).</summary>
    public static IEnumerable<ParamInfo> Generated(string type) =>
        Node(type).Params.Append(Param(type, "duration"));

    public static string Choice(string type, string param, string word)
    {
        var p = Param(type, param);
        return p.Choices.Contains(word)
            ? word
            : throw new InvalidOperationException($"'{word}' is not a choice of {type}.{param} ({string.Join(", ", p.Choices)})");
    }

    /// <summary>The registry's range for a parameter, narrowed to a range that keeps renders short and audible.</summary>
    public static (double Lo, double Hi) Range(ParamInfo p, (double Lo, double Hi) soft)
    {
        var lo = Math.Max(soft.Lo, p.Min ?? double.NegativeInfinity);
        var hi = Math.Min(soft.Hi, p.Max ?? double.PositiveInfinity);
        return lo <= hi ? (lo, hi) : (lo, lo);
    }
}
