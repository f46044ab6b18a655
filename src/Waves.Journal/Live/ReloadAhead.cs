using Waves.Engine.Patching;
using Waves.Engine.Rendering;

namespace Waves.Journal.Live;

/// <summary>
/// Loads and compiles a save while its coalescing window still runs, so that when the window
/// closes the new patch is published at once instead of after its load and compile. A preview
/// (<see cref="LibraryChange.Preview"/>) prepares the folder as it is; the closing change uses that
/// preparation only when it carries the same <see cref="LibraryChange.Sequence"/> (no event came
/// after the folder was read), and otherwise loads and compiles as without one. Either way the
/// reload publishes what the folder holds when the burst closes, so the journal is the same.
/// Call from one control thread.
/// </summary>
public sealed class ReloadAhead(LiveSession session, string folder)
{
    (long Sequence, PreparedReload Prepared)? ready;

    /// <summary>Closing changes that found their reload prepared.</summary>
    public int Hits { get; private set; }

    /// <summary>Closing changes that had to load and compile after the window.</summary>
    public int Misses { get; private set; }

    /// <summary>For a preview: reads the folder and compiles it ahead.</summary>
    public void Preview(LibraryChange change)
    {
        ready = null; // a preparation that failed leaves none behind
        ready = (change.Sequence, session.Prepare(SoundLibrary.Load(folder)));
    }

    /// <summary>For the change that closes a burst: the reload to publish.</summary>
    public PreparedReload Take(LibraryChange change)
    {
        var prepared = ready;
        ready = null;
        if (prepared is { } p && p.Sequence == change.Sequence && change.Sequence > 0)
        {
            Hits++;
            return p.Prepared;
        }
        Misses++;
        return session.Prepare(SoundLibrary.Load(folder));
    }
}
