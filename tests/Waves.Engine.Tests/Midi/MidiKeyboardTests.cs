using System.Globalization;
using System.Text.RegularExpressions;
using Waves.Console.Midi;
using Waves.Engine.Audio;
using Waves.Engine.Tests.Reload;
using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Midi;

public sealed class MidiKeyboardTests : IDisposable
{
    readonly string dir = Directory.CreateTempSubdirectory("waves-keys-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
    }

    static ConsoleKeyInfo Key(char c) => new(c, ConsoleKey.NoName, false, false, false);

    [Fact]
    public void KeyboardMode_TogglesWithK_AndPlaysTwoOctavesOnTheLetterRows()
    {
        var keys = new MidiKeys();
        Assert.Null(keys.Map(Key('z')));
        Assert.Equal("keys on", keys.Map(Key('k')));
        Assert.Equal("note 48", keys.Map(Key('z')));
        Assert.Equal("note 59", keys.Map(Key('m')));
        Assert.Equal("note 60", keys.Map(Key('q')));
        Assert.Equal("note 61", keys.Map(Key('2')));
        Assert.Equal("note 71", keys.Map(Key('U')));
        Assert.Null(keys.Map(Key(' ')));
        Assert.Equal("keys off", keys.Map(Key('k')));
        Assert.Null(keys.Map(Key('m')));
    }

    [Fact]
    public void TypedNotes_AreJournaled_AndTheRecordingEqualsTheReplay()
    {
        Directory.CreateDirectory(Path.Combine(dir, "sounds"));
        File.WriteAllText(Path.Combine(dir, "sounds", "x.yaml"),
            "keys:\n  midi_in: {signal: {envelope: {attack: 0.005, release: 0.05, gate: gate, end: true, signal: {osc: {type: tri, freq: f, amp: 0.5}}}}}\n");
        using (var play = WavesProcess.Start(dir, null, "play", "keys", "--output", "null", "--no-ui", "--duration", "6", "--record", "rec.wav", "--journal", "j.db"))
        {
            Assert.True(play.WaitForOutput("edit sounds", TimeSpan.FromSeconds(20)), play.ToString());
            Thread.Sleep(300);
            play.Type("note 60");
            Thread.Sleep(200);
            play.Type("note 64");
            play.Type("note 64");   // pressed again: ended at once
            play.Type("note 200");
            Assert.Equal(0, play.Wait(TimeSpan.FromSeconds(30)));
            Assert.Contains("note expects a MIDI note number from 0 to 127, got '200'", play.Out);
        }
        using (var replay = WavesProcess.Start(dir, null, "replay", "last", "--journal", "j.db", "-o", "replay.wav"))
            Assert.Equal(0, replay.Wait(TimeSpan.FromSeconds(30)));
        string log;
        using (var l = WavesProcess.Start(dir, null, "log", "last", "--journal", "j.db"))
        {
            Assert.Equal(0, l.Wait(TimeSpan.FromSeconds(30)));
            log = l.Out;
        }
        var on = Regex.Match(log, @"^\s*(\d+)\s+\S+ s\s+midi-received\s+ch 0 note on C4 \(60\) v 100", RegexOptions.Multiline);
        var off = Regex.Match(log, @"^\s*(\d+)\s+\S+ s\s+midi-received\s+ch 0 note off C4 \(60\)", RegexOptions.Multiline);
        Assert.True(on.Success && off.Success, log);
        var (start, end) = (long.Parse(on.Groups[1].Value, CultureInfo.InvariantCulture), long.Parse(off.Groups[1].Value, CultureInfo.InvariantCulture));
        // Half a second (terminals send no key-up), later only when a busy machine stalled the control thread.
        Assert.InRange(end - start, 22050, 22050 + 8192);
        Assert.Equal(2, Regex.Matches(log, @"note (on|off) E4 \(64\)").Count);

        var recorded = WavReader.Read(Path.Combine(dir, "rec.wav")).Channels[0];
        var replayed = WavReader.Read(Path.Combine(dir, "replay.wav")).Channels[0];
        Assert.Equal(-1, LiveRun.FirstDifference(recorded, replayed));
        Assert.Equal(0f, Signals.Peak(recorded.AsSpan(0, (int)start)));
        Assert.True(Signals.Rms(recorded.AsSpan((int)start + 500, 10000)) > 0.1);
    }
}
