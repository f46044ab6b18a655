using Waves.Journal.Events;
using Waves.Journal.Storage;

namespace Waves.Console;

/// <summary>A session read from a journal file, for the commands that render one again
/// (<c>replay</c>, <c>log --plot</c>): the journal (open until disposed), its events and its start.</summary>
sealed record JournaledSession(IJournal Journal, string Id, IReadOnlyList<EventEnvelope> Events, SessionStarted Started) : IDisposable
{
    /// <summary>The session the first positional argument names (or the last one) in the journal of
    /// <c>--journal</c> (or the default); null after saying on stderr why there is none.</summary>
    public static JournaledSession? Open(Options o)
    {
        var path = o.Get("--journal") ?? JournalFiles.DefaultPath;
        if (!File.Exists(path))
        {
            System.Console.Error.WriteLine($"waves: no journal at {path}");
            return null;
        }
        var journal = JournalFiles.Open(path);
        if (Commands.SessionsCommand.Find(journal, o.Positional.FirstOrDefault()) is { } id)
        {
            var events = journal.Read(id);
            if (events.FirstOrDefault()?.Event is SessionStarted started) return new(journal, id, events, started);
            System.Console.Error.WriteLine($"waves: session {id} has no start");
        }
        journal.Dispose();
        return null;
    }

    public void Dispose() => Journal.Dispose();
}
