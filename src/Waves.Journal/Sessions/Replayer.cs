using Waves.Engine.Patching;
using Waves.Engine.Rendering;
using Waves.Journal.Events;
using Waves.Journal.Storage;

namespace Waves.Journal.Sessions;

/// <summary>
/// Renders a journaled session again, offline and as fast as the CPU allows. It goes through the
/// same steps as the live session — the same library texts compiled by the same compiler against
/// the patch playing at that moment, swapped in at the frame the journal says, state resets at
/// theirs — so the output is the same, bit for bit.
/// </summary>
public static class Replayer
{
    /// <summary>The actions of a session at their frames.</summary>
    /// <summary>At a frame: a reload (with the library that produced its revision) or another event.</summary>
    sealed record Step(long Frame, SoundLibrary? Library, SessionEvent? Event);

    /// <summary>Replays <paramref name="events"/> (a whole session, from its SessionStarted) and hands each block
    /// (left, right, both the same length) to <paramref name="sink"/>. Returns the frames rendered.</summary>
    /// <param name="afterBlock">Called after each block handed to the sink with the patch that rendered it
    /// and the range of its frames that was kept (for stems: the tracks' buffers hold that block).</param>
    /// <param name="fromFrame">First frame handed to the sink. Rendering starts at the last state
    /// snapshot at or before it (or at the start), so the output is the same as a full replay's from there.</param>
    public static long Run(IJournal journal, IReadOnlyList<EventEnvelope> events,
        Action<ReadOnlyMemory<float>, ReadOnlyMemory<float>> sink, long? toFrame = null, Action<long>? progress = null,
        CancellationToken cancel = default, long fromFrame = 0, Action<Patch, int, int>? afterBlock = null)
    {
        if (events.Count == 0 || events[0].Event is not SessionStarted started)
            throw new InvalidDataException("a session starts with a session-started event");
        if (started.EngineVersion != Waves.Engine.EngineInfo.Version)
            throw new InvalidDataException(
                $"the session was recorded by '{started.EngineVersion}'; this is '{Waves.Engine.EngineInfo.Version}', which would not replay it exactly");
        var steps = Steps(journal, events, started);
        // Start from the newest snapshot at or before the requested frame: the library in force
        // there, compiled afresh, with every state restored.
        var snapshot = fromFrame <= 0 ? null : events.LastOrDefault(e => e.Event is StateSnapshotted && e.Frame <= fromFrame);
        long done = snapshot?.Frame ?? 0;
        var library = (snapshot is null ? null : steps.LastOrDefault(s => s.Library is not null && s.Frame <= done)?.Library)
            ?? SessionTexts.Library(journal, started.Files, started.SoundFolder);
        using var input = InputReplay.Open(events, started, InputReplay.FolderOf(journal));
        var settings = new RenderSettings(started.SampleRate, started.BlockSize, started.Seed) { Inputs = input.Inputs };
        MidiJournal.Schedule(settings.Inputs.Midi, events, done);
        var overrides = NodeString.Parse([started.Sound, .. started.Overrides]).Overrides;
        var (session, problems) = LiveSession.Start(library, started.Sound, settings, overrides, started.FadeFrames);
        if (session is null)
            throw new InvalidDataException($"the session's sound does not compile: {string.Join("; ", problems)}");
        session.Renderer.Loop = started.Loop;
        var fold = new SessionFold(session);
        var next = 0;
        if (snapshot is not null)
        {
            session.Renderer.Write(StateWrite.Restore(session.Latest, StateCodec.Decode(((StateSnapshotted)snapshot.Event).States)));
            // The snapshot holds what reloads and resets had done; the transport in force is rebuilt.
            for (; next < steps.Count && steps[next].Frame <= done; next++)
                if (steps[next].Event is MasterGainChanged or TrackMuted or TrackSoloed) fold.Apply(steps[next].Event!);
        }
        var end = events.LastOrDefault(e => e.Event is SessionEnded)?.Frame ?? events[^1].Frame;
        if (toFrame is { } to) end = Math.Min(end, to);
        var left = new float[settings.BlockSize];
        var right = new float[settings.BlockSize];
        while (done < end && !cancel.IsCancellationRequested)
        {
            for (; next < steps.Count && steps[next].Frame <= done; next++)
            {
                var step = steps[next];
                if (step.Library is not null) fold.Reload(step.Library);
                if (step.Event is not null) fold.Apply(step.Event);
            }
            var count = (int)Math.Min(settings.BlockSize, end - done);
            input.Feed(done, count);
            var produced = session.Renderer.RenderBlock(left, right, count);
            var skip = (int)Math.Clamp(fromFrame - done, 0, produced);
            if (produced > skip)
            {
                sink(left.AsMemory(skip, produced - skip), right.AsMemory(skip, produced - skip));
                afterBlock?.Invoke(session.Renderer.Current, skip, produced);
            }
            done += produced;
            progress?.Invoke(done);
            if (produced < count) break;
        }
        return done;
    }

    /// <summary>Reloads at the frames they were applied (with the library that produced that revision),
    /// then resets and transport changes at theirs, in frame order (at one frame, as live: swap first).</summary>
    static List<Step> Steps(IJournal journal, IReadOnlyList<EventEnvelope> events, SessionStarted started)
    {
        var libraries = new Dictionary<int, IReadOnlyList<FileRef>>();
        var steps = new List<Step>();
        foreach (var e in events)
            switch (e.Event)
            {
                case LibraryEdited { Revision: > 0 } edit:
                    libraries[edit.Revision] = edit.Files;
                    break;
                case ReloadApplied applied when libraries.TryGetValue(applied.Revision, out var files):
                    steps.Add(new Step(e.Frame, SessionTexts.Library(journal, files, started.SoundFolder), null));
                    break;
                case StateReset or MasterGainChanged or TrackMuted or TrackSoloed:
                    steps.Add(new Step(e.Frame, null, e.Event));
                    break;
            }
        return [.. steps.OrderBy(s => s.Frame).ThenBy(s => s.Library is null ? 1 : 0)];
    }
}
