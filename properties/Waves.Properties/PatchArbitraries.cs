using FsCheck;
using FsCheck.Fluent;

namespace Waves.Properties;

/// <summary>The arbitraries of this project, for <c>[Property(Arbitrary = [typeof(PatchArbitraries)])]</c>.
/// FsCheck prints the seed of a failing run ("Replay": paste it into <c>[Property(Replay = "…")]</c>)
/// and the shrunk counter-example, whose ToString is the sound's YAML.</summary>
public static class PatchArbitraries
{
    public static readonly int[] BlockSizes = [1, 7, 64, 333, 4096];

    public static Arbitrary<GeneratedPatch> Patches() =>
        Arb.From(PatchGen.Patch, p => PatchShrinker.Shrink(p, PatchRender.Compiles));

    public static Arbitrary<NoisyPatch> NoisyPatches() =>
        Arb.From(PatchGen.Noisy, n => PatchShrinker
            .Shrink(n.Patch, p => PatchGen.HasAudibleNoise(p.Root) && PatchRender.Compiles(p))
            .Select(p => new NoisyPatch(p)));

    /// <summary>Two different block sizes of <see cref="BlockSizes"/> and a session seed; shrinks
    /// towards the smaller sizes and seed 1.</summary>
    public static Arbitrary<RenderChoice> RenderChoices() =>
        Arb.From(
            from a in Gen.Choose(0, BlockSizes.Length - 1)
            from b in Gen.Choose(0, BlockSizes.Length - 2)
            from seed in Gen.Choose(1, 1000)
            select new RenderChoice(BlockSizes[a], BlockSizes[b >= a ? b + 1 : b], (ulong)seed),
            ShrinkChoice);

    static IEnumerable<RenderChoice> ShrinkChoice(RenderChoice c)
    {
        if (c.Seed != 1) yield return c with { Seed = 1 };
        var sum = Array.IndexOf(BlockSizes, c.BlockA) + Array.IndexOf(BlockSizes, c.BlockB);
        for (var i = 0; i < BlockSizes.Length; i++)
            for (var j = 0; j < BlockSizes.Length; j++)
                if (i != j && i + j < sum)
                    yield return c with { BlockA = BlockSizes[i], BlockB = BlockSizes[j] };
    }
}
