using System.Globalization;
using Waves.Console.Bench;
using Waves.Console.Output;
using Waves.Engine.Patching;
using Waves.Journal.Live;

namespace Waves.Console.Commands;

/// <summary>
/// <c>waves bench [reload|compile|render|journal|all|output|peers] [--saves N]</c>: the quick benchmarks, one result per
/// line. The statistically careful ones are in bench/Waves.Benchmarks (BenchmarkDotNet); this mode
/// measures what only a running program can: save-to-sound latency through the real watcher.
/// </summary>
static class BenchCommand
{
    static readonly string[] Known = ["--saves", "--output", "--device", "--latency", "--seconds", "--kit", "--runs", "--engines", "--out"];
    static readonly string[] Modes = ["reload", "compile", "render", "journal", "output", "peers", "all"];

    public const int DefaultSaves = 100;
    const int CompileRuns = 200, CompileWarmup = 30, CorpusRuns = 50, CorpusWarmup = 5;
    const double RenderSeconds = 10;

    public static int Run(string[] args)
    {
        var o = Options.Parse(args, new HashSet<string>());
        o.RequireOnly(Known, 1);
        var mode = o.Positional.FirstOrDefault() ?? "all";
        if (!Modes.Contains(mode)) throw new UsageException($"bench expects one of {string.Join(", ", Modes)}, got '{mode}'");
        var saves = o.Int("--saves", 1, 100_000) ?? DefaultSaves;
        var root = BenchPatches.RepoRoot();
        var output = System.Console.Out;
        var failed = false;
        if (mode is "compile" or "all") Compile(output, root);
        if (mode is "render" or "all") failed |= !Render(output, root);
        if (mode is "journal" or "all") Journal(output, root);
        if (mode is "reload" or "all") failed |= !Reload(output, saves);
        // Real time on a real device, and the peer engines: only when asked for.
        if (mode is "output") Output(output, o);
        if (mode is "peers")
            return PeerRun.Run(root ?? ".", o.Get("--kit"), o.Number("--seconds") ?? 600, o.Int("--runs", 1, 100) ?? 3, o.Get("--engines"), o.Get("--out"));
        return failed ? 1 : 0;
    }

    static string Ms(double v) => Timings.Ms(v);

    static void Compile(TextWriter output, string? root)
    {
        var generated = CompileTiming.Generated(CompileRuns, CompileWarmup);
        output.WriteLine($"compile ({generated.What}, parse+compile, {generated.Runs} runs): median {Ms(generated.Total.Median)}, p99 {Ms(generated.Total.P99)} (parse median {Ms(generated.Parse.Median)})");
        var corpus = root is null ? null : Path.GetFullPath(Path.Combine(root, "..", "shared", "corpus", "sounds"));
        if (corpus is not null && CompileTiming.Folder(corpus, "corpus library", CorpusRuns, CorpusWarmup) is { } c)
            output.WriteLine($"compile ({c.What}, parse+compile, {c.Runs} runs): median {Ms(c.Total.Median)}, p99 {Ms(c.Total.P99)} (parse median {Ms(c.Parse.Median)})");
    }

    static bool Render(TextWriter output, string? root)
    {
        var inv = CultureInfo.InvariantCulture;
        var ok = true;
        var sounds = Path.Combine(root ?? ".", "sounds");
        var demo = SoundLibrary.Load(sounds);
        if (demo.Sounds.ContainsKey("demo"))
            Print(RenderSpeed.Run(demo, "demo", "demo", RenderSeconds));
        else
        {
            System.Console.Error.WriteLine($"waves: no sound 'demo' in {sounds}; its render is not measured");
            ok = false;
        }
        var library = BenchPatches.Library();
        Print(RenderSpeed.Run(library, BenchPatches.Sound, $"{BenchPatches.CountNodes(library, BenchPatches.Sound)}-node patch", RenderSeconds));
        foreach (var entry in StressRenders.Entries(root ?? "."))
        {
            var outcome = StressRenders.Run(entry);
            if (outcome.Result is { } r) Print(r);
            else output.WriteLine($"render ({entry.Sound}): skipped: {outcome.Skipped}");
        }
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        output.WriteLine(string.Create(inv, $"peak memory of these renders: {self.PeakWorkingSet64 / 1024.0 / 1024.0:0} MB (peak working set of the process)"));
        return ok;

        void Print(RenderSpeed.Result r) =>
            output.WriteLine(string.Create(inv, $"render ({r.What}, {r.Seconds:0.#} s of audio, offline): {r.RealtimeFactor:0.0}x realtime ({r.Elapsed.TotalMilliseconds:0} ms)"));
    }

