namespace Waves.Journal.Storage;

/// <summary>A journal holds something this build cannot read faithfully: a database written by
/// another format version, an event type name it does not know, or a payload that does not decode.
/// Thrown instead of returning wrong data.</summary>
public sealed class JournalFormatException : Exception
{
    public JournalFormatException(string message) : base(message) { }

    public JournalFormatException(string message, Exception inner) : base(message, inner) { }
}
