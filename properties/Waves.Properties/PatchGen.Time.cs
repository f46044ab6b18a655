using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;

namespace Waves.Properties;

public static partial class PatchGen
{
    /// <summary>A node of time: smooth, select, snap, hold, glide, interval (as an osc's frequency),
    /// automation, multiply, follow, retrigger, spawn, sequencer or tempo, over generated sounds, with triggers and
    /// switches fast enough (3–40 Hz) to fall inside blocks in a 0.3 s render.</summary>
    static Gen<PNode> TimeNode(GenScope scope) =>
        Gen.Frequency(
            (2, Defer(() => Smooth(scope))), (2, Defer(() => SelectNode(scope))), (2, Defer(() => Snap(scope))),
            (2, Defer(() => Hold(scope))), (2, Defer(() => Glide(scope))), (2, Defer(() => IntervalOsc(scope))),
            (3, Defer(() => Automation(scope))), (2, Defer(() => MultiplyNode(scope))), (2, Defer(() => Follow(scope))),
            (2, Defer(() => Retrigger(scope))), (2, Defer(() => Spawn(scope))),
            (2, Defer(() => Sequencer(scope, tempo: false))), (2, Defer(() => TempoNode(scope))));

    /// <summary>Names a tempo gives the nodes below it that generated expressions may read.</summary>
    static readonly string[] TempoNames = ["beat", "sixteenth_number", "beat_tick", "bpm"];

    /// <summary>A tempo (steady, or swung by an LFO) over a sequencer stepping on its divisions; the
    /// steps' sounds may read its names.</summary>
    static Gen<PNode> TempoNode(GenScope scope) =>
        from bpm in Gen.OneOf(Number((100, 400)).Select(Num), Osc(scope with { Depth = 0 }, OscRole.Modulator(100, 400)).Select(n => (PValue)n))
        from sequencer in Sequencer(scope with { Vars = scope.Vars.AddRange(TempoNames) }, tempo: true)
        select new PNode("tempo", [P("tempo", "bpm", bpm), P("tempo", "signal", sequencer)]);

    /// <summary>A sequencer of one to three steps (sounds or rests) at 15–100 steps a second, or on a
    /// tempo's divisions or beat ticks, sometimes with few voices (stealing).</summary>
    static Gen<PNode> Sequencer(GenScope scope, bool tempo) =>
        from count in Gen.Choose(1, 3)
        from steps in Gen.ArrayOf(Gen.Frequency((4, Inner(scope)), (1, Gen.Constant((PValue)new PWord("~")))), count)
        from timing in tempo
            ? Gen.Elements(P("sequencer", "interval", new PExpr("sixteenth")), P("sequencer", "interval", new PExpr("beat / 2")),
                P("sequencer", "trigger", new PExpr("beat_tick")))
            : Number((0.01, 0.07)).Select(i => P("sequencer", "interval", new PNumber(i)))
        from voices in Maybe(40, Gen.Choose(1, 3).Select(v => (double)v))
        select new PNode("sequencer", [
            P("sequencer", "steps", new PList([.. steps])), timing,
            .. voices is { } v ? [P("sequencer", "voices", new PNumber(v))] : ImmutableArray<PParam>.Empty]);

    static Gen<PValue> Inner(GenScope scope) =>
        scope.Depth <= 0 ? Osc(scope, OscRole.Audio).Select(n => (PValue)n) : Defer(() => Node(scope.Down)).Select(n => (PValue)n);

    static PParam P(string type, string name, PValue value) => new(Registry.Param(type, name).Name, value);

    static Gen<PNode> Smooth(GenScope scope) =>
        from signal in Inner(scope)
        from step in Wave(scope with { Depth = 0 }, (0.001, 0.1))
        select new PNode("smooth", [P("smooth", "signal", signal), P("smooth", "step", step)]);

    static Gen<PNode> SelectNode(GenScope scope) =>
        from rate in Number((3, 40))
        from a in Inner(scope)
        from b in Gen.OneOf(Inner(scope), Number((-1, 1)).Select(Num))
        from trueFalse in Gen.Elements(false, true)
        select trueFalse
            ? new PNode("select", [P("select", "test", new PExpr($"sin(t * {F(rate)}) > 0")), new("true", a), new("false", b)])
            : new PNode("select", [P("select", "test", new PExpr($"floor(t * {F(rate)}) % 3")), new("0", a), new("2", b)]);

    static Gen<PNode> Snap(GenScope scope) =>
        from values in Gen.ArrayOf(Number((-1, 1)), 3)
        from glide in Maybe(50, Number((0, 0.05)))
        from signal in Inner(scope)
        select new PNode("snap", [
            P("snap", "values", new PList([.. values.Select(Num)])),
            P("snap", "signal", signal),
            .. glide is { } g ? [P("snap", "glide", new PNumber(g))] : ImmutableArray<PParam>.Empty]);

