namespace Waves.Journal.Live;

/// <summary>
/// One burst of edits in the sound folder, coalesced into a single reload request.
/// </summary>
/// <param name="Paths">The distinct full paths of the <c>*.yaml</c> files touched in the burst
/// (created, written, deleted, renamed to or from), in ordinal order (an immutable list). Empty only when
/// <paramref name="Resync"/> is set and no file was named.</param>
/// <param name="LastEventAt">The scheduler's time of the last relevant event of the burst; the
/// change itself is emitted one quiet window later.</param>
/// <param name="Resync">True when the watcher reported lost events (its buffer overflowed): the
/// paths may be incomplete, so the whole folder should be read again.</param>
/// <param name="Sequence">The number of the burst's last event, counted from 1 by the coalescer.</param>
/// <param name="Preview">True for a burst that has only settled (a short quiet, see
/// <see cref="LibraryWatcher.Coalesce"/>): more events may follow. The change that closes the burst
/// comes later and carries the same <paramref name="Sequence"/> when no event came in between, so
/// work done for the preview (loading, compiling) is still valid for it.</param>
public sealed record LibraryChange(IReadOnlyList<string> Paths, DateTimeOffset LastEventAt, bool Resync = false,
    long Sequence = 0, bool Preview = false);
