using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Waves.Engine.Audio;
using Waves.Engine.Tests.Playback;
using Waves.Engine.Tests.Reload;
using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Midi;

/// <summary>
/// MIDI through a real (dummy-backend) JACK server: <c>jack_midiseq</c> plays notes into
/// <c>waves play</c>, whose recording is what <c>waves replay</c> renders from the journal; <c>midi_out</c>
/// reaches <c>jack_midi_dump</c>.
/// </summary>
[Collection("jack")]
public sealed class JackMidiTests(JackServer jack) : IDisposable
{
    const string Sounds = """
        keys:
          midi_in:
            device: seq
            signal: {envelope: {attack: 0.005, release: 0.05, gate: gate, end: true, signal: {osc: {type: saw, freq: f, amp: "0.3 * vel"}}}}
        out:
          midi_out: {channel: 3, note: 62, velocity: 90, gate: {osc: {type: sqr, freq: 4}}}
        clocker:
          tempo: {bpm: 100, signal: {osc: {freq: 2, amp: 0}}}
        knob:
          midi_out: {channel: 1, cc: 74, value: "floor(t * 10) * 20"}
        """;

    readonly string dir = Directory.CreateTempSubdirectory("waves-jackmidi-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
    }

    void Setup()
    {
        Directory.CreateDirectory(Path.Combine(dir, "sounds"));
        File.WriteAllText(Path.Combine(dir, "sounds", "x.yaml"), Sounds);
        File.WriteAllText(Path.Combine(dir, "waves.config.yaml"), "midi:\n  devices:\n    seq: \"Sequencer:out\"\n");
    }

