using FsCheck;
using FsCheck.Fluent;

namespace Waves.Properties;

/// <summary>
/// Generators of live sessions to replay: a generated sound (<see cref="PatchGen.Patch"/>), a block
/// size, seed, declick length and loop flag, 2 000–22 050 frames (at most half a second), and 1–10
/// edits (more as the test size grows) at distinct block boundaries, and up to eight commands (reset,
/// gain, mute, unmute, solo, unsolo) and ticks of the control thread's timer.
/// Edits lean towards changes that compile (numbers, waveforms, tracks added, removed and renamed,
/// node types changed, nodes wrapped); one in seven is broken and must be rejected.
/// </summary>
public static class ReplayGen
{
    public static readonly int[] BlockSizes = [7, 64, 100, 441, 512, 2048];
    public static readonly int[] FadeChoices = [0, 64, 441];
    public static readonly int[] SnapshotChoices = [512, 1000, 2048, 4410];
    static readonly string[] TrackNames = ["bass", "drums", "keys"];
    static readonly string[] Waveforms = [.. Registry.Param("osc", "type").Choices.Where(c => c != "none")];

    static PNumber N(double v) => new(v);

    static Gen<PNode> SimpleOsc =>
        from type in Gen.Elements("sin", "tri", "saw", "sqr")
        from freq in Gen.Choose(80, 900)
        from amp in Gen.Choose(1, 9)
        select new PNode("osc", [new("type", new PWord(type)), new("freq", N(freq)), new("amp", N(amp / 10.0))]);

    /// <summary>A new track's content: small and audible, or a small generated sound.</summary>
    static Gen<PNode> NewTrack =>
        Gen.Frequency(
            (3, SimpleOsc),
            (2, from osc in SimpleOsc
                from pan in Gen.Choose(-10, 10)
                select new PNode("track", [new("signal", osc), new("pan", N(pan / 10.0))])),
            (2, from osc in SimpleOsc
                from decay in Gen.Choose(0, 50)
                from duration in Gen.Choose(2, 40)
                select new PNode("envelope", [new("attack", N(0.01)), new("decay", N(decay / 1000.0)), new("sustain", N(0.6)),
                    new("duration", N(duration / 100.0)), new("signal", osc)])),
            (1, Gen.Constant(new PNode("osc", [new("type", new PWord("noise")), new("amp", N(0.3))]))),
            (2, PatchGen.Patch.Resize(1).Select(p => p.Root)));

    static Gen<int> K => Gen.Choose(0, 9999);

    /// <summary>Any edit, broken ones included.</summary>
    public static Gen<ReplayEdit> Edit =>
        Gen.Frequency<ReplayEdit>(
            (1, Gen.Constant<ReplayEdit>(new SameTextEdit())),
            (1, Gen.Choose(0, ReformatEdit.Variants - 1).Select(v => (ReplayEdit)new ReformatEdit(v))),
            (1, Gen.Constant<ReplayEdit>(new RevertEdit())),
            (6, from k in K from f in Gen.Elements(0.5, 0.8, 1.25, 2.0) select (ReplayEdit)new ChangeNumberEdit(k, f)),
            (2, from k in K from w in Gen.Elements(Waveforms) select (ReplayEdit)new ChangeWaveformEdit(k, w)),
            (3, from k in K from name in Gen.Elements(TrackNames) from t in NewTrack select (ReplayEdit)new AddTrackEdit(k, name, t)),
            (3, K.Select(k => (ReplayEdit)new RemovePartEdit(k))),
            (2, from k in K from name in Gen.Elements(TrackNames) select (ReplayEdit)new RenameTrackEdit(k, name)),
            (2, K.Select(k => (ReplayEdit)new RetypeEdit(k))),
            (2, from k in K from kind in Gen.Elements(WrapEdit.Kinds) select (ReplayEdit)new WrapEdit(k, kind)),
            (2, Gen.Choose(0, 2).Select(v => (ReplayEdit)new BreakBracketEdit(v))),
            (2, K.Select(k => (ReplayEdit)new UnknownTypeEdit(k))),
            (2, from k in K from e in Gen.Elements(BadExpressionEdit.Expressions) select (ReplayEdit)new BadExpressionEdit(k, e)));

    /// <summary>Saves of the same sound: unchanged, or with only whitespace and comments changed.</summary>
    public static Gen<ReplayEdit> NoOpEdit =>
        Gen.Frequency<ReplayEdit>(
            (1, Gen.Constant<ReplayEdit>(new SameTextEdit())),
            (2, Gen.Choose(0, ReformatEdit.Variants - 1).Select(v => (ReplayEdit)new ReformatEdit(v))));

    static Gen<TimedCommand> Command(int blocks) =>
        from gap in Gen.Choose(0, blocks - 1)
        from kind in Gen.Frequency(
            (4, Gen.Constant(CommandKind.Reset)), (3, Gen.Constant(CommandKind.Gain)), (2, Gen.Constant(CommandKind.Mute)),
            (1, Gen.Constant(CommandKind.Unmute)), (2, Gen.Constant(CommandKind.Solo)), (1, Gen.Constant(CommandKind.Unsolo)),
            (4, Gen.Constant(CommandKind.Tick)))
        from target in kind == CommandKind.Reset
            ? Gen.Frequency((2, Gen.Constant(TimedCommand.Every)), (1, Gen.Constant(TimedCommand.Unknown)), (5, Gen.Choose(0, 999)))
            : Gen.Frequency((1, Gen.Constant(TimedCommand.Unknown)), (6, Gen.Choose(0, 999)))
        from before in Gen.Elements(false, true)
        select new TimedCommand(gap, kind, target, before);

