using System.Globalization;
using LiteDB;
using Waves.Journal.Events;

namespace Waves.Journal.Storage;

/// <summary>
/// A journal in a LiteDB file (collections <c>sessions</c>, <c>events</c>, <c>texts</c>, <c>meta</c>:
/// see <see cref="LiteDbDocuments"/> and <see cref="LiteDbFormat"/>).
/// <para>
/// The file is opened in LiteDB's shared mode (<c>Connection=shared</c>), which works on Linux as
/// on Windows: LiteDB guards the file with a named mutex (.NET implements named mutexes across
/// processes on Unix), opens the file for each operation or transaction and closes it after,
/// checkpointing its write-ahead log into the data file as it closes. So `waves sessions` or
/// `waves log` in another process can read a journal while a session writes it, and every append
/// is in the data file once <see cref="Append"/> returns: a <c>kill -9</c> loses nothing that was
/// appended (the data file is complete; there is no -log file to lose). Direct mode was not
/// chosen: on Linux it takes no lock, so a second process that opens the same file caches pages
/// of its own and can corrupt it. Shared mode costs an open per operation, well under a
/// millisecond here, which suits a journal written by a control thread.
/// </para>
/// <para>
/// Each append is one transaction (the event and its session's summary together), so a reader
/// never sees one without the other. Thread-safe: one lock around the database.
/// </para>
/// </summary>
public sealed class LiteDbJournal : IJournal
{
    /// <summary>The journal format this build reads and writes. Bump it when the documents or a
    /// payload change in a way an older build would misread.</summary>
    public const int FormatVersion = 1;

    readonly Lock _lock = new();
    readonly LiteDatabase _db;
    bool _disposed;

    /// <summary>Opens (or creates, with its folder) the journal at <paramref name="path"/>.</summary>
    /// <exception cref="JournalFormatException">The file was written by another format version.</exception>
    public LiteDbJournal(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        _db = new LiteDatabase(new ConnectionString
        {
            Filename = Path,
            Connection = ConnectionType.Shared,
            // A new file compares ids ordinally, as the in-memory journal does (LiteDB's default is
            // the current culture, ignoring case). An existing file keeps the collation it has.
            Collation = File.Exists(Path) ? null : new Collation(CultureInfo.InvariantCulture.LCID, CompareOptions.Ordinal),
        });
        try
        {
            InTransaction(() =>
            {
                LiteDbFormat.MarkOrCheck(_db, Path);
                return 0;
            });
            _db.GetCollection(LiteDbDocuments.Events).EnsureIndex("session");
        }
        catch
        {
            _db.Dispose();
            throw;
        }
    }

    /// <summary>The full path of the journal file.</summary>
    public string Path { get; }

    public string StartSession(SessionStarted started, DateTimeOffset wallClock)
    {
        JournalGuards.CheckStart(started);
        var type = EventTypes.NameOf(started);
        var payload = EventCodec.Encode(started);
        return InTransaction(() =>
        {
            var sessions = _db.GetCollection(LiteDbDocuments.Sessions);
            string id;
            do id = SessionIds.New(wallClock);
            while (sessions.FindById(id) is not null);
            sessions.Insert(LiteDbDocuments.NewSession(id, sessions.Count(), started, wallClock));
            _db.GetCollection(LiteDbDocuments.Events).Insert(LiteDbDocuments.NewEvent(id, 0, 0, type, payload, wallClock));
            return id;
        });
    }

    public EventEnvelope Append(string sessionId, long frame, SessionEvent e, DateTimeOffset wallClock)
    {
        JournalGuards.CheckAppend(sessionId, frame, e);
        var type = EventTypes.NameOf(e);
        var payload = EventCodec.Encode(e);
        var stored = InTransaction(() =>
        {
            var sessions = _db.GetCollection(LiteDbDocuments.Sessions);
            var session = sessions.FindById(sessionId) ?? throw JournalGuards.NoSession(sessionId);
            var sequence = LiteDbDocuments.NoteAppend(session, frame, e);
            var doc = LiteDbDocuments.NewEvent(session["_id"].AsString, sequence, frame, type, payload, wallClock);
            _db.GetCollection(LiteDbDocuments.Events).Insert(doc);
            sessions.Update(session);
            return doc;
        });
        return LiteDbDocuments.ToEnvelope(stored);
    }

    public string PutText(string text)
    {
        var hash = TextHash.Of(text);
        InTransaction(() =>
        {
            var texts = _db.GetCollection(LiteDbDocuments.Texts);
            if (texts.FindById(hash) is null) texts.Insert(LiteDbDocuments.NewText(hash, text));
            return 0;
        });
        return hash;
    }

    public string GetText(string hash)
    {
        ArgumentNullException.ThrowIfNull(hash);
        BsonDocument? doc;
        lock (_lock)
        {
            ThrowIfDisposed();
            doc = _db.GetCollection(LiteDbDocuments.Texts).FindById(hash);
        }
        return doc?["text"].AsString ?? throw JournalGuards.NoText(hash);
    }

    public IReadOnlyList<EventEnvelope> Read(string sessionId)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        // One transaction: the events and the check that the session exists see the same moment.
        var docs = InTransaction(() =>
        {
            if (_db.GetCollection(LiteDbDocuments.Sessions).FindById(sessionId) is null) throw JournalGuards.NoSession(sessionId);
            return _db.GetCollection(LiteDbDocuments.Events).Find(Query.EQ("session", sessionId)).ToList();
        });
        return docs.OrderBy(LiteDbDocuments.Sequence).Select(LiteDbDocuments.ToEnvelope).ToArray();
    }

    public IReadOnlyList<SessionInfo> Sessions()
    {
        List<BsonDocument> docs;
        lock (_lock)
        {
            ThrowIfDisposed();
            docs = _db.GetCollection(LiteDbDocuments.Sessions).FindAll().ToList();
        }
        return docs.OrderBy(LiteDbDocuments.StartOrder).ThenBy(LiteDbDocuments.CreationOrder).Select(LiteDbDocuments.ToInfo).ToArray();
    }

    /// <summary>Checkpoints the write-ahead log into the data file. In shared mode every operation
    /// already ends with one, so this is cheap; it is the promise that what was appended is in the
    /// data file, whatever the connection mode.</summary>
    public void Flush()
    {
        lock (_lock)
        {
            ThrowIfDisposed();
            _db.Checkpoint();
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed) return;
            _disposed = true;
            _db.Dispose();
        }
    }

    /// <summary>Runs <paramref name="work"/> in one LiteDB transaction (in shared mode: with the
    /// file open and its mutex held throughout), under the journal's lock.</summary>
    T InTransaction<T>(Func<T> work)
    {
        lock (_lock)
        {
            ThrowIfDisposed();
            _db.BeginTrans();
            T result;
            try
            {
                result = work();
            }
            catch
            {
                _db.Rollback();
                throw;
            }
            _db.Commit();
            return result;
        }
    }

    void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);
}
