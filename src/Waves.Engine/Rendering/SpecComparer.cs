using Waves.Engine.Patching;

namespace Waves.Engine.Rendering;

/// <summary>
/// Whether a node's own parameters changed between two versions of a sound. Positions are
/// ignored (moving text around changes nothing) and child nodes count only by id and type:
/// a changed child is that child's change, not its parent's.
/// </summary>
public static class SpecComparer
{
    public static bool SameOwnParameters(NodeSpec a, NodeSpec b)
    {
        if (a.Type != b.Type || a.Id != b.Id || a.ExplicitId != b.ExplicitId) return false;
        // A mix's tracks come and go without changing the mix: they fade in and out themselves.
        var pa = a.Type == "mix" ? a.Params.Where(p => p.Value is not Value.Node).ToArray() : [.. a.Params];
        var pb = b.Type == "mix" ? b.Params.Where(p => p.Value is not Value.Node).ToArray() : [.. b.Params];
        if (pa.Length != pb.Length) return false;
        for (var i = 0; i < pa.Length; i++)
            if (pa[i].Name != pb[i].Name || !SameValue(pa[i].Value, pb[i].Value)) return false;
        return true;
    }

    static bool SameValue(Value a, Value b) => (a, b) switch
    {
        (Value.Number x, Value.Number y) => x.V.Equals(y.V),
        (Value.Text x, Value.Text y) => x.V == y.V,
        (Value.Node x, Value.Node y) => x.Spec.Id == y.Spec.Id && x.Spec.Type == y.Spec.Type,
        (Value.List x, Value.List y) => x.Items.Length == y.Items.Length && x.Items.Zip(y.Items).All(p => SameValue(p.First, p.Second)),
        (Value.Map x, Value.Map y) => SameRaw(x.Raw, y.Raw),
        (Value.Null, Value.Null) or (Value.Invalid, Value.Invalid) => true,
        _ => false,
    };

    static bool SameRaw(RawNode a, RawNode b) => (a, b) switch
    {
        (RawScalar x, RawScalar y) => x.Text == y.Text && x.Plain == y.Plain,
        (RawSequence x, RawSequence y) => x.Items.Length == y.Items.Length && x.Items.Zip(y.Items).All(p => SameRaw(p.First, p.Second)),
        (RawMapping x, RawMapping y) => x.Entries.Length == y.Entries.Length &&
            x.Entries.Zip(y.Entries).All(p => p.First.Key.Text == p.Second.Key.Text && SameRaw(p.First.Value, p.Second.Value)),
        _ => false,
    };

    /// <summary>Every node of a spec tree by id (the first one where an explicit id is used twice).</summary>
    public static Dictionary<string, NodeSpec> ById(NodeSpec root)
    {
        var map = new Dictionary<string, NodeSpec>(StringComparer.Ordinal) { [root.Id] = root };
        foreach (var d in root.Descendants()) map.TryAdd(d.Id, d);
        return map;
    }

    /// <summary>Whether two var tables mean the same.</summary>
    public static bool SameVars(IReadOnlyDictionary<string, RawNode> a, IReadOnlyDictionary<string, RawNode> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && SameRaw(kv.Value, v));
}
