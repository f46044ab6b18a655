using Waves.Journal.Events;

namespace Waves.Journal.Storage;

/// <summary>
/// A journal in memory, for tests. It stores what <see cref="LiteDbJournal"/> stores (type name and
/// JSON payload, through <see cref="EventCodec"/>) and decodes on read, so it behaves like the file:
/// an event read back is a copy, unaffected by later changes to the lists it was built from, and an
/// event that cannot be journaled fails here too. Thread-safe (one lock); disposing it releases
/// nothing and it stays readable.
/// </summary>
public sealed class InMemoryJournal : IJournal
{
    readonly Lock _lock = new();
    readonly Dictionary<string, Session> _sessions = new(StringComparer.Ordinal);
    readonly List<Session> _order = [];
    readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);

    /// <summary>How many distinct texts are stored (each once).</summary>
    public int TextCount
    {
        get { lock (_lock) return _texts.Count; }
    }

    public string StartSession(SessionStarted started, DateTimeOffset wallClock)
    {
        JournalGuards.CheckStart(started);
        var payload = EventCodec.Encode(started);
        lock (_lock)
        {
            string id;
            do id = SessionIds.New(wallClock);
            while (_sessions.ContainsKey(id));
            var session = new Session(id, wallClock, started.Sound);
            session.Add(0, EventTypes.NameOf(started), payload, wallClock, started);
            _sessions.Add(id, session);
            _order.Add(session);
            return id;
        }
    }

    public EventEnvelope Append(string sessionId, long frame, SessionEvent e, DateTimeOffset wallClock)
    {
        JournalGuards.CheckAppend(sessionId, frame, e);
        var type = EventTypes.NameOf(e);
        var payload = EventCodec.Encode(e);
        lock (_lock)
        {
            if (!_sessions.TryGetValue(sessionId, out var session)) throw JournalGuards.NoSession(sessionId);
            return session.Add(frame, type, payload, wallClock, e).ToEnvelope(sessionId);
        }
    }

    public string PutText(string text)
    {
        var hash = TextHash.Of(text);
        lock (_lock) _texts.TryAdd(hash, text);
        return hash;
    }

    public string GetText(string hash)
    {
        ArgumentNullException.ThrowIfNull(hash);
        lock (_lock)
            return _texts.TryGetValue(hash, out var text) ? text : throw JournalGuards.NoText(hash);
    }

    public IReadOnlyList<EventEnvelope> Read(string sessionId)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        Stored[] stored;
        lock (_lock)
        {
            if (!_sessions.TryGetValue(sessionId, out var session)) throw JournalGuards.NoSession(sessionId);
            stored = [.. session.Events];
        }
        return Array.ConvertAll(stored, s => s.ToEnvelope(sessionId));
    }

    public IReadOnlyList<SessionInfo> Sessions()
    {
        lock (_lock)
            return _order
                .Select((s, i) => (Info: s.Info(), Order: i))
                .OrderBy(x => x.Info.Started.UtcTicks).ThenBy(x => x.Order)
                .Select(x => x.Info)
                .ToArray();
    }

    public void Flush() { }

    public void Dispose() { }

    sealed record Stored(long Sequence, long Frame, string Type, string Payload, DateTimeOffset WallClock)
    {
        public EventEnvelope ToEnvelope(string sessionId) =>
            new(sessionId, Sequence, Frame, Type, EventCodec.Decode(Type, Payload), WallClock);
    }

    sealed class Session(string id, DateTimeOffset started, string sound)
    {
        long _lastFrame;
        int _edits;
        bool _ended;

        public List<Stored> Events { get; } = [];

        public Stored Add(long frame, string type, string payload, DateTimeOffset wallClock, SessionEvent e)
        {
            var stored = new Stored(Events.Count, frame, type, payload, wallClock);
            Events.Add(stored);
            _lastFrame = frame;
            if (e is LibraryEdited) _edits++;
            if (e is SessionEnded) _ended = true;
            return stored;
        }

        public SessionInfo Info() => new(id, started, sound, _lastFrame, _edits, _ended);
    }
}
