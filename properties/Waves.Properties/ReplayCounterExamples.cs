using Waves.Journal.Storage;

namespace Waves.Properties;

/// <summary>Counter-examples found by <see cref="ReplayProperties"/>, shrunk and kept as fixed
/// examples: the properties find them in some runs, these every time.</summary>
public sealed class ReplayCounterExamples
{
    static PNode Osc(params (string Name, PValue Value)[] ps) => new("osc", [.. ps.Select(p => new PParam(p.Name, p.Value))]);

    static ReplayScenario Session(PNode root, int blockSize, int blocks, int fade = 0) =>
        new(new GeneratedPatch(root), blockSize, 1, fade, false, false, blocks, [], []);

    static void AssertReplayEqualsLive(ReplayScenario session)
    {
        using var journal = new InMemoryJournal();
        var live = ReplayRun.Live(session, journal);
        var replay = ReplayRun.Replay(journal, live.SessionId);
        if (ReplayRun.FirstDifference(live.Audio, replay, "live", "replay") is { } diff)
            Assert.Fail($"the replay differs from the live run: {diff}\n{session}\n{ReplayRun.Report(live, journal)}");
    }

    /// <summary>The pan oscillator ends at 0.02 s (frame 882) and its last value is held; saving the same
    /// text right then must not change what is heard. (Found by the no-op property while that value was
    /// a field of the compiled plan; it is state now.)</summary>
    [Fact]
    public void Reload_OfUnchangedText_WhenAModulatorHasEnded_KeepsItsHeldValue()
    {
        var root = new PNode("track", [new("signal", Osc()), new("pan", Osc(("duration", new PNumber(0.02))))]);
        var session = Session(root, 7, 140) with { Edits = [new TimedEdit(126, new SameTextEdit())] };
        using var journal = new InMemoryJournal();
        var live = ReplayRun.Live(session, journal);
        using var quiet = new InMemoryJournal();
        var without = ReplayRun.Live(session with { Edits = [] }, quiet);
        if (ReplayRun.FirstDifference(without.Audio, live.Audio, "without reloads", "with reloads") is { } diff)
            Assert.Fail($"{diff}\n{session}");
    }

    /// <summary>'gain 1.5' is applied at frame 3072; 'gain 1' is typed before block 15 (frame 7680) and a
    /// tick of the control thread polls before that block is rendered. The recorder builds the new
    /// transport with <c>requested with { Gain = g }</c>, which copies the applied frame of the previous
    /// one (3072), so the poll takes it for applied and journals 'gain 1' at frame 3072: the replay
    /// drops the 1.5 altogether.</summary>
    [Fact]
    public void Replay_WhenTheGainChangesAgainAndATickComesBeforeTheNextBlock_AppliesItAtItsFrame() =>
        AssertReplayEqualsLive(Session(Osc(), 512, 16) with
        {
            Commands =
            [
                new TimedCommand(6, CommandKind.Gain, Array.IndexOf(TimedCommand.Gains, 1.5), false),
                new TimedCommand(15, CommandKind.Gain, Array.IndexOf(TimedCommand.Gains, 1.0), false),
                new TimedCommand(15, CommandKind.Tick, 0, false),
            ],
        });

    /// <summary>An edit saved before the first block is swapped in at frame 0 and declicked from the
    /// starting sound over the fade: the replay has to start from the starting sound too.</summary>
    [Theory]
    [InlineData(64)]
    [InlineData(441)]
    public void Replay_OfAnEditBeforeTheFirstBlock_IsDeclickedAsLive(int fade) =>
        AssertReplayEqualsLive(Session(new PNode("envelope", [new("signal", new PNumber(1))]), 441, 2, fade) with
        {
            Edits = [new TimedEdit(0, new ChangeNumberEdit(0, 0.5))],
        });

    /// <summary>The sound (a panned track over a mix) loses the mix's only stereo track at frame 1024,
    /// faded out over 64 frames; the snapshot at frame 1536 is taken well after the fade. A replay from
    /// there compiles the edited text afresh: the mix is mono and the outer track pans it with the
    /// equal-power law. Live, the faded-out track is still in the mix's plan, so the mix stays stereo and
    /// the outer track keeps the balance law for good: the same text sounds different depending on
    /// what was removed from it.</summary>
    /// <summary>A looped one-shot of 4410 frames with blocks of 441 ends exactly on a block boundary, where a
    /// snapshot is taken; replayed from there it must start again, as it did live (found by
    /// Replay_FromAFrame_EqualsTheFullReplayFromThere: the renderer kept whether the sound had sounded
    /// as a hidden flag, which a snapshot did not carry).</summary>
    [Fact]
    public void Replay_FromASnapshotWhereALoopedSoundEndedOnABlockBoundary_StartsItAgain()
    {
        var session = Session(Osc(("duration", new PNumber(0.1))), 441, 15) with { Loop = true, SnapshotEvery = 512 };
        AssertReplayFromEqualsFullReplay(session, 4410);
    }

