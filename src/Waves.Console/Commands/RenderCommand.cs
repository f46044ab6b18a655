using System.Diagnostics;
using System.Globalization;
using Waves.Engine.Audio;
using Waves.Engine.Nodes;
using Waves.Engine.Patching;
using Waves.Engine.Rendering;

namespace Waves.Console.Commands;

/// <summary><c>waves render</c>: a sound to a WAV file, offline, as fast as the CPU allows.</summary>
static class RenderCommand
{
    /// <summary>Longest default render: the original library has sounds that last 9999 s.</summary>
    public const double DefaultLimitSeconds = 60;

    static readonly string[] Known = ["--sounds", "-o", "--output", "--force", "--duration", "--block", "--rate", "--seed", "--stems", "--format", "--threads", .. Midi.MidiSetup.RenderOptions];

    public static int Run(string[] args)
    {
        var o = Options.Parse(args, new HashSet<string> { "--force", "--stems", Midi.MidiSetup.StateFlag });
        if (o.Unknown(Known).FirstOrDefault() is { } unknown) throw new UsageException($"unknown option {unknown}");
        if (o.Positional.Count == 0) throw new UsageException("render needs a sound name");
        var settings = CommandInputs.Settings(o, minBlock: 1);
        var format = SampleFormats.TryParse(o.Get("--format") ?? "f32", out var f) ? f
            : throw new UsageException($"--format expects f32, s16 or s24, got '{o.Get("--format")}'");
        if (o.Number("--duration") is <= 0)
            throw new UsageException($"--duration expects a positive number of seconds, got '{o.Get("--duration")}'");
        var parsed = CommandInputs.Sound(o);
        var threads = o.Int("--threads", 1, 64) ?? 1;

        var library = SoundLibrary.Load(o.Get("--sounds") ?? "sounds");
        if (!library.Sounds.ContainsKey(parsed.Name))
        {
            foreach (var p in library.Problems.Where(p => p.IsError)) System.Console.Error.WriteLine(ProblemText.Format(p, library));
            System.Console.Error.WriteLine($"waves: no sound named '{parsed.Name}' in {library.Folder}{Suggestions.DidYouMean(parsed.Name, library.Sounds.Keys)}");
            return 1;
        }
        // Saved controller values only when asked: a render is the same whatever was played last.
        Midi.MidiSetup.Schedule(o, settings, o.Has(Midi.MidiSetup.StateFlag) ? Midi.MidiState.Load(library.Folder, System.Console.Error.WriteLine) : null);
        var compiled = PatchCompiler.Compile(library, parsed.Name, settings, parsed.Overrides);
        foreach (var p in compiled.Problems) System.Console.Error.WriteLine(ProblemText.Format(p, library));
        if (compiled.Patch is not { } patch) return 1;

        var seconds = o.Number("--duration") ?? Math.Min(patch.Spec.DeclaredDuration() ?? DefaultLimitSeconds, DefaultLimitSeconds);
        var maxFrames = (long)Math.Round(seconds * settings.SampleRate);
        var path = CommandInputs.OutputPath(o, parsed.Name);
        var stems = o.Has("--stems") ? patch.StemMix : null;
        if (o.Has("--stems") && stems is null)
            System.Console.Error.WriteLine($"waves: '{parsed.Name}' is not a mix; no stems written");
        foreach (var t in stems?.Tracks ?? []) CommandInputs.CheckOverwrite(o, StemPath(path, t.Name));

        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; cancel.Cancel(); };
        System.Console.CancelKeyPress += onCancel;
        try
        {
            return Render(patch, parsed.Name, settings, format, maxFrames, path, stems, cancel.Token, threads);
        }
        finally { System.Console.CancelKeyPress -= onCancel; }
    }

    static int Render(Patch patch, string sound, RenderSettings settings, SampleFormat format, long maxFrames, string path, Mix? stems, CancellationToken cancel, int threads)
    {
        var written = new List<string>();
        var clock = Stopwatch.StartNew();
        float peak = 0;
        long frames;
        using (var main = new WavWriter(path, settings.SampleRate, patch.Channels, format))
        {
            var stemWriters = stems?.Tracks.Select(t => (t.Signal, Writer: new WavWriter(StemPath(path, t.Name), settings.SampleRate, t.Signal.IsStereo ? 2 : 1, format))).ToList() ?? [];
            var progress = new ProgressBar(maxFrames, settings.SampleRate);
            try
            {
                frames = OfflineRender.Run(patch, maxFrames, (l, r) =>
                {
                    main.Write(l.Span, r.Span);
                    peak = Math.Max(peak, Peak(l.Span));
                    peak = Math.Max(peak, Peak(r.Span));
                    foreach (var (signal, writer) in stemWriters)
                        writer.Write(signal.Left.AsSpan(0, l.Length), signal.Right is { } rr ? rr.AsSpan(0, l.Length) : default);
                }, progress.Update, cancel, threads);
            }
            finally
            {
                progress.Done();
                foreach (var (_, writer) in stemWriters) { writer.Dispose(); written.Add(writer.Path); }
            }
        }
        written.Insert(0, path);
        clock.Stop();
        var audioSeconds = frames / (double)settings.SampleRate;
        var renderSeconds = clock.Elapsed.TotalSeconds;
        var inv = CultureInfo.InvariantCulture;
        foreach (var w in written) System.Console.Out.WriteLine($"wrote {w}");
        System.Console.Out.WriteLine(string.Create(inv,
            $"length {audioSeconds:0.000} s ({frames} frames, {patch.Channels} ch, {settings.SampleRate} Hz, {format.Name()})  peak {peak:0.0000} ({20 * Math.Log10(Math.Max(peak, 1e-10)):0.0} dBFS)"));
        System.Console.Out.WriteLine(string.Create(inv,
            $"rendered in {renderSeconds:0.000} s, {audioSeconds / Math.Max(renderSeconds, 1e-9):0.0}x realtime"));
        if (cancel.IsCancellationRequested) System.Console.Out.WriteLine("interrupted: the file holds what was rendered");
        foreach (var s in patch.Root.Faults()) System.Console.Error.WriteLine($"waves: error while rendering: {s}");
        return 0;
    }

    static float Peak(ReadOnlySpan<float> x) => Waves.Engine.Kernels.SpanMath.PeakMagnitude(x);


    /// <summary>Stems sit beside the mixdown: <c>&lt;name&gt;__&lt;track&gt;.wav</c>.</summary>
    public static string StemPath(string mixdown, string track)
    {
        var dir = Path.GetDirectoryName(mixdown) ?? "";
        return Path.Combine(dir, $"{Path.GetFileNameWithoutExtension(mixdown)}__{track}.wav");
    }
}
