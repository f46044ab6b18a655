using Waves.Engine.Patching;

namespace Waves.Engine.Nodes;

/// <summary>
/// The copies of a template that a node plays as voices (multiply, spawn): slot <c>k</c> moves
/// every id below <c>parent/param</c> to <c>parent/param/k</c>, so each voice has its own states and
/// keeps them across reloads. An explicit id gets <c>#k</c> appended: voices never share a state
/// (the original let them share one, which made each voice advance the others).
/// </summary>
internal static class VoiceSpecs
{
    public static NodeSpec ForSlot(NodeSpec template, string parentId, string param, int slot) =>
        Rebase(template, $"{parentId}/{param}", $"{parentId}/{param}/{slot}", slot);

    /// <summary>Every node id of a voice's tree (explicit ids with their <c>#k</c> included).</summary>
    public static IEnumerable<string> Ids(NodeSpec spec) =>
        spec.Params.SelectMany(p => Ids(p.Value)).Prepend(spec.Id);

    static IEnumerable<string> Ids(Value value) => value switch
    {
        Value.Node n => Ids(n.Spec),
        Value.List l => l.Items.SelectMany(Ids),
        _ => [],
    };

    static NodeSpec Rebase(NodeSpec spec, string from, string to, int slot)
    {
        var id = spec.ExplicitId ? $"{spec.Id}#{slot}"
            : spec.Id.StartsWith(from, StringComparison.Ordinal) ? to + spec.Id[from.Length..]
            : $"{spec.Id}#{slot}";
        return spec with { Id = id, Params = [.. spec.Params.Select(p => p with { Value = Rebase(p.Value, from, to, slot) })] };
    }

    static Value Rebase(Value value, string from, string to, int slot) => value switch
    {
        Value.Node n => new Value.Node(Rebase(n.Spec, from, to, slot)),
        Value.List l => l with { Items = [.. l.Items.Select(i => Rebase(i, from, to, slot))] },
        _ => value,
    };
}
