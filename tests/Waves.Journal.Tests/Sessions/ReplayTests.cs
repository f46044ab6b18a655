using Waves.Engine.Midi;
using Waves.Engine.Patching;
using Waves.Engine.Rendering;
using Waves.Journal.Events;
using Waves.Journal.Sessions;
using Waves.Journal.Storage;

namespace Waves.Journal.Tests.Sessions;

/// <summary>
/// A live session driven block by block (edits, commands, polls between blocks, as the session
/// pipeline does) and its replay from the journal: the same samples, bit for bit.
/// </summary>
public sealed class ReplayTests
{
    const string Base = """
        s:
          mix:
            lead: {track: {pan: -0.5, signal: {osc: {type: saw, freq: 220, amp: 0.3}}}}
            pad: {track: {pan: 0.5, signal: {envelope: {attack: 0.2, sustain: 0.5, signal: {osc: {type: tri, freq: 330}}}}}}
        """;

    static SoundLibrary Library(string yaml) => SoundLibrary.FromTexts([new SoundLibrary.SourceFile("sounds/s.yaml", yaml)]);

    /// <summary>Plays <paramref name="blocks"/> blocks; before block k, the actions for k run.</summary>
    static (float[] Left, float[] Right, string SessionId) Live(IJournal journal, int blocks, Dictionary<int, Action<SessionRecorder>> actions, bool loop = false, long snapshotEvery = 5 * 44100)
    {
        var (session, problems) = LiveSession.Start(Library(Base), "s", new RenderSettings(44100, 128, 3), fadeFrames: 300);
        Assert.True(session is not null, string.Join("\n", problems));
        session.Renderer.Loop = loop;
        var recorder = new SessionRecorder(journal, session, "sounds", _ => { }) { SnapshotEvery = snapshotEvery };
        recorder.Begin([], loop);
        var left = new List<float>();
        var right = new List<float>();
        var l = new float[128];
        var r = new float[128];
        for (var k = 0; k < blocks; k++)
        {
            if (actions.TryGetValue(k, out var act)) act(recorder);
            if (session.Paused) continue;
            var produced = session.Renderer.RenderBlock(l, r, 128);
            left.AddRange(l.AsSpan(0, produced));
            right.AddRange(r.AsSpan(0, produced));
            recorder.Poll();
        }
        recorder.End(left.Count, "ended");
        return (left.ToArray(), right.ToArray(), recorder.SessionId);
    }

    static (float[] Left, float[] Right) Replay(IJournal journal, string id, long from = 0)
    {
        var left = new List<float>();
        var right = new List<float>();
        Replayer.Run(journal, journal.Read(id), (l, r) => { left.AddRange(l.Span); right.AddRange(r.Span); }, fromFrame: from);
        return (left.ToArray(), right.ToArray());
    }

    [Fact]
    public void Replay_OfEditsResetsAndTransport_GivesTheLiveSamples()
    {
        using var journal = new InMemoryJournal();
        var live = Live(journal, 300, new()
        {
            [20] = rec => rec.Edit(Library(Base.Replace("freq: 220", "freq: 247"))),
            [40] = rec => rec.Command("gain 0.5"),
            [55] = rec => rec.Edit(Library(Base.Replace("freq: 220", "freq: [247"))),      // rejected
            [60] = rec => rec.Command("mute pad"),
            [90] = rec => rec.Command("pause"),
            [95] = rec => rec.Command("resume"),
            [100] = rec => rec.Command("unmute pad"),
            [101] = rec => rec.Command("solo lead"),
            [130] = rec => rec.Command("reset s/mix/pad/track/signal/envelope"),
            [150] = rec => rec.Edit(Library(Base.Replace("    pad:", "    bass: {osc: {freq: 55, amp: 0.2}}\n    pad:"))),
            [151] = rec => rec.Command("unsolo lead"),
            [200] = rec => rec.Command("reset"),
        });
        var events = journal.Read(live.SessionId);
        Assert.Contains(events, e => e.Event is ReloadRejected);
        Assert.Equal(2, events.Count(e => e.Event is ReloadApplied));
        Assert.Contains(events, e => e.Event is MasterGainChanged && e.Frame == 40 * 128);
        Assert.Contains(events, e => e.Event is TrackMuted { Track: "pad", Muted: true } && e.Frame == 60 * 128);
        var replay = Replay(journal, live.SessionId);
        Assert.Equal(live.Left.Length, replay.Left.Length);
        Assert.Equal(live.Left, replay.Left);
        Assert.Equal(live.Right, replay.Right);
        // The transport did something: muting the pad took its share off the right side.
        static double Rms(float[] x, int block) => Math.Sqrt(x[(block * 128)..((block + 1) * 128)].Average(v => (double)v * v));
        Assert.True(Rms(live.Right, 70) < 0.6 * Rms(live.Right, 58), $"{Rms(live.Right, 70)} vs {Rms(live.Right, 58)}");
    }

