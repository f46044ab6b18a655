using System.Globalization;
using System.Runtime.InteropServices;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using Waves.Console.Live;
using Waves.Engine.Audio;
using Waves.Engine.Patching;
using Waves.Engine.Rendering;
using Waves.Journal.Live;
using Waves.Journal.Sessions;

namespace Waves.Console.Commands;

/// <summary>
/// <c>waves play</c>: renders in real time and reloads the sound whenever a file of the library is
/// saved. Without an audio device it runs against a clock-paced null output; <c>--record</c> keeps
/// what was played.
/// </summary>
static class PlayCommand
{
    static readonly string[] Known = ["--sounds", "--duration", "--xfade", "--block", "--rate", "--seed", "--loop", "--record", "--force", "--journal"];

    public static int Run(string[] args)
    {
        var o = Options.Parse(args, new HashSet<string> { "--loop", "--force" });
        if (o.Unknown(Known).FirstOrDefault() is { } unknown) throw new UsageException($"unknown option {unknown}");
        if (o.Positional.Count == 0) throw new UsageException("play needs a sound name");
        var settings = CommandInputs.Settings(o, minBlock: 16);
        var fadeMs = o.Number("--xfade") ?? LiveSession.DefaultFadeMilliseconds;
        if (fadeMs < 0) throw new UsageException("--xfade expects milliseconds ≥ 0");
        if (o.Number("--duration") is <= 0) throw new UsageException("--duration expects a positive number of seconds");
        var record = o.Get("--record");
        if (record is not null) CommandInputs.CheckOverwrite(o, record);
        var parsed = CommandInputs.Sound(o);

        var folder = o.Get("--sounds") ?? "sounds";
        var library = SoundLibrary.Load(folder);
        var (session, problems) = LiveSession.Start(library, parsed.Name, settings, parsed.Overrides,
            (int)Math.Round(fadeMs * settings.SampleRate / 1000));
        foreach (var p in problems) System.Console.Error.WriteLine(p);
        if (session is null)
        {
            if (!library.Sounds.ContainsKey(parsed.Name)) System.Console.Error.WriteLine($"waves: no sound named '{parsed.Name}' in {folder}");
            return 1;
        }

        var maxFrames = o.Number("--duration") is { } seconds ? (long)Math.Round(seconds * settings.SampleRate) : long.MaxValue;
        var ring = new SampleRing(settings.SampleRate * 4);
        using var writer = record is null ? null : new WavWriter(record, settings.SampleRate, 2, SampleFormat.F32);
        var recording = new Recorder(ring, writer);
        var output = new PacedOutput(session, ring, maxFrames, o.Has("--loop"));
        var journalPath = o.Get("--journal") ?? JournalFiles.DefaultPath;
        using var journal = JournalFiles.Open(journalPath);
        var gate = new object();
        void Print(string line) { lock (gate) System.Console.Out.WriteLine(line); }
        var recorder = new SessionRecorder(journal, session, folder, Print) { Stats = () => (output.TakeLoad(), output.LateBlocks) };
        recorder.Begin([.. o.Positional.Skip(1)], o.Has("--loop"), JournalFiles.EngineVersion);

        System.Console.Out.WriteLine($"playing '{parsed.Name}' (no audio device here: a clock-paced null output{(record is null ? "" : $", recording to {record}")})");
        System.Console.Out.WriteLine($"session {recorder.SessionId} journaled in {journalPath}");
        System.Console.Out.WriteLine($"edit {folder}/*.yaml and save: changes are heard at the next block. Type pause, resume, gain G, mute|unmute|solo|unsolo TRACK, reset [ID] or stop; Ctrl-C stops.");

        var stopping = new ManualResetEventSlim();
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; stopping.Set(); };
        System.Console.CancelKeyPress += onCancel;
        // SIGTERM ends the session as cleanly as Ctrl-C: journal closed, recording complete.
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stopping.Set(); });
        var commands = new Subject<string>();
        var inputs = recorder.Run(
            LibraryWatcher.Changes(folder, LibraryWatcher.DefaultWindow, TaskPoolScheduler.Default)
                .Catch((Exception e) => { Print($"waves: watching {folder} failed: {e.Message}; saves are no longer picked up"); return Observable.Never<LibraryChange>(); }),
            commands,
            Observable.Interval(TimeSpan.FromMilliseconds(100), TaskPoolScheduler.Default));
        var reader = new Thread(() => ReadCommands(commands)) { IsBackground = true };
        reader.Start();
        output.Start();
        var reason = "ended";
        try
        {
            while (!output.Finished)
            {
                if (stopping.Wait(50)) { reason = "interrupted"; break; }
                if (recorder.StopRequested) { reason = "stopped"; break; }
                recording.Drain();
            }
        }
        finally
        {
            output.Stop();
            output.Join();
            recording.Drain();
            inputs.Dispose();
            recorder.End(output.Played, output.Finished && reason == "ended" ? "ended" : reason);
            System.Console.CancelKeyPress -= onCancel;
        }
        var inv = CultureInfo.InvariantCulture;
        System.Console.Out.WriteLine(string.Create(inv, $"played {output.Played / (double)settings.SampleRate:0.000} s, revision {session.Renderer.Current.Revision}, {output.LateBlocks} late blocks"));
        if (record is not null) System.Console.Out.WriteLine($"wrote {record} ({recording.Frames} frames)");
        System.Console.Out.WriteLine($"replay it with: waves replay {recorder.SessionId}{(o.Get("--journal") is { } j ? $" --journal {j}" : "")}");
        return 0;
    }

    static void ReadCommands(Subject<string> commands)
    {
        string? line;
        while ((line = System.Console.In.ReadLine()) is not null)
        {
            commands.OnNext(line);
            if (line.Trim() is "stop" or "quit") break;
        }
    }
}
