using BenchmarkDotNet.Attributes;
using Waves.Console.Bench;
using Waves.Engine.Patching;
using Waves.Engine.Rendering;

namespace Waves.Benchmarks;

/// <summary>
/// One 512-frame block of the peer kit's patches A (64 sines) and B (swept resonant low-pass) from
/// bench/sounds, and of an interpolation-list sound: whole patches, node overheads included.
/// </summary>
[MemoryDiagnoser]
public class PatchBench
{
    const int Block = 512;
    readonly float[] left = new float[Block], right = new float[Block];
    Renderer a = null!, b = null!, interpolation = null!;

    [GlobalSetup]
    public void Setup()
    {
        var root = BenchPatches.RepoRoot(AppContext.BaseDirectory) ?? BenchPatches.RepoRoot()
            ?? throw new InvalidOperationException("cannot find the repository (Waves.sln) above " + AppContext.BaseDirectory);
        var settings = new RenderSettings(44100, Block);
        var library = SoundLibrary.Load(Path.Combine(root, "bench", "sounds"));
        a = new Renderer(Compile(library, "bench_a", settings));
        b = new Renderer(Compile(library, "bench_b", settings));
        var lists = SoundLibrary.FromTexts([new("bench/i.yaml",
            "i:\n  osc: {freq: [100, 800, 200, 400], amp: [0, [1, 0.1], [0.2, 0.9], 0], duration: 100000}\n")], "bench");
        interpolation = new Renderer(Compile(lists, "i", settings));
    }

    static Patch Compile(SoundLibrary library, string sound, RenderSettings settings) =>
        PatchCompiler.Compile(library, sound, settings) is { Patch: { } p } ? p
            : throw new InvalidOperationException($"'{sound}' does not compile:\n" + string.Join("\n", PatchCompiler.Compile(library, sound, settings).Problems));

    [Benchmark(Description = "patch A (64 sines), one 512-frame block")]
    public int PatchA() => a.RenderBlock(left, right, Block);

    [Benchmark(Description = "patch B (swept resonant low-pass), one 512-frame block")]
    public int PatchB() => b.RenderBlock(left, right, Block);

    [Benchmark(Description = "interpolation lists on freq and amp, one 512-frame block")]
    public int Interpolation() => interpolation.RenderBlock(left, right, Block);
}
