using Waves.Engine.Midi;
using Waves.Engine.Rendering;

namespace Waves.Console.Midi;

/// <summary>
/// The computer keyboard as a MIDI source: <c>note N</c> commands (typed, or from the terminal view's
/// keyboard mode) play note N on channel 0 of the session's own input. Terminals send no key-up, so
/// a note lasts <see cref="NoteSeconds"/>, or until it is pressed again. Notes are stamped two blocks
/// ahead of the render thread and go through the same queue, window and journal as any MIDI. A queue
/// hands messages over in frame order, so the timed note offs (known ahead) have a queue of their
/// own, written a quarter of a second ahead: they are never late, and never hold up a new note.
/// </summary>
sealed class MidiKeyboard(LiveSession session)
{
    public const double NoteSeconds = 0.5;

    readonly Lock gate = new();
    readonly MidiRing ring = session.Settings.Inputs.Midi.Live(256), ends = session.Settings.Inputs.Midi.Live(256);
    readonly Dictionary<int, long> held = [];

    long Now => session.Renderer.Frame + 2L * session.Settings.BlockSize;

    long Ahead => Now + session.Settings.SampleRate / 4;

    /// <summary>Says so when the view's keyboard mode goes on or off (<c>keys on</c>, <c>keys off</c>).</summary>
    public static bool Mode(string[] words, Action<string> print)
    {
        if (words is not ["keys", "on" or "off"]) return false;
        print(words[1] == "on" ? $"keyboard mode: {MidiKeys.Help}; k again to leave it" : "keyboard mode off");
        return true;
    }

    /// <summary>Handles <c>note N</c> (0–127); false for any other command.</summary>
    public bool Command(string[] words, Action<string> print)
    {
        if (words is not ["note", var text]) return false;
        if (!int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var note) || note is < 0 or > 127)
        {
            print($"note expects a MIDI note number from 0 to 127, got '{text}'");
            return true;
        }
        Press(note);
        return true;
    }

    /// <summary>Starts the note, or ends it when it is sounding.</summary>
    public void Press(int note)
    {
        lock (gate)
        {
            var now = Now;
            Release(Ahead);
            if (held.Remove(note)) ring.TryWrite(new MidiMessage(now, 0, MidiMessage.NoteOff, (byte)note, 0));
            else
            {
                ring.TryWrite(new MidiMessage(now, 0, MidiMessage.NoteOn, (byte)note, 100));
                held[note] = now + (long)Math.Round(NoteSeconds * session.Settings.SampleRate);
            }
        }
    }

    /// <summary>Queues the note offs due soon (called several times a second).</summary>
    public void Poll()
    {
        lock (gate) Release(Ahead);
    }

    void Release(long before)
    {
        foreach (var (note, end) in held.Where(kv => kv.Value <= before).OrderBy(kv => kv.Value).ToList())
        {
            held.Remove(note);
            ends.TryWrite(new MidiMessage(end, 0, MidiMessage.NoteOff, (byte)note, 0));
        }
    }
}
