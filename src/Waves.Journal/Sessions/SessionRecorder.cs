using System.Reactive.Linq;
using Waves.Engine.Patching;
using Waves.Engine.Rendering;
using Waves.Journal.Events;
using Waves.Journal.Live;
using Waves.Journal.Storage;

namespace Waves.Journal.Sessions;

/// <summary>The audio device's underruns so far: how often, and how many device frames of silence.</summary>
public readonly record struct Underruns(long Count, long MissingFrames);

/// <summary>What can reach a live session from outside: a library change, a command, a clock tick.</summary>
public abstract record SessionInput
{
    public sealed record Edit(LibraryChange Change) : SessionInput;
    public sealed record Command(string Line) : SessionInput;
    public sealed record Tick : SessionInput;
}

/// <summary>
/// The live side of a session: an Rx pipeline merges file changes, commands and ticks into one
/// serial stream; each input acts on the session (reload, reset …) and everything that changes
/// what is heard goes into the journal with the frame at which the render thread applied it
/// (read from the renderer, which never waits for the journal). Ticks flush the journal.
/// </summary>
public sealed class SessionRecorder(IJournal journal, LiveSession session, string soundFolder, Action<string> print)
{
    readonly List<(StateWrite Write, string? Id)> resets = [];
    readonly List<(Transport Transport, SessionEvent Event)> transports = [];
    readonly SessionFold fold = new(session);
    readonly ReloadAhead ahead = new(session, soundFolder);
    int journaledRevision = session.Renderer.Current.Revision;
    readonly HashSet<string> faults = [];
    readonly Waves.Engine.Midi.MidiRing midiApplied = session.Settings.Inputs.Midi.Applied();

    public string SessionId { get; private set; } = "";

    /// <summary>The share of real time spent rendering since the last call (for the tick events).</summary>
    public Func<double>? Load { get; init; }

    /// <summary>The output's underruns; a change is journaled when polled.</summary>
    public Func<Underruns>? OutputUnderruns { get; init; }

    /// <summary>Toggles the recording (the <c>record</c> command): returns the event to journal, or null.</summary>
    public Func<SessionEvent?>? ToggleRecording { get; init; }

    /// <summary>Handles commands the session itself does not know (returns true when it did), such as <c>note N</c>.</summary>
    public Func<string[], bool>? ExtraCommand { get; init; }

    /// <summary>Called with each MIDI message journaled (to keep controller values, say).</summary>
    public Action<MidiReceived>? MidiHeard { get; init; }

    /// <summary>Events journaled in this session so far.</summary>
    public long Appended => Interlocked.Read(ref appended);

    /// <summary>The last reload heard, as "revision N at T s: what changed" (null before the first).</summary>
    public string? LastReload { get; private set; }

    /// <summary>The problems of the last rejected reload (empty once a reload is accepted again).</summary>
    public IReadOnlyList<string> LastProblems { get; private set; } = [];

    long appended, underrunsJournaled;

    /// <summary>Frames of audio between two state snapshots (0: none).</summary>
    public long SnapshotEvery { get; init; } = 5 * 44100;

    StateSnapshot? capture;
    long lastSnapshot;

    /// <summary>A <see cref="Ticked"/> event is journaled every this many ticks.</summary>
    public int TicksPerEvent { get; init; } = 10;

    int ticks;

    /// <summary>Set when a command asked to stop.</summary>
    public bool StopRequested { get; private set; }

    public SessionStarted Begin(IReadOnlyList<string> overrides, bool loop, string? engineVersion = null)
    {
        engineVersion ??= Waves.Engine.EngineInfo.Version;
        var s = session.Settings;
        var started = new SessionStarted(session.Sound, overrides, s.SampleRate, s.BlockSize, s.Seed, session.FadeFrames, loop,
            engineVersion, soundFolder, SessionTexts.Store(journal, session.Library));
        SessionId = journal.StartSession(started, DateTimeOffset.UtcNow);
        journal.Flush();
        return started;
    }

