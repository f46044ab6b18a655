using Waves.Engine.Midi;
using Waves.Journal.Events;

namespace Waves.Journal.Sessions;

/// <summary>
/// MIDI between a session and its journal: what the render thread applied, as events at the frames
/// it took effect; and, for a replay, the same messages scheduled at those frames, fed through the
/// same <see cref="MidiInput"/> path the live session used.
/// </summary>
public static class MidiJournal
{
    /// <summary>The messages applied since the last call, as events with their frames (in the order applied).</summary>
    public static IEnumerable<(long Frame, MidiReceived Event)> Drain(MidiInput midi, MidiRing applied)
    {
        while (applied.TryRead(out var m))
            yield return (m.Frame, new MidiReceived(midi.DeviceName(m.Device), m.Status, m.Data1, m.Data2));
    }

    /// <summary>Schedules the session's MIDI from <paramref name="fromFrame"/> on into <paramref name="midi"/>, in
    /// journal order; what came before it is recalled (controller values, clock timing), not played.</summary>
    public static void Schedule(MidiInput midi, IReadOnlyList<EventEnvelope> events, long fromFrame = 0)
    {
        var messages = events
            .Where(e => e.Event is MidiReceived r && MidiMessage.Valid(r.Status, r.Data1, r.Data2))
            .Select(e => (e.Frame, Event: (MidiReceived)e.Event))
            .Select(x => new MidiMessage(x.Frame, midi.Device(x.Event.Device), (byte)x.Event.Status, (byte)x.Event.Data1, (byte)x.Event.Data2))
            .ToList();
        midi.Recall(messages.Where(m => m.Frame < fromFrame));
        var played = messages.Where(m => m.Frame >= fromFrame).ToList();
        if (played.Count > 0) midi.Schedule(played);
    }
}
