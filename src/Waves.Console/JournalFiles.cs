using Waves.Journal.Storage;

namespace Waves.Console;

/// <summary>Where sessions are journaled and how the journal is opened.</summary>
static class JournalFiles
{
    /// <summary>Default journal: under the current folder, beside the sounds being played.</summary>
    public static readonly string DefaultPath = Path.Combine(".waves", "journal.db");

    public static string EngineVersion => Waves.Engine.EngineInfo.Version;

    public static IJournal Open(string path) => new LiteDbJournal(path);
}
