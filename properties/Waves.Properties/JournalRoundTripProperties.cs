using FsCheck.Xunit;
using Waves.Journal.Events;
using Waves.Journal.Storage;

namespace Waves.Properties;

/// <summary>
/// Whatever is appended to a journal is what it gives back: the same events (by value, doubles bit
/// for bit, wall clocks with their offsets), in order, numbered 0, 1, 2 … per session, at their
/// frames, with the sessions' summaries and the texts — in a LiteDB file (also after closing and
/// reopening it) and in memory alike.
/// </summary>
public sealed class JournalRoundTripProperties
{
    [Property(MaxTest = 200, Arbitrary = [typeof(JournalArbitraries)],
        DisplayName = "journal round trip: every entry read back equals the one appended (LiteDB and in-memory)")]
    public void JournalRoundTrip_EveryEntryReadBackEqualsTheOneAppended(JournalScript script)
    {
        var folder = Directory.CreateTempSubdirectory("waves-journal-prop-");
        try
        {
            var path = Path.Combine(folder.FullName, "journal.db");
            IReadOnlyList<string> ids;
            using (var lite = new LiteDbJournal(path))
            {
                ids = Write(lite, script);
                Check(lite, script, ids, "LiteDB");
            }
            using (var reopened = new LiteDbJournal(path))
                Check(reopened, script, ids, "LiteDB, reopened");

            using var memory = new InMemoryJournal();
            Check(memory, script, Write(memory, script), "in-memory");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    static IReadOnlyList<string> Write(IJournal journal, JournalScript script)
    {
        var ids = script.Starts.Select(s => journal.StartSession(s.Event, s.WallClock)).ToList();
        foreach (var step in script.Steps) journal.Append(ids[step.Session], step.Frame, step.Event, step.WallClock);
        foreach (var text in script.Texts) journal.PutText(text);
        journal.Flush();
        return ids;
    }

    static void Check(IJournal journal, JournalScript script, IReadOnlyList<string> ids, string store)
    {
        Assert.Equal(ids.Count, ids.Distinct().Count());
        for (var s = 0; s < ids.Count; s++)
        {
            var id = ids[s];
            var start = script.Starts[s];
            var expected = script.Steps.Where(x => x.Session == s)
                .Select((x, i) => new EventEnvelope(id, i + 1, x.Frame, EventTypes.NameOf(x.Event), x.Event, x.WallClock))
                .Prepend(new EventEnvelope(id, 0, 0, "session-started", start.Event, start.WallClock))
                .ToList();
            var read = journal.Read(id);

            Assert.True(expected.Count == read.Count, $"{store}: session #{s} has {read.Count} events, {expected.Count} were appended");
            for (var i = 0; i < read.Count; i++)
            {
                Assert.True(EventValueComparer.Instance.Equals(expected[i], read[i]) && expected[i].WallClock.EqualsExact(read[i].WallClock),
                    $"{store}: session #{s} entry {i} differs:\nappended {Show(expected[i])}\nread     {Show(read[i])}");
            }

            var info = journal.Sessions().Single(x => x.Id == id);
            Assert.Equal(new SessionInfo(id, start.WallClock, start.Event.Sound, expected[^1].Frame, expected.Count(e => e.Event is LibraryEdited),
                expected.Any(e => e.Event is SessionEnded)), info);
            Assert.True(info.Started.EqualsExact(start.WallClock), $"{store}: started {start.WallClock:O} listed as {info.Started:O}");
        }
        Assert.Equal(ids.Count, journal.Sessions().Count);
        foreach (var text in script.Texts) Assert.Equal(text, journal.GetText(TextHash.Of(text)));
    }

    static string Show(EventEnvelope e) =>
        $"{e.SessionId} #{e.Sequence} frame {e.Frame} at {e.WallClock:O}: {e.Type} {EventCodec.Encode(e.Event)}";
}
