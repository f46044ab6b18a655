using Waves.Journal.Events;

namespace Waves.Journal.Storage;

/// <summary>One session of a journal, as listed.</summary>
public sealed record SessionInfo(string Id, DateTimeOffset Started, string Sound, long Frames, int Edits, bool Ended);

/// <summary>
/// Where sessions are kept: events in order, each with its frame, and library texts stored once
/// by content hash. <see cref="LiteDbJournal"/> keeps them in a file; <see cref="InMemoryJournal"/>
/// behind the same interface serves tests.
/// </summary>
public interface IJournal : IDisposable
{
    /// <summary>Starts a session (its first event is <paramref name="started"/>, at frame 0); returns its id.</summary>
    string StartSession(SessionStarted started, DateTimeOffset wallClock);

    /// <summary>Appends an event that took effect at <paramref name="frame"/>; sequence numbers follow on.</summary>
    EventEnvelope Append(string sessionId, long frame, SessionEvent e, DateTimeOffset wallClock);

    /// <summary>Stores a text once and returns its hash (SHA-256, lowercase hex).</summary>
    string PutText(string text);

    /// <summary>The text stored under <paramref name="hash"/>.</summary>
    string GetText(string hash);

    /// <summary>Every event of a session, in sequence order.</summary>
    IReadOnlyList<EventEnvelope> Read(string sessionId);

    /// <summary>Every session, oldest first.</summary>
    IReadOnlyList<SessionInfo> Sessions();

    /// <summary>Makes what was appended durable.</summary>
    void Flush();
}
