using System.Diagnostics;
using System.Text.RegularExpressions;
using Waves.Engine.Audio;
using Waves.Engine.Tests.Corpus;
using Waves.Engine.Tests.Support;
using Xunit.Abstractions;

namespace Waves.Engine.Tests.Playback;

/// <summary>
/// <c>waves play</c> with live audio input, as a real process against a real audio server that the test
/// feeds with a known signal: the recording carries that signal, the input the render thread used is kept
/// beside the journal frame for frame, and <c>waves replay</c> — whole, or from a later second through a
/// state snapshot — gives the recording's samples bit for bit. The sound is <c>input: {channel: stereo}</c>,
/// so the recording is the input itself.
/// </summary>
public static class InputPlay
{
    public const string Sound = "snd:\n  input: {channel: stereo}\n";
    public const int Rate = 48000;

    public static string Folder()
    {
        var dir = Directory.CreateTempSubdirectory("waves-input-").FullName;
        Directory.CreateDirectory(Path.Combine(dir, "sounds"));
        File.WriteAllText(Path.Combine(dir, "sounds", "snd.yaml"), Sound);
        return dir;
    }

    public static Process Start(IReadOnlyDictionary<string, string> environment, string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var (k, v) in environment) info.Environment[k] = v;
        var p = Process.Start(info)!;
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    public static void Stop(Process p)
    {
        if (!p.HasExited) p.Kill();
        p.WaitForExit();
        p.Dispose();
    }

    /// <summary>Plays <c>snd</c> for <paramref name="seconds"/> with <paramref name="options"/>, recording it, then replays the
    /// session whole and from <paramref name="from"/> seconds; returns (recording, replay, tail, input file, play's output).</summary>
    public static (WavData Recording, WavData Replay, WavData Tail, WavData Input, string Out) Run(string dir, IReadOnlyDictionary<string, string> environment,
        ITestOutputHelper output, double seconds, double from, params string[] options)
    {
        using var play = WavesProcess.Start(dir, environment, ["play", "snd", "--output", "null", "--rate", $"{Rate}", "--duration", $"{seconds}",
            "--record", "out.wav", "--no-ui", "--journal", "J.db", .. options]);
        Assert.True(play.Wait(TimeSpan.FromSeconds(60)) == 0, play.ToString());
        output.WriteLine(play.ToString());
        using var replay = WavesProcess.Start(dir, null, "replay", "last", "--journal", "J.db", "-o", "rep.wav");
        Assert.True(replay.Wait(TimeSpan.FromSeconds(60)) == 0, replay.ToString());
        using var tail = WavesProcess.Start(dir, null, "replay", "last", "--journal", "J.db", "-o", "tail.wav", "--from", $"{from}");
        Assert.True(tail.Wait(TimeSpan.FromSeconds(60)) == 0, tail.ToString());
        using var log = WavesProcess.Start(dir, null, "log", "last", "--journal", "J.db");
        Assert.True(log.Wait(TimeSpan.FromSeconds(60)) == 0, log.ToString());
        output.WriteLine(log.Out);
        Assert.Contains("input-opened", log.Out);
        Assert.Contains("state-snapshotted", log.Out);
        var kept = Regex.Match(play.Out, @"input kept in (\S+) \((\d+) frames");
        Assert.True(kept.Success, play.Out);
        Assert.Equal(Path.Combine(dir, "inputs"), Path.GetDirectoryName(kept.Groups[1].Value));
        return (WavReader.Read(Path.Combine(dir, "out.wav")), WavReader.Read(Path.Combine(dir, "rep.wav")), WavReader.Read(Path.Combine(dir, "tail.wav")),
            WavReader.Read(kept.Groups[1].Value), play.Out);
    }

    /// <summary>Everything the tests ask of a run: see the class summary.</summary>
    public static void AssertAll((WavData Recording, WavData Replay, WavData Tail, WavData Input, string Out) run, double seconds, double from,
        double leftHz, double rightHz)
    {
        var (rec, rep, tail, input, _) = run;
        var frames = (int)(seconds * Rate);
        Assert.Equal(frames, rec.Frames);
        // The input kept is what the render thread used: the sound passes it straight through.
        Assert.Equal(frames, input.Frames);
        Assert.Equal(input.Channels[0], rec.Channels[0]);
        Assert.Equal(input.Channels[1], rec.Channels[1]);
        // Bit for bit: the replay, and the replay from a later second (a state snapshot and a seek into the input file).
        Assert.Equal(rec.Channels[0], rep.Channels[0]);
        Assert.Equal(rec.Channels[1], rep.Channels[1]);
        var start = (int)Math.Round(from * Rate);
        Assert.Equal(frames - start, tail.Frames);
        Assert.Equal(rec.Channels[0][start..], tail.Channels[0]);
        Assert.Equal(rec.Channels[1][start..], tail.Channels[1]);
        // Not silent, and the signal fed in: its frequency on each side.
        var late = rec.Channels[0].AsSpan(Rate);
        Assert.True(Signals.Rms(late) > 0.05, $"the recording is (nearly) silent: rms {Signals.Rms(late)}");
        Assert.InRange(Dominant(rec.Channels[0], Rate), leftHz * 0.98, leftHz * 1.02);
        Assert.InRange(Dominant(rec.Channels[1], Rate), rightHz * 0.98, rightHz * 1.02);
    }

