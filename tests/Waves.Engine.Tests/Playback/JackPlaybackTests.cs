using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Waves.Engine.Tests.Support;
using Xunit.Abstractions;

namespace Waves.Engine.Tests.Playback;

/// <summary>
/// <c>waves play --output jack</c> as a real process against a real (dummy-backend) JACK server:
/// what another JACK client records from it is what <c>waves replay</c> renders from the journal.
/// <para>
/// <c>jack_rec</c> starts first and waves connects to its ports (<c>--device jackrec</c>); waves's
/// callback takes no frame from the feed before the connections are in the server's graph, so the
/// capture holds the whole play, with silence around it (the comparison finds the lag).
/// </para>
/// <para>
/// Tolerances. At the server's rate JACK carries the rendered floats untouched and jack_rec writes
/// them as 32-bit PCM (steps of 2⁻³¹): every sample must arrive within 1e-6, which no lost,
/// repeated or reordered period survives. Converted from 44.1 kHz, the played sound went through
/// the feed's 32-point sinc and the replay (for the comparison) through a 64-point one: measured,
/// they agree to about −40 dB (correlation 0.99995, worst window 0.99992, level −0.003 dB, spectrum
/// 0.006 dB, the same every run: the conversion does not depend on timing); the bounds are fifteen
/// to twenty-five times looser than that, and a gap of one period still breaks the worst window.
/// </para>
/// </summary>
[Collection("jack")]
public sealed class JackPlaybackTests(JackServer jack, ITestOutputHelper output) : IDisposable
{
    const double Seconds = 4;

    /// <summary>Seconds jack_rec records: waves's start on two busy cores, the 4 s, and its end.</summary>
    const int RecordSeconds = 14;

    /// <summary>A sweep (its frequency follows t) and quiet seeded noise: no period, so only one lag matches.</summary>
    const string Sound = "snd:\n  mix:\n    sweep: {osc: {freq: \"300 + 400 * t\", amp: 0.4}}\n    hiss: {osc: {type: noise, seed: 7, amp: 0.05}}\n";

    readonly string dir = Directory.CreateTempSubdirectory("waves-jack-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
    }

    [RequiresProgramsFact("jackd", "jack_rec", "jack_wait", "jack_lsp", "jack_disconnect")]
    public void Play_ToJackAtTheServersRate_IsCapturedExactlyAsTheReplayRendersIt()
    {
        var (match, play, captured, expected) = PlayAndCapture(48000);

        Assert.DoesNotContain("converted", play);
        Assert.True(match.MatchedFrames == expected.Length, match.ToString());
        Assert.True(match.Correlation > 0.99999, match.ToString());
        Assert.True(match.WorstWindowCorrelation > 0.9999, match.ToString());
        Assert.True(Math.Abs(match.LevelDifferenceDb) < 0.01, match.ToString());
        Assert.True(match.SpectrumDifferenceDb < 0.05, match.ToString());
        var (worst, at) = (0f, 0);
        for (var k = 0; k < expected.Length; k++)
            if (Math.Abs(captured[k + match.Lag] - expected[k]) is var d && d > worst) (worst, at) = (d, k);
        Assert.True(worst < 1e-6f, $"frame {at} differs by {worst}: {match}");
    }

    [RequiresProgramsFact("jackd", "jack_rec", "jack_wait", "jack_lsp", "jack_disconnect")]
    public void Play_ToJackAtAnotherRate_IsConvertedToTheServersRate_AndCapturedAsTheReplayRendersIt()
    {
        var (match, play, _, _) = PlayAndCapture(44100);

        Assert.Contains("44100 Hz", play);
        Assert.Contains("converted to the device's 48000 Hz", play);
        Assert.True(match.MatchedFrames >= 0.99 * Seconds * JackServer.Rate, match.ToString());
        Assert.True(match.Correlation > 0.999, match.ToString());
        Assert.True(match.WorstWindowCorrelation > 0.998, match.ToString());
        Assert.True(Math.Abs(match.LevelDifferenceDb) < 0.05, match.ToString());
        Assert.True(match.SpectrumDifferenceDb < 0.1, match.ToString());
    }

    [RequiresProgramsFact("jackd", "jack_wait")]
    public void Play_ToJackWithoutDevice_ConnectsToThePlaybackPorts_AndReportsTheirLatency()
    {
        WriteSound();
        using var play = Play(48000, 1, device: null);
        var exit = play.Wait(TimeSpan.FromSeconds(60));
        output.WriteLine(play.ToString());

        Assert.Equal(0, exit);
        Assert.Contains("on jack: client waves → system:playback_1, system:playback_2 (48000 Hz, period 256)", play.Out);
        // The dummy backend's playback ports report two periods (asynchronous mode): 512 frames, 10.7 ms.
        Assert.Equal(11, DeviceLatencyMs(play.Out));
        Assert.Contains("0 underruns", play.Out);
    }

    [RequiresProgramsFact("jackd")]
    public void Play_ToJackWithoutServer_SaysSoAndExitsWithOne()
    {
        WriteSound();
        var nowhere = new Dictionary<string, string>
        {
            ["JACK_DEFAULT_SERVER"] = $"waves-test-nobody-{Environment.ProcessId}",
            ["JACK_NO_START_SERVER"] = "1",
        };
        using var play = WavesProcess.Start(dir, nowhere, "play", "snd", "--output", "jack", "--duration", "1", "--no-ui",
            "--journal", "J.db", "--sounds", "sounds");
        var exit = play.Wait(TimeSpan.FromSeconds(60));
        output.WriteLine(play.ToString());

        Assert.Equal(1, exit);
        Assert.Contains("cannot open the jack output: no JACK server named 'waves-test-nobody-", play.Error);
        Assert.Contains("running (start one with: jackd", play.Error);
        // libjack's own complaints are not passed on: the one line says it all.
        Assert.DoesNotContain("Cannot connect to server", play.Error);
    }

