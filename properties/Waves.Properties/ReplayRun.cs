using System.Globalization;
using System.Text;
using Waves.Engine.Patching;
using Waves.Engine.Rendering;
using Waves.Journal.Events;
using Waves.Journal.Sessions;
using Waves.Journal.Storage;

namespace Waves.Properties;

/// <summary>What an edit did in the live run: when it was saved, whether it was accepted, and the problems.</summary>
public sealed record EditOutcome(PlannedEdit Edit, long Frame, bool Accepted, int Revision, IReadOnlyList<string> Errors);

/// <summary>Audio collected from a run: both channels, as many frames as the sound produced.</summary>
public sealed record ReplayAudio(float[] Left, float[] Right)
{
    public long Frames => Left.Length;

    /// <summary>The frames from <paramref name="frame"/> on.</summary>
    public ReplayAudio From(long frame) => new(Left[(int)Math.Min(frame, Frames)..], Right[(int)Math.Min(frame, Frames)..]);
}

/// <summary>A simulated live run: its audio, the session id in the journal, what each edit did and what the recorder printed.</summary>
public sealed record LiveRun(ReplayAudio Audio, string SessionId, IReadOnlyList<EditOutcome> Edits, IReadOnlyList<string> Printed);

/// <summary>
/// Runs a <see cref="ReplayScenario"/> as a live session would go, on one thread and
/// deterministically: the renderer renders block after block into stereo buffers; between blocks the
/// edits are saved (<see cref="SessionRecorder.Edit"/>, which reloads and journals), commands typed
/// (reset, gain, mute, unmute, solo, unsolo) and ticks handled; after every block
/// <see cref="SessionRecorder.Poll"/> journals what the renderer applied, at its frame (and takes the
/// state snapshots, when the scenario asks for them). Like the console's output it stops when the
/// sound ends (a looping sound restarts inside the renderer). Edits sit at distinct block boundaries,
/// so a reload never waits (<see cref="LiveSession.SwapWait"/>) for the previous one to be swapped in.
/// </summary>
public static class ReplayRun
{
    public static SoundLibrary Library(string yaml) =>
        SoundLibrary.FromTexts([new SoundLibrary.SourceFile("sounds/p.yaml", yaml)]);

    public static LiveRun Live(ReplayScenario s, IJournal journal)
    {
        var settings = new RenderSettings(ReplayScenario.SampleRate, s.BlockSize, s.Seed);
        var overrides = s.EmptyOverrides ? NodeString.Parse([GeneratedPatch.SoundName]).Overrides : null;
        var (session, problems) = LiveSession.Start(Library(s.Base.Yaml), GeneratedPatch.SoundName, settings, overrides, s.FadeFrames);
        if (session is null)
            throw new InvalidOperationException("the starting sound does not compile:\n" + string.Join("\n", problems));
        // What the console's output does when it starts (the recorder only journals the flag).
        session.Renderer.Loop = s.Loop;
        var printed = new List<string>();
        var recorder = new SessionRecorder(journal, session, "sounds", printed.Add) { SnapshotEvery = s.SnapshotEvery };
        recorder.Begin([], s.Loop);

        var plan = s.Plan().ToDictionary(p => p.Gap);
        var outcomes = new List<EditOutcome>();
        var left = new float[s.BlockSize];
        var right = new float[s.BlockSize];
        var outLeft = new List<float>();
        var outRight = new List<float>();
        long total = 0;
        for (var gap = 0; gap < s.Blocks; gap++)
        {
            foreach (var c in s.Commands.Where(c => c.Gap == gap && c.BeforeEdit)) Type(recorder, session, c);
            if (plan.TryGetValue(gap, out var edit))
            {
                if (!ReferenceEquals(session.Renderer.Current, session.Latest))
                    throw new InvalidOperationException("test bug: an edit before the previous reload was swapped in would wait for it");
                var report = recorder.Edit(Library(edit.Result.Yaml));
                outcomes.Add(new EditOutcome(edit, session.Renderer.Frame, report.Accepted, report.Revision,
                    [.. report.Problems.Where(p => p.IsError).Select(p => p.ToString())]));
            }
            foreach (var c in s.Commands.Where(c => c.Gap == gap && !c.BeforeEdit)) Type(recorder, session, c);
            var produced = session.Renderer.RenderBlock(left, right, s.BlockSize);
            outLeft.AddRange(left.AsSpan(0, produced));
            outRight.AddRange(right.AsSpan(0, produced));
            total += produced;
            recorder.Poll();
            if (produced < s.BlockSize) break;
        }
        recorder.End(total, "ended");
        return new LiveRun(new ReplayAudio([.. outLeft], [.. outRight]), recorder.SessionId, outcomes, printed);
    }