    [Fact]
    public void Replay_FromASnapshotAfterAStereoTrackWasRemoved_EqualsTheFullReplay()
    {
        PNode Sound(bool withStereoTrack) => new("track", [
            new("signal", new PNode("mix", [
                .. withStereoTrack ? [new PParam("a", new PNode("track", [new("signal", new PNumber(0.5)), new("pan", new PNumber(-1))]))] : Array.Empty<PParam>(),
                new("b", Osc(("freq", new PNumber(440)))),
            ])),
            new("pan", new PNumber(0.5)),
        ]);
        var session = Session(Sound(true), 512, 8, fade: 64) with
        {
            Edits = [new TimedEdit(2, new ReplaceEdit(Sound(false), "the stereo track 'a' removed"))],
            SnapshotEvery = 1000,
        };
        AssertReplayFromEqualsFullReplay(session, null);
    }

    /// <summary>The same with a declick: the inner track loses its pan at frame 1024 and so becomes mono;
    /// live, the crossfade from the stereo version stays in the plan and keeps the outer track on the
    /// balance law, a replay from the snapshot after the fade uses the equal-power law.</summary>
    [Fact]
    public void Replay_FromASnapshotAfterANodeWasRetunedFromStereoToMono_EqualsTheFullReplay()
    {
        PNode Sound(bool panned) => new("track", [
            new("signal", new PNode("track", [
                new("signal", Osc(("freq", new PNumber(440)))),
                .. panned ? [new PParam("pan", new PNumber(-0.5))] : Array.Empty<PParam>(),
            ])),
            new("pan", new PNumber(0.5)),
        ]);
        var session = Session(Sound(true), 512, 8, fade: 64) with
        {
            Edits = [new TimedEdit(2, new ReplaceEdit(Sound(false), "the inner track's pan removed"))],
            SnapshotEvery = 1000,
        };
        AssertReplayFromEqualsFullReplay(session, null);
    }

    /// <summary>At frame 4096 the amp modulator's frequency changes and a 441-frame declick starts; the
    /// oscillator it modulates ends at 0.1 s (frame 4410) and so stops pulling it after 314 frames of
    /// the fade. At frame 12288 'reset' restarts every node: the oscillator pulls its amp again and the
    /// crossfade, which counts the frames it was pulled rather than the frames since the swap, goes on
    /// for its last 127 frames, blending in the old modulator (on its stale copies) long after the
    /// reload. A replay from the snapshot at frame 4608 (after the declick, by the frames) has no
    /// crossfade and differs from there.</summary>
    [Fact]
    public void Replay_FromASnapshot_WhenADeclickWasCutShortByTheEndOfItsConsumer_EqualsTheFullReplay()
    {
        PNode Sound(double freq) => new("mix", [
            new("lead", Osc(("amp", Osc(("freq", new PNumber(freq)), ("range", new PList([new PNumber(0.195), new PNumber(1)])))), ("duration", new PNumber(0.1)))),
            new("pad", Osc(("amp", new PNumber(0)))),
        ]);
        var session = Session(Sound(24), 512, 25, fade: 441) with
        {
            Edits = [new TimedEdit(8, new ReplaceEdit(Sound(12), "the amp modulator's freq halved"))],
            Commands = [new TimedCommand(24, CommandKind.Reset, TimedCommand.Every, false)],
            SnapshotEvery = 512,
        };
        AssertReplayFromEqualsFullReplay(session, 4608);
    }

    /// <summary>Runs the session live, then checks that a replay from <paramref name="from"/> (default: the
    /// last snapshot) equals the full replay from there.</summary>
    static void AssertReplayFromEqualsFullReplay(ReplayScenario session, long? from)
    {
        using var journal = new InMemoryJournal();
        var live = ReplayRun.Live(session, journal);
        var full = ReplayRun.Replay(journal, live.SessionId);
        var start = from ?? journal.Read(live.SessionId).Last(e => e.Event is Waves.Journal.Events.StateSnapshotted).Frame;
        var part = ReplayRun.Replay(journal, live.SessionId, start);
        if (ReplayRun.FirstDifference(full.From(start), part, "full replay", $"replay from frame {start}") is { } diff)
            Assert.Fail($"{diff}\n{session}\n{ReplayRun.Report(live, journal)}");
    }
}
