using NAudio.Midi;
using Waves.Engine.Midi;
using MidiMessage = Waves.Engine.Midi.MidiMessage;

namespace Waves.Engine.Tests.Midi;

public sealed class MidiFileTests
{
    /// <summary>Writes a type-1 file: a tempo track (120 bpm, then 60 bpm from beat 2) and a note track.</summary>
    internal static void Write(string path, IEnumerable<(long Tick, MidiEvent Event)> notes, int ppq = 480, int secondTempoAt = 960)
    {
        var events = new MidiEventCollection(1, ppq);
        events.AddTrack();
        events.AddEvent(new TempoEvent(500_000, 0), 0);
        events.AddEvent(new TempoEvent(1_000_000, secondTempoAt), 0);
        events.AddTrack();
        foreach (var (tick, e) in notes)
        {
            e.AbsoluteTime = tick;
            events.AddEvent(e, 1);
        }
        foreach (var track in Enumerable.Range(0, events.Tracks))
        {
            var last = events[track].Count == 0 ? 0 : events[track].Max(e => e.AbsoluteTime);
            events.AddEvent(new MetaEvent(MetaEventType.EndTrack, 0, last), track);
        }
        events.PrepareForExport();
        MidiFile.Export(path, events);
    }

    [Fact]
    public void Read_FollowsTheTempoMap_ToExactFrames()
    {
        var path = Path.Combine(Path.GetTempPath(), $"waves-midi-{Guid.NewGuid():N}.mid");
        try
        {
            Write(path,
            [
                (0, new NoteOnEvent(0, 1, 60, 100, 0)),
                (480, new NoteEvent(0, 1, MidiCommandCode.NoteOff, 60, 0)),
                (960, new ControlChangeEvent(0, 3, MidiController.MainVolume, 64)),
                (1440, new NoteOnEvent(0, 2, 64, 90, 0)),
            ]);
            var m = MidiFileReader.Read(path, 44100);
            Assert.Equal(
            [
                new MidiMessage(0, 0, 0x90, 60, 100),
                new MidiMessage(22050, 0, 0x80, 60, 0),
                new MidiMessage(44100, 0, 0xB2, 7, 64),
                new MidiMessage(88200, 0, 0x91, 64, 90),   // half a beat at 60 bpm after beat 2
            ], m);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Read_OfAFileThatIsNotMidi_SaysSo()
    {
        var path = Path.Combine(Path.GetTempPath(), $"waves-midi-{Guid.NewGuid():N}.mid");
        File.WriteAllText(path, "not midi at all");
        try
        {
            var e = Assert.Throws<MidiFileException>(() => MidiFileReader.Read(path, 44100));
            Assert.StartsWith($"{path}: not a standard MIDI file", e.Message);
        }
        finally { File.Delete(path); }
    }
}