    static void Type(SessionRecorder recorder, LiveSession session, TimedCommand c)
    {
        if (c.Kind == CommandKind.Tick)
        {
            recorder.Handle(new SessionInput.Tick());
            return;
        }
        if (c.Kind == CommandKind.Gain)
        {
            recorder.Command(string.Create(CultureInfo.InvariantCulture, $"gain {TimedCommand.Gains[(int)((uint)c.Target % TimedCommand.Gains.Length)]}"));
            return;
        }
        var names = c.Kind == CommandKind.Reset
            ? session.Renderer.Current.Ids.Order(StringComparer.Ordinal).ToList()
            : session.Renderer.Current.StemMix?.Tracks.Select(t => t.Name).Where(n => !n.Contains(' ')).ToList() ?? [];
        var word = c.Kind.ToString().ToLowerInvariant();
        var target = c.Target switch
        {
            TimedCommand.Every => null,
            TimedCommand.Unknown => c.Kind == CommandKind.Reset ? "nosuchid" : "nosuchtrack",
            _ when names.Count == 0 => c.Kind == CommandKind.Reset ? null : "nosuchtrack",
            var k => names[k % names.Count],
        };
        recorder.Command(target is null ? word : $"{word} {target}");
    }

    /// <summary>Replays a journaled session with <see cref="Replayer.Run"/>; checks that the returned
    /// frame count is what the sink was given.</summary>
    public static ReplayAudio Replay(IJournal journal, string sessionId, long fromFrame = 0)
    {
        var l = new List<float>();
        var r = new List<float>();
        var frames = Replayer.Run(journal, journal.Read(sessionId), (a, b) =>
        {
            if (a.Length != b.Length) throw new InvalidOperationException($"the replayer handed a block of {a.Length} left and {b.Length} right frames");
            l.AddRange(a.Span);
            r.AddRange(b.Span);
        }, fromFrame: fromFrame);
        if (Math.Max(0, frames - fromFrame) != l.Count)
            throw new InvalidOperationException($"the replayer says it rendered up to frame {frames} but handed {l.Count} frames from frame {fromFrame} to the sink");
        return new ReplayAudio([.. l], [.. r]);
    }

    /// <summary>Where two runs first differ (length, or a sample's bits), or null when identical.</summary>
    public static string? FirstDifference(ReplayAudio a, ReplayAudio b, string nameA, string nameB)
    {
        var n = Math.Min(a.Frames, b.Frames);
        string? first = null;
        var firstFrame = long.MaxValue;
        var differing = 0;
        for (var c = 0; c < 2; c++)
        {
            var (x, y) = c == 0 ? (a.Left, b.Left) : (a.Right, b.Right);
            for (var i = 0; i < n; i++)
            {
                if (BitConverter.SingleToInt32Bits(x[i]) == BitConverter.SingleToInt32Bits(y[i])) continue;
                differing++;
                if (i >= firstFrame) continue;
                firstFrame = i;
                first = string.Create(CultureInfo.InvariantCulture,
                    $"frame {i} ({ReplayFormat.Seconds(i, ReplayScenario.SampleRate)}), {(c == 0 ? "left" : "right")}: {nameA} {x[i]:R}, {nameB} {y[i]:R}");
            }
        }
        var length = a.Frames == b.Frames ? null : $"{nameA} has {a.Frames} frames, {nameB} {b.Frames}";
        if (first is null && length is null) return null;
        return string.Join("; ", new[] { length, first is null ? null : $"first differing sample at {first} ({differing} sample(s) differ in the common {n} frames)" }.OfType<string>());
    }

    /// <summary>The live run and the journal, for a failure message.</summary>
    public static string Report(LiveRun live, IJournal journal)
    {
        var b = new StringBuilder();
        b.Append("live run: ").Append(live.Audio.Frames).Append(" frames\n");
        foreach (var e in live.Edits)
            b.Append(CultureInfo.InvariantCulture, $"  edit before block {e.Edit.Gap}: {(e.Accepted ? $"accepted as revision {e.Revision}" : "rejected")}: {e.Edit.Result.What}\n")
             .Append(string.Concat(e.Errors.Select(p => $"      {p}\n")));
        foreach (var line in live.Printed) b.Append("  printed: ").Append(line).Append('\n');
        b.Append("journal:\n");
        foreach (var e in journal.Read(live.SessionId))
        {
            var payload = e.Event switch
            {
                SessionStarted st => $"{st.Sound}, block {st.BlockSize}, seed {st.Seed}, fade {st.FadeFrames}, loop {st.Loop}",
                LibraryEdited le => $"revision {le.Revision}",
                ReloadApplied ra => $"revision {ra.Revision}: added [{string.Join(", ", ra.Added)}], removed [{string.Join(", ", ra.Removed)}], retuned [{string.Join(", ", ra.Retuned)}]",
                ReloadRejected rr => $"{rr.Problems.Count} problem(s)",
                StateReset sr => sr.Id ?? "every node",
                SessionEnded se => se.Reason,
                StateSnapshotted ss => $"{ss.States.Count} state(s)",
                var other => EventCodec.Encode(other),
            };
            b.Append(CultureInfo.InvariantCulture, $"  #{e.Sequence} frame {e.Frame}: {e.Type} {payload}\n");
        }
        return b.ToString();
    }
}
