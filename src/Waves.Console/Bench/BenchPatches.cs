using System.Globalization;
using System.Text;
using Waves.Engine.Patching;

namespace Waves.Console.Bench;

/// <summary>
/// The patches the benchmarks measure: a generated 200-node sound, written as YAML text in memory,
/// and the default library's demo. Shared by <c>waves bench</c> and bench/Waves.Benchmarks (which links
/// this file), so both measure the same patch. Uses only Waves.Engine.
/// </summary>
static class BenchPatches
{
    /// <summary>Name of the generated sound.</summary>
    public const string Sound = "bench";

    /// <summary>Name of the file the generated sound is written to.</summary>
    public const string FileName = "bench.yaml";

    /// <summary>Tracks of the generated mix.</summary>
    public const int Voices = 40;

    /// <summary>Voices whose oscillator is phase-modulated by a fifth node (all but the last), so that
    /// the mix, 40 × (track, pan osc, envelope, osc) and 39 modulators make exactly 200 nodes.</summary>
    public const int Modulated = 39;

    /// <summary>Nodes of the generated sound (the root mix included); <see cref="CountNodes"/> checks it.</summary>
    public const int Nodes = 1 + 4 * Voices + Modulated;

    /// <summary>
    /// The 200-node sound as YAML: a mix of <see cref="Voices"/> tracks, each a track with an osc on
    /// its pan and an envelope (retriggered every 2 s, so the sound never ends) over an osc with an
    /// expression frequency and an interpolation-list amplitude. <paramref name="edit"/> changes
    /// exactly one number (the first track's pan rate), as a save during live coding would.
    /// </summary>
    public static string Yaml(int edit = 0)
    {
        var inv = CultureInfo.InvariantCulture;
        var y = new StringBuilder(16 * 1024);
        y.Append("""
            vars:
              root: 55

            """);
        y.Append(inv, $"{Sound}:\n  mix:\n");
        string[] shapes = ["sin", "tri", "saw", "sqr"];
        for (var v = 0; v < Voices; v++)
        {
            var panRate = v == 0 ? 0.1 + 0.001 * edit : 0.05 + 0.01 * v;
            y.Append(inv, $$"""
                    v{{v:00}}:
                      track:
                        volume: 0.02
                        pan:
                          osc: {freq: {{panRate:0.###}}, phase: {{v * 0.3:0.0}}, range: [-0.8, 0.8]}
                        signal:
                          envelope:
                            duration: 1.5
                            trigger: (t + {{v * 0.1:0.0}}) % 2 < 0.5
                            attack: 0.01
                            decay: 0.2
                            sustain: 0.6
                            release: 0.3
                            signal:
                              osc:
                                type: {{shapes[v % shapes.Length]}}
                                freq: root * {{1 + v % 7}} * (1 + 0.003 * sin(t * {{1 + v % 5}}))
                                amp: [0, [1, 0.05], [0.5, 0.6], 0.3]

                """);
            if (v < Modulated)
                y.Append(inv, $$"""
                                    phase:
                                      osc: {freq: root * {{2 + v % 3}}, amp: {{0.2 + 0.05 * (v % 4):0.00}}}

                    """);
        }
        return y.ToString();
    }

    /// <summary>The generated sound as an in-memory library.</summary>
    public static SoundLibrary Library(int edit = 0, string folder = "bench") =>
        SoundLibrary.FromTexts([new SoundLibrary.SourceFile(Path.Combine(folder, FileName), Yaml(edit))], folder);

    /// <summary>Nodes in the spec tree of <paramref name="sound"/> (its root included); 0 when it does not build.</summary>
    public static int CountNodes(SoundLibrary library, string sound) =>
        library.Build(sound).Spec is { } spec ? 1 + spec.Descendants().Count() : 0;

    /// <summary>
    /// The repository root: the nearest folder above <paramref name="start"/> (default: the working
    /// directory, then the program's folder) that holds Waves.sln; null when there is none.
    /// </summary>
    public static string? RepoRoot(string? start = null)
    {
        foreach (var from in start is null ? [Directory.GetCurrentDirectory(), AppContext.BaseDirectory] : new[] { start })
            for (var dir = new DirectoryInfo(from); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Waves.sln"))) return dir.FullName;
        return null;
    }
}
