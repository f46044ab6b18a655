namespace Waves.Engine.Tests.Fuzz;

/// <summary>
/// One fuzz case: a seed file (whole, or a window of a few of its sounds) with several mutations.
/// Everything follows from <see cref="Index"/>: <see cref="Build"/> gives the same text every time.
/// </summary>
public sealed record FuzzCase(int Index, int Seed, string SeedName, string Text, IReadOnlyList<string> Mutations)
{
    /// <summary>The path the fuzzed file is loaded as; every problem must point into it.</summary>
    public const string FilePath = "sounds/fuzz.yaml";

    /// <summary>The <see cref="Random"/> seed of a case (a multiplicative hash of its index).</summary>
    public static int SeedFor(int index) => (int)(unchecked((uint)(index + 1) * 2654435761u) >> 1);

    public static FuzzCase Build(int index)
    {
        var seed = SeedFor(index);
        var rng = new Random(seed);
        var seeds = FuzzSeeds.All;
        var source = PickSeed(seeds, rng);
        var text = source.Text;
        var name = source.Name;
        if (rng.NextDouble() < 0.4)
        {
            (text, var window) = Window(text, rng);
            name += $" ({window})";
        }
        var mutator = new YamlMutator(rng, [.. seeds.Select(s => s.Text)]);
        // 1 to 8 mutations, fewer more often.
        var count = 1;
        while (count < 8 && rng.NextDouble() < 0.55) count++;
        text = mutator.Mutate(text, count);
        return new FuzzCase(index, seed, name, text, [.. mutator.Applied]);
    }

    /// <summary>Most corpus sounds use node types this version does not render, so the demo and the
    /// extra seed, whose sounds all compile, are picked three times as often as a corpus file.</summary>
    static FuzzSeeds.Seed PickSeed(IReadOnlyList<FuzzSeeds.Seed> seeds, Random rng)
    {
        static int Weight(FuzzSeeds.Seed s) => s.Name.StartsWith("corpus/", StringComparison.Ordinal) ? 1 : 3;
        var roll = rng.Next(seeds.Sum(Weight));
        foreach (var s in seeds)
        {
            if (roll < Weight(s)) return s;
            roll -= Weight(s);
        }
        return seeds[^1];
    }

    /// <summary>A few consecutive top-level entries of a file (and sometimes its <c>vars</c>), so
    /// that mutations of a large file land in the sounds that are compiled.</summary>
    static (string Text, string Description) Window(string text, Random rng)
    {
        var lines = text.Split('\n');
        var starts = new List<int>();
        for (var i = 0; i < lines.Length; i++)
            if (lines[i].Length > 0 && !char.IsWhiteSpace(lines[i][0]) && lines[i][0] is not '#' and not '-') starts.Add(i);
        if (starts.Count < 2) return (text, "whole file");
        var first = rng.Next(starts.Count);
        var count = 1 + rng.Next(6);
        var from = starts[first];
        var to = first + count < starts.Count ? starts[first + count] : lines.Length;
        var picked = lines[from..to].ToList();
        var vars = Array.FindIndex(lines, l => l.StartsWith("vars:", StringComparison.Ordinal));
        if (vars >= 0 && (vars < from || vars >= to) && rng.NextDouble() < 0.6)
        {
            var end = starts.FirstOrDefault(s => s > vars, lines.Length);
            picked.InsertRange(0, lines[vars..end]);
        }
        return (string.Join('\n', picked), $"lines {from + 1}-{to}");
    }

    public override string ToString() =>
        $"case #{Index} (Random seed {Seed}, from {SeedName}; mutations: {string.Join("; ", Mutations)})";
}