    static Gen<ReplayScenario> Session(Gen<ReplayEdit> edit, bool commands, int maxEdits) =>
        Gen.Sized(size =>
            from patch in PatchGen.Patch
            from blockSize in Gen.Elements(BlockSizes)
            from frames in Gen.Choose(2000, 22050)
            let blocks = Math.Max(2, (frames + blockSize - 1) / blockSize)
            from seed in Gen.Choose(1, 1000)
            from fade in Gen.Elements(FadeChoices)
            from loop in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
            from emptyOverrides in Gen.Elements(false, true)
            from count in Gen.Choose(1, Math.Clamp(2 + size * maxEdits / 100, 2, maxEdits))
            from gaps in Gen.ArrayOf(Gen.Choose(0, blocks - 1), count)
            from edits in Gen.ArrayOf(edit, count)
            from commandCount in commands ? Gen.Choose(0, Math.Clamp(2 + size / 10, 2, 8)) : Gen.Constant(0)
            from cs in Gen.ArrayOf(Command(blocks), commandCount)
            from snapshots in Gen.Frequency((2, Gen.Constant(0)), (1, Gen.Elements(SnapshotChoices)))
            select new ReplayScenario(patch, blockSize, (ulong)seed, fade, loop, emptyOverrides, blocks,
                [.. gaps.Distinct().Order().Zip(edits, (g, e) => new TimedEdit(g, e))],
                [.. cs.OrderBy(c => c.Gap)], snapshots));

    public static Gen<ReplayScenario> Scenario => Session(Edit, commands: true, maxEdits: 10);

    /// <summary>Sessions with snapshots, mostly declicked (a fade is where a live plan and a plan compiled
    /// afresh at a snapshot could part).</summary>
    public static Gen<SnapshottedSession> Snapshotted =>
        from s in Scenario
        from every in Gen.Elements(SnapshotChoices)
        from fade in Gen.Frequency((1, Gen.Constant(0)), (2, Gen.Elements(64, 441)))
        select new SnapshottedSession(s with { SnapshotEvery = every, FadeFrames = fade });

    public static Gen<NoOpReloads> NoOps => Session(NoOpEdit, commands: false, maxEdits: 24).Select(s => new NoOpReloads(s));

    /// <summary>Towards fewer edits and resets, fewer blocks, plain settings, simpler edits and a
    /// smaller sound (the edits are re-applied to it).</summary>
    public static IEnumerable<ReplayScenario> Shrink(ReplayScenario s, bool keepNoOp, bool keepSnapshots = false)
    {
        if (s.Edits.Count > 1)
        {
            yield return s with { Edits = [.. s.Edits.Take(s.Edits.Count / 2)] };
            yield return s with { Edits = [.. s.Edits.Skip(s.Edits.Count / 2)] };
        }
        for (var i = 0; i < s.Edits.Count; i++)
            if (!keepNoOp || s.Edits.Count > 1)
                yield return s with { Edits = [.. s.Edits.Take(i), .. s.Edits.Skip(i + 1)] };
        if (s.Commands.Count > 1)
        {
            yield return s with { Commands = [.. s.Commands.Take(s.Commands.Count / 2)] };
            yield return s with { Commands = [.. s.Commands.Skip(s.Commands.Count / 2)] };
        }
        for (var i = 0; i < s.Commands.Count; i++)
            yield return s with { Commands = [.. s.Commands.Take(i), .. s.Commands.Skip(i + 1)] };
        var lastGap = s.Edits.Select(e => e.Gap).Concat(s.Commands.Select(c => c.Gap)).DefaultIfEmpty(0).Max();
        foreach (var blocks in new[] { lastGap + 1, lastGap + 2, (s.Blocks + lastGap + 1) / 2 }.Distinct())
            if (blocks >= 2 && blocks < s.Blocks)
                yield return s with { Blocks = blocks };
        if (s.Loop) yield return s with { Loop = false };
        if (s.FadeFrames != 0) yield return s with { FadeFrames = 0 };
        if (s.EmptyOverrides) yield return s with { EmptyOverrides = false };
        if (s.Seed != 1) yield return s with { Seed = 1 };
        if (s.SnapshotEvery != 0 && !keepSnapshots) yield return s with { SnapshotEvery = 0 };
        for (var i = 0; i < s.Edits.Count; i++)
        {
            var e = s.Edits[i];
            if (e.Gap > 0 && s.Edits.All(o => o.Gap != e.Gap - 1))
                yield return s with { Edits = [.. s.Edits.Select((x, j) => j == i ? x with { Gap = x.Gap - 1 } : x)] };
            if (!keepNoOp && e.Edit is not SameTextEdit)
                yield return s with { Edits = [.. s.Edits.Select((x, j) => j == i ? x with { Edit = new SameTextEdit() } : x)] };
        }
        foreach (var smaller in PatchShrinker.Shrink(s.Base, PatchRender.Compiles))
            yield return s with { Base = smaller };
    }
}

/// <summary>The arbitraries of the replay properties, for <c>[Property(Arbitrary = [typeof(ReplayArbitraries)])]</c>.</summary>
public static class ReplayArbitraries
{
    public static Arbitrary<ReplayScenario> Scenarios() => Arb.From(ReplayGen.Scenario, s => ReplayGen.Shrink(s, keepNoOp: false));

    public static Arbitrary<SnapshottedSession> Snapshotted() =>
        Arb.From(ReplayGen.Snapshotted, n => ReplayGen.Shrink(n.Scenario, keepNoOp: false, keepSnapshots: true).Select(s => new SnapshottedSession(s)));

    public static Arbitrary<NoOpReloads> NoOps() =>
        Arb.From(ReplayGen.NoOps, n => ReplayGen.Shrink(n.Scenario, keepNoOp: true).Select(s => new NoOpReloads(s)));
}
