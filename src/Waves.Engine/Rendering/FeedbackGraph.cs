namespace Waves.Engine.Rendering;

/// <summary>
/// Finds the feedback cycles of a compiled patch: strongly connected components of the graph of
/// pulls (each node's <see cref="Signal.Children"/>, the links of references, and the old versions
/// inside declicks). A node of a cycle that can be re-entered — one pulled from two places (or the
/// root) — gets a <see cref="FeedbackState"/>, sized here so that rendering never allocates. Each
/// cycle is reported once, as a warning: "feedback through x, delayed by N frames" (N the block size),
/// unless every loop of it passes a node that publishes its block early (a long enough delay).
/// </summary>
internal static class FeedbackGraph
{
    /// <param name="loops">Reads of a node's previous block that close a loop through a context's
    /// variables (the node reads them, and is read while they are filled): no edges, loops already.</param>
    public static void Break(Signal root, CompileEnv main,
        IReadOnlyList<(Signal From, Signal To, ReferenceLinks.Pending Link)> links,
        IReadOnlyList<(Signal From, Signal To, ReferenceLinks.Pending Link)> loops,
        IReadOnlyDictionary<Signal, List<Signal>> extra, IReadOnlyList<CompileEnv> envs)
    {
        var linksFrom = new Dictionary<Signal, List<(Signal To, ReferenceLinks.Pending Link)>>(ReferenceEqualityComparer.Instance);
        foreach (var (from, to, link) in links)
        {
            if (!linksFrom.TryGetValue(from, out var list)) linksFrom[from] = list = [];
            list.Add((to, link));
        }

        // The graph reachable from the root; each edge remembers the link it comes from, if any.
        var index = new Dictionary<Signal, int>(ReferenceEqualityComparer.Instance);
        var nodes = new List<Signal>();
        var adj = new List<List<(int To, ReferenceLinks.Pending? Link)>>();
        int Visit(Signal s)
        {
            if (index.TryGetValue(s, out var i)) return i;
            index[s] = nodes.Count;
            nodes.Add(s);
            adj.Add([]);
            return nodes.Count - 1;
        }
        Visit(root);
        for (var k = 0; k < nodes.Count; k++)
        {
            var s = nodes[k];
            foreach (var c in s.Children) adj[k].Add((Visit(c), null));
            if (extra.TryGetValue(s, out var more))
                foreach (var c in more) adj[k].Add((Visit(c), null));
            if (linksFrom.TryGetValue(s, out var ls))
                foreach (var (to, link) in ls) adj[k].Add((Visit(to), link));
        }

        var indegree = new int[nodes.Count];
        indegree[0] = 1; // the renderer pulls the root
        foreach (var edges in adj)
            foreach (var (to, _) in edges) indegree[to]++;

        var owners = new Dictionary<Signal, (CompileEnv Env, string Id)>(ReferenceEqualityComparer.Instance);
        foreach (var env in envs)
            foreach (var (id, s) in env.Compiled) owners.TryAdd(s, (env, id));

        void KeepPrevious(Signal node)
        {
            if (node.Feedback is not null || !owners.TryGetValue(node, out var owner)) return;
            var state = owner.Env.States.Bind<FeedbackState>(owner.Id + "#feedback");
            state.Size(owner.Env.MaxBlock, node.IsStereo);
            node.Feedback = state;
        }

        foreach (var (_, to, link) in loops)
        {
            KeepPrevious(to);
            if (link.Env.Outer is null)
                main.Warning(link.Pos, $"feedback through {link.Id}, delayed by {main.MaxBlock} frames");
        }

        foreach (var component in Components(nodes.Count, k => adj[k].Select(e => e.To), _ => true))
        {
            var members = component.ToHashSet();
            foreach (var k in component)
                if (indegree[k] >= 2) KeepPrevious(nodes[k]);
            var early = Components(nodes.Count, k => members.Contains(k) ? adj[k].Select(e => e.To).Where(members.Contains) : [],
                k => members.Contains(k) && !nodes[k].PublishesEarly);
            if (early.Count > 0 && Describe(component, members, adj) is { } cycle)
                main.Warning(cycle.Pos, $"feedback through {cycle.Names}, delayed by {main.MaxBlock} frames");
        }
    }

    /// <summary>The shortest loop through the first node of the cycle that a reference of the patch
    /// reads: the ids its references read, in order, and where the reference closing it is written.
    /// Null for a cycle only old versions (declicks of a reload) take part in.</summary>
    static (string Names, Patching.SourcePos Pos)? Describe(int[] component, HashSet<int> members,
        List<List<(int To, ReferenceLinks.Pending? Link)>> adj)
    {
        var start = -1;
        foreach (var k in component)
            foreach (var (to, link) in adj[k])
                if (members.Contains(to) && link is { Env.Outer: null } && (start < 0 || to < start)) start = to;
        if (start < 0) return null;
        // Breadth first from the start back to it, within the cycle.
        var from = new Dictionary<int, (int Prev, ReferenceLinks.Pending? Link)>();
        var queue = new Queue<int>([start]);
        var found = false;
        while (queue.Count > 0 && !found)
        {
            var k = queue.Dequeue();
            foreach (var (to, link) in adj[k])
            {
                if (!members.Contains(to) || from.ContainsKey(to)) continue;
                from[to] = (k, link);
                if (to == start) { found = true; break; }
                queue.Enqueue(to);
            }
        }
        // Back along the loop: the references on it, in the order the loop passes them.
        var path = new List<ReferenceLinks.Pending>();
        var at = start;
        do
        {
            var (prev, link) = from[at];
            if (link is not null) path.Add(link);
            at = prev;
        } while (at != start);
        path.Reverse();
        var closing = path[^1];
        var names = path.Count == 1 ? closing.Id : string.Join(" → ", path.SkipLast(1).Prepend(closing).Append(closing).Select(l => l.Id));
        return (names, closing.Pos);
    }

    /// <summary>The strongly connected components with a loop (two nodes or more, or one that reads
    /// itself) among the nodes <paramref name="included"/>, by Tarjan's algorithm without recursion.</summary>
    static List<int[]> Components(int count, Func<int, IEnumerable<int>> successors, Func<int, bool> included)
    {
        var result = new List<int[]>();
        var order = new int[count];
        var low = new int[count];
        var onStack = new bool[count];
        Array.Fill(order, -1);
        var stack = new Stack<int>();
        var next = 0;
        for (var root = 0; root < count; root++)
        {
            if (order[root] >= 0 || !included(root)) continue;
            var work = new Stack<(int Node, IEnumerator<int> Next)>();
            order[root] = low[root] = next++;
            stack.Push(root);
            onStack[root] = true;
            work.Push((root, successors(root).Where(included).GetEnumerator()));
            while (work.Count > 0)
            {
                var (v, it) = work.Peek();
                if (it.MoveNext())
                {
                    var w = it.Current;
                    if (order[w] < 0)
                    {
                        order[w] = low[w] = next++;
                        stack.Push(w);
                        onStack[w] = true;
                        work.Push((w, successors(w).Where(included).GetEnumerator()));
                    }
                    else if (onStack[w]) low[v] = Math.Min(low[v], order[w]);
                    continue;
                }
                work.Pop();
                if (work.Count > 0) low[work.Peek().Node] = Math.Min(low[work.Peek().Node], low[v]);
                if (low[v] != order[v]) continue;
                var component = new List<int>();
                int m;
                do
                {
                    m = stack.Pop();
                    onStack[m] = false;
                    component.Add(m);
                } while (m != v);
                if (component.Count > 1 || successors(v).Contains(v)) result.Add([.. component]);
            }
        }
        return result;
    }
}
