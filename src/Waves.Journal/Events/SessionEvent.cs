namespace Waves.Journal.Events;

/// <summary>
/// Something that happened in a session and can change what is heard. Events are facts, named
/// in the past tense; each is stored with the frame at which it took effect. Their stable type
/// names (<see cref="EventTypes"/>) are what the journal stores, never CLR names.
/// </summary>
public abstract record SessionEvent;

/// <summary>A library file's path and the content hash of its text (texts are stored once, by hash).</summary>
public sealed record FileRef(string Path, string Hash);

/// <summary>The session began: everything needed to render it again.</summary>
public sealed record SessionStarted(
    string Sound,
    IReadOnlyList<string> Overrides,
    int SampleRate,
    int BlockSize,
    ulong Seed,
    int FadeFrames,
    bool Loop,
    string EngineVersion,
    string SoundFolder,
    IReadOnlyList<FileRef> Files) : SessionEvent;

/// <summary>The library changed on disk (every file's text at that moment) and was compiled: into
/// <paramref name="Revision"/>, or rejected (revision 0). The frame is when the change was seen;
/// when it was heard is <see cref="ReloadApplied"/>'s frame.</summary>
public sealed record LibraryEdited(IReadOnlyList<FileRef> Files, int Revision) : SessionEvent;

/// <summary>A reload was swapped in at its frame.</summary>
public sealed record ReloadApplied(int Revision, IReadOnlyList<string> Added, IReadOnlyList<string> Removed, IReadOnlyList<string> Retuned) : SessionEvent;

/// <summary>A reload was refused; the last good patch played on.</summary>
public sealed record ReloadRejected(IReadOnlyList<string> Problems) : SessionEvent;

public sealed record Paused : SessionEvent;

public sealed record Resumed : SessionEvent;

public sealed record MasterGainChanged(double Gain) : SessionEvent;

public sealed record TrackMuted(string Track, bool Muted) : SessionEvent;

public sealed record TrackSoloed(string Track, bool Soloed) : SessionEvent;

/// <summary>The state of one node id (or of every node, when null) started afresh.</summary>
public sealed record StateReset(string? Id) : SessionEvent;

/// <summary>A clock tick: how the session was running (for information; replay ignores it).</summary>
public sealed record Ticked(DateTimeOffset WallClock, double Load, long Underruns) : SessionEvent;

public sealed record SessionEnded(string Reason) : SessionEvent;

/// <summary>The audio device found the output buffer short: <paramref name="Count"/> underruns and
/// <paramref name="MissingFrames"/> device frames of silence so far. The engine's frames stay
/// contiguous (a recording and a replay do not have the gap); replay ignores it.</summary>
public sealed record OutputUnderran(long Count, long MissingFrames) : SessionEvent;

/// <summary>Recording to <paramref name="Path"/> began at the frame (replay ignores it).</summary>
public sealed record RecordingStarted(string Path) : SessionEvent;

/// <summary>Recording to <paramref name="Path"/> ended at the frame after <paramref name="Frames"/> frames.</summary>
public sealed record RecordingStopped(string Path, long Frames) : SessionEvent;

/// <summary>Live audio input began at the frame: the frames the render thread used from then on are kept,
/// one per session frame, in <paramref name="Path"/> (float WAV; relative paths are to the journal's
/// folder), which replay reads in their place. <paramref name="Device"/> says what was captured.</summary>
public sealed record InputOpened(string Path, int Channels, int SampleRate, string Device) : SessionEvent;

/// <summary>Live audio input ended at the frame: <paramref name="Frames"/> kept, of which <paramref name="MissingFrames"/>
/// were silence because the device was late; <paramref name="DroppedFrames"/> captured but never used (for information).</summary>
public sealed record InputClosed(long Frames, long MissingFrames, long DroppedFrames) : SessionEvent;

/// <summary>Every node's state at the frame (taken at a block boundary with no declick under way),
/// so that a replay can start there: node id → state type and field values (JSON).</summary>
public sealed record StateSnapshotted(IReadOnlyList<NodeStateRecord> States) : SessionEvent;

public sealed record NodeStateRecord(string Id, string Type, string Fields);

/// <summary>A MIDI message from input <paramref name="Device"/> ("" for the default input) took effect at
/// the frame: its status byte and data bytes.</summary>
public sealed record MidiReceived(string Device, int Status, int Data1, int Data2) : SessionEvent;

/// <summary>The stable names events are stored under.</summary>
public static class EventTypes
{
    public static readonly IReadOnlyDictionary<Type, string> Names = new Dictionary<Type, string>
    {
        [typeof(SessionStarted)] = "session-started",
        [typeof(LibraryEdited)] = "library-edited",
        [typeof(ReloadApplied)] = "reload-applied",
        [typeof(ReloadRejected)] = "reload-rejected",
        [typeof(Paused)] = "paused",
        [typeof(Resumed)] = "resumed",
        [typeof(MasterGainChanged)] = "master-gain-changed",
        [typeof(TrackMuted)] = "track-muted",
        [typeof(TrackSoloed)] = "track-soloed",
        [typeof(StateReset)] = "state-reset",
        [typeof(Ticked)] = "ticked",
        [typeof(SessionEnded)] = "session-ended",
        [typeof(StateSnapshotted)] = "state-snapshotted",
        [typeof(OutputUnderran)] = "output-underran",
        [typeof(RecordingStarted)] = "recording-started",
        [typeof(RecordingStopped)] = "recording-stopped",
        [typeof(MidiReceived)] = "midi-received",
        [typeof(InputOpened)] = "input-opened",
        [typeof(InputClosed)] = "input-closed",
    };

    public static readonly IReadOnlyDictionary<string, Type> Types = Names.ToDictionary(kv => kv.Value, kv => kv.Key);

    public static string NameOf(SessionEvent e) => Names[e.GetType()];
}

/// <summary>An event as stored: its place in the session, the frame it took effect at, its type
/// name and the event itself; the wall-clock time is for information only.</summary>
public sealed record EventEnvelope(string SessionId, long Sequence, long Frame, string Type, SessionEvent Event, DateTimeOffset WallClock);
