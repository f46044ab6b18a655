using System.Collections.Concurrent;

namespace Waves.Engine.Audio;

/// <summary>
/// Audio files read while sounds are compiled (never on the render thread), kept by full path and
/// re-read when the file's last-write time or size changed: a sample edited on disk is heard at
/// the next reload of the library, an unchanged one is not read again.
/// </summary>
public static class SampleCache
{
    sealed record Entry(DateTime Written, long Size, WavData Data);

    static readonly ConcurrentDictionary<string, Entry> Files = new(StringComparer.Ordinal);

    /// <summary>The decoded file at <paramref name="path"/>.</summary>
    /// <exception cref="IOException">Missing or unreadable.</exception>
    /// <exception cref="InvalidDataException">Not a WAV file this engine decodes.</exception>
    /// <exception cref="UnauthorizedAccessException">Not allowed to read it.</exception>
    public static WavData Load(string path)
    {
        var full = Path.GetFullPath(path);
        var info = new FileInfo(full);
        if (!info.Exists) throw new FileNotFoundException("no such file", full);
        if (Files.TryGetValue(full, out var e) && e.Written == info.LastWriteTimeUtc && e.Size == info.Length)
            return e.Data;
        if (!full.EndsWith(".wav", StringComparison.OrdinalIgnoreCase) && !full.EndsWith(".wave", StringComparison.OrdinalIgnoreCase))
            throw new InvalidDataException("only WAV files are read");
        var data = WavReader.Read(full);
        Files[full] = new Entry(info.LastWriteTimeUtc, info.Length, data);
        return data;
    }

    /// <summary>The <c>.wav</c> files of a folder (extension in any case), sorted by name ignoring case:
    /// the chop order of the original.</summary>
    public static IReadOnlyList<string> WavFilesIn(string folder) =>
        [.. Directory.EnumerateFiles(folder)
            .Where(f => Path.GetExtension(f).Equals(".wav", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.OrdinalIgnoreCase)];
}
