using NAudio.Midi;

namespace Waves.Engine.Midi;

/// <summary>
/// Reads a standard MIDI file (NAudio.Midi) into messages stamped with session frames: every
/// track's channel messages, timed by the file's tempo map (120 bpm until its first tempo event).
/// The arithmetic is exact (integers), so a file always gives the same frames at a rate.
/// </summary>
public static class MidiFileReader
{
    public static IReadOnlyList<MidiMessage> Read(string path, int sampleRate, byte device = 0)
    {
        MidiFile file;
        try { file = new MidiFile(path, false); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MidiFileException($"{path}: cannot read: {e.Message}");
        }
        catch (Exception e)
        {
            throw new MidiFileException($"{path}: not a standard MIDI file: {e.Message}");
        }
        if (file.DeltaTicksPerQuarterNote <= 0 || file.DeltaTicksPerQuarterNote >= 0x8000)
            throw new MidiFileException($"{path}: SMPTE time division is not supported; write the file with ticks per quarter note");
        var ppq = (long)file.DeltaTicksPerQuarterNote;
        var events = new List<(long Tick, int Order, MidiEvent Event)>();
        var order = 0;
        for (var t = 0; t < file.Tracks; t++)
            foreach (var e in file.Events[t])
                events.Add((e.AbsoluteTime, order++, e));
        events.Sort((a, b) => a.Tick != b.Tick ? a.Tick.CompareTo(b.Tick) : a.Order.CompareTo(b.Order));
        var messages = new List<MidiMessage>();
        // Time so far in microseconds × ppq (exact), the tick it was reached at, and the tempo in force.
        Int128 elapsed = 0;
        long lastTick = 0, tempo = 500_000;
        foreach (var (tick, _, e) in events)
        {
            elapsed += (Int128)(tick - lastTick) * tempo;
            lastTick = tick;
            if (e is TempoEvent te)
            {
                tempo = te.MicrosecondsPerQuarterNote;
                continue;
            }
            if (e is MetaEvent or SysexEvent) continue;
            var packed = e.GetAsShortMessage();
            var status = packed & 0xFF;
            if (status < 0x80 || status >= 0xF0) continue;
            var denominator = (Int128)ppq * 1_000_000;
            var frame = (long)((elapsed * sampleRate * 2 + denominator) / (denominator * 2));
            messages.Add(new MidiMessage(frame, device, (byte)status, (byte)((packed >> 8) & 0x7F), (byte)((packed >> 16) & 0x7F)));
        }
        return messages;
    }
}

/// <summary>A MIDI file that cannot be used, with a message that says why (and which file).</summary>
public sealed class MidiFileException(string message) : Exception(message);