    static void Journal(TextWriter output, string? root)
    {
        var r = JournalBench.Run(Path.Combine(root ?? ".", "sounds"));
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(inv, $"journal appends (LiteDB file, each durable): {r.AppendsPerSecond:0} events/s"));
        output.WriteLine(string.Create(inv, $"journal size of an hour (a tick a second, an edit every 30 s, {r.HourEvents} events): {r.HourBytes / 1024.0 / 1024.0:0.00} MB"));
        output.WriteLine(string.Create(inv, $"replay ({r.ReplaySeconds:0} s of the demo with six edits): {r.ReplaySeconds / r.ReplayElapsed:0.0}x realtime ({r.ReplayElapsed * 1000:0} ms)"));
    }

    static bool Reload(TextWriter output, int saves)
    {
        var progress = System.Console.IsErrorRedirected ? null : System.Console.Error;
        var r = ReloadLatency.Run(saves, progress);
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine($"reload latency ({r.Latency.Count} saves, {r.Nodes}-node patch): median {Ms(r.Latency.Median)}, p99 {Ms(r.Latency.P99)}, max {Ms(r.Latency.Max)} (compile median {Ms(r.Compile.Median)})");
        output.WriteLine($"save to publish (the new tree handed to the render thread): median {Ms(r.Published.Median)}, p99 {Ms(r.Published.P99)}; the swap follows at the next block boundary");
        var buffer = ReloadLatency.Buffer.TotalMilliseconds;
        output.WriteLine(string.Create(inv, $"save to heard (the device takes the first new frame): median {Ms(r.Heard.Median)}, p99 {Ms(r.Heard.P99)}; less the {buffer:0} ms output buffer: median {Ms(r.Heard.Median - buffer)}, p99 {Ms(r.Heard.P99 - buffer)}"));
        output.WriteLine(string.Create(inv,
            $"reload parts (medians): save to the window's close {Ms(r.Noticed.Median)} (p99 {Ms(r.Noticed.P99)}; coalescing window {LibraryWindowMs} ms), compile {Ms(r.Compile.Median)} (p99 {Ms(r.Compile.P99)}), load and compile done ahead for {r.PreparedAhead} of {r.Saves + ReloadLatency.WarmupSaves} saves, taking it {Ms(r.Load.Median)} (p99 {Ms(r.Load.P99)}), publish to swap {Ms(r.Swap.Median)} (p99 {Ms(r.Swap.P99)}; block {ReloadLatency.Settings.BlockSize * 1000.0 / ReloadLatency.Settings.SampleRate:0.0} ms); {r.Missed} missed, {r.ExtraReloads} extra reloads, {r.Rejected} rejected, {r.Underruns} underruns"));
        if (r.WatchError is not null) System.Console.Error.WriteLine($"waves: watching failed: {r.WatchError}");
        return r.Missed == 0 && r.WatchError is null && r.Latency.Count == saves;
    }

    static void Output(TextWriter output, Options o)
    {
        var name = o.Get("--output") ?? "auto";
        if (!Outputs.Names.Contains(name)) throw new UsageException($"--output expects one of {string.Join(", ", Outputs.Names)}");
        var latency = o.Number("--latency") ?? PlayCommand.DefaultLatencyMilliseconds;
        var seconds = o.Number("--seconds") ?? 60;
        var r = OutputRun.Run(name, o.Get("--device"), TimeSpan.FromMilliseconds(latency), seconds,
            System.Console.IsErrorRedirected ? null : System.Console.Error);
        foreach (var note in r.Notes) output.WriteLine($"  {note}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"output ({r.Device}, buffer {latency:0} ms, reported latency {r.ReportedLatency.TotalMilliseconds:0.0} ms, 200-node patch, {r.Seconds:0} s): " +
            $"{r.Underruns} underruns ({r.MissingFrames * 1000.0 / r.DeviceRate:0} ms of silence), render load mean {r.MeanLoad:P1}, max {r.MaxLoad:P1}"));
    }

    static double LibraryWindowMs => LibraryWatcher.DefaultWindow.TotalMilliseconds;
}
