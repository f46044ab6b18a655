using System.Text.Json.Nodes;
using NAudio.Midi;
using Waves.Engine.Audio;
using Waves.Engine.Tests.Reload;
using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Midi;

/// <summary><c>--midi-file</c>, the journal and saved controller values, through the <c>waves</c> program.</summary>
public sealed class MidiCommandTests : IDisposable
{
    readonly string dir = Directory.CreateTempSubdirectory("waves-midi-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
    }

    const string Sounds = """
        keys:
          filter:
            type: lowpass
            cutoff: {midi_cc: {cc: 74, initial: 0.2, range: [300, 6000]}}
            signal:
              midi_in:
                voices: 3
                signal: {envelope: {attack: 0.01, release: 0.1, gate: gate, end: true, signal: {osc: {type: saw, freq: f, amp: "0.3 * vel"}}}}
        knob:
          midi_cc: {cc: 74, initial: 0.2, range: [0, 127]}
        """;

    (int Exit, string Text) Waves(params string[] args)
    {
        using var p = WavesProcess.Start(dir, null, args);
        var exit = p.Wait(TimeSpan.FromSeconds(60));
        return (exit, p.ToString());
    }

    void Setup()
    {
        Directory.CreateDirectory(Path.Combine(dir, "sounds"));
        File.WriteAllText(Path.Combine(dir, "sounds", "x.yaml"), Sounds);
    }

    [Fact]
    public void AMidiFile_PlayedAndJournaled_ReplaysAndRendersToTheSameBits_AndIsAudibleWhereNotesAreHeld()
    {
        Setup();
        // At 120 bpm (480 ticks a beat): a chord from 0.25 s to 0.75 s, a fourth note overlapping it, a sweep of the cutoff.
        MidiFileTests.Write(Path.Combine(dir, "notes.mid"),
        [
            (240, new NoteOnEvent(0, 1, 60, 100, 0)), (240, new NoteOnEvent(0, 1, 64, 90, 0)), (250, new NoteOnEvent(0, 1, 67, 80, 0)),
            (480, new ControlChangeEvent(0, 1, (MidiController)74, 20)), (600, new ControlChangeEvent(0, 1, (MidiController)74, 120)),
            (700, new NoteOnEvent(0, 1, 72, 127, 0)),
            (720, new NoteEvent(0, 1, MidiCommandCode.NoteOff, 60, 0)), (720, new NoteEvent(0, 1, MidiCommandCode.NoteOff, 64, 0)),
            (720, new NoteEvent(0, 1, MidiCommandCode.NoteOff, 67, 0)), (900, new NoteEvent(0, 1, MidiCommandCode.NoteOff, 72, 0)),
        ], secondTempoAt: 100_000);
        var play = Waves("play", "keys", "--output", "null", "--no-ui", "--duration", "1.5", "--block", "128",
            "--midi-file", "notes.mid", "--record", "rec.wav", "--journal", "j.db");
        Assert.True(play.Exit == 0, play.Text);
        var replay = Waves("replay", "last", "--journal", "j.db", "-o", "replay.wav");
        Assert.True(replay.Exit == 0, replay.Text);
        var render = Waves("render", "keys", "--midi-file", "notes.mid", "--duration", "1.5", "--block", "333", "-o", "render.wav");
        Assert.True(render.Exit == 0, render.Text);
        var log = Waves("log", "last", "--journal", "j.db");
        Assert.Contains("midi-received", log.Text);

        var recorded = WavReader.Read(Path.Combine(dir, "rec.wav")).Channels[0];
        var replayed = WavReader.Read(Path.Combine(dir, "replay.wav")).Channels[0];
        var rendered = WavReader.Read(Path.Combine(dir, "render.wav")).Channels[0];
        Assert.Equal(66150, recorded.Length);
        Assert.Equal(recorded.Length, replayed.Length);
        Assert.Equal(-1, LiveRun.FirstDifference(recorded, replayed));
        Assert.Equal(recorded.Length, rendered.Length);
        Assert.Equal(-1, LiveRun.FirstDifference(recorded, rendered));
        Assert.Equal(0f, Signals.Peak(recorded.AsSpan(0, 11025)));                 // before the first note on (0.25 s)
        Assert.True(Signals.Rms(recorded.AsSpan(12000, 20000)) > 0.05, "held notes are heard");
        Assert.Equal(0f, Signals.Peak(recorded.AsSpan(44100 * 19 / 16, 4410)));   // after the last release
    }

    [Fact]
    public void ControllerValues_SurviveAnExitRightAfterAChange_AndARestart_ButNotARenderUnlessAsked()
    {
        Setup();
        MidiFileTests.Write(Path.Combine(dir, "knob.mid"), [(470, new ControlChangeEvent(0, 1, (MidiController)74, 100))], secondTempoAt: 100_000);
        var first = Waves("play", "knob", "--output", "null", "--no-ui", "--duration", "0.5", "--midi-file", "knob.mid", "--journal", "j.db");
        Assert.True(first.Exit == 0, first.Text);
        var saved = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, ".waves", "midi-state.json")))!;
        Assert.Equal(100, saved[""]!["0,74"]!.GetValue<int>());

        var again = Waves("play", "knob", "--output", "null", "--no-ui", "--duration", "0.2", "--record", "again.wav", "--journal", "j.db");
        Assert.True(again.Exit == 0, again.Text);
        Assert.All(WavReader.Read(Path.Combine(dir, "again.wav")).Channels[0], v => Assert.Equal(100f, v, 1e-4));
        var replay = Waves("replay", "last", "--journal", "j.db", "-o", "again_replay.wav");
        Assert.True(replay.Exit == 0, replay.Text);
        Assert.All(WavReader.Read(Path.Combine(dir, "again_replay.wav")).Channels[0], v => Assert.Equal(100f, v, 1e-4));

        Assert.Equal(0, Waves("render", "knob", "--duration", "0.1", "-o", "plain.wav").Exit);
        Assert.All(WavReader.Read(Path.Combine(dir, "plain.wav")).Channels[0], v => Assert.Equal(0.2f * 127, v, 1e-4));
        Assert.Equal(0, Waves("render", "knob", "--duration", "0.1", "--midi-state", "-o", "state.wav").Exit);
        Assert.All(WavReader.Read(Path.Combine(dir, "state.wav")).Channels[0], v => Assert.Equal(100f, v, 1e-4));
    }

    [Fact]
    public void AMissingOrBrokenMidiFile_IsAClearError()
    {
        Setup();
        var missing = Waves("render", "keys", "--midi-file", "nope.mid", "--duration", "0.1");
        Assert.Equal(2, missing.Exit);
        Assert.Contains("nope.mid: cannot read", missing.Text);
        File.WriteAllText(Path.Combine(dir, "bad.mid"), "MThd but not really");
        var broken = Waves("render", "keys", "--midi-file", "bad.mid", "--duration", "0.1");
        Assert.Contains("bad.mid: not a standard MIDI file", broken.Text);
    }
}
