using Waves.Engine.Patching;

namespace Waves.Engine.Rendering;

/// <summary>
/// The references of one compile (a <c>reference</c> node, a <c>$id</c> in an expression), linked to
/// their targets once the whole tree is compiled, so that a node may be read before it is declared.
/// Shared by the compile of a patch and the compiles of old versions of its nodes in a reload (whose
/// references read their own old tree first, then the new patch). After linking, the graph's cycles
/// are found and broken (see <see cref="FeedbackGraph"/>).
/// </summary>
internal sealed class ReferenceLinks
{
    internal sealed record Pending(ReferenceReader Reader, string Id, SourcePos Pos, CompileEnv Env, bool PassesLayout);

    readonly List<Pending> pending = [];
    readonly Dictionary<Signal, List<Signal>> edges = new(ReferenceEqualityComparer.Instance);
    readonly List<CompileEnv> envs = [];

    /// <summary>A compile whose nodes references may read (the patch's, then each old version's).</summary>
    public void Register(CompileEnv env) => envs.Add(env);

    /// <summary>A reference to link: <paramref name="passesLayout"/> for a <c>reference</c> node, whose
    /// channels are its target's.</summary>
    public void Add(ReferenceReader reader, string id, SourcePos pos, CompileEnv env, bool passesLayout) =>
        pending.Add(new Pending(reader, id, pos, env, passesLayout));

    /// <summary>A node that <paramref name="from"/> pulls but does not list among its children (the old
    /// version inside a declick).</summary>
    public void Edge(Signal from, Signal to)
    {
        if (!edges.TryGetValue(from, out var list)) edges[from] = list = [];
        list.Add(to);
    }

    static Signal? Find(string id, CompileEnv env) =>
        env.Compiled.TryGetValue(id, out var s) ? s : env.Outer?.Compiled.GetValueOrDefault(id);

    /// <summary>The nodes that fill names the node of <paramref name="id"/> may read, outermost first.</summary>
    static IEnumerable<Signal> ProvidersOf(string id, CompileEnv env)
    {
        var owner = env.Compiled.ContainsKey(id) ? env : env.Outer ?? env;
        foreach (var p in owner.Providers.GetValueOrDefault(id) ?? [])
            if (Find(p, owner) is { } s) yield return s;
    }

    /// <summary>Whether the node of <paramref name="id"/> is stereo, as far as is known while compiling:
    /// from the node when it is compiled already, else from an earlier pass, else mono.</summary>
    public static bool StereoOf(string id, CompileEnv env) =>
        Find(id, env) is { } s ? s.IsStereo : (env.Outer ?? env).Layouts.GetValueOrDefault(id);

    /// <summary>Links every reference, marks the nodes that references read, and breaks cycles.
    /// Returns the ids whose channels a <c>reference</c> compiled before them guessed wrong (with the
    /// right answer): the caller compiles again knowing them.</summary>
    public Dictionary<string, bool> Link(Signal root, CompileEnv main)
    {
        var wrong = new Dictionary<string, bool>(StringComparer.Ordinal);
        // Without references the graph is the tree: nothing to link, no cycle.
        if (pending.Count == 0) return wrong;
        var links = new List<(Signal From, Signal To, Pending Link)>();
        var loops = new List<(Signal From, Signal To, Pending Link)>();
        var tree = new TreeSpans(root, edges);
        var more = new Dictionary<Signal, List<Signal>>(ReferenceEqualityComparer.Instance);
        foreach (var (from, to) in edges) more[from] = [.. to];
        void Add(Signal from, Signal to)
        {
            if (!more.TryGetValue(from, out var list)) more[from] = list = [];
            list.Add(to);
        }
        foreach (var p in pending)
        {
            if (Find(p.Id, p.Env) is not { } target)
            {
                // An old version's reference to a node the new patch removed reads silence while it fades.
                if (p.Env.Outer is null)
                    p.Env.Error(p.Pos, $"'{p.Id}' is the id of a node that is never rendered, so it cannot be read");
                continue;
            }
            // A node below a context reads the context's variables, which the context fills as it
            // renders. From outside the context, the reference renders the context first; from inside
            // its signal, they are filled already; from inside its variables (a loop through them),
            // the reference reads the node's previous block: the node renders later, with this block's.
            var first = new List<Signal>();
            var delayed = false;
            foreach (var provider in ProvidersOf(p.Id, p.Env).Where(s => !ReferenceEquals(s, target)))
            {
                if (!tree.Contains(provider, p.Reader))
                {
                    first.Add(provider);
                    provider.WholeBlock = true;
                    Add(p.Reader, provider);
                }
                else if (!tree.Contains(SignalOf(provider), p.Reader))
                    delayed = true;
            }
            p.Reader.Link(target, delayed ? [] : [.. first], delayed);
            target.WholeBlock = true;
            // A read of the previous block pulls nothing: it is no edge of the graph, it closes a loop.
            (delayed ? loops : links).Add((p.Reader, target, p));
            if (p.PassesLayout && p.Env.Outer is null && p.Reader.IsStereo != target.IsStereo)
                wrong[p.Id] = target.IsStereo;
        }
        FeedbackGraph.Break(root, main, links, loops, more, envs);
        return wrong;
    }

    /// <summary>The part of a node rendered after it has filled the names it gives (a context's
    /// signal), through declicks of the same node; the node itself when it has none.</summary>
    static Signal SignalOf(Signal provider)
    {
        var s = provider.PassThrough;
        while (s is not null && ReferenceEquals(s.Spec, provider.Spec)) s = s.PassThrough;
        return s ?? provider;
    }
}

/// <summary>Which node lies below which in the tree of a compiled patch (children and the old
/// versions inside declicks, references not followed): each node's span in a depth-first walk.</summary>
internal sealed class TreeSpans
{
    readonly Dictionary<Signal, (int Enter, int Exit)> spans = new(ReferenceEqualityComparer.Instance);

    public TreeSpans(Signal root, IReadOnlyDictionary<Signal, List<Signal>> extra)
    {
        var clock = 0;
        var stack = new Stack<(Signal Node, IEnumerator<Signal> Next)>();
        spans[root] = (clock++, -1);
        stack.Push((root, Below(root, extra).GetEnumerator()));
        while (stack.Count > 0)
        {
            var (node, next) = stack.Peek();
            if (next.MoveNext())
            {
                var child = next.Current;
                if (spans.ContainsKey(child)) continue;
                spans[child] = (clock++, -1);
                stack.Push((child, Below(child, extra).GetEnumerator()));
                continue;
            }
            stack.Pop();
            spans[node] = (spans[node].Enter, clock++);
            node.Span = spans[node];
        }
    }

    static IEnumerable<Signal> Below(Signal s, IReadOnlyDictionary<Signal, List<Signal>> extra) =>
        extra.TryGetValue(s, out var more) ? s.Children.Concat(more) : s.Children;

    /// <summary>True when <paramref name="inner"/> is <paramref name="outer"/> or lies below it.</summary>
    public bool Contains(Signal outer, Signal inner) =>
        spans.TryGetValue(outer, out var o) && spans.TryGetValue(inner, out var i) && o.Enter <= i.Enter && i.Exit <= o.Exit;
}
