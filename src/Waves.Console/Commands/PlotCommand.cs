using System.Globalization;
using Waves.Console.Plot;
using Waves.Engine.Audio;
using Waves.Engine.Patching;
using Waves.Engine.Rendering;
using Waves.Journal.Events;
using Waves.Journal.Sessions;

namespace Waves.Console.Commands;

/// <summary><c>waves plot SOUND|FILE.wav -o out.png</c> and <c>waves log --plot [SESSION] -o out.png</c>.</summary>
static class PlotCommand
{
    const int DefaultWidth = 1200, DefaultHeight = 900;
    const double DefaultLimitSeconds = 60;

    static readonly string[] Known = ["-o", "--output", "--force", "--width", "--height", "--sounds", "--duration", "--rate", "--block", "--seed"];

    public static int Run(string[] args)
    {
        var o = Options.Parse(args, new HashSet<string> { "--force" });
        if (o.Unknown(Known).FirstOrDefault() is { } unknown) throw new UsageException($"unknown option {unknown}");
        if (o.Positional.Count == 0) throw new UsageException("plot needs a sound name or a WAV file");
        var (width, height) = Size(o);
        var what = o.Positional[0];
        float[][] channels;
        int rate;
        string name;
        if (what.EndsWith(".wav", StringComparison.OrdinalIgnoreCase))
        {
            if (o.Positional.Count > 1) throw new UsageException($"unexpected argument '{o.Positional[1]}'");
            if (!File.Exists(what)) { System.Console.Error.WriteLine($"waves: no file {what}"); return 1; }
            WavData wav;
            try { wav = WavReader.Read(what); }
            catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException or NotSupportedException)
            {
                System.Console.Error.WriteLine($"waves: cannot read {what}: {e.Message}");
                return 1;
            }
            (channels, rate, name) = (wav.Channels, wav.SampleRate, Path.GetFileName(what));
            if (o.Number("--duration") is { } limit)
                channels = limit > 0 ? Trim(channels, (long)(limit * rate)) : throw new UsageException("--duration expects a positive number of seconds");
        }
        else
        {
            var settings = CommandInputs.Settings(o, minBlock: 1);
            var parsed = CommandInputs.Sound(o);
            var library = SoundLibrary.Load(o.Get("--sounds") ?? "sounds");
            if (!library.Sounds.ContainsKey(parsed.Name))
            {
                foreach (var p in library.Problems.Where(p => p.IsError)) System.Console.Error.WriteLine(ProblemText.Format(p, library));
                System.Console.Error.WriteLine($"waves: no sound named '{parsed.Name}' in {library.Folder}{Suggestions.DidYouMean(parsed.Name, library.Sounds.Keys)}");
                return 1;
            }
            var compiled = PatchCompiler.Compile(library, parsed.Name, settings, parsed.Overrides);
            foreach (var p in compiled.Problems) System.Console.Error.WriteLine(ProblemText.Format(p, library));
            if (compiled.Patch is not { } patch) return 1;
            var seconds = o.Number("--duration") ?? Math.Min(patch.Spec.DeclaredDuration() ?? DefaultLimitSeconds, DefaultLimitSeconds);
            if (seconds <= 0) throw new UsageException("--duration expects a positive number of seconds");
            var audio = OfflineRender.ToArrays(patch, (long)Math.Round(seconds * settings.SampleRate));
            (channels, rate, name) = (audio.Channels, audio.SampleRate, parsed.Name);
        }
        if (channels.Length == 0 || channels[0].Length == 0)
        {
            System.Console.Error.WriteLine($"waves: {name} has no frames to plot");
            return 1;
        }
        var output = OutputPath(o, name);
        AudioFigure.Save(output, name, channels, rate, width, height);
        System.Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {output} ({width}×{height}): {channels[0].Length / (double)rate:0.000} s of {name}, peak {AudioAnalysis.Db(channels.Max(c => c.Max(Math.Abs))):0.0} dBFS"));
        return 0;
    }

    /// <summary><c>log --plot</c>: the session's timeline; its levels come from replaying it.</summary>
    public static int Session(string[] args)
    {
        var o = Options.Parse(args, new HashSet<string> { "--plot", "--force" });
        o.RequireOnly(["--plot", "--journal", "-o", "--output", "--force", "--width", "--height"], positional: 1);
        var (width, height) = Size(o);
        using var session = JournaledSession.Open(o);
        if (session is null) return 1;
        var (journal, id, events, started) = (session.Journal, session.Id, session.Events, session.Started);
        var output = OutputPath(o, $"{started.Sound}_session");
        (double[], double[], double)? levels = null;
        try { levels = Levels(journal, events, started.SampleRate); }
        catch (InvalidDataException e) { System.Console.Error.WriteLine($"waves: levels left out: {e.Message}"); }
        SessionFigure.Save(output, $"session {id} ({started.Sound})", events, started.SampleRate, levels, width, height);
        System.Console.Out.WriteLine($"wrote {output} ({width}×{height}): session {id}, {events.Count} events");
        return 0;
    }

    /// <summary>Peak and RMS per 50 ms of the session as heard, by replaying it.</summary>
    static (double[], double[], double) Levels(Waves.Journal.Storage.IJournal journal, IReadOnlyList<EventEnvelope> events, int rate)
    {
        var window = rate / 20;
        var peaks = new List<double>();
        var rmss = new List<double>();
        double peak = 0, sum = 0;
        var n = 0;
        Replayer.Run(journal, events, (l, r) =>
        {
            var ls = l.Span;
            var rs = r.Span;
            for (var i = 0; i < ls.Length; i++)
            {
                peak = Math.Max(peak, Math.Max(Math.Abs(ls[i]), Math.Abs(rs[i])));
                sum += (double)ls[i] * ls[i] + (double)rs[i] * rs[i];
                if (++n < window) continue;
                peaks.Add(AudioAnalysis.Db(peak));
                rmss.Add(AudioAnalysis.Db(Math.Sqrt(sum / (2.0 * n))));
                (peak, sum, n) = (0, 0, 0);
            }
        });
        if (n > 0)
        {
            peaks.Add(AudioAnalysis.Db(peak));
            rmss.Add(AudioAnalysis.Db(Math.Sqrt(sum / (2.0 * n))));
        }
        return ([.. peaks], [.. rmss], window / (double)rate);
    }

    static (int, int) Size(Options o) =>
        (o.Int("--width", 200, 10000) ?? DefaultWidth, o.Int("--height", 200, 10000) ?? DefaultHeight);

    static string OutputPath(Options o, string name)
    {
        if (o.Get("-o", "--output") is { } explicitPath)
        {
            if (!explicitPath.EndsWith(".png", StringComparison.OrdinalIgnoreCase)) throw new UsageException("-o expects a .png file");
            CommandInputs.CheckOverwrite(o, explicitPath);
            return explicitPath;
        }
        var baseName = Path.Combine("output", Path.GetFileNameWithoutExtension(name));
        var path = baseName + ".png";
        for (var i = 2; File.Exists(path); i++) path = $"{baseName}_{i}.png";
        return path;
    }

    static float[][] Trim(float[][] channels, long frames) =>
        channels[0].Length <= frames ? channels : [.. channels.Select(c => c[..(int)frames])];
}
