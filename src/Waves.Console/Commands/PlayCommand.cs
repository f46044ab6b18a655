using System.Globalization;
using System.Reactive.Concurrency;
using Waves.Console.Live;
using Waves.Engine.Audio;
using Waves.Engine.Patching;
using Waves.Engine.Rendering;
using Waves.Journal.Live;

namespace Waves.Console.Commands;

/// <summary>
/// <c>waves play</c>: renders in real time and reloads the sound whenever a file of the library is
/// saved. Without an audio device it runs against a clock-paced null output; <c>--record</c> keeps
/// what was played.
/// </summary>
static class PlayCommand
{
    static readonly string[] Known = ["--sounds", "--duration", "--xfade", "--block", "--rate", "--seed", "--loop", "--record", "--force"];

    public static int Run(string[] args)
    {
        var o = Options.Parse(args, new HashSet<string> { "--loop", "--force" });
        if (o.Unknown(Known).FirstOrDefault() is { } unknown) throw new UsageException($"unknown option {unknown}");
        if (o.Positional.Count == 0) throw new UsageException("play needs a sound name");
        var settings = new RenderSettings(
            SampleRate: o.Int("--rate", 8000, 384000) ?? 44100,
            BlockSize: o.Int("--block", 16, 65536) ?? RenderSettings.DefaultBlockSize,
            Seed: (ulong)(o.Int("--seed", 0, int.MaxValue) ?? (int)RenderSettings.DefaultSeed));
        var fadeMs = o.Number("--xfade") ?? LiveSession.DefaultFadeMilliseconds;
        if (fadeMs < 0) throw new UsageException("--xfade expects milliseconds ≥ 0");
        if (o.Number("--duration") is <= 0) throw new UsageException("--duration expects a positive number of seconds");
        var record = o.Get("--record");
        if (record is not null && File.Exists(record) && !o.Has("--force"))
            throw new UsageException($"{record} exists; use --force to overwrite it");
        var parsed = NodeString.Parse(o.Positional);
        if (parsed.Rejected.Count > 0)
            throw new UsageException($"cannot read override '{parsed.Rejected[0]}': write name=value or a name followed by a number (warp1)");

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
        var recorder = new Recorder(ring, writer);
        var output = new PacedOutput(session, ring, maxFrames, o.Has("--loop"));
        var log = new PlayLog(session);

        System.Console.Out.WriteLine($"playing '{parsed.Name}' (no audio device here: a clock-paced null output{(record is null ? "" : $", recording to {record}")})");
        System.Console.Out.WriteLine($"edit {folder}/*.yaml and save: changes are heard at the next block. Type 'reset [ID]' or 'stop'; Ctrl-C stops.");

        var stopping = new ManualResetEventSlim();
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; stopping.Set(); };
        System.Console.CancelKeyPress += onCancel;
        using var watch = LibraryWatcher.Changes(folder, LibraryWatcher.DefaultWindow, TaskPoolScheduler.Default)
            .Subscribe(_ => log.Rejected(session.Reload(SoundLibrary.Load(folder))),
                e => System.Console.Error.WriteLine($"waves: watching {folder} failed: {e.Message}; saves are no longer picked up"));
        var commands = new Thread(() => ReadCommands(session, stopping)) { IsBackground = true };
        commands.Start();
        output.Start();
        try
        {
            while (!output.Finished && !stopping.Wait(50))
            {
                recorder.Drain();
                log.Report();
            }
        }
        finally
        {
            output.Stop();
            output.Join();
            recorder.Drain();
            log.Report();
            System.Console.CancelKeyPress -= onCancel;
        }
        var inv = CultureInfo.InvariantCulture;
        System.Console.Out.WriteLine(string.Create(inv, $"played {output.Frames / (double)settings.SampleRate:0.000} s, revision {session.Renderer.Current.Revision}, {output.LateBlocks} late blocks"));
        if (record is not null) System.Console.Out.WriteLine($"wrote {record} ({recorder.Frames} frames)");
        return 0;
    }

    static void ReadCommands(LiveSession session, ManualResetEventSlim stopping)
    {
        string? line;
        while ((line = System.Console.In.ReadLine()) is not null)
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            switch (words.FirstOrDefault())
            {
                case "stop" or "quit":
                    stopping.Set();
                    return;
                case "reset":
                    var id = words.Length > 1 ? words[1] : null;
                    System.Console.Out.WriteLine(session.Reset(id) ? $"reset {id ?? "every node"}" : $"no node with id '{id}'");
                    break;
                case null:
                    break;
                default:
                    System.Console.Out.WriteLine($"unknown command '{words[0]}' (reset [ID], stop)");
                    break;
            }
        }
    }
}
