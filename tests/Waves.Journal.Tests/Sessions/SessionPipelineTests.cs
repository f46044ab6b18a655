using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using Waves.Engine.Patching;
using Waves.Engine.Rendering;
using Waves.Journal.Events;
using Waves.Journal.Live;
using Waves.Journal.Sessions;
using Waves.Journal.Storage;

namespace Waves.Journal.Tests.Sessions;

/// <summary>The live pipeline in virtual time: file changes, commands and ticks merged into one stream
/// that acts on the session and journals what the render thread applied, at its frames.</summary>
public sealed class SessionPipelineTests : IDisposable
{
    readonly string dir = Directory.CreateTempSubdirectory("waves-pipeline-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(dir, true); } catch (IOException) { }
    }

    /// <summary>A sound folder holding s.yaml (a 220 Hz tone) and a session playing it in 128-frame blocks.</summary>
    (string Sounds, string File, LiveSession Session) Start()
    {
        var sounds = Path.Combine(dir, "sounds");
        Directory.CreateDirectory(sounds);
        var file = Path.Combine(sounds, "s.yaml");
        File.WriteAllText(file, "s:\n  osc: {freq: 220}\n");
        var (session, problems) = LiveSession.Start(SoundLibrary.Load(sounds), "s", new RenderSettings(44100, 128, 1));
        Assert.True(session is not null, string.Join("\n", problems));
        return (sounds, file, session);
    }

    [Fact]
    public void Pipeline_MergesEditsCommandsAndTicks_AndJournalsEachAtItsFrame()
    {
        var (sounds, file, session) = Start();
        using var journal = new InMemoryJournal();
        var printed = new List<string>();
        var recorder = new SessionRecorder(journal, session, sounds, printed.Add) { SnapshotEvery = 0 };
        recorder.Begin([], false);
        var scheduler = new HistoricalScheduler();
        var changes = new Subject<LibraryChange>();
        var commands = new Subject<string>();
        using var run = recorder.Run(changes, commands, Observable.Interval(TimeSpan.FromMilliseconds(100), scheduler));
        var l = new float[128];
        var r = new float[128];
        void Block() => session.Renderer.RenderBlock(l, r, 128);

        Block();                                                    // frames 0–127
        commands.OnNext("gain 0.5");
        File.WriteAllText(file, "s:\n  osc: {freq: 330}\n");
        changes.OnNext(new LibraryChange([file], scheduler.Now));  // compiled and published now
        Block();                                                    // both applied at frame 128
        scheduler.AdvanceBy(TimeSpan.FromMilliseconds(100));        // a tick polls the renderer
        commands.OnNext("mute nothing-here");
        Block();
        scheduler.AdvanceBy(TimeSpan.FromMilliseconds(900));        // ten ticks: one Ticked event

        var events = journal.Read(recorder.SessionId);
        Assert.Contains(events, e => e is { Frame: 128, Event: MasterGainChanged { Gain: 0.5 } });
        Assert.Contains(events, e => e is { Frame: 128, Event: ReloadApplied { Revision: 2 } });
        Assert.Contains(events, e => e.Event is LibraryEdited { Revision: 2 });
        Assert.Contains(events, e => e is { Frame: 256, Event: TrackMuted { Track: "nothing-here", Muted: true } });
        Assert.Single(events, e => e.Event is Ticked);
        Assert.Contains("revision 2 applied at frame 128 (0.003 s): retuned s/osc", printed);
        Assert.Equal(0.5f, l.Select(Math.Abs).Max(), 0.01f);        // the gain is heard
    }

