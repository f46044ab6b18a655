namespace Waves.Journal.Live;

/// <summary>
/// Decides which file system events concern the sound library: <c>*.yaml</c> files directly in
/// the watched folder, the same files <c>SoundLibrary.Load</c> reads.
/// </summary>
internal static class YamlEventFilter
{
    // Directory.GetFiles(folder, "*.yaml") matches case-insensitively on Windows only.
    private static readonly StringComparison ExtensionComparison =
        OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>
    /// The yaml paths an event touches: the file's own path for Created/Changed/Deleted; for a
    /// rename, the new path when it is a yaml (a temp file saved onto the target) and the old
    /// path when it was one (the file disappeared under that name). Temp names (<c>.x.yaml.swp</c>,
    /// <c>x.yaml~</c>, <c>4913</c>), other extensions and paths in subfolders give nothing.
    /// </summary>
    public static IEnumerable<string> YamlPathsOf(FileSystemEventArgs e)
    {
        if (e is LibraryResyncEventArgs) yield break;
        if (e is RenamedEventArgs renamed && IsYamlInFolder(renamed.OldName))
            yield return renamed.OldFullPath;
        if (IsYamlInFolder(e.Name))
            yield return e.FullPath;
    }

    /// <summary>True for a name relative to the watched folder that has no folder part and ends in <c>.yaml</c>.</summary>
    public static bool IsYamlInFolder(string? name) =>
        !string.IsNullOrEmpty(name)
        && name.IndexOfAny([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar]) < 0
        && name.EndsWith(".yaml", ExtensionComparison);
}