    /// <summary>Merges the inputs and handles them one at a time, in arrival order.</summary>
    public IDisposable Run(IObservable<LibraryChange> changes, IObservable<string> commands, IObservable<long> ticks) =>
        Observable.Merge<SessionInput>(
                changes.Select(c => new SessionInput.Edit(c)),
                commands.Select(l => new SessionInput.Command(l)),
                ticks.Select(_ => new SessionInput.Tick()))
            .Synchronize()
            .Subscribe(Handle, e => print($"waves: input failed: {e.Message}"));

    public void Handle(SessionInput input)
    {
        switch (input)
        {
            case SessionInput.Edit { Change.Preview: true } preview:
                ahead.Preview(preview.Change);
                break;
            case SessionInput.Edit edit:
                Edit(ahead.Take(edit.Change));
                break;
            case SessionInput.Command c:
                Command(c.Line);
                break;
            case SessionInput.Tick:
                Poll();
                if (++ticks % TicksPerEvent == 0)
                {
                    Append(session.Renderer.Frame, new Ticked(DateTimeOffset.UtcNow, Load?.Invoke() ?? 0, OutputUnderruns?.Invoke().Count ?? 0));
                }
                journal.Flush();
                break;
        }
    }

    /// <summary>Reloads from <paramref name="library"/> and journals the edit (and a rejection).</summary>
    public ReloadReport Edit(SoundLibrary library) => Edit(session.Prepare(library));

    /// <summary>Publishes a reload compiled ahead (see <see cref="ReloadAhead"/>) and journals it.</summary>
    public ReloadReport Edit(PreparedReload prepared)
    {
        var library = prepared.Library;
        // The previous reload is journaled with its frame before the next one can replace it.
        session.WaitForSwap();
        Poll();
        var report = fold.Reload(prepared);
        var frame = session.Renderer.Frame;
        Append(frame, new LibraryEdited(SessionTexts.Store(journal, library), report.Accepted ? report.Revision : 0));
        LastProblems = [.. report.Problems.Where(p => p.IsError).Select(p => p.ToString())];
        if (!report.Accepted)
        {
            Append(frame, new ReloadRejected([.. report.Problems.Select(p => p.ToString())]));
            print($"reload rejected; still playing revision {report.Revision}:");
            foreach (var p in report.Problems)
                foreach (var line in ProblemText.Format(p, library).Split('\n')) print($"  {line}");
        }
        return report;
    }