    [Fact]
    public void ReplayFromASnapshot_EqualsTheSuffixOfAFullReplay()
    {
        using var journal = new InMemoryJournal();
        var live = Live(journal, 400, new()
        {
            [20] = rec => rec.Edit(Library(Base.Replace("freq: 220", "freq: 247"))),
            [60] = rec => rec.Command("mute pad"),
            [130] = rec => rec.Command("reset s/mix/pad/track/signal/envelope"),
            [150] = rec => rec.Edit(Library(Base.Replace("    pad:", "    bass: {osc: {freq: 55, amp: [0.2, 0], duration: 0.3}}\n    pad:"))),
            [200] = rec => rec.Command("unmute pad"),
        }, snapshotEvery: 8192);
        var snapshots = journal.Read(live.SessionId).Where(e => e.Event is StateSnapshotted).Select(e => e.Frame).ToList();
        Assert.True(snapshots.Count >= 4, $"{snapshots.Count} snapshots");
        var full = Replay(journal, live.SessionId);
        Assert.Equal(live.Left, full.Left);
        foreach (var from in new long[] { 10_000, 25_000, 40_000, 50_000 })
        {
            var part = Replay(journal, live.SessionId, from);
            Assert.Equal(full.Left[(int)from..], part.Left);
            // It started at the snapshot, not at the beginning.
            long first = -1;
            Replayer.Run(journal, journal.Read(live.SessionId), (_, _) => { }, progress: f => { if (first < 0) first = f; }, fromFrame: from);
            Assert.Equal(snapshots.Last(s => s <= from) + 128, first);
            Assert.Equal(full.Right[(int)from..], part.Right);
        }
    }

    [Fact]
    public void Replay_OfASessionFromAnotherRenderVersion_IsRefused()
    {
        using var journal = new InMemoryJournal();
        var (session, _) = LiveSession.Start(Library(Base), "s", new RenderSettings());
        var recorder = new SessionRecorder(journal, session!, "sounds", _ => { });
        recorder.Begin([], false, "waves render 0");
        recorder.End(0, "ended");
        var e = Assert.Throws<InvalidDataException>(() => Replay(journal, recorder.SessionId));
        Assert.Contains("recorded by 'waves render 0'", e.Message);
    }

    [Fact]
    public void Replay_OfALoopedOneShot_GivesTheLiveSamples()
    {
        using var journal = new InMemoryJournal();
        var live = Live(journal, 100, new()
        {
            [10] = rec => rec.Edit(Library("s:\n  osc: {freq: 330, amp: [1, 0], duration: 0.05}\n")),
        }, loop: true);
        var replay = Replay(journal, live.SessionId);
        Assert.Equal(live.Left, replay.Left);
    }

    [Fact]
    public void Replay_TwiceFromALiteDbFile_GivesIdenticalSamples()
    {
        var path = Path.Combine(Path.GetTempPath(), $"waves-replay-{Guid.NewGuid():N}.db");
        try
        {
            string id;
            float[] live;
            using (var journal = new LiteDbJournal(path))
            {
                var run = Live(journal, 120, new() { [30] = rec => rec.Edit(Library(Base.Replace("freq: 330", "freq: 440"))) });
                (id, live) = (run.SessionId, run.Left);
            }
            using var reopened = new LiteDbJournal(path);
            var first = Replay(reopened, id);
            var second = Replay(reopened, id);
            Assert.Equal(live, first.Left);
            Assert.Equal(first.Left, second.Left);
            Assert.Equal(first.Right, second.Right);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void ReplayFromASnapshot_RecallsTheControllerValuesOfTheMidiBeforeIt()
    {
        // A controller moves before the first snapshot; long after it, an edit adds a track whose
        // level follows that controller: it starts from the value the controller had reached.
        const string Added = "    cc: {track: {signal: {osc: {freq: 440, amp: {midi_cc: {cc: 74, initial: 0}}}}}}\n";
        using var journal = new InMemoryJournal();
        var settings = new RenderSettings(44100, 128, 3) { Inputs = new SessionInputs() };
        settings.Inputs.Midi.Schedule([new(1000, 0, MidiMessage.ControlChange, 74, 127), new(1200, 0, MidiMessage.ControlChange, 75, 5)]);
        var (session, problems) = LiveSession.Start(Library(Base), "s", settings, fadeFrames: 300);
        Assert.True(session is not null, string.Join("\n", problems));
        var recorder = new SessionRecorder(journal, session, "sounds", _ => { }) { SnapshotEvery = 8192 };
        recorder.Begin([], false);
        var live = new List<float>();
        var (l, r) = (new float[128], new float[128]);
        for (var k = 0; k < 300; k++)
        {
            if (k == 200) Assert.True(recorder.Edit(Library(Base + "\n" + Added)).Accepted);
            session.Renderer.RenderBlock(l, r, 128);
            live.AddRange(l);
            recorder.Poll();
        }
        recorder.End(live.Count, "ended");
        var events = journal.Read(recorder.SessionId);
        Assert.Contains(events, e => e is { Frame: 1000, Event: MidiReceived { Data1: 74, Data2: 127 } });
        Assert.Contains(events, e => e.Event is StateSnapshotted && e.Frame is > 1200 and <= 20_000);

        var part = Replay(journal, recorder.SessionId, 20_000);

        Assert.Equal(live.ToArray()[20_000..], part.Left);
        // The added track sounds at the controller's level (the first tracks alone stay under 0.3).
        Assert.True(part.Left[(210 * 128 - 20_000)..].Max() > 0.9f);
    }
}