    /// <summary>The strongest frequency of 2^15 frames from the second second on.</summary>
    static double Dominant(float[] x, int rate)
    {
        const int n = 1 << 15;
        var re = new double[n];
        var im = new double[n];
        for (var i = 0; i < n; i++) re[i] = x[rate + i] * (0.5 - 0.5 * Math.Cos(2 * Math.PI * i / n));
        Fft.Forward(re, im);
        var best = 1;
        for (var k = 2; k < n / 2; k++)
            if (re[k] * re[k] + im[k] * im[k] > re[best] * re[best] + im[best] * im[best]) best = k;
        return best * (double)rate / n;
    }

    public static void Delete(string dir)
    {
        try { Directory.Delete(dir, recursive: true); }
        catch (IOException) { }
    }
}

/// <summary>Input from PulseAudio (and ALSA's pulse plugin): <c>pacat</c> plays a 1000 Hz / 1500 Hz tone into the test
/// server's null sink, and waves records from its monitor (playing to the null output, so that it does not hear itself).</summary>
[Collection(PulseCollection.Name)]
public sealed class PulseInputTests(PulseServer server, ITestOutputHelper output)
{
    [RequiresProgramsFact("pulseaudio", "pactl", "pacat")]
    public void Play_WithPulseInput_RecordsTheFedSignal_AndReplaysItBitForBit() =>
        PlayFed(server.Environment, $"input from pulse: source {PulseServer.Sink}.monitor", "--input", "pulse", "--input-device", $"{PulseServer.Sink}.monitor");

    /// <summary>ALSA through its PulseAudio plugin, which records from the source PULSE_SOURCE names.</summary>
    [RequiresProgramsFact("pulseaudio", "pactl", "pacat")]
    public void Play_WithAlsaInputThroughThePulsePlugin_RecordsTheFedSignal_AndReplaysItBitForBit() =>
        PlayFed(new Dictionary<string, string>(server.Environment) { ["PULSE_SOURCE"] = $"{PulseServer.Sink}.monitor" },
            "input from alsa: pulse", "--input", "alsa", "--input-device", "pulse");

    void PlayFed(IReadOnlyDictionary<string, string> environment, string opened, params string[] options)
    {
        var dir = InputPlay.Folder();
        try
        {
            var tone = Path.Combine(dir, "tone.raw");
            using (var f = new BinaryWriter(File.Create(tone)))
                for (var i = 0; i < 12 * InputPlay.Rate; i++)
                {
                    f.Write((float)(0.5 * Math.Sin(2 * Math.PI * 1000 * i / InputPlay.Rate)));
                    f.Write((float)(0.25 * Math.Sin(2 * Math.PI * 1500 * i / InputPlay.Rate)));
                }
            var pacat = InputPlay.Start(server.Environment, "pacat", "--playback", "--raw", "--format=float32le", $"--rate={InputPlay.Rate}",
                "--channels=2", "-d", PulseServer.Sink, "--latency-msec=20", tone);
            try
            {
                Thread.Sleep(300);
                var run = InputPlay.Run(dir, environment, output, 6, 5, options);
                Assert.Contains(opened, run.Out);
                InputPlay.AssertAll(run, 6, 5, 1000, 1500);
            }
            finally { InputPlay.Stop(pacat); }
        }
        finally { InputPlay.Delete(dir); }
    }

    [RequiresProgramsFact("pulseaudio", "pactl")]
    public void Play_FromASourceThatDoesNotExist_FailsSayingSo()
    {
        var dir = InputPlay.Folder();
        try
        {
            using var play = WavesProcess.Start(dir, server.Environment, "play", "snd", "--output", "null", "--input", "pulse", "--input-device", "no_such_source",
                "--duration", "1", "--no-ui", "--journal", "J.db");
            Assert.Equal(1, play.Wait(TimeSpan.FromSeconds(60)));
            Assert.Contains("cannot open the pulse input: cannot record from source 'no_such_source': No such entity", play.Error);
        }
        finally { InputPlay.Delete(dir); }
    }
}

/// <summary>Input from JACK: <c>jack_simple_client</c> plays its tones (240 Hz left, 720 Hz right at 48 kHz), and waves's
/// capture client takes them from its ports.</summary>
[Collection("jack")]
public sealed class JackInputTests(JackServer jack, ITestOutputHelper output)
{
    [RequiresProgramsFact("jackd", "jack_wait", "jack_simple_client")]
    public void Play_WithJackInput_RecordsTheFedSignal_AndReplaysItBitForBit()
    {
        var dir = InputPlay.Folder();
        var simple = jack.Start("jack_simple_client", "tones");
        try
        {
            var clock = Stopwatch.StartNew();
            while (!jack.Ports().Contains("tones:output2") && clock.Elapsed < TimeSpan.FromSeconds(20)) Thread.Sleep(100);
            var run = InputPlay.Run(dir, jack.Environment, output, 6, 5, "--input", "jack", "--input-device", "tones");
            Assert.Contains("input from jack: client waves-in ← tones:output1, tones:output2", run.Out);
            InputPlay.AssertAll(run, 6, 5, 240, 720);
        }
        finally
        {
            InputPlay.Stop(simple);
            InputPlay.Delete(dir);
        }
    }

    [RequiresProgramsFact("jackd", "jack_wait")]
    public void Play_WithJackInputAtAnotherRate_FailsSayingWhichRate()
    {
        var dir = InputPlay.Folder();
        try
        {
            using var play = WavesProcess.Start(dir, jack.Environment, "play", "snd", "--output", "null", "--input", "jack", "--rate", "44100",
                "--duration", "1", "--no-ui", "--journal", "J.db");
            Assert.Equal(1, play.Wait(TimeSpan.FromSeconds(60)));
            Assert.Contains("the JACK server runs at 48000 Hz and the session at 44100 Hz: play with --rate 48000", play.Error);
        }
        finally { InputPlay.Delete(dir); }
    }
}
