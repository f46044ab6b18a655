using System.Diagnostics;
using Waves.Engine.Patching;
using Waves.Engine.Rendering;

namespace Waves.Console.Bench;

/// <summary>
/// <c>waves bench compile</c>: the control-side cost of a save without the file system: parsing the
/// library texts (<see cref="SoundLibrary.FromTexts"/>) and compiling (<see cref="PatchCompiler"/>),
/// timed run by run after a warm-up, so that the median and the 99th percentile can be told.
/// </summary>
static class CompileTiming
{
    public sealed record Result(string What, int Runs, Timings Total, Timings Parse);

    const int WarmupRounds = 4;
    static readonly TimeSpan WarmupPause = TimeSpan.FromMilliseconds(250);

    /// <summary>Parse + compile of the generated 200-node sound.</summary>
    public static Result Generated(int runs, int warmup)
    {
        SoundLibrary.SourceFile[] files = [new(Path.Combine("bench", BenchPatches.FileName), BenchPatches.Yaml())];
        var settings = new RenderSettings();
        var first = PatchCompiler.Compile(SoundLibrary.FromTexts(files, "bench"), BenchPatches.Sound, settings);
        if (!first.Ok) throw new InvalidOperationException("the generated bench patch does not compile:\n" + string.Join("\n", first.Problems));
        var nodes = BenchPatches.CountNodes(SoundLibrary.FromTexts(files, "bench"), BenchPatches.Sound);
        var (total, parse) = Measure(runs, warmup, () => SoundLibrary.FromTexts(files, "bench"),
            library => PatchCompiler.Compile(library, BenchPatches.Sound, settings));
        return new Result($"{nodes}-node patch", runs, total, parse);
    }

    /// <summary>Parse + compile of every sound of a library folder (read from disk once, before
    /// timing); null when the folder has no yaml files.</summary>
    public static Result? Folder(string folder, string name, int runs, int warmup)
    {
        if (!Directory.Exists(folder)) return null;
        var files = Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal)
            .Select(f => new SoundLibrary.SourceFile(f, File.ReadAllText(f))).ToArray();
        if (files.Length == 0) return null;
        var settings = new RenderSettings();
        var sample = SoundLibrary.FromTexts(files, folder);
        var sounds = sample.Sounds.Keys.Order(StringComparer.Ordinal).ToArray();
        var clean = sounds.Count(s => PatchCompiler.Compile(sample, s, settings).Ok);
        var (total, parse) = Measure(runs, warmup, () => SoundLibrary.FromTexts(files, folder), library =>
        {
            foreach (var s in sounds) PatchCompiler.Compile(library, s, settings);
        });
        return new Result($"{name}: {files.Length} files, all {sounds.Length} sounds, {clean} of them compile without errors", runs, total, parse);
    }

    static (Timings Total, Timings Parse) Measure(int runs, int warmup, Func<SoundLibrary> parse, Action<SoundLibrary> compile)
    {
        // Warm up in rounds with pauses: the runtime recompiles hot methods optimised on a background
        // thread only after a quiet spell, and a live session reloads after such spells too, so the
        // measured runs see the optimised code a running `waves play` has.
        for (var round = 0; round < WarmupRounds; round++)
        {
            for (var i = 0; i < warmup; i++) compile(parse());
            Thread.Sleep(WarmupPause);
        }
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var total = new Timings();
        var parsing = new Timings();
        for (var i = 0; i < runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var library = parse();
            var parsed = Stopwatch.GetTimestamp();
            compile(library);
            var done = Stopwatch.GetTimestamp();
            total.AddTicks(start, done);
            parsing.AddTicks(start, parsed);
        }
        return (total, parsing);
    }
}