    public void Command(string line)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words is ["stop" or "quit"]) { StopRequested = true; return; }
        if (words is ["record"])
        {
            if (ToggleRecording?.Invoke() is { } recording) Append(session.Renderer.Frame, recording);
            else print("recording is not available here");
            return;
        }
        if (words.Length == 0) return;
        if (ExtraCommand?.Invoke(words) == true) return;
        if (Parse(words) is not { } e)
        {
            print($"unknown command '{line.Trim()}' (pause, resume, gain G, mute|unmute|solo|unsolo TRACK, reset [ID], record, stop)");
            return;
        }
        switch (fold.Apply(e))
        {
            case StateWrite write:
                resets.Add((write, ((StateReset)e).Id));
                break;
            case Transport t:
                transports.Add((t, e));
                break;
            case null when e is StateReset r:
                print($"no node with id '{r.Id}'");
                return;
            case null:
                // Pause and resume take effect at once: the frames stand still meanwhile.
                Append(session.Renderer.Frame, e);
                break;
        }
        print(e switch
        {
            StateReset r => $"reset {r.Id ?? "every node"}",
            _ => string.Join(' ', words),
        });
    }

    /// <summary>The event a typed command asks for, or null when it is not one.</summary>
    static SessionEvent? Parse(string[] words) => words switch
    {
        ["reset"] => new StateReset(null),
        ["reset", var id] => new StateReset(id),
        ["pause"] => new Paused(),
        ["resume"] => new Resumed(),
        ["gain", var g] when double.TryParse(g, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var gain)
            && double.IsFinite(gain) && gain >= 0 => new MasterGainChanged(gain),
        ["mute" or "unmute", var track] => new TrackMuted(track, words[0] == "mute"),
        ["solo" or "unsolo", var track] => new TrackSoloed(track, words[0] == "solo"),
        _ => null,
    };

    /// <summary>Journals what the render thread has applied since the last poll, at its frames.</summary>
    public void Poll()
    {
        var current = session.Renderer.Current;
        if (current.Revision != journaledRevision && current.AppliedFrame >= 0)
        {
            journaledRevision = current.Revision;
            var c = current.Changes;
            Append(current.AppliedFrame, new ReloadApplied(current.Revision, c.Added, c.Removed, c.Retuned));
            LastReload = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"revision {current.Revision} at {current.AppliedFrame / (double)current.Settings.SampleRate:0.000} s: {c}");
            print(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"revision {current.Revision} applied at frame {current.AppliedFrame} ({current.AppliedFrame / (double)current.Settings.SampleRate:0.000} s): {c}"));
        }
        for (var i = resets.Count - 1; i >= 0; i--)
            if (resets[i].Write.Applied)
            {
                Append(resets[i].Write.Frame, new StateReset(resets[i].Id));
                resets.RemoveAt(i);
            }
        // A transport replaced in the mailbox before it was applied never took effect; the one
        // applied carries every change requested up to it, each journaled at its frame.
        var applied = transports.FindLastIndex(t => t.Transport.AppliedFrame >= 0);
        for (var i = 0; i <= applied; i++)
            Append(transports[applied].Transport.AppliedFrame, transports[i].Event);
        if (applied >= 0) transports.RemoveRange(0, applied + 1);
        if (OutputUnderruns?.Invoke() is { } u && u.Count != underrunsJournaled)
        {
            underrunsJournaled = u.Count;
            Append(session.Renderer.Frame, new OutputUnderran(u.Count, u.MissingFrames));
        }
        // The queue has one reader at a time: a tick's poll may still run while the session ends.
        lock (midiApplied)
            foreach (var (frame, midi) in MidiJournal.Drain(session.Settings.Inputs.Midi, midiApplied))
            {
                Append(frame, midi);
                MidiHeard?.Invoke(midi);
            }
        Snapshot(current);
        foreach (var f in current.Root.Faults())
            if (faults.Add(f)) print($"  fault: {f}");
        session.Renderer.TakeRetired();
    }

    /// <summary>Asks for a state capture every <see cref="SnapshotEvery"/> frames and journals it once
    /// taken — unless a declick was under way then (a replay could not start inside a fade).</summary>
    void Snapshot(Patch current)
    {
        if (SnapshotEvery <= 0) return;
        if (capture is { Frame: >= 0 } taken)
        {
            capture = null;
            var fading = taken.Frame < current.AppliedFrame + session.FadeFrames || current.AppliedFrame > taken.Frame ||
                !taken.States.Keys.ToHashSet().SetEquals(current.States.Keys);
            if (!fading)
            {
                Append(taken.Frame, new StateSnapshotted(StateCodec.Encode(taken)));
                lastSnapshot = taken.Frame;
            }
        }
        if (capture is null && session.Renderer.Frame - lastSnapshot >= SnapshotEvery)
        {
            capture = StateSnapshot.ShapedLike(current);
            session.Renderer.RequestCapture(capture);
        }
    }

    public void End(long frame, string reason)
    {
        Poll();
        Append(frame, new SessionEnded(reason));
        journal.Flush();
    }

    void Append(long frame, SessionEvent e)
    {
        journal.Append(SessionId, frame, e, DateTimeOffset.UtcNow);
        Interlocked.Increment(ref appended);
    }
}
