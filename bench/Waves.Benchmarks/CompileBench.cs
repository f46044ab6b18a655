using BenchmarkDotNet.Attributes;
using Waves.Console.Bench;
using Waves.Engine.Patching;
using Waves.Engine.Rendering;

namespace Waves.Benchmarks;

/// <summary>
/// The control-side cost of a save for the generated 100-node sound: reading the YAML text into a
/// library, compiling a fresh patch, both, and the compile a reload does (against the running
/// patch, adopting its states and declicking what changed).
/// </summary>
[MemoryDiagnoser]
public class CompileBench
{
    SoundLibrary.SourceFile[] files = [];
    SoundLibrary library = null!;
    SoundLibrary edited = null!;
    Patch running = null!;
    readonly RenderSettings settings = new();
    readonly int fadeFrames = (int)Math.Round(LiveSession.DefaultFadeMilliseconds * 44100 / 1000);

    [GlobalSetup]
    public void Setup()
    {
        files = [new(Path.Combine("bench", BenchPatches.FileName), BenchPatches.Yaml())];
        library = SoundLibrary.FromTexts(files, "bench");
        edited = BenchPatches.Library(edit: 1);
        running = PatchCompiler.Compile(library, BenchPatches.Sound, settings).Patch
            ?? throw new InvalidOperationException("the bench patch does not compile");
        var nodes = BenchPatches.CountNodes(library, BenchPatches.Sound);
        if (nodes != BenchPatches.Nodes) throw new InvalidOperationException($"the bench patch has {nodes} nodes, not {BenchPatches.Nodes}");
    }

    [Benchmark(Baseline = true, Description = "parse+compile")]
    public Patch? ParseAndCompile() =>
        PatchCompiler.Compile(SoundLibrary.FromTexts(files, "bench"), BenchPatches.Sound, settings).Patch;

    [Benchmark(Description = "parse")]
    public SoundLibrary Parse() => SoundLibrary.FromTexts(files, "bench");

    [Benchmark(Description = "compile")]
    public Patch? Compile() => PatchCompiler.Compile(library, BenchPatches.Sound, settings).Patch;

    [Benchmark(Description = "compile against running patch (reload)")]
    public Patch? Recompile() =>
        PatchCompiler.Compile(edited, BenchPatches.Sound, settings, null, new PreviousPatch(running, running.Vars), fadeFrames).Patch;
}
