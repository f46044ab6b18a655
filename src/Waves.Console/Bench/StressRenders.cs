using Waves.Engine.Patching;
using Waves.Engine.Rendering;

namespace Waves.Console.Bench;

/// <summary>
/// The sounds <c>waves bench render</c> times beside the demo and the generated patch: the peer kit's
/// patches A and B (bench/sounds) and stress sounds of the corpus. A sound that does not compile here
/// (a node type this build lacks) is skipped with its first error.
/// </summary>
static class StressRenders
{
    public sealed record Entry(string Folder, string Sound, double Seconds);

    /// <summary>Outcome of one sound: a timing, or why it was skipped.</summary>
    public sealed record Outcome(Entry Entry, RenderSpeed.Result? Result, string? Skipped);

    /// <summary>A and B for 60 s (long enough to hide the per-render set-up), the corpus sounds for
    /// their declared length capped at 30 s.</summary>
    public static IEnumerable<Entry> Entries(string root)
    {
        var bench = Path.Combine(root, "bench", "sounds");
        yield return new(bench, "bench_a", 60);
        yield return new(bench, "bench_b", 60);
        var corpus = Path.GetFullPath(Path.Combine(root, "..", "shared", "corpus", "sounds"));
        foreach (var sound in new[] { "kick_test", "test_autopan", "sequencer_reset_test", "modulation" })
            yield return new(corpus, sound, 30);
    }

    public static Outcome Run(Entry e)
    {
        if (!Directory.Exists(e.Folder)) return new(e, null, $"no folder {e.Folder}");
        var library = SoundLibrary.Load(e.Folder);
        if (!library.Sounds.ContainsKey(e.Sound)) return new(e, null, $"no sound '{e.Sound}' in {e.Folder}");
        var compiled = PatchCompiler.Compile(library, e.Sound, new RenderSettings());
        if (compiled.Patch is not { } patch)
            return new(e, null, compiled.Problems.FirstOrDefault(p => p.IsError)?.ToString() ?? "does not compile");
        var seconds = Math.Min(e.Seconds, patch.Spec.DeclaredDuration() ?? e.Seconds);
        return new(e, RenderSpeed.Run(library, e.Sound, e.Sound, seconds), null);
    }
}
