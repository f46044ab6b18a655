namespace Waves.Journal.Live;

/// <summary>
/// Raised by <see cref="LibraryWatcher.Events"/> in place of an error when the file system watcher
/// lost events (its buffer overflowed). The watcher keeps running; <see cref="LibraryWatcher.Coalesce"/>
/// turns this into a <see cref="LibraryChange"/> with <see cref="LibraryChange.Resync"/> set.
/// </summary>
public sealed class LibraryResyncEventArgs(string folder, Exception cause)
    : FileSystemEventArgs(WatcherChangeTypes.All, folder, null)
{
    /// <summary>What the watcher reported (usually an <see cref="InternalBufferOverflowException"/>).</summary>
    public Exception Cause { get; } = cause;
}
