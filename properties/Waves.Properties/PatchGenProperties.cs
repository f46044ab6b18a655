using FsCheck.Xunit;

namespace Waves.Properties;

/// <summary>The generator itself: every sound it makes is valid, so the render properties test the
/// engine rather than the generator.</summary>
public sealed class PatchGenProperties
{
    [Property(MaxTest = 200, Arbitrary = [typeof(PatchArbitraries)])]
    public void GeneratedPatchesCompile(GeneratedPatch patch, RenderChoice choice)
    {
        // Feedback loops are meant (their warning says where the delay is); nothing else may be reported.
        var problems = PatchRender.Compile(patch, choice.BlockA, choice.Seed).Problems.Where(p => !PatchRender.IsFeedbackWarning(p)).ToList();
        Assert.True(problems.Count == 0, "problems:\n" + string.Join("\n", problems));
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(PatchArbitraries)])]
    public void GeneratedNoisyPatchesCompile(NoisyPatch patch)
    {
        var problems = PatchRender.Compile(patch.Patch, 64, 1).Problems.Where(p => !PatchRender.IsFeedbackWarning(p)).ToList();
        Assert.True(problems.Count == 0, "problems:\n" + string.Join("\n", problems));
        Assert.True(PatchGen.HasAudibleNoise(patch.Patch.Root), "no audible noise track");
    }
}
