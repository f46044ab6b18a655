namespace Waves.Engine.Midi;

/// <summary>
/// A channel message (note on/off, controller …) or a system real-time byte (clock, start, stop)
/// from the session's input <paramref name="Device"/> (an index of <see cref="MidiInput.DeviceName"/>),
/// with the session frame at which it takes effect.
/// </summary>
public readonly record struct MidiMessage(long Frame, byte Device, byte Status, byte Data1, byte Data2)
{
    public const byte NoteOff = 0x80, NoteOn = 0x90, ControlChange = 0xB0;
    public const byte Clock = 0xF8, Start = 0xFA, Continue = 0xFB, Stop = 0xFC;

    /// <summary>The message kind of a channel message (high nibble), or the whole status of a system one.</summary>
    public int Kind => Status >= 0xF0 ? Status : Status & 0xF0;

    public int Channel => Status & 0x0F;

    /// <summary>A note on with a velocity above 0.</summary>
    public bool IsNoteOn => Kind == NoteOn && Data2 > 0;

    /// <summary>A note off, or a note on with velocity 0 (which means the same).</summary>
    public bool IsNoteOff => Kind == NoteOff || (Kind == NoteOn && Data2 == 0);

    public bool IsControlChange => Kind == ControlChange;

    /// <summary>True for the bytes a message may have: a status byte, data bytes below 128.</summary>
    public static bool Valid(int status, int data1, int data2) =>
        status is >= 0x80 and <= 0xFF && data1 is >= 0 and < 128 && data2 is >= 0 and < 128;
}
