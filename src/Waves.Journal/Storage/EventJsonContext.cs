using System.Text.Json.Serialization;
using Waves.Journal.Events;

namespace Waves.Journal.Storage;

/// <summary>Serialization code for every journaled event, generated at build time: no reflection
/// at run time, so the journal works in the natively compiled program too. The payload rules are
/// <see cref="EventCodec.Options"/>'s; a new event type must be listed here and in <see cref="EventTypes"/>.</summary>
[JsonSerializable(typeof(SessionStarted))]
[JsonSerializable(typeof(LibraryEdited))]
[JsonSerializable(typeof(ReloadApplied))]
[JsonSerializable(typeof(ReloadRejected))]
[JsonSerializable(typeof(Paused))]
[JsonSerializable(typeof(Resumed))]
[JsonSerializable(typeof(MasterGainChanged))]
[JsonSerializable(typeof(TrackMuted))]
[JsonSerializable(typeof(TrackSoloed))]
[JsonSerializable(typeof(StateReset))]
[JsonSerializable(typeof(Ticked))]
[JsonSerializable(typeof(SessionEnded))]
[JsonSerializable(typeof(StateSnapshotted))]
[JsonSerializable(typeof(OutputUnderran))]
[JsonSerializable(typeof(RecordingStarted))]
[JsonSerializable(typeof(RecordingStopped))]
[JsonSerializable(typeof(MidiReceived))]
[JsonSerializable(typeof(InputOpened))]
[JsonSerializable(typeof(InputClosed))]
internal sealed partial class EventJsonContext : JsonSerializerContext;
