using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Waves.Properties;

/// <summary>Generated sounds through filters, delays and maps: still the same samples for any block size,
/// a delay shorter than the block included.</summary>
public sealed class EffectProperties
{
    [Property(MaxTest = 150, Arbitrary = [typeof(PatchArbitraries), typeof(EffectArbitraries)])]
    public void Render_IsTheSameForAnyBlockSize(ProcessedPatch patch, RenderChoice choice) =>
        PatchRender.AssertSameForAnyBlockSize(patch.Patch, choice);
}

/// <summary>A generated sound with filter, delay and map nodes (<see cref="PatchGen.Processed"/>).</summary>
public sealed class ProcessedPatch(GeneratedPatch patch)
{
    public GeneratedPatch Patch { get; } = patch;

    public override string ToString() => Patch.ToString();
}

public static class EffectArbitraries
{
    public static Arbitrary<ProcessedPatch> ProcessedPatches() =>
        Arb.From(PatchGen.Processed.Select(p => new ProcessedPatch(p)),
            p => PatchShrinker.Shrink(p.Patch, PatchRender.Compiles).Select(s => new ProcessedPatch(s)));
}
