using System.Globalization;
using System.Text.RegularExpressions;
using Waves.Engine.Tests.Support;
using Xunit.Abstractions;

namespace Waves.Engine.Tests.Playback;

/// <summary>
/// <c>waves play --output pulse</c> as a real process against a private PulseAudio server: what the
/// sink plays (captured from its monitor with parec) is what <c>waves replay</c> renders from the
/// session's journal — same shape, same level, same spectrum, no gap — and the session journaled no
/// underrun. At the sink's rate (48000 Hz, float32) nothing converts the samples on the way and the
/// capture equals the replay sample for sample (asserted: every difference below 1e-6, correlation
/// above 1 − 1e-6 in every window, level and spectrum within 0.01 dB). At the default 44100 Hz the
/// server resamples; the replay is resampled to 48000 Hz for a looser comparison (correlation above
/// 0.99 overall and in every window, level and spectrum within 1 dB). Both skip the first 10 ms of the
/// session: a new stream's first few milliseconds (0–7 ms here) reach the monitor as zeros (the
/// rest of the capture stays aligned, so they are lost, not delayed). The buffer is 200 ms: on two
/// busy cores 50 ms drops out now and then.
/// </summary>
[Collection(PulseCollection.Name)]
public sealed class PulsePlaybackTests(PulseServer server, ITestOutputHelper output)
{
    [RequiresProgramsFact("pulseaudio", "pactl", "parec")]
    public void Play_ThroughPulseAtTheSinkRate_SoundsExactlyAsTheReplay()
    {
        var run = CapturedPlay.Run(server, output, "--output", "pulse", "--rate", "48000", "--latency", "200");
        Assert.Contains("playing 'snd' on pulse: default sink", run.Out);
        CapturedPlay.AssertSame(run, output);
    }

    [RequiresProgramsFact("pulseaudio", "pactl", "parec")]
    public void Play_ThroughPulseAt44100_IsConvertedByTheServer_AndSoundsAsTheResampledReplay()
    {
        var run = CapturedPlay.Run(server, output, "--output", "pulse", "--latency", "200");
        Assert.Contains("playing 'snd' on pulse: default sink", run.Out);
        Assert.Equal(44100, run.ReplayRate);
        CapturedPlay.AssertAlike(run, output);
    }

    [RequiresProgramsFact("pulseaudio", "pactl", "parec")]
    public void Play_WithASinkNamed_PlaysToThatSink()
    {
        var run = CapturedPlay.Run(server, output, "--output", "pulse", "--device", PulseServer.Sink, "--rate", "48000", "--latency", "200");
        Assert.Contains($"playing 'snd' on pulse: sink {PulseServer.Sink}", run.Out);
        CapturedPlay.AssertSame(run, output);
    }

    [RequiresProgramsFact("pulseaudio", "pactl", "parec")]
    public void Play_ToASinkThatDoesNotExist_FailsSayingSo()
    {
        var dir = CapturedPlay.SoundFolder();
        try
        {
            using var play = WavesProcess.Start(dir, server.Environment, "play", "snd", "--output", "pulse", "--device", "no_such_sink",
                "--duration", "1", "--no-ui", "--journal", "J.db");
            Assert.Equal(1, play.Wait(TimeSpan.FromSeconds(60)));
            Assert.Contains("cannot open the pulse output: cannot play to sink 'no_such_sink': No such entity", play.Error);
        }
        finally { CapturedPlay.Delete(dir); }
    }

    [RequiresProgramsFact("pulseaudio", "pactl")]
    public void Auto_WhenAPulseServerIsReachable_PlaysThroughIt()
    {
        var dir = CapturedPlay.SoundFolder();
        try
        {
            using var play = WavesProcess.Start(dir, server.Environment, "play", "snd", "--output", "auto", "--duration", "1", "--no-ui",
                "--journal", "J.db", "--latency", "200");
            Assert.True(play.Wait(TimeSpan.FromSeconds(60)) == 0, play.ToString());
            output.WriteLine(play.ToString());
            Assert.Contains("playing 'snd' on pulse: default sink", play.Out);
            Assert.DoesNotContain("null output", play.Out);
        }
        finally { CapturedPlay.Delete(dir); }
    }

