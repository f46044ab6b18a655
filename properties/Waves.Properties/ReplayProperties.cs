using FsCheck.Xunit;
using Waves.Journal.Events;
using Waves.Journal.Storage;

namespace Waves.Properties;

/// <summary>
/// Promises 2 and 7 of the architecture: render is a pure function of the journal, and live and
/// replay go through the same fold. A live session is simulated on one thread (see
/// <see cref="ReplayRun"/>), journaled by the real <c>SessionRecorder</c>, replayed by the real
/// <c>Replayer</c>, and the two outputs are compared bit for bit. A failure prints the settings, the
/// starting YAML and every edit with its frame and text (<see cref="ReplayScenario.ToString"/>),
/// what each edit did in the live run and the journal.
/// </summary>
public sealed class ReplayProperties
{
    [Property(MaxTest = 1000, Arbitrary = [typeof(ReplayArbitraries)])]
    public void Replay_OfALiveRun_EqualsTheLiveOutput(ReplayScenario session)
    {
        using var journal = new InMemoryJournal();
        var live = ReplayRun.Live(session, journal);
        var replay = ReplayRun.Replay(journal, live.SessionId);
        if (ReplayRun.FirstDifference(live.Audio, replay, "live", "replay") is { } diff)
            Assert.Fail($"the replay differs from the live run: {diff}\n{ReplayRun.Report(live, journal)}");
        AssertBrokenTextsRejected(live, journal);
    }

    [Property(MaxTest = 150, Arbitrary = [typeof(ReplayArbitraries)])]
    public void Replay_OfALiveRunJournaledInLiteDb_EqualsTheLiveOutput(ReplayScenario session)
    {
        var folder = Directory.CreateTempSubdirectory("waves-replay-prop-");
        try
        {
            var path = Path.Combine(folder.FullName, "journal.db");
            LiveRun live;
            string report;
            using (var journal = new LiteDbJournal(path))
            {
                live = ReplayRun.Live(session, journal);
                report = ReplayRun.Report(live, journal);
            }
            // Replayed from the file, reopened: what a later `waves replay` reads.
            using var reopened = new LiteDbJournal(path);
            var replay = ReplayRun.Replay(reopened, live.SessionId);
            if (ReplayRun.FirstDifference(live.Audio, replay, "live", "replay") is { } diff)
                Assert.Fail($"the replay (LiteDB journal) differs from the live run: {diff}\n{report}");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(ReplayArbitraries)])]
    public void Replay_Twice_GivesIdenticalBits(ReplayScenario session)
    {
        using var journal = new InMemoryJournal();
        var live = ReplayRun.Live(session, journal);
        var first = ReplayRun.Replay(journal, live.SessionId);
        var second = ReplayRun.Replay(journal, live.SessionId);
        if (ReplayRun.FirstDifference(first, second, "first replay", "second replay") is { } diff)
            Assert.Fail($"two replays of one journal differ: {diff}\n{ReplayRun.Report(live, journal)}");
    }

    /// <summary>A replay asked to start at a frame starts at the newest state snapshot at or before it
    /// (the library in force there compiled afresh, every state restored) and hands on the same samples
    /// as the full replay from that frame. Checked from four of the snapshots (the first, the last and
    /// two between), from half a block after each, and from a third and two thirds of the session.</summary>
    [Property(MaxTest = 1000, Arbitrary = [typeof(ReplayArbitraries)])]
    public void Replay_FromAFrame_EqualsTheFullReplayFromThere(SnapshottedSession snapshotted)
    {
        var session = snapshotted.Scenario;
        using var journal = new InMemoryJournal();
        var live = ReplayRun.Live(session, journal);
        var full = ReplayRun.Replay(journal, live.SessionId);
        var snapshots = journal.Read(live.SessionId).Where(e => e.Event is StateSnapshotted).Select(e => e.Frame).ToList();
        var chosen = snapshots.Count <= 4 ? snapshots : [.. new[] { 0, snapshots.Count / 3, snapshots.Count * 2 / 3, snapshots.Count - 1 }.Select(i => snapshots[i])];
        var froms = chosen.SelectMany(f => new[] { f, f + session.BlockSize / 2 })
            .Concat([full.Frames / 3, full.Frames * 2 / 3])
            .Where(f => f > 0 && f < full.Frames).Distinct().Order();
        foreach (var from in froms)
        {
            var part = ReplayRun.Replay(journal, live.SessionId, from);
            if (ReplayRun.FirstDifference(full.From(from), part, "full replay", $"replay from frame {from}") is { } diff)
                Assert.Fail($"the replay from frame {from} (snapshots at frames {string.Join(", ", snapshots)}) differs from the full " +
                    $"replay from there (frames counted from {from}): {diff}\n{ReplayRun.Report(live, journal)}");
        }
    }

    [Property(MaxTest = 1000, Arbitrary = [typeof(ReplayArbitraries)])]
    public void Reload_OfUnchangedText_IsANoOpOnTheOutput(NoOpReloads reloads)
    {
        var session = reloads.Scenario;
        using var journal = new InMemoryJournal();
        var live = ReplayRun.Live(session, journal);
        using var quiet = new InMemoryJournal();
        var without = ReplayRun.Live(session with { Edits = [] }, quiet);
        if (live.Edits.FirstOrDefault(e => !e.Accepted) is { } rejected)
            Assert.Fail($"a save of the same sound was rejected ({rejected.Edit.Result.What}):\n{string.Join("\n", rejected.Errors)}");
        if (ReplayRun.FirstDifference(without.Audio, live.Audio, "without reloads", "with reloads") is { } diff)
            Assert.Fail($"reloading the unchanged sound changed the output: {diff}\n{ReplayRun.Report(live, journal)}");
    }

    /// <summary>Bad input never plays: every text meant to be broken was rejected and journaled as such.</summary>
    static void AssertBrokenTextsRejected(LiveRun live, IJournal journal)
    {
        if (live.Edits.FirstOrDefault(e => e.Edit.Result.MeantBroken && e.Accepted) is { } accepted)
            Assert.Fail($"a broken text was accepted as revision {accepted.Revision} ({accepted.Edit.Result.What}):\n" +
                $"{ReplayFormat.Indent(accepted.Edit.Result.Yaml)}\n{ReplayRun.Report(live, journal)}");
        var rejections = journal.Read(live.SessionId).Count(e => e.Event is ReloadRejected);
        var rejected = live.Edits.Count(e => !e.Accepted);
        Assert.True(rejections == rejected, $"{rejected} edit(s) were rejected but {rejections} rejection(s) journaled");
    }
}
