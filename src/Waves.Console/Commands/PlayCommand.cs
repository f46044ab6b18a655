using System.Globalization;
using System.Runtime.InteropServices;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using Waves.Console.Input;
using Waves.Console.Live;
using Waves.Console.Output;
using Waves.Console.View;
using Waves.Engine.Audio;
using Waves.Engine.Patching;
using Waves.Engine.Rendering;
using Waves.Journal.Events;
using Waves.Journal.Live;
using Waves.Journal.Sessions;

namespace Waves.Console.Commands;

/// <summary>
/// <c>waves play</c>: a render thread renders ahead into a ring that the audio device drains, the
/// sound reloads whenever a file of the library is saved, and everything is journaled. Ctrl-C,
/// SIGTERM, a closed terminal or a render error all end with complete files and a closed session.
/// </summary>
static class PlayCommand
{
    static readonly string[] Known = ["--sounds", "--duration", "--xfade", "--block", "--rate", "--seed", "--loop", "--record", "--stems",
        "--force", "--journal", "--output", "--device", "--latency", "--no-ui", "--reload-at", "--input", "--input-device", .. Midi.MidiSetup.PlayOptions];

    /// <summary>Default output buffer.</summary>
    public const double DefaultLatencyMilliseconds = 50;

    public static int Run(string[] args)
    {
        var o = Options.Parse(args, new HashSet<string> { "--loop", "--force", "--stems", "--no-ui" });
        if (o.Unknown(Known).FirstOrDefault() is { } unknown) throw new UsageException($"unknown option {unknown}");
        if (o.Positional.Count == 0) throw new UsageException("play needs a sound name");
        var settings = CommandInputs.Settings(o, minBlock: 16);
        var fadeMs = o.Number("--xfade") ?? LiveSession.DefaultFadeMilliseconds;
        if (fadeMs < 0) throw new UsageException("--xfade expects milliseconds ≥ 0");
        if (o.Number("--duration") is <= 0) throw new UsageException("--duration expects a positive number of seconds");
        var latencyMs = o.Number("--latency") ?? DefaultLatencyMilliseconds;
        if (latencyMs is < 1 or > 5000) throw new UsageException("--latency expects milliseconds between 1 and 5000");
        var outputName = o.Get("--output") ?? "auto";
        if (!Outputs.Names.Contains(outputName)) throw new UsageException($"--output expects one of {string.Join(", ", Outputs.Names)}");
        var record = o.Get("--record");
        if (record is not null) CommandInputs.CheckOverwrite(o, record);
        if (o.Has("--stems") && record is null) throw new UsageException("--stems goes with --record FILE.wav");
        var parsed = CommandInputs.Sound(o);
        var reloadAt = (o.Get("--reload-at") ?? "block") switch
        {
            "block" => ReloadAt.Block,
            "beat" => ReloadAt.Beat,
            "bar" => ReloadAt.Bar,
            _ => throw new UsageException("--reload-at expects block, beat or bar"),
        };

        var folder = o.Get("--sounds") ?? "sounds";
        var library = SoundLibrary.Load(folder);
        if (LiveInput.Prepare(o.Get("--input"), settings) is { } audioIn) settings = settings with { Inputs = new SessionInputs { Audio = audioIn } };
        var (session, problems) = LiveSession.Start(library, parsed.Name, settings, parsed.Overrides,
            (int)Math.Round(fadeMs * settings.SampleRate / 1000));
        foreach (var p in problems) System.Console.Error.WriteLine(ProblemText.Format(p, library));
        if (session is null)
        {
            if (!library.Sounds.ContainsKey(parsed.Name)) System.Console.Error.WriteLine($"waves: no sound named '{parsed.Name}' in {folder}{Suggestions.DidYouMean(parsed.Name, library.Sounds.Keys)}");
            return 1;
        }
        session.Renderer.ReloadAt = reloadAt;
        var midiState = Midi.MidiState.Load(folder, System.Console.Error.WriteLine);
        Midi.MidiSetup.Schedule(o, session.Settings, midiState);
        var keyboard = new Midi.MidiKeyboard(session);

        var notes = new List<string>();
        var latency = TimeSpan.FromMilliseconds(latencyMs);
        IAudioOutput device;
        try { device = Outputs.OpenAuto(outputName, new OutputRequest(o.Get("--device"), settings.SampleRate, latency), notes); }
        catch (OutputUnavailableException e)
        {
            System.Console.Error.WriteLine($"waves: cannot open the {outputName} output: {e.Message}");
            return 1;
        }
        using var _device = device;
        using var midiPorts = Midi.MidiPorts.Open(o, session, folder, latency);
        LiveInput? liveInput;
        try { liveInput = LiveInput.Open(o.Get("--input"), o.Get("--input-device"), device.Description.Split(':')[0], session, notes); }
        catch (InputUnavailableException e)
        {
            System.Console.Error.WriteLine($"waves: cannot open the {o.Get("--input")} input: {e.Message}");
            return 1;
        }
        using var _input = liveInput;

        var rate = settings.SampleRate;
        var maxFrames = o.Number("--duration") is { } seconds ? (long)Math.Round(seconds * rate) : long.MaxValue;
        var pipeline = new LivePipeline(session, device, latency, maxFrames, o.Has("--stems"));
        var (loop, feed) = (pipeline.Render, pipeline.Feed);
        var scope = new Scope(rate / 4);
        using var recording = new Recorder(pipeline.Tap, pipeline.Stems, rate, scope);
        var takes = 0;
        string NextTake() => record is null
            ? Path.Combine("recordings", $"{parsed.Name}-{DateTime.Now:yyyyMMdd-HHmmss}.wav")
            : ++takes == 1 ? record : Path.ChangeExtension(record, null) + $"-{takes}.wav";
        SessionEvent ToggleRecording()
        {
            lock (recording) return Toggle();
        }
        SessionEvent Toggle()
        {
            if (recording.Path is { } path)
            {
                recording.Stop();
                return new RecordingStopped(path, recording.Frames);
            }
            var next = NextTake();
            recording.Start(next);
            return new RecordingStarted(next);
        }

        var journalPath = o.Get("--journal") ?? JournalFiles.DefaultPath;
        using var journal = JournalFiles.Open(journalPath);
        using var view = Views.Create(o.Has("--no-ui"));
        var recorder = new SessionRecorder(journal, session, folder, view.Print)
        {
            Load = () => loop.Load,
            OutputUnderruns = () => new Underruns(feed.Underruns, feed.MissingFrames),
            ToggleRecording = ToggleRecording,
            MidiHeard = midiState.Heard,
            ExtraCommand = words => Midi.MidiKeyboard.Mode(words, view.Print) || keyboard.Command(words, view.Print),
        };
        recorder.Begin([.. o.Positional.Skip(1)], o.Has("--loop"), JournalFiles.EngineVersion);
        liveInput?.Begin(journal, journalPath, recorder.SessionId, settings.SampleRate);

        view.Print($"playing '{parsed.Name}' on {device.Description}");
        foreach (var note in notes) view.Print($"  {note}");
        foreach (var line in midiPorts?.Description.Split('\n') ?? []) view.Print($"  {line}");
        var inv = CultureInfo.InvariantCulture;
        view.Print(string.Create(inv, $"  {rate} Hz, buffer {latencyMs:0} ms") + (feed.Converts ? $"; converted to the device's {device.DeviceRate} Hz" : ""));
        view.Print($"session {recorder.SessionId} journaled in {journalPath}");
        view.Print($"edit {folder}/*.yaml and save: changes are heard at the next block. " + (view is PlainView
            ? "Type pause, resume, gain G, mute|unmute|solo|unsolo TRACK, reset [ID], record or stop; Ctrl-C stops."
            : "Keys: space pause, up/down track, m mute, s solo, +/- gain, r record, q quit."));

        var stopping = new ManualResetEventSlim();
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; stopping.Set(); };
        System.Console.CancelKeyPress += onCancel;
        // SIGTERM and a closed terminal (SIGHUP) end the session as cleanly as Ctrl-C.
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stopping.Set(); });
        using var onHup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, c => { c.Cancel = true; stopping.Set(); });
        var commands = new Subject<string>();
        using var watchClock = new TimerThreadScheduler("waves watcher");
        var inputs = recorder.Run(
            LibraryWatcher.Changes(folder, LibraryWatcher.DefaultWindow, watchClock, LibraryWatcher.DefaultSettle)
                .Catch((Exception e) => { view.Print($"waves: watching {folder} failed: {e.Message}; saves are no longer picked up"); return Observable.Never<LibraryChange>(); }),
            commands,
            Observable.Interval(TimeSpan.FromMilliseconds(100), TaskPoolScheduler.Default));
        var reason = "ended";
        System.Diagnostics.Stopwatch? ended = null;
        var latencyShown = false;
        try
        {
            if (record is not null) recorder.Command("record");
            pipeline.Start(o.Has("--loop"), maxFrames);
            view.Start(new LiveStatus
            {
                Session = session, Journal = recorder, Render = loop, Feed = feed, Output = device, Recording = recording,
                Meters = pipeline.Meters, Scope = scope, SoundFolder = folder, JournalPath = journalPath,
            }, commands.OnNext);
            while (true)
            {
                if (stopping.Wait(50)) { reason = "interrupted"; break; }
                if (recorder.StopRequested) { reason = "stopped"; break; }
                if (loop.Error is { } error) { reason = $"render error: {error.GetType().Name}: {error.Message}"; break; }
                if (loop.Finished && (feed.Drained || (ended ??= System.Diagnostics.Stopwatch.StartNew()).Elapsed > latency + TimeSpan.FromSeconds(1))) break;
                lock (recording) recording.Drain();
                liveInput?.Drain();
                view.Refresh();
                midiState.Save();
                keyboard.Poll();
                // A backend knows its latency once audio flows through it.
                if (!latencyShown && loop.Played > rate / 2)
                {
                    latencyShown = true;
                    view.Print(string.Create(inv, $"device latency {device.Latency.TotalMilliseconds:0} ms (as {device.Description.Split(':')[0]} reports it); render thread priority: {loop.Scheduling}"));
                }
            }
        }
        catch (Exception e)
        {
            reason = $"error: {e.GetType().Name}: {e.Message}";
            throw;
        }
        finally
        {
            pipeline.Stop();
            inputs.Dispose();
            if (recording.Path is not null) recorder.Command("record");
            else lock (recording) recording.Drain();
            if (liveInput?.End(journal, recorder.SessionId, loop.Played) is { } kept) view.Print(kept);
            recorder.End(loop.Played, reason);
            midiState.Save();
            System.Console.CancelKeyPress -= onCancel;
        }
        view.Print(string.Create(inv, $"played {loop.Played / (double)rate:0.000} s ({reason}), revision {session.Renderer.Current.Revision}, {feed.Underruns} underruns"));
        if (recording.Frames > 0 || record is not null)
            view.Print($"wrote {recording.LastPath} ({recording.Frames} frames){(recording.StemPaths.Count > 0 ? $" and {recording.StemPaths.Count} stems" : "")}");
        view.Print($"replay it with: waves replay {recorder.SessionId}{(o.Get("--journal") is { } j ? $" --journal {j}" : "")}");
        return reason.StartsWith("render error", StringComparison.Ordinal) ? 1 : 0;
    }
}
