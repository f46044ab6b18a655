using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Waves.Properties;

/// <summary>Generated sounds with sample, buffer, shuffle, invert and pitch nodes: they compile, and they
/// give the same samples for any block size and, rendered twice, the same samples again.</summary>
public sealed class PlaybackProperties
{
    [Property(MaxTest = 100, Arbitrary = [typeof(PatchArbitraries), typeof(PlaybackArbitraries)])]
    public void GeneratedPlayedPatchesCompile(PlayedPatch patch)
    {
        var problems = PatchRender.Compile(patch.Patch, 64, 1).Problems.Where(p => p.IsError).ToList();
        Assert.True(problems.Count == 0, "problems:\n" + string.Join("\n", problems));
    }

    [Property(MaxTest = 150, Arbitrary = [typeof(PatchArbitraries), typeof(PlaybackArbitraries)])]
    public void Render_IsTheSameForAnyBlockSize(PlayedPatch patch, RenderChoice choice) =>
        PatchRender.AssertSameForAnyBlockSize(patch.Patch, choice);
}

/// <summary>A generated sound with nodes that play audio from memory (<see cref="PatchGen.Played"/>).</summary>
public sealed class PlayedPatch(GeneratedPatch patch)
{
    public GeneratedPatch Patch { get; } = patch;

    public override string ToString() => Patch.ToString();
}

public static class PlaybackArbitraries
{
    public static Arbitrary<PlayedPatch> PlayedPatches() =>
        Arb.From(PatchGen.Played.Select(p => new PlayedPatch(p)),
            p => PatchShrinker.Shrink(p.Patch, PatchRender.Compiles).Select(s => new PlayedPatch(s)));
}