    /// <summary>
    /// No PulseAudio server at PULSE_SERVER, no JACK server of that name, and ALSA pointed at an empty
    /// configuration (so that a sound card of the machine running the test does not open; on a machine
    /// without one ALSA's default is the pulse plugin, which fails as pulse did).
    /// </summary>
    [RequiresProgramsFact("pulseaudio")]
    public void Auto_WithNoServerAndNoDevice_FallsBackToTheNullOutput_AndSaysWhy()
    {
        var dir = CapturedPlay.SoundFolder();
        try
        {
            File.WriteAllText(Path.Combine(dir, "empty-asound.conf"), "");
            var nowhere = new Dictionary<string, string>
            {
                ["PULSE_SERVER"] = $"unix:{Path.Combine(dir, "no-server", "native")}",
                ["PULSE_RUNTIME_PATH"] = Path.Combine(dir, "no-server"),
                ["JACK_DEFAULT_SERVER"] = $"waves-test-nowhere-{Guid.NewGuid():N}",
                ["JACK_NO_START_SERVER"] = "1",
                ["ALSA_CONFIG_PATH"] = Path.Combine(dir, "empty-asound.conf"),
            };
            using var play = WavesProcess.Start(dir, nowhere, "play", "snd", "--duration", "1", "--no-ui", "--journal", "J.db");
            Assert.True(play.Wait(TimeSpan.FromSeconds(60)) == 0, play.ToString());
            output.WriteLine(play.ToString());
            Assert.Contains("playing 'snd' on null: no audio device, paced by the clock", play.Out);
            Assert.Contains("  pulse: cannot connect to a PulseAudio server: Connection refused", play.Out);
            Assert.Contains("  alsa: cannot open ALSA device 'default'", play.Out);
            Assert.Contains("no audio device here: playing to a clock-paced null output", play.Out);
            Assert.Contains("played 1.000 s (ended)", play.Out);
            Assert.Equal("", play.Error);
        }
        finally { CapturedPlay.Delete(dir); }
    }

    [RequiresProgramsFact("pulseaudio", "pactl")]
    public void Devices_ListsTheServersSinks()
    {
        using var devices = WavesProcess.Start(Path.GetTempPath(), server.Environment, "devices");
        Assert.True(devices.Wait(TimeSpan.FromSeconds(60)) == 0, devices.ToString());
        output.WriteLine(devices.ToString());
        var lines = devices.Out.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var pulse = lines.IndexOf("pulse:");
        Assert.True(pulse >= 0, devices.ToString());
        Assert.Equal($"  {PulseServer.Sink}", lines[pulse + 1]);
        Assert.Contains("  keepalive_null", lines.Skip(pulse + 1).TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal)));
        Assert.Contains("null:", lines);
    }
}

/// <summary>
/// A four-second session played by a real <c>waves</c> process through the test server, the sink's
/// audio captured meanwhile, and the session's replay: what the comparisons of the pulse and ALSA
/// tests work on.
/// </summary>
public sealed record CapturedPlay(string Out, long Underruns, float[] Captured, float[] Replay, int ReplayRate)
{
    /// <summary>
    /// A frequency that rises all the time (so no two stretches are alike and the alignment is unique)
    /// under quiet seeded noise (so the spectrum is full).
    /// </summary>
    const string Sound = """
        snd:
          mix:
            sweep: {osc: {freq: 180 + 240 * t, amp: 0.3}}
            hiss: {osc: {type: noise, amp: 0.04, seed: 7}}

        """;

    public const double Seconds = 4;

    /// <summary>Replay frames left out of the comparisons: the stream's start, which the capture misses.</summary>
    const int Skipped = PulseServer.SinkRate / 100;

    /// <summary>A temporary folder with <c>sounds/snd.yaml</c>.</summary>
    public static string SoundFolder()
    {
        var dir = Directory.CreateTempSubdirectory("waves-playback-").FullName;
        Directory.CreateDirectory(Path.Combine(dir, "sounds"));
        File.WriteAllText(Path.Combine(dir, "sounds", "snd.yaml"), Sound);
        return dir;
    }

    public static void Delete(string dir)
    {
        try { Directory.Delete(dir, recursive: true); }
        catch (IOException) { }
    }

