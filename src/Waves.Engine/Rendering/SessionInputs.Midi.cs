using Waves.Engine.Midi;

namespace Waves.Engine.Rendering;

public sealed partial class SessionInputs
{
    /// <summary>The session's MIDI: what <c>midi_in</c>, <c>midi_cc</c> and an external-clock
    /// <c>tempo</c> read. Silent until a source is attached.</summary>
    public MidiInput Midi { get; } = new();

    /// <summary>Where <c>midi_out</c> nodes send; nowhere until an output backend opens it.</summary>
    public MidiOutput MidiOut { get; } = new();
}
