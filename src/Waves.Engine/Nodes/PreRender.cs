using Waves.Engine.Expressions;
using Waves.Engine.Expressions.Syntax;
using Waves.Engine.Patching;
using Waves.Engine.Rendering;

namespace Waves.Engine.Nodes;

/// <summary>A signal rendered whole: one array per channel.</summary>
public sealed record Rendered(float[] Left, float[]? Right)
{
    public int Frames => Left.Length;
}

/// <summary>
/// Renders a node's <c>signal</c> from start to end while the sound is compiled, for nodes that
/// need all of it before their first frame (<c>shuffle</c>, <c>invert</c>). The signal is compiled
/// on its own, with fresh states that belong to no patch, so nothing live is touched and the render
/// thread does no work for it; the result depends only on the sound, the seed and the sample rate,
/// so a reload or a replay gives the same frames. Names the signal uses from around the node are
/// bound as they are there; one that changes over time is read as 0 (with a warning), as there is
/// no running patch to read it from; for the same reason <c>$id</c> and <c>reference</c> reach only
/// the nodes of the signal itself. A signal in which nothing can end (no duration, no sample played
/// once) is an error at once; one still playing after <see cref="MaxSeconds"/> is an error then.
/// </summary>
public static class PreRender
{
    /// <summary>The longest signal rendered, in seconds.</summary>
    public const double MaxSeconds = 120;

    sealed class Clock : NodeState;

    /// <summary>The whole signal, or null when it could not be compiled (the problems are reported)
    /// or did not end within <see cref="MaxSeconds"/>.</summary>
    public static Rendered? Run(Value? signal, NodeSpec owner, CompileScope scope)
    {
        if (signal is null or Value.Null or Value.Invalid) return new Rendered([], null);
        if (!MayEnd(signal) || signal is Value.Node { Spec.Duration: > MaxSeconds })
        {
            NeverEnds(owner, scope);
            return null;
        }
        // References ($id, reference) reach the nodes of the signal itself, not the running patch.
        var specs = NodesIn(signal).ToList();
        var env = new CompileEnv
        {
            SampleRate = scope.SampleRate, MaxBlock = scope.MaxBlock, Seed = scope.Env.Seed,
            States = new StateStore(), Vars = scope.Env.Vars, ProjectRoot = scope.Env.ProjectRoot, Inputs = scope.Env.Inputs,
            Ids = specs.Select(s => s.Id).ToHashSet(StringComparer.Ordinal),
            ExplicitIds = specs.Where(s => s.ExplicitId).Select(s => s.Id).ToHashSet(StringComparer.Ordinal),
        };
        env.Links.Register(env);
        var detached = CompileScope.Root(env).WithDuration(scope.Duration);
        foreach (var name in NamesIn(signal).Distinct(StringComparer.Ordinal))
            if (scope.Resolve(name) is { } binding)
            {
                if (binding is NameBinding.Signal)
                {
                    scope.Env.Warning(owner.Pos, $"'{owner.Type}' renders its signal when the sound is compiled: '{name}' changes over time and is read as 0 there");
                    binding = new NameBinding.Number(0);
                }
                detached = detached.WithName(name, binding);
            }
        var clock = new Clock();
        var compiled = detached.CompileSignal(signal, clock);
        env.Links.Link(compiled, env);
        scope.Env.Problems.AddRange(env.Problems);
        if (env.Problems.Any(p => p.IsError)) return null;

        var max = (long)(MaxSeconds * scope.SampleRate);
        var block = scope.MaxBlock;
        var left = new List<float>();
        var right = compiled.IsStereo ? new List<float>() : null;
        for (long index = 0; ; index++)
        {
            var got = compiled.Pull(new Block(index, clock.Clock, block));
            left.AddRange(compiled.Left.AsSpan(0, got));
            right?.AddRange(compiled.Right!.AsSpan(0, got));
            clock.Clock += got;
            if (got < block) break;
            if (clock.Clock >= max)
            {
                NeverEnds(owner, scope);
                return null;
            }
        }
        if (compiled.Walk().FirstOrDefault(s => s.Fault is not null) is { } faulty)
            scope.Env.Warning(faulty.Spec?.Pos ?? owner.Pos, $"while '{owner.Type}' rendered its signal: {faulty.Fault!.Message}");
        return new Rendered([.. left], right is null ? null : [.. right]);
    }

    static void NeverEnds(NodeSpec owner, CompileScope scope) =>
        scope.Env.Error(owner.Pos, $"'{owner.Type}' needs a signal that ends within {MaxSeconds} s (give it a duration)");

    /// <summary>False when nothing in the signal can end it (no duration, no sample played once), so
    /// that rendering it to the limit is not even tried.</summary>
    static bool MayEnd(Value signal) =>
        NodesIn(signal).Any(n => n.Duration is not null || n.Type is "shuffle" or "invert" ||
            n.Type is "sample" or "buffer" && n.Get("loop") is not Value.Number { V: not 0 });

    static IEnumerable<NodeSpec> NodesIn(Value value) => value switch
    {
        Value.Node n => n.Spec.Descendants().Prepend(n.Spec),
        Value.List l => l.Items.SelectMany(NodesIn),
        _ => [],
    };

    /// <summary>Every name written in the expressions of a value, nodes within it included.</summary>
    static IEnumerable<string> NamesIn(Value value)
    {
        switch (value)
        {
            case Value.Text t:
                List<Token> tokens;
                try { tokens = Lexer.Tokenize(t.V); }
                catch (FormatException) { yield break; }
                foreach (var token in tokens)
                    if (token.Kind == TokenKind.Name) yield return token.Text;
                break;
            case Value.List l:
                foreach (var item in l.Items)
                    foreach (var n in NamesIn(item)) yield return n;
                break;
            case Value.Node n:
                foreach (var p in n.Spec.Params)
                    foreach (var name in NamesIn(p.Value)) yield return name;
                break;
        }
    }
}