    static void Stop(Process p)
    {
        try { if (!p.HasExited) p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        p.WaitForExit();
        p.Dispose();
    }

    (int Exit, string Text) Waves(params string[] args)
    {
        using var p = WavesProcess.Start(dir, jack.Environment, args);
        var exit = p.Wait(TimeSpan.FromSeconds(60));
        return (exit, p.ToString());
    }

    [RequiresProgramsFact("jackd", "jack_wait", "jack_midiseq")]
    public void NotesFromJack_AreRecorded_AndTheRecordingEqualsTheReplay_AndIsNotSilentWhileNotesAreHeld()
    {
        Setup();
        // A 0.5 s loop at 48 kHz: C4 for 8000 frames from 0, E4 for 4000 frames from 12000.
        var seq = jack.Start("jack_midiseq", "Sequencer", "24000", "0", "60", "8000", "12000", "64", "4000");
        try
        {
            Thread.Sleep(500);
            var play = Waves("play", "keys", "--output", "jack", "--rate", "48000", "--no-ui", "--duration", "2",
                "--midi-in", "seq", "--record", "rec.wav", "--journal", "j.db");
            Assert.True(play.Exit == 0, play.Text);
            Assert.Contains("MIDI in: Sequencer:out ('seq')", play.Text);
        }
        finally { Stop(seq); }
        var replay = Waves("replay", "last", "--journal", "j.db", "-o", "replay.wav");
        Assert.True(replay.Exit == 0, replay.Text);
        var recorded = WavReader.Read(Path.Combine(dir, "rec.wav")).Channels[0];
        var replayed = WavReader.Read(Path.Combine(dir, "replay.wav")).Channels[0];
        Assert.Equal(96000, recorded.Length);
        Assert.Equal(recorded.Length, replayed.Length);
        Assert.Equal(-1, LiveRun.FirstDifference(recorded, replayed));

        var log = Waves("log", "last", "--journal", "j.db").Text;
        var ons = Regex.Matches(log, @"^\s*(\d+)\s+\S+ s\s+midi-received\s+seq ch 0 note on C4 \(60\)", RegexOptions.Multiline)
            .Select(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.True(ons.Count >= 3, log);
        Assert.Contains("seq ch 0 note on E4 (64) v", log);
        // Notes come every 0.5 s, on the frame JACK timed them: blocks of 512 would make 23552 or 24064 of it
        // (the mapping onto session frames is set afresh after a hiccup of a busy machine, so not every pair need agree).
        Assert.Contains(ons.Zip(ons.Skip(1), (a, b) => b - a), d => Math.Abs(d - 24000) <= 2);
        foreach (var on in ons.Where(f => f + 4000 < recorded.Length))
            Assert.True(Signals.Rms(recorded.AsSpan((int)on + 500, 3000)) > 0.05, $"note at {on} is silent");
    }

    [RequiresProgramsFact("jackd", "jack_wait")]
    public void AMidiInputMatchingNothing_IsAnErrorListingThePorts()
    {
        Setup();
        var play = Waves("play", "keys", "--output", "null", "--no-ui", "--duration", "1", "--midi-in", "nothing-here", "--journal", "j.db");
        Assert.Equal(2, play.Exit);
        Assert.Contains("MIDI: no JACK MIDI source port matches 'nothing-here'; there are: ", play.Text);
        Assert.Contains("aliases in ", play.Text);
        Assert.Contains("seq = Sequencer:out", play.Text);
    }

    /// <summary>Runs <c>jack_midi_dump</c> (port midi-monitor:input) around <paramref name="run"/>; its lines.</summary>
    string[] Dumped(Action run)
    {
        var dump = jack.Start("stdbuf", "-oL", "jack_midi_dump");
        var lines = new List<string>();
        dump.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (lines) lines.Add(e.Data); };
        dump.BeginOutputReadLine();
        try
        {
            Thread.Sleep(500);
            run();
            Thread.Sleep(300);
        }
        finally { Stop(dump); }
        lock (lines) return [.. lines];
    }

    [RequiresProgramsFact("jackd", "jack_wait", "jack_midi_dump")]
    public void TheClockOfATempo_ArrivesAtAJackMidiReader_24TimesABeat()
    {
        Setup();
        var got = Dumped(() =>
        {
            var play = Waves("play", "clocker", "--output", "null", "--no-ui", "--duration", "3", "--midi-out", "midi-monitor", "--journal", "j.db");
            Assert.True(play.Exit == 0, play.Text);
        });
        Assert.Equal(1, got.Count(l => l.Contains(": fa", StringComparison.Ordinal)));
        Assert.Equal(120, got.Count(l => l.Contains(": f8", StringComparison.Ordinal)));   // 3 s of 100 bpm: 5 beats of 24
    }

    [RequiresProgramsFact("jackd", "jack_wait", "jack_midi_dump")]
    public void MidiOut_NotesArriveAtAJackMidiReader()
    {
        Setup();
        var dump = jack.Start("stdbuf", "-oL", "jack_midi_dump");
        var lines = new List<string>();
        dump.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (lines) lines.Add(e.Data); };
        dump.BeginOutputReadLine();
        try
        {
            Thread.Sleep(500);
            // The 4 Hz square is high from frame 0: note ons at 0, 0.25 … 1 s, offs at 0.125 … 0.875 s.
            var play = Waves("play", "out", "--output", "null", "--no-ui", "--duration", "1.1", "--midi-out", "midi-monitor", "--journal", "j.db");
            Assert.True(play.Exit == 0, play.Text);
            Thread.Sleep(300);
        }
        finally { Stop(dump); }
        string[] got;
        lock (lines) got = [.. lines];
        Assert.Equal(5, got.Count(l => l.Contains("93 3e 5a note on  (channel  3): pitch  62, velocity  90", StringComparison.Ordinal)));
        Assert.Equal(4, got.Count(l => l.Contains("83 3e 00 note off (channel  3): pitch  62", StringComparison.Ordinal)));
    }

    [RequiresProgramsFact("jackd", "jack_wait", "jack_midi_dump")]
    public void MidiOut_ControllerValuesArriveAtAJackMidiReader()
    {
        Setup();
        // The value steps 0, 20, 40 … 100 every 0.1 s: a controller message each time it changes.
        var got = Dumped(() =>
        {
            var play = Waves("play", "knob", "--output", "null", "--no-ui", "--duration", "0.65", "--midi-out", "midi-monitor", "--journal", "j.db");
            Assert.True(play.Exit == 0, play.Text);
        });
        foreach (var value in new[] { 20, 40, 60, 80, 100 })
            Assert.Contains(got, l => l.Contains($"b1 4a {value:x2}", StringComparison.Ordinal));
    }
}
