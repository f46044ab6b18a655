using NAudio.Midi;
using Waves.Engine.Midi;
using Waves.Engine.Rendering;
using Waves.Engine.Tests.Corpus;
using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Midi;

/// <summary>The corpus sounds that need MIDI notes (silent offline, as the fingerprints say) played from a MIDI file.</summary>
public sealed class MidiCorpusTests
{
    [Theory]
    [InlineData("midi-synth", 60, 0.001)]   // its inner envelope lasts 10 ms (duration 0.01), under a 0.2 s attack
    [InlineData("midi-fm", 60, 0.01)]
    [InlineData("midi-test", 60, 0.01)]
    [InlineData("midi-env", 60, 0.01)]
    [InlineData("drum-kit", 55, 0.01)]      // note 55 is its kick
    public void CorpusSound_PlayedFromAMidiFile_IsAudibleWhereTheNoteIsHeld_AndSilentBefore(string sound, int note, double level)
    {
        var path = Path.Combine(Path.GetTempPath(), $"waves-midi-{Guid.NewGuid():N}.mid");
        try
        {
            // 120 bpm: the note is held from 0.25 s to 1.25 s.
            MidiFileTests.Write(path, [(240, new NoteOnEvent(0, 1, note, 100, 0)), (1200, new NoteEvent(0, 1, MidiCommandCode.NoteOff, note, 0))], secondTempoAt: 100_000);
            var settings = new RenderSettings(44100, 512) { Inputs = new SessionInputs() };
            settings.Inputs.Midi.Schedule(MidiFileReader.Read(path, 44100));
            var patch = PatchCompiler.Compile(CorpusFiles.Library, sound, settings).Patch!;
            var x = OfflineRender.ToArrays(patch, 44100 * 3 / 2).Left;
            Assert.Equal(0f, Signals.Peak(x.AsSpan(0, 11025)));
            var held = Signals.Peak(x.AsSpan(11025, 4410));
            Assert.True(held > level, $"{sound}: peak {held} while the note is held");
        }
        finally { File.Delete(path); }
    }
}
