using Waves.Engine.Patching;
using Waves.Engine.Rendering;

namespace Waves.Console;

/// <summary>The options that render, play and replay share, read one way.</summary>
static class CommandInputs
{
    /// <summary>--rate, --block and --seed.</summary>
    public static RenderSettings Settings(Options o, int minBlock) => new(
        SampleRate: o.Int("--rate", 8000, 384000) ?? 44100,
        BlockSize: o.Int("--block", minBlock, 65536) ?? RenderSettings.DefaultBlockSize,
        Seed: (ulong)(o.Int("--seed", 0, int.MaxValue) ?? (int)RenderSettings.DefaultSeed));

    /// <summary>The sound name and its overrides (name=value or node-string tokens); every token
    /// that is neither is reported, with why.</summary>
    public static NodeString.Parsed Sound(Options o)
    {
        var parsed = NodeString.Parse(o.Positional);
        if (parsed.Rejected.Count > 0)
            throw new UsageException(string.Join("\nwaves: ", parsed.Rejected.Select(t => $"cannot read override '{t}': {NodeString.Explain(t)}")));
        return parsed;
    }

    /// <summary>An existing file is an error unless --force.</summary>
    public static void CheckOverwrite(Options o, string path)
    {
        if (File.Exists(path) && !o.Has("--force"))
            throw new UsageException($"{path} exists; use --force to overwrite it");
    }

    /// <summary>The -o file, or output/&lt;name&gt;.wav under the current folder, numbered _2, _3 … rather than overwritten.</summary>
    public static string OutputPath(Options o, string name)
    {
        if (o.Get("-o", "--output") is { } explicitPath)
        {
            CheckOverwrite(o, explicitPath);
            return explicitPath;
        }
        var baseName = Path.Combine("output", name);
        var path = baseName + ".wav";
        for (var i = 2; File.Exists(path); i++) path = $"{baseName}_{i}.wav";
        return path;
    }
}
