using Waves.Engine.Patching;
using Waves.Engine.Rendering;
using Waves.Journal.Events;

namespace Waves.Journal.Sessions;

/// <summary>
/// Applies session events to a session: the one code path that a live session (events made from
/// what the user typed or saved) and a replay (events read from the journal, at their frames) go
/// through. Each request takes effect at the renderer's next block boundary.
/// </summary>
public sealed class SessionFold(LiveSession session)
{
    Transport requested = session.Renderer.Transport;

    public LiveSession Session => session;

    public ReloadReport Reload(SoundLibrary library) => session.Reload(library);

    public ReloadReport Reload(PreparedReload prepared) => session.Reload(prepared);

    /// <summary>Requests what <paramref name="e"/> says. Returns what to watch to learn the frame at
    /// which it was applied (a <see cref="StateWrite"/> or a <see cref="Transport"/>), or null
    /// when it has no such frame or could not be applied (an unknown node id).</summary>
    public object? Apply(SessionEvent e)
    {
        switch (e)
        {
            case StateReset r:
                return session.Reset(r.Id);
            case MasterGainChanged g:
                return Set(requested with { Gain = g.Gain });
            case TrackMuted m:
                return Set(requested.WithMute(m.Track, m.Muted));
            case TrackSoloed s:
                return Set(requested.WithSolo(s.Track, s.Soloed));
            case Paused:
                session.Paused = true;
                return null;
            case Resumed:
                session.Paused = false;
                return null;
            default:
                return null;
        }
    }

    Transport Set(Transport next)
    {
        requested = next;
        session.Renderer.SetTransport(next);
        return next;
    }
}