    static Gen<PNode> Hold(GenScope scope) =>
        from signal in Inner(scope)
        from trigger in Maybe(80, PulseOsc())
        select new PNode("hold", [
            P("hold", "signal", signal),
            .. trigger is { } t ? [P("hold", "trigger", t)] : ImmutableArray<PParam>.Empty]);

    static Gen<PNode> Glide(GenScope scope) =>
        from signal in Gen.OneOf(Inner(scope), Automation(scope with { Depth = 0 }).Select(n => (PValue)n))
        from time in Wave(scope with { Depth = 0 }, (0, 0.05))
        select new PNode("glide", [P("glide", "signal", signal), P("glide", "time", time)]);

    static readonly string[] ScaleNames = ["major", "minor_pentatonic", "blues"];

    static Gen<PNode> IntervalOsc(GenScope scope) =>
        from root in Number((100, 400))
        from note in Wave(scope with { Depth = Math.Min(scope.Depth, 1) }, (-8, 8))
        from scale in Gen.OneOf(Gen.Elements(ScaleNames).Select(s => (PValue)new PWord(s)), Gen.Constant((PValue)new PList([Num(0), Num(3), Num(7)])))
        select new PNode("osc", [
            new(Registry.Param("osc", "freq").Name, new PNode("interval", [
                P("interval", "root", new PNumber(root)), P("interval", "note", note), P("interval", "scale", scale)])),
            new(Registry.Param("osc", "amp").Name, new PNumber(0.3))]);

    static Gen<PNode> Automation(GenScope scope) =>
        from steps in Gen.ArrayOf(Number((-1, 1)), 4)
        from interval in Number((0.01, 0.08))
        from mode in Gen.Elements(Registry.Param("automation", "mode").Choices.ToArray())
        from repeat in Maybe(30, Gen.Choose(1, 3).Select(r => (double)r))
        from trigger in Maybe(25, PulseOsc())
        select new PNode("automation", [
            P("automation", "steps", new PList([.. steps.Select(Num)])),
            P("automation", "mode", new PWord(mode)),
            trigger is { } t ? P("automation", "trigger", t) : P("automation", "interval", new PNumber(interval)),
            .. repeat is { } r ? [P("automation", "repeat", new PNumber(r))] : ImmutableArray<PParam>.Empty]);

    static Gen<PNode> MultiplyNode(GenScope scope) =>
        from count in Gen.Choose(1, 3)
        from items in Gen.Elements(false, true)
        from freq in Number((80, 300))
        select new PNode("multiply", [
            items ? P("multiply", "items", new PList([.. Enumerable.Range(1, count).Select(k => Num(k * 0.5))]))
                  : P("multiply", "number", new PNumber(count)),
            P("multiply", "signal", new PNode("osc", [
                new(Registry.Param("osc", "freq").Name, new PExpr(items ? $"{F(freq)} * (i + item)" : $"{F(freq)} * i")),
                new(Registry.Param("osc", "amp").Name, new PExpr("0.5 / n"))]))]);

    static Gen<PNode> Follow(GenScope scope) =>
        from signal in Inner(scope)
        from attack in Number((0, 0.02))
        from release in Number((0.01, 0.1))
        select new PNode("follow", [P("follow", "signal", signal), P("follow", "attack", new PNumber(attack)), P("follow", "release", new PNumber(release))]);

    static Gen<PNode> Retrigger(GenScope scope) =>
        from signal in Inner(scope)
        from time in Number((0.005, 0.05))
        from repeat in Gen.Choose(1, 4)
        from feedback in Number((0, 0.9))
        from spread in Maybe(40, Number((0, 1)))
        from movement in Maybe(30, Number((0.5, 5)))
        select new PNode("retrigger", [
            P("retrigger", "signal", signal), P("retrigger", "time", new PNumber(time)),
            P("retrigger", "repeat", new PNumber(repeat)), P("retrigger", "feedback", new PNumber(feedback)),
            .. spread is { } s ? [P("retrigger", "spread", new PNumber(s))] : ImmutableArray<PParam>.Empty,
            .. movement is { } m ? [P("retrigger", "movement", new PNumber(m))] : ImmutableArray<PParam>.Empty]);

    static Gen<PNode> Spawn(GenScope scope) =>
        from trigger in PulseOsc()
        from voices in Gen.Choose(1, 4)
        from voice in Envelope(scope with { Depth = Math.Max(1, scope.Depth - 1) }, modulator: false)
        select new PNode("spawn", [P("spawn", "trigger", trigger), P("spawn", "voices", new PNumber(voices)), P("spawn", "signal", voice)]);
}
