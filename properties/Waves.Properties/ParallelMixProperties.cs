using FsCheck.Xunit;
using Waves.Engine.Patching;
using Waves.Engine.Rendering;

namespace Waves.Properties;

/// <summary>Deterministic parallel rendering: the tracks of a mix rendered on several threads and summed
/// in their fixed order give the same bits as one thread. The mix's tracks are three generated sounds,
/// used as sub-patches; a mix whose tracks are not independent (feedback, a named buffer …) renders on
/// one thread and is skipped here.</summary>
public sealed class ParallelMixProperties
{
    const int Threads = 3;


    static SoundLibrary Library(GeneratedPatch a, GeneratedPatch b, GeneratedPatch c) => SoundLibrary.FromTexts(
    [
        new("sounds/a.yaml", PatchYaml.Write("pa", a.Root)),
        new("sounds/b.yaml", PatchYaml.Write("pb", b.Root)),
        new("sounds/c.yaml", PatchYaml.Write("pc", c.Root)),
        new("sounds/m.yaml", "m:\n  mix:\n    a: {pa: {}}\n    b: {pb: {}}\n    c: {pc: {}}\n"),
    ]);

    [Property(MaxTest = 60, Arbitrary = [typeof(PatchArbitraries)])]
    public void MixTracks_OnThreeThreads_GiveTheBitsOfOne(GeneratedPatch a, GeneratedPatch b, GeneratedPatch c, RenderChoice choice)
    {
        var library = Library(a, b, c);
        var settings = new RenderSettings(44100, choice.BlockA, choice.Seed);
        Patch Compile() => PatchCompiler.Compile(library, "m", settings).Patch
            ?? throw new InvalidOperationException("does not compile:\n" + string.Join("\n", PatchCompiler.Compile(library, "m", settings).Problems));
        var frames = PatchRender.MaxFrames;
        var one = OfflineRender.ToArrays(Compile(), frames);
        var patch = Compile();
        using var parallel = ParallelTracks.TryInstall(patch, Threads);
        if (parallel is null) return; // not independent (about half the cases): it renders on one thread
        var many = OfflineRender.ToArrays(patch, frames);
        if (PatchRender.FirstDifference(one, many) is { } diff)
            Assert.Fail($"{Threads} threads differ from one at block size {choice.BlockA}, seed {choice.Seed}: {diff}");
        // Every worker, the two extra threads included, rendered its track in every block.
        Assert.Equal(Threads, parallel.Threads);
        var counts = parallel.TracksRendered;
        Assert.True(counts[0] > 0 && counts.All(n => n == counts[0]), $"tracks rendered per worker: {string.Join(", ", counts)}");
    }
}