    [Fact]
    public void Pipeline_JournalsEachNewUnderrunCount_TheRecordingToggles_AndCountsItsEvents()
    {
        var (sounds, _, session) = Start();
        using var journal = new InMemoryJournal();
        var underruns = new Underruns(0, 0);
        var recording = false;
        var recorder = new SessionRecorder(journal, session, sounds, _ => { })
        {
            SnapshotEvery = 0,
            Load = () => 0.25,
            OutputUnderruns = () => underruns,
            ToggleRecording = () => (recording = !recording) ? new RecordingStarted("take.wav") : new RecordingStopped("take.wav", 640),
        };
        recorder.Begin([], false);
        var scheduler = new HistoricalScheduler();
        using var run = recorder.Run(Observable.Never<LibraryChange>(), Observable.Never<string>(), Observable.Interval(TimeSpan.FromMilliseconds(100), scheduler));
        var (l, r) = (new float[128], new float[128]);

        scheduler.AdvanceBy(TimeSpan.FromMilliseconds(300));        // no underrun: nothing journaled
        underruns = new Underruns(2, 300);
        session.Renderer.RenderBlock(l, r, 128);
        scheduler.AdvanceBy(TimeSpan.FromMilliseconds(300));        // journaled once, not at every tick
        recorder.Command("record");
        session.Renderer.RenderBlock(l, r, 128);
        recorder.Command("record");
        scheduler.AdvanceBy(TimeSpan.FromMilliseconds(400));        // the tenth tick: a Ticked event

        var events = journal.Read(recorder.SessionId);
        var underran = Assert.Single(events, e => e.Event is OutputUnderran);
        Assert.Equal(new OutputUnderran(2, 300), underran.Event);
        Assert.Equal(128, underran.Frame);
        Assert.Contains(events, e => e is { Frame: 128, Event: RecordingStarted { Path: "take.wav" } });
        Assert.Contains(events, e => e is { Frame: 256, Event: RecordingStopped { Path: "take.wav", Frames: 640 } });
        Assert.Equal(new Ticked(((Ticked)events.Single(e => e.Event is Ticked).Event).WallClock, 0.25, 2), events.Single(e => e.Event is Ticked).Event);
        Assert.Equal(events.Count - 1, recorder.Appended);         // every event but the start
    }

    [Fact]
    public void Pipeline_CompilesAPreviewedSaveAhead_AndJournalsOnlyTheChangeThatClosesTheBurst()
    {
        var (sounds, file, session) = Start();
        using var journal = new InMemoryJournal();
        var recorder = new SessionRecorder(journal, session, sounds, _ => { }) { SnapshotEvery = 0 };
        recorder.Begin([], false);
        var changes = new Subject<LibraryChange>();
        using var run = recorder.Run(changes, Observable.Never<string>(), Observable.Never<long>());
        var (l, r) = (new float[128], new float[128]);
        session.Renderer.RenderBlock(l, r, 128);

        File.WriteAllText(file, "s:\n  osc: {freq: 330}\n");
        changes.OnNext(new LibraryChange([file], DateTimeOffset.UnixEpoch, false, 1, Preview: true));
        Assert.Equal(1, session.Latest.Revision);                           // a preview publishes nothing
        File.WriteAllText(file, "s:\n  osc: {freq: 440}\n");               // the burst went on
        changes.OnNext(new LibraryChange([file], DateTimeOffset.UnixEpoch, false, 2, Preview: true));
        // Written behind the pipeline's back (no event): the change that closes burst 2 publishes
        // what its preview read, so 440 is heard, not 550.
        File.WriteAllText(file, "s:\n  osc: {freq: 550}\n");
        changes.OnNext(new LibraryChange([file], DateTimeOffset.UnixEpoch, false, 2));
        session.Renderer.RenderBlock(l, r, 128);
        recorder.Poll();

        var events = journal.Read(recorder.SessionId);
        var edited = Assert.Single(events, e => e.Event is LibraryEdited);
        Assert.Equal(2, ((LibraryEdited)edited.Event).Revision);
        Assert.Contains(events, e => e is { Frame: 128, Event: ReloadApplied { Revision: 2 } });
        Assert.Contains("freq: 440", Assert.Single(session.Library.Files).Text);
        Assert.Equal(2, session.Renderer.Current.Revision);
    }
}