    [RequiresProgramsFact("jackd", "jack_wait")]
    public void Play_WhenTheJackServerDies_SaysSo_AndTheSessionEndsWhenItShould()
    {
        WriteSound();
        using var doomed = new JackServer();
        using var play = WavesProcess.Start(dir, doomed.Environment, "play", "snd", "--output", "jack", "--rate", "48000",
            "--latency", "200", "--duration", "3", "--no-ui", "--journal", "J.db", "--sounds", "sounds");
        Assert.True(play.WaitForOutput("session ", TimeSpan.FromSeconds(60)), play.ToString());
        Thread.Sleep(1000);
        doomed.Dispose();
        var exit = play.Wait(TimeSpan.FromSeconds(60));
        output.WriteLine(play.ToString());

        Assert.Equal(0, exit);
        Assert.Contains("the JACK server shut down; the session goes on unheard", play.Error);
        Assert.Contains("played 3.000 s (ended)", play.Out);
    }

    /// <summary>Plays the sound at <paramref name="rate"/> into jack_rec's ports, replays the session and
    /// compares the two at the server's rate; returns the comparison, what play printed, and the two
    /// signals compared (mono, at the server's rate).</summary>
    (CaptureMatch Match, string Play, float[] Captured, float[] Expected) PlayAndCapture(int rate)
    {
        WriteSound();
        using var recorder = jack.StartIn(dir, "jack_rec", "-f", "cap.wav", "-d", $"{RecordSeconds}", "-b", "32", "-B", "262144",
            "system:capture_1", "system:capture_2");
        string play;
        try { play = Record(recorder, rate); }
        finally
        {
            // A recorder left behind would take the name jackrec from the next test's.
            if (!recorder.HasExited) recorder.Kill();
        }

        using (var replay = WavesProcess.Start(dir, null, "replay", "last", "--journal", "J.db", "-o", "replay.wav"))
        {
            Assert.True(replay.Wait(TimeSpan.FromSeconds(60)) == 0, replay.ToString());
        }
        var (captured, captureRate) = CaptureComparison.ReadWavMono(Path.Combine(dir, "cap.wav"));
        var (expected, replayRate) = CaptureComparison.ReadWavMono(Path.Combine(dir, "replay.wav"));
        Assert.Equal(JackServer.Rate, captureRate);
        Assert.Equal(rate, replayRate);
        Assert.Equal((int)(Seconds * rate), expected.Length);
        expected = CaptureComparison.Resample(expected, rate, JackServer.Rate);
        var match = CaptureComparison.Compare(captured, expected, JackServer.Rate);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rate} Hz played, device latency {DeviceLatencyMs(play)} ms: {match}"));
        return (match, play, captured, expected);
    }

    /// <summary>Plays into the running jack_rec and waits for it to write its file; returns what play printed.</summary>
    string Record(Process recorder, int rate)
    {
        var recording = Stopwatch.StartNew();
        var recorderOut = recorder.StandardOutput.ReadToEndAsync();
        var recorderErr = recorder.StandardError.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        while (!jack.Ports().Contains("jackrec:input2"))
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(20) || recorder.HasExited) Assert.Fail($"jack_rec did not start: {recorderErr.Result}");
            Thread.Sleep(20);
        }
        // The capture ports are silent, but only waves should reach the recorder.
        foreach (var n in new[] { 1, 2 })
        {
            var (code, said) = jack.Run(TimeSpan.FromSeconds(20), "jack_disconnect", $"system:capture_{n}", $"jackrec:input{n}");
            Assert.True(code == 0, said);
        }

        using var play = Play(rate, Seconds, device: "jackrec");
        var exit = play.Wait(TimeSpan.FromSeconds(60));
        var played = recording.Elapsed;
        output.WriteLine(play.ToString());
        Assert.Equal(0, exit);
        Assert.Contains("on jack: client waves → jackrec:input1, jackrec:input2 (48000 Hz, period 256)", play.Out);
        Assert.True(played < TimeSpan.FromSeconds(RecordSeconds - 1),
            $"waves ended {played.TotalSeconds:0.0} s after jack_rec started its {RecordSeconds} s: too slow a machine for this test");

        Assert.True(recorder.WaitForExit(TimeSpan.FromSeconds(RecordSeconds + 30)), "jack_rec did not finish");
        output.WriteLine($"--- jack_rec\n{recorderOut.Result}{recorderErr.Result}");
        Assert.Equal(0, recorder.ExitCode);
        Assert.DoesNotContain("overruns", recorderOut.Result + recorderErr.Result);
        return play.Out;
    }

    WavesProcess Play(int rate, double seconds, string? device)
    {
        string[] args = ["play", "snd", "--output", "jack", "--rate", rate.ToString(CultureInfo.InvariantCulture), "--latency", "200",
            "--duration", seconds.ToString(CultureInfo.InvariantCulture), "--no-ui", "--journal", "J.db", "--sounds", "sounds"];
        return WavesProcess.Start(dir, jack.Environment, device is null ? args : [.. args, "--device", device]);
    }

    void WriteSound()
    {
        Directory.CreateDirectory(Path.Combine(dir, "sounds"));
        File.WriteAllText(Path.Combine(dir, "sounds", "snd.yaml"), Sound);
    }

    static int DeviceLatencyMs(string playOutput)
    {
        var m = Regex.Match(playOutput, @"device latency (\d+) ms");
        Assert.True(m.Success, playOutput);
        return int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
    }
}
