using System.Text.Json;

namespace Waves.Engine.Tests.Corpus;

/// <summary>
/// One sound of reference/fingerprints.json. <see cref="Fingerprint"/> is null when the original failed
/// (<see cref="Status"/> "error"); <see cref="Deterministic"/> is null in that case too.
/// </summary>
public sealed record ReferenceEntry(
    string Name,
    string File,
    IReadOnlyList<string> Class,
    double? DeclaredDuration,
    string Status,
    string? Error,
    bool? Deterministic,
    bool? Reproducible,
    bool? EndedNaturally,
    Fingerprint? Fingerprint)
{
    public bool IsOk => Status == "ok";
}

/// <summary>
/// The original engine's fingerprints, loaded once from the shared corpus. The corpus lives beside the repository
/// (../shared from the repo root, locally and in CI), so it is found by walking up from the test binaries.
/// </summary>
public static class ReferenceFingerprints
{
    public const string RelativePath = "shared/corpus/reference/fingerprints.json";

    private static readonly Lazy<(IReadOnlyList<string> Names, IReadOnlyDictionary<string, ReferenceEntry> Entries)> Data =
        new(() => Load(FindPath()));

    /// <summary>Sound names in file order (library-file order, as the README states).</summary>
    public static IReadOnlyList<string> Names => Data.Value.Names;

    public static IReadOnlyDictionary<string, ReferenceEntry> All => Data.Value.Entries;

    /// <summary>The full entry, or null when the corpus has no such sound.</summary>
    public static ReferenceEntry? Entry(string sound) => All.GetValueOrDefault(sound);

    /// <summary>The reference fingerprint, or null when the sound is unknown or failed in the original.</summary>
    public static Fingerprint? Get(string sound) => Entry(sound)?.Fingerprint;

    /// <summary>Absolute path of fingerprints.json; throws when no ancestor of the test binaries has shared/corpus.</summary>
    public static string FindPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, RelativePath);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException(
            $"No ancestor of {AppContext.BaseDirectory} contains {RelativePath}; the shared corpus must sit beside the repository.");
    }

    /// <summary>Parses a fingerprints.json file; public so tests can load a copy.</summary>
    public static (IReadOnlyList<string> Names, IReadOnlyDictionary<string, ReferenceEntry> Entries) Load(string path)
    {
        using var stream = File.OpenRead(path);
        using var doc = JsonDocument.Parse(stream);
        var names = new List<string>();
        var entries = new Dictionary<string, ReferenceEntry>(StringComparer.Ordinal);
        foreach (var property in doc.RootElement.EnumerateObject())
        {
            names.Add(property.Name);
            entries[property.Name] = ParseEntry(property.Name, property.Value);
        }
        return (names, entries);
    }

    private static ReferenceEntry ParseEntry(string name, JsonElement e)
    {
        string status = e.GetProperty("status").GetString() ?? throw new InvalidDataException($"{name}: status is null");
        return new ReferenceEntry(
            name,
            e.GetProperty("file").GetString() ?? "",
            e.GetProperty("class").EnumerateArray().Select(c => c.GetString() ?? "").ToArray(),
            NullableDouble(e, "declared_duration"),
            status,
            e.TryGetProperty("error", out var error) ? error.GetString() : null,
            NullableBool(e, "deterministic"),
            NullableBool(e, "reproducible"),
            NullableBool(e, "ended_naturally"),
            status == "ok" ? ParseFingerprint(e) : null);
    }

    private static Fingerprint ParseFingerprint(JsonElement e)
    {
        var windows = e.GetProperty("windows");
        return new Fingerprint(
            e.GetProperty("sample_rate").GetInt32(),
            e.GetProperty("channels").GetInt32(),
            e.GetProperty("frames").GetInt32(),
            e.GetProperty("silent").GetBoolean(),
            e.GetProperty("peak").GetDouble(),
            e.GetProperty("rms").GetDouble(),
            NullableDouble(e, "dominant_freq"),
            windows.GetProperty("size").GetInt32(),
            RequiredDoubles(windows, "rms"),
            RequiredDoubles(windows, "peak"),
            RequiredDoubles(windows, "zcr"),
            Doubles(windows, "rms_l"),
            Doubles(windows, "rms_r"));
    }

    private static double? NullableDouble(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v.GetDouble() : null;

    private static bool? NullableBool(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v.GetBoolean() : null;

    private static double[] RequiredDoubles(JsonElement e, string name) =>
        Doubles(e, name) ?? throw new InvalidDataException($"windows.{name} is missing");

    private static double[]? Doubles(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Select(x => x.GetDouble()).ToArray()
            : null;
}
