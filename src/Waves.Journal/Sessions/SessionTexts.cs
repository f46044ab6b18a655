using Waves.Engine.Patching;
using Waves.Journal.Events;
using Waves.Journal.Storage;

namespace Waves.Journal.Sessions;

/// <summary>Library texts in and out of a journal: stored once by hash, read back as a library.</summary>
public static class SessionTexts
{
    public static IReadOnlyList<FileRef> Store(IJournal journal, SoundLibrary library) =>
        [.. library.Files.Select(f => new FileRef(f.Path, journal.PutText(f.Text)))];

    public static SoundLibrary Library(IJournal journal, IReadOnlyList<FileRef> files, string folder) =>
        SoundLibrary.FromTexts([.. files.Select(f => new SoundLibrary.SourceFile(f.Path, journal.GetText(f.Hash)))], folder);
}
