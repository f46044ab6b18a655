using FsCheck;
using FsCheck.Fluent;
using Waves.Engine.Nodes;

namespace Waves.Properties;

public static partial class PatchGen
{
    /// <summary>A generated sound passed through one to three filter, delay and map nodes (nested, or
    /// side by side in a mix), their parameters drawn from the registry as numbers or per-sample waves.
    /// Delays are short (up to 50 ms) so that a 0.3 s render hears them, echoes and tails included.</summary>
    public static Gen<GeneratedPatch> Processed =>
        Gen.Sized(size => Gen.OneOf(
                Processor(GenScope.Root(DepthFor(size))),
                from a in Processor(GenScope.Root(DepthFor(size) - 1))
                from b in Processor(GenScope.Root(DepthFor(size) - 1))
                select new PNode("mix", [new("lead", a), new("pad", b)])))
            .Select(n => new GeneratedPatch(n));

    static Gen<PNode> Processor(GenScope scope) =>
        Gen.Frequency((3, Defer(() => Filter(scope))), (3, Defer(() => Delay(scope))), (2, Defer(() => MapNode(scope))));

    /// <summary>What a processor processes: a generated sound, another processor, or a plain oscillator.</summary>
    static Gen<PValue> ProcessorInput(GenScope scope) =>
        scope.Depth <= 0
            ? Osc(scope, OscRole.Audio).Select(n => (PValue)n)
            : Gen.Frequency(
                (3, Defer(() => Node(scope.Down)).Select(n => (PValue)n)),
                (1, Defer(() => Processor(scope.Down)).Select(n => (PValue)n)));

    static Gen<PNode> Filter(GenScope scope) =>
        from ps in Params(Registry.Node("filter").Params, p => p.Name switch
        {
            "signal" => Some(p.Name, ProcessorInput(scope)),
            "cutoff" => Some(p.Name, Wave(scope, Registry.Range(p, (20, 8000)))),
            "peak" => Opt(p.Name, 60, Wave(scope, (-1, 3))),
            "type" => Opt(p.Name, 80, Gen.Elements([.. p.Choices, "lp", "hpf", "bp"]).Select(w => (PValue)new PWord(w))),
            _ => Generic("filter", p, scope),
        })
        select Build("filter", ps, null);

    static Gen<PNode> Delay(GenScope scope) =>
        from ps in Params(Registry.Node("delay").Params, p => p.Name switch
        {
            "signal" => Some(p.Name, ProcessorInput(scope)),
            "time" => Some(p.Name, Wave(scope, Registry.Range(p, (0, 0.05)))),
            "feedback" => Opt(p.Name, 40, Wave(scope, Registry.Range(p, (-0.9, 0.9)))),
            "mix" => Opt(p.Name, 30, Wave(scope, Registry.Range(p, (0, 1)))),
            "max_time" => Opt(p.Name, 50, Number(Registry.Range(p, (0.05, 0.2))).Select(Num)),
            "mode" => Opt(p.Name, 50, Gen.Elements(p.Choices.ToArray()).Select(w => (PValue)new PWord(w))),
            _ => Generic("delay", p, scope),
        })
        select Build("delay", ps, null);

    static Gen<PNode> MapNode(GenScope scope) =>
        from ps in Params(Registry.Node("map").Params, p => p.Name switch
        {
            "signal" => Some(p.Name, ProcessorInput(scope)),
            "from" => Opt(p.Name, 70, Pair(scope, (-1, -0.5), (0.5, 1))),
            "to" => Some(p.Name, Pair(scope, (-1, 0), (0, 1))),
            "clip" => Opt(p.Name, 30, Pair(GenScope.Root(0), (-1, -0.3), (0.3, 1))),
            _ => Generic("map", p, scope),
        })
        select Build("map", ps, null);

    /// <summary>A <c>[lo, hi]</c> pair of numbers or expressions (the YAML writer keeps lists free of nodes).</summary>
    static Gen<PValue> Pair(GenScope scope, (double Lo, double Hi) first, (double Lo, double Hi) second) =>
        from a in Wave(scope with { Depth = 0 }, first)
        from b in Wave(scope with { Depth = 0 }, second)
        select (PValue)new PList([a, b]);
}
