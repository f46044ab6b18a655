using Waves.Journal.Events;

namespace Waves.Journal.Storage;

/// <summary>The checks every journal makes before it stores anything, so both implementations
/// refuse the same things with the same messages.</summary>
internal static class JournalGuards
{
    public static void CheckStart(SessionStarted started)
    {
        ArgumentNullException.ThrowIfNull(started);
    }

    public static void CheckAppend(string sessionId, long frame, SessionEvent e)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        ArgumentNullException.ThrowIfNull(e);
        ArgumentOutOfRangeException.ThrowIfNegative(frame);
        if (e is SessionStarted)
            throw new ArgumentException("a session starts once, with StartSession; SessionStarted cannot be appended", nameof(e));
    }

    public static KeyNotFoundException NoSession(string sessionId) =>
        new($"no session '{sessionId}' in this journal");

    public static KeyNotFoundException NoText(string hash) =>
        new($"no text with hash '{hash}' in this journal");
}
