using System.Buffers.Binary;
using Waves.Engine.Audio;
using Waves.Engine.Tests.Support;
using Waves.Journal.Events;
using Waves.Journal.Storage;

namespace Waves.Engine.Tests.Playback;

/// <summary>
/// A recording survives however <c>waves play</c> ends. The process is real (signals reach it as
/// they would from a terminal or a service manager); the output is the clock-paced null device.
/// Stopped by SIGTERM, SIGHUP or SIGINT, the WAV is complete, the session is closed, and the journal's
/// replay equals the recording bit for bit. Killed outright, the WAV is still valid up to its last
/// flush (less than a second is lost) and its frames are a prefix of the replay.
/// </summary>
public sealed class RecordingSignalTests : IDisposable
{
    readonly string dir = Directory.CreateTempSubdirectory("waves-rec-").FullName;

    public RecordingSignalTests()
    {
        Directory.CreateDirectory(Path.Combine(dir, "sounds"));
        // Noise and a sweep: no two stretches alike, so a misplaced frame would show.
        File.WriteAllText(Path.Combine(dir, "sounds", "x.yaml"), """
            take:
              mix:
                sweep: {osc: {type: sin, freq: 200 + 300 * t, amp: 0.4}}
                hiss: {osc: {type: noise, amp: 0.05}}
            """);
    }

    public void Dispose()
    {
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
    }

    string At(string name) => Path.Combine(dir, name);

    WavesProcess StartRecording() =>
        WavesProcess.Start(dir, null, "play", "take", "--output", "null", "--no-ui", "--record", "rec.wav", "--journal", "j.db", "--sounds", "sounds");

    [Theory]
    [InlineData("TERM")]
    [InlineData("HUP")]
    [InlineData("INT")]
    public void Signal_EndsWithACompleteRecording_AndAClosedSession_ThatReplaysToTheSameBits(string signal)
    {
        using var play = StartRecording();
        Assert.True(play.WaitForOutput("edit sounds", TimeSpan.FromSeconds(30)), play.ToString());
        Thread.Sleep(1500);
        play.Signal(signal);
        Assert.Equal(0, play.Wait(TimeSpan.FromSeconds(20)));

        var recording = ReadValidWav(At("rec.wav"));
        var events = LastSession();
        var ended = Assert.IsType<SessionEnded>(events[^1].Event);
        Assert.Equal("interrupted", ended.Reason);
        var stopped = Assert.Single(events, e => e.Event is RecordingStopped);
        Assert.Equal(recording.Frames, ((RecordingStopped)stopped.Event).Frames);
        Assert.Equal(events[^1].Frame, recording.Frames);
        Assert.True(recording.Frames > 44100, $"only {recording.Frames} frames recorded\n{play}");

        var replay = Replay();
        Assert.Equal(recording.Frames, replay.Frames);
        for (var ch = 0; ch < 2; ch++) Assert.Equal(replay.Channels[ch], recording.Channels[ch]);
    }

    [Fact]
    public void Kill_LeavesAValidWav_MissingLessThanASecond_WhoseFramesStartTheReplay()
    {
        using var play = StartRecording();
        Assert.True(play.WaitForOutput("edit sounds", TimeSpan.FromSeconds(30)), play.ToString());
        Thread.Sleep(2500);
        play.Signal("KILL");
        play.Wait(TimeSpan.FromSeconds(20));

        var recording = ReadValidWav(At("rec.wav"));
        var events = LastSession();
        Assert.DoesNotContain(events, e => e.Event is SessionEnded);
        var journaled = events[^1].Frame;   // the journal is flushed every 100 ms
        Assert.True(recording.Frames > journaled - 44100, $"{recording.Frames} frames recorded, journal reached {journaled}");

        var replay = Replay();
        Assert.True(replay.Frames >= Math.Min(recording.Frames, journaled), $"replay {replay.Frames}, recording {recording.Frames}");
        var common = (int)Math.Min(recording.Frames, replay.Frames);
        for (var ch = 0; ch < 2; ch++)
            Assert.True(recording.Channels[ch].AsSpan(0, common).SequenceEqual(replay.Channels[ch].AsSpan(0, common)), $"channel {ch} differs from the replay");
    }

    /// <summary>Reads the file after checking its header against its length: RIFF and data sizes
    /// that a player would trust, covering whole stereo float frames that are really there.</summary>
    static WavData ReadValidWav(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length >= 44, $"{path} has {bytes.Length} bytes");
        Assert.Equal("RIFF"u8.ToArray(), bytes[..4]);
        Assert.Equal("WAVE"u8.ToArray(), bytes[8..12]);
        var riff = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4));
        Assert.InRange(riff + 8L, 44, bytes.Length);
        var at = 12;
        var data = -1L;
        while (at + 8 <= bytes.Length)
        {
            var size = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at + 4));
            if (bytes.AsSpan(at, 4).SequenceEqual("data"u8)) { data = size; Assert.InRange(at + 8 + size, 0, bytes.Length); break; }
            at += 8 + (int)size;
        }
        Assert.True(data >= 0, "no data chunk");
        Assert.Equal(0, data % 8);
        var wav = WavReader.Read(path);
        Assert.Equal(2, wav.ChannelCount);
        Assert.Equal(data / 8, wav.Frames);
        return wav;
    }

    IReadOnlyList<EventEnvelope> LastSession()
    {
        using var journal = new LiteDbJournal(At("j.db"));
        return journal.Read(journal.Sessions()[^1].Id);
    }

    WavData Replay()
    {
        using var replay = WavesProcess.Start(dir, null, "replay", "last", "--journal", "j.db", "-o", "replay.wav");
        Assert.True(replay.Wait(TimeSpan.FromSeconds(60)) == 0, replay.ToString());
        return WavReader.Read(At("replay.wav"));
    }
}
