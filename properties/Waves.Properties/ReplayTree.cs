using System.Collections.Immutable;

namespace Waves.Properties;

/// <summary>A value somewhere in a generated sound: the path to it (a parameter index in a node, an
/// item index in a list, step by step from the root), the parameter name it is written under (null
/// for the root and for list items) and the node or list that holds it.</summary>
public sealed record ReplaySlot(ImmutableArray<int> Path, string? Name, PValue Value, PValue? Parent)
{
    public bool IsRoot => Path.IsEmpty;
}

/// <summary>Finds and replaces values in a <see cref="PNode"/> tree by path, for the edits of
/// <see cref="ReplayEdit"/>.</summary>
public static class ReplayTree
{
    /// <summary>Every value of the tree, depth first, the root first.</summary>
    public static IEnumerable<ReplaySlot> Slots(PNode root) => Walk(root, [], null, null);

    static IEnumerable<ReplaySlot> Walk(PValue value, ImmutableArray<int> path, string? name, PValue? parent)
    {
        yield return new ReplaySlot(path, name, value, parent);
        switch (value)
        {
            case PNode n:
                for (var i = 0; i < n.Params.Length; i++)
                    foreach (var s in Walk(n.Params[i].Value, path.Add(i), n.Params[i].Name, n)) yield return s;
                break;
            case PList l:
                for (var i = 0; i < l.Items.Length; i++)
                    foreach (var s in Walk(l.Items[i], path.Add(i), null, l)) yield return s;
                break;
        }
    }

    /// <summary>The tree with the value at <paramref name="path"/> replaced by <paramref name="change"/> of it.</summary>
    public static PValue Replace(PValue value, ReadOnlySpan<int> path, Func<PValue, PValue> change)
    {
        if (path.IsEmpty) return change(value);
        var i = path[0];
        var rest = path[1..];
        return value switch
        {
            PNode n => n with { Params = n.Params.SetItem(i, n.Params[i] with { Value = Replace(n.Params[i].Value, rest, change) }) },
            PList l => l with { Items = l.Items.SetItem(i, Replace(l.Items[i], rest, change)) },
            _ => throw new InvalidOperationException("a path goes through a value that is neither a node nor a list"),
        };
    }

    /// <summary>Replaces in a tree whose root stays a node.</summary>
    public static PNode ReplaceIn(PNode root, ImmutableArray<int> path, Func<PValue, PValue> change) =>
        Replace(root, path.AsSpan(), change) as PNode ?? throw new InvalidOperationException("the root of a sound must stay a node");

    /// <summary>The node at <paramref name="path"/> with one parameter less.</summary>
    public static PNode RemoveParam(PNode root, ImmutableArray<int> nodePath, int index) =>
        ReplaceIn(root, nodePath, v => v is PNode n ? n with { Params = n.Params.RemoveAt(index) } : v);

    /// <summary>The explicit ids written in a tree.</summary>
    public static HashSet<string> Ids(PNode root) =>
        [.. Slots(root).Where(s => s is { Name: "id", Value: PWord }).Select(s => ((PWord)s.Value).V)];

    /// <summary><paramref name="node"/> with each id that <paramref name="other"/> has too renamed (and
    /// every <c>$id</c> and <c>ref: id</c> of it), so that the two trees can be put together.</summary>
    public static PNode WithFreshIds(PNode node, PNode other)
    {
        var taken = Ids(other);
        var renames = new Dictionary<string, string>();
        foreach (var id in Ids(node).Where(taken.Contains))
        {
            var k = 2;
            while (taken.Contains($"{id}x{k}") || renames.ContainsValue($"{id}x{k}")) k++;
            renames[id] = $"{id}x{k}";
        }
        if (renames.Count == 0) return node;
        PValue Rename(PValue v, string? name) => v switch
        {
            PWord w when name is "id" or "ref" && renames.TryGetValue(w.V, out var to) => new PWord(to),
            PExpr e => new PExpr(renames.Aggregate(e.V, (text, r) =>
                System.Text.RegularExpressions.Regex.Replace(text, $@"\${System.Text.RegularExpressions.Regex.Escape(r.Key)}(?![A-Za-z0-9_])", "$$" + r.Value))),
            PNode n => n with { Params = [.. n.Params.Select(p => p with { Value = Rename(p.Value, p.Name) })] },
            PList l => l with { Items = [.. l.Items.Select(i => Rename(i, null))] },
            _ => v,
        };
        return (PNode)Rename(node, null);
    }

    /// <summary><paramref name="name"/>, or with 2, 3 … appended when a parameter of <paramref name="node"/> has it already.</summary>
    public static string Unused(PNode node, string name)
    {
        var taken = node.Params.Select(p => p.Name).ToHashSet();
        if (!taken.Contains(name)) return name;
        for (var k = 2; ; k++)
            if (!taken.Contains(name + k)) return name + k;
    }
}
