using System.Globalization;
using LiteDB;
using Waves.Journal.Events;

namespace Waves.Journal.Storage;

/// <summary>
/// The documents of a journal file and their fields.
/// <list type="bullet">
/// <item><c>sessions</c>: <c>_id</c> (session id), <c>n</c> (order of creation), <c>started</c>
/// (round-trip "O" text, exact to the tick with its offset), <c>startedUtcTicks</c>, <c>sound</c>,
/// <c>engineVersion</c>, <c>lastFrame</c>, <c>edits</c> (LibraryEdited count), <c>ended</c>
/// (a SessionEnded was appended), <c>nextSequence</c>.</item>
/// <item><c>events</c>: <c>_id</c> = "session/sequence" (sequence zero-padded to 12 digits), a
/// unique key on session id + sequence, so no two events of a session can share a sequence even
/// with two writers; <c>session</c> (indexed), <c>seq</c>, <c>frame</c>, <c>type</c> (stable type
/// name), <c>payload</c> (JSON text, <see cref="EventCodec"/>), <c>wall</c> ("O" text).</item>
/// <item><c>texts</c>: <c>_id</c> = SHA-256 hex of the UTF-8 text (<see cref="TextHash"/>), <c>text</c>.</item>
/// </list>
/// </summary>
internal static class LiteDbDocuments
{
    public const string Sessions = "sessions";
    public const string Events = "events";
    public const string Texts = "texts";

    public static readonly IReadOnlySet<string> Collections = new HashSet<string>([Sessions, Events, Texts, LiteDbFormat.Meta], StringComparer.OrdinalIgnoreCase);

    public static BsonDocument NewSession(string id, int order, SessionStarted started, DateTimeOffset wallClock) => new()
    {
        ["_id"] = id,
        ["n"] = order,
        ["started"] = Text(wallClock),
        ["startedUtcTicks"] = wallClock.UtcTicks,
        ["sound"] = started.Sound,
        ["engineVersion"] = started.EngineVersion,
        ["lastFrame"] = 0L,
        ["edits"] = 0,
        ["ended"] = false,
        ["nextSequence"] = 1L,
    };

    /// <summary>Notes in the session document an event appended at <paramref name="frame"/>; returns its sequence.</summary>
    public static long NoteAppend(BsonDocument session, long frame, SessionEvent e)
    {
        var sequence = session["nextSequence"].AsInt64;
        session["nextSequence"] = sequence + 1;
        session["lastFrame"] = frame;
        if (e is LibraryEdited) session["edits"] = session["edits"].AsInt32 + 1;
        if (e is SessionEnded) session["ended"] = true;
        return sequence;
    }

    public static SessionInfo ToInfo(BsonDocument d) => new(
        d["_id"].AsString, Clock(d["started"]), d["sound"].AsString, d["lastFrame"].AsInt64, d["edits"].AsInt32, d["ended"].AsBoolean);

    public static long StartOrder(BsonDocument d) => d["startedUtcTicks"].AsInt64;

    public static int CreationOrder(BsonDocument d) => d["n"].AsInt32;

    public static BsonDocument NewEvent(string sessionId, long sequence, long frame, string type, string payload, DateTimeOffset wallClock) => new()
    {
        ["_id"] = sessionId + "/" + sequence.ToString("D12", CultureInfo.InvariantCulture),
        ["session"] = sessionId,
        ["seq"] = sequence,
        ["frame"] = frame,
        ["type"] = type,
        ["payload"] = payload,
        ["wall"] = Text(wallClock),
    };

    public static long Sequence(BsonDocument d) => d["seq"].AsInt64;

    public static EventEnvelope ToEnvelope(BsonDocument d)
    {
        var sessionId = d["session"].AsString;
        var sequence = d["seq"].AsInt64;
        var type = d["type"].AsString;
        SessionEvent e;
        try
        {
            e = EventCodec.Decode(type, d["payload"].AsString);
        }
        catch (JournalFormatException ex)
        {
            throw new JournalFormatException($"session '{sessionId}', event {sequence}: {ex.Message}", ex);
        }
        return new EventEnvelope(sessionId, sequence, d["frame"].AsInt64, type, e, Clock(d["wall"]));
    }

    public static BsonDocument NewText(string hash, string text) => new() { ["_id"] = hash, ["text"] = text };

    static string Text(DateTimeOffset clock) => clock.ToString("O", CultureInfo.InvariantCulture);

    static DateTimeOffset Clock(BsonValue v) =>
        DateTimeOffset.ParseExact(v.AsString, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
