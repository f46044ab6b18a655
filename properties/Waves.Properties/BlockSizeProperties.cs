using FsCheck.Xunit;

namespace Waves.Properties;

/// <summary>Promise 2 of the architecture: a render is a pure function of the sound, the seed and the
/// settings; and sounds without feedback sound the same for any block size (a feedback loop is
/// delayed by a block, so there only the first holds). Each case renders at most 0.3 s
/// (<see cref="PatchRender.MaxFrames"/>).</summary>
public sealed class BlockSizeProperties
{
    [Property(MaxTest = 300, Arbitrary = [typeof(PatchArbitraries)])]
    public void Render_IsTheSameForAnyBlockSize(GeneratedPatch patch, RenderChoice choice) =>
        PatchRender.AssertSameForAnyBlockSize(patch, choice);

    [Property(MaxTest = 60, Arbitrary = [typeof(PatchArbitraries)])]
    public void Render_WithSameSeed_IsIdentical(GeneratedPatch patch, RenderChoice choice)
    {
        var a = PatchRender.Render(patch, choice.BlockA, choice.Seed);
        var b = PatchRender.Render(patch, choice.BlockA, choice.Seed);
        if (PatchRender.FirstDifference(a, b) is { } diff)
            Assert.Fail($"two renders at block size {choice.BlockA}, seed {choice.Seed} differ: {diff}");
    }

    [Property(MaxTest = 60, Arbitrary = [typeof(PatchArbitraries)])]
    public void Render_NoiseDependsOnSeed(NoisyPatch patch, RenderChoice choice)
    {
        var one = PatchRender.Render(patch.Patch, choice.BlockA, 1);
        var two = PatchRender.Render(patch.Patch, choice.BlockA, 2);
        Assert.True(PatchRender.FirstDifference(one, two) is not null,
            $"seeds 1 and 2 render the same {one.Frames} frames at block size {choice.BlockA}");
    }
}
