using Waves.Journal.Events;

namespace Waves.Console.Midi;

/// <summary>A MIDI message as a line of the session log: <c>keys ch 0 note on C4 (60) v 100</c>.</summary>
static class MidiText
{
    static readonly string[] Names = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"];

    public static string NoteName(int note) => $"{Names[note % 12]}{note / 12 - 1}";

    public static string Describe(MidiReceived m)
    {
        var from = m.Device.Length == 0 ? "" : m.Device + " ";
        var ch = m.Status & 15;
        return (m.Status & 0xF0) switch
        {
            _ when m.Status >= 0xF0 => $"{from}{m.Status switch { 0xF8 => "clock", 0xFA => "start", 0xFB => "continue", 0xFC => "stop", _ => $"system 0x{m.Status:X2}" }}",
            0x90 when m.Data2 > 0 => $"{from}ch {ch} note on {NoteName(m.Data1)} ({m.Data1}) v {m.Data2}",
            0x90 or 0x80 => $"{from}ch {ch} note off {NoteName(m.Data1)} ({m.Data1})",
            0xB0 => $"{from}ch {ch} cc {m.Data1} = {m.Data2}",
            _ => $"{from}ch {ch} 0x{m.Status & 0xF0:X2} {m.Data1} {m.Data2}",
        };
    }
}
