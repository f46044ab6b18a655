using BenchmarkDotNet.Attributes;
using Waves.Console.Bench;
using Waves.Engine.Patching;
using Waves.Engine.Rendering;

namespace Waves.Benchmarks;

/// <summary>
/// One 512-frame block (44.1 kHz: 11.6 ms of audio) of the default library's demo and of the
/// generated 200-node sound. The render thread must not allocate: the memory diagnoser shows the
/// bytes allocated per block, which should be none. Each iteration starts from freshly compiled
/// patches (the demo ends after 10 s, 861 blocks), so an iteration is a fixed number of blocks.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(BlocksPerIteration)]
public class RenderBench
{
    /// <summary>Blocks per iteration: fewer than the demo's 861.</summary>
    public const int BlocksPerIteration = 800;

    const int Block = 512;
    readonly RenderSettings settings = new(44100, Block);
    readonly float[] left = new float[Block], right = new float[Block];
    SoundLibrary demoLibrary = null!, benchLibrary = null!;
    Renderer demo = null!, bench = null!;

    [GlobalSetup]
    public void Setup()
    {
        var root = BenchPatches.RepoRoot(AppContext.BaseDirectory) ?? BenchPatches.RepoRoot()
            ?? throw new InvalidOperationException("cannot find the repository (Waves.sln) above " + AppContext.BaseDirectory);
        demoLibrary = SoundLibrary.Load(Path.Combine(root, "sounds"));
        benchLibrary = BenchPatches.Library();
        Fresh();
    }

    [IterationSetup]
    public void Fresh()
    {
        demo = new Renderer(Compile(demoLibrary, "demo"));
        bench = new Renderer(Compile(benchLibrary, BenchPatches.Sound));
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }

    Patch Compile(SoundLibrary library, string sound) => PatchCompiler.Compile(library, sound, settings) is { Patch: { } p }
        ? p : throw new InvalidOperationException($"'{sound}' does not compile:\n" + string.Join("\n", PatchCompiler.Compile(library, sound, settings).Problems));

    [Benchmark(Description = "demo, one 512-frame block")]
    public int DemoBlock() => demo.RenderBlock(left, right, Block);

    [Benchmark(Description = "200-node patch, one 512-frame block")]
    public int Patch200Block() => bench.RenderBlock(left, right, Block);
}