    /// <summary>Plays <c>snd</c> for four seconds with <paramref name="options"/> (and PULSE_SERVER set), capturing the sink.</summary>
    public static CapturedPlay Run(PulseServer server, ITestOutputHelper output, params string[] options)
    {
        var dir = SoundFolder();
        try
        {
            var capturePath = Path.Combine(dir, "capture.raw");
            string played;
            using (var capture = server.Capture(capturePath))
            using (var play = WavesProcess.Start(dir, server.Environment,
                ["play", "snd", .. options, "--duration", Seconds.ToString(CultureInfo.InvariantCulture), "--no-ui", "--journal", "J.db", "--sounds", "sounds"]))
            {
                // Generous: the process starts on two busy cores, and plays four seconds in real time.
                var exit = play.Wait(TimeSpan.FromSeconds(120));
                output.WriteLine(play.ToString());
                Assert.True(exit == 0, play.ToString());
                Assert.Equal("", play.Error);
                // The output drains before the process exits; this covers the capture's own latency.
                Thread.Sleep(500);
                capture.Stop();
                played = play.Out;
            }
            using (var replay = WavesProcess.Start(dir, null, "replay", "last", "--journal", "J.db", "-o", "replay.wav"))
                Assert.True(replay.Wait(TimeSpan.FromSeconds(120)) == 0, replay.ToString());

            var summary = Regex.Match(played, @"played (\d+\.\d+) s \(ended\), revision \d+, (\d+) underruns");
            Assert.True(summary.Success, played);
            Assert.Equal(Seconds, double.Parse(summary.Groups[1].Value, CultureInfo.InvariantCulture));
            var (expected, rate) = CaptureComparison.ReadWavMono(Path.Combine(dir, "replay.wav"));
            return new CapturedPlay(played, long.Parse(summary.Groups[2].Value, CultureInfo.InvariantCulture),
                Trim(CaptureComparison.ReadRawF32Mono(capturePath, 2)), expected, rate);
        }
        finally { Delete(dir); }
    }

    /// <summary>
    /// The capture without the silence around the session (kept: 0.1 s each side), which also makes
    /// the alignment search short.
    /// </summary>
    static float[] Trim(float[] x)
    {
        var first = Array.FindIndex(x, v => v != 0);
        if (first < 0) return x;
        var last = Array.FindLastIndex(x, v => v != 0);
        var from = Math.Max(0, first - PulseServer.SinkRate / 10);
        var to = Math.Min(x.Length, last + 1 + PulseServer.SinkRate / 10);
        return x[from..to];
    }

    /// <summary>At the sink's rate: the capture is the replay, to float rounding at most.</summary>
    public static void AssertSame(CapturedPlay run, ITestOutputHelper output)
    {
        Assert.Equal(PulseServer.SinkRate, run.ReplayRate);
        var expected = run.Replay[Skipped..];
        var match = CaptureComparison.Compare(run.Captured, expected, PulseServer.SinkRate);
        var worst = LargestDifference(run.Captured, expected, match.Lag);
        output.WriteLine($"{match}; largest sample difference {worst:E2}");
        Assert.Equal(0, run.Underruns);
        Assert.True(match.MatchedFrames >= 0.95 * Seconds * PulseServer.SinkRate, match.ToString());
        Assert.True(match.Correlation > 1 - 1e-6, match.ToString());
        Assert.True(match.WorstWindowCorrelation > 1 - 1e-6, match.ToString());
        Assert.True(Math.Abs(match.LevelDifferenceDb) < 0.01, match.ToString());
        Assert.True(match.SpectrumDifferenceDb < 0.01, match.ToString());
        Assert.True(worst < 1e-6, $"largest sample difference {worst}; {match}");
    }

    /// <summary>At 44100 Hz the server converted: compared with the replay converted to the sink's rate.</summary>
    public static void AssertAlike(CapturedPlay run, ITestOutputHelper output)
    {
        var expected = CaptureComparison.Resample(run.Replay, run.ReplayRate, PulseServer.SinkRate)[Skipped..];
        var match = CaptureComparison.Compare(run.Captured, expected, PulseServer.SinkRate);
        output.WriteLine(match.ToString());
        Assert.Equal(0, run.Underruns);
        Assert.True(match.MatchedFrames >= 0.95 * Seconds * PulseServer.SinkRate, match.ToString());
        Assert.True(match.Correlation > 0.99, match.ToString());
        Assert.True(match.WorstWindowCorrelation > 0.99, match.ToString());
        Assert.True(Math.Abs(match.LevelDifferenceDb) < 1, match.ToString());
        Assert.True(match.SpectrumDifferenceDb < 1, match.ToString());
    }

    /// <summary>The largest |captured[k + lag] − expected[k]| over the overlap.</summary>
    static double LargestDifference(float[] captured, float[] expected, int lag)
    {
        var worst = 0.0;
        for (var k = Math.Max(0, -lag); k < expected.Length && k + lag < captured.Length; k++)
            worst = Math.Max(worst, Math.Abs(captured[k + lag] - expected[k]));
        return worst;
    }
}
