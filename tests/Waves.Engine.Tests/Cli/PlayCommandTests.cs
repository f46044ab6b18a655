using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Waves.Engine.Audio;
using Waves.Engine.Patching;
using Waves.Engine.Rendering;
using Waves.Engine.Tests.Reload;
using Waves.Engine.Tests.Support;
using SysConsole = System.Console;
using WavesCli = Waves.Console.Cli;
using Xunit.Abstractions;

namespace Waves.Engine.Tests.Cli;

/// <summary>
/// <c>waves play</c> end to end, in process: the command runs on a background thread (against its
/// clock-paced null output) in a temporary folder while the test edits the sound file, types on its
/// standard input and finally reads what it printed and recorded.
/// </summary>
[Collection("cli")]
public sealed class PlayCommandTests : IDisposable
{
    const int Rate = 44100;

    readonly string dir = Directory.CreateTempSubdirectory("waves-play-").FullName;
    readonly string previousDirectory = Environment.CurrentDirectory;
    readonly TextWriter previousOut = SysConsole.Out, previousError = SysConsole.Error;
    readonly TextReader previousIn = SysConsole.In;

    readonly ITestOutputHelper output;

    public PlayCommandTests(ITestOutputHelper output)
    {
        this.output = output;
        Environment.CurrentDirectory = dir;
    }

    public void Dispose()
    {
        SysConsole.SetOut(previousOut);
        SysConsole.SetError(previousError);
        SysConsole.SetIn(previousIn);
        Environment.CurrentDirectory = previousDirectory;
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
    }

    /// <summary>A sine whose pitch is a context variable; it never ends by itself.</summary>
    static string Tone(string pitch) => $"tone:\n  context:\n    pitch: {pitch}\n    signal: {{osc: {{freq: pitch, amp: 0.5}}}}\n";

    const string BrokenTone = "tone:\n  context:\n    pitch: 440\n    signal: {osc: {freq: pitch *, amp: 0.5}}\n";

    [Fact]
    public void PlayCommand_EditsWhilePlaying_AreAppliedAtThePrintedFrames_AndRecorded()
    {
        WriteSounds(Tone("220"));
        // 5 s leave room for the three edits on a busy machine.
        var play = Running.Start("", "play", "tone", "--duration", "5", "--record", "rec.wav");
        Assert.True(play.WaitForOutput("edit sounds", TimeSpan.FromSeconds(10)), play.ToString());
        // Each save waits until the previous one was heard (or rejected), and 0.4 s more: far beyond
        // the watcher's 50 ms window, so that a busy machine cannot merge two saves into one.
        Thread.Sleep(600);
        SaveSounds(Tone("440"));
        Assert.True(play.WaitForOutput("revision 2 applied", TimeSpan.FromSeconds(3)), play.Output);
        Thread.Sleep(400);
        SaveSounds(BrokenTone);
        Assert.True(play.WaitForOutput("reload rejected", TimeSpan.FromSeconds(3)), play.Output);
        Thread.Sleep(400);
        SaveSounds(Tone("660"));
        var r = play.Finish(TimeSpan.FromSeconds(20));
        output.WriteLine(r.ToString());

        Assert.Equal(0, r.Exit);
        var applied = Regex.Matches(r.Out, @"revision (\d+) applied at frame (\d+) \(").Select(m => (Revision: int.Parse(m.Groups[1].Value), Frame: long.Parse(m.Groups[2].Value))).ToArray();
        Assert.True(applied.Length == 2 && applied[0].Revision == 2 && applied[1].Revision == 3, r.ToString());
        var (f2, f3) = (applied[0].Frame, applied[1].Frame);
        var rejected = r.Out.IndexOf("reload rejected; still playing revision 2", StringComparison.Ordinal);
        Assert.True(rejected > r.Out.IndexOf("revision 2 applied", StringComparison.Ordinal) && rejected < r.Out.IndexOf("revision 3 applied", StringComparison.Ordinal), r.ToString());
        Assert.Single(Regex.Matches(r.Out, "reload rejected"));
        // The error names the broken line (the fourth) and a column on it.
        var error = Regex.Match(r.Out, @"sounds/x\.yaml:(\d+):(\d+): error: ");
        Assert.True(error.Success, r.ToString());
        Assert.Equal(4, int.Parse(error.Groups[1].Value));
        var brokenLine = BrokenTone.Split('\n')[3];
        Assert.InRange(int.Parse(error.Groups[2].Value), brokenLine.IndexOf("pitch *", StringComparison.Ordinal) + 1, brokenLine.IndexOf(',') + 1);
        Assert.Contains("played 5.000 s (ended), revision 3,", r.Out);
        Assert.Contains("wrote rec.wav (220500 frames)", r.Out);
        Assert.Equal("", r.Err);

        var wav = WavReader.Read("rec.wav");
        Assert.Equal(Rate, wav.SampleRate);
        Assert.Equal(2, wav.ChannelCount);
        Assert.Equal(5 * Rate, wav.Frames);
        var left = wav.Channels[0];
        Assert.Equal(left, wav.Channels[1]);                    // a mono sound, on both sides
        Assert.Equal(0, f2 % RenderSettings.DefaultBlockSize);
        Assert.Equal(0, f3 % RenderSettings.DefaultBlockSize);
        const int Window = 4096;                                // 93 ms: 20 periods of 220 Hz
        Assert.True(f2 > Window && f3 > f2 + 2 * Window && f3 + 512 + Window <= wav.Frames, $"revision 2 at {f2}, 3 at {f3}\n{r}");
        // The pitch changes at the printed frames (after the 10 ms declick), not before.
        static double Hz(float[] x, long from) => Signals.Frequency(x.AsSpan((int)from, Window), Rate);
        Assert.Equal(220, Hz(left, f2 - Window), 220 * 0.005);
        Assert.Equal(440, Hz(left, f2 + 512), 440 * 0.005);
        Assert.Equal(440, Hz(left, f3 - Window), 440 * 0.005);
        Assert.Equal(660, Hz(left, f3 + 512), 660 * 0.005);

        // And the recording is exactly what the same edits give at those frames in an offline replay.
        var replay = Replay(5 * Rate, (f2, Tone("440")), (f3, Tone("660")));
        var first = LiveRun.FirstDifference(replay, left);
        Assert.True(first == -1, $"the recording differs from the replay at frame {first} (revisions at {f2}, {f3})");
        // Without the edit the recording would be the same up to the printed frame, and no further.
        Assert.InRange(LiveRun.FirstDifference(Replay(f2 + 512), left[..(int)(f2 + 512)]), f2, f2 + 511);
    }

    [Fact]
    public async Task PlayThenReplay_GivesExactlyTheRecordedSamples_AlsoWithoutHardwareIntrinsics()
    {
        WriteSounds(Tone("220"));
        var play = Running.Start("", "play", "tone", "--duration", "2.5", "--record", "rec.wav", "--journal", "j.db");
        Assert.True(play.WaitForOutput("edit sounds", TimeSpan.FromSeconds(10)), play.ToString());
        Thread.Sleep(500);
        SaveSounds(Tone("330"));
        Thread.Sleep(500);
        SaveSounds(BrokenTone);
        Thread.Sleep(500);
        SaveSounds(Tone("pitch_b").Replace("    pitch: pitch_b\n", "    pitch_b: 495\n    pitch: pitch_b\n"));
        var r = play.Finish(TimeSpan.FromSeconds(20));
        Assert.Equal(0, r.Exit);
        Assert.Contains("revision 3 applied", r.Out);
        var session = Regex.Match(r.Out, @"session (\S+) journaled in j\.db").Groups[1].Value;
        Assert.NotEqual("", session);

        var sessions = Running.Start("", "sessions", "--journal", "j.db").Finish(TimeSpan.FromSeconds(10));
        Assert.Contains($"{session}  ", sessions.Out);
        Assert.Contains("3 edits", sessions.Out);
        var log = Running.Start("", "log", "last", "--journal", "j.db").Finish(TimeSpan.FromSeconds(10));
        Assert.Contains("reload-rejected", log.Out);
        Assert.Contains("sounds/x.yaml:    3 +     pitch: 330", log.Out);

        var replay = Running.Start("", "replay", session, "--journal", "j.db", "-o", "replay.wav").Finish(TimeSpan.FromSeconds(20));
        Assert.True(replay.Exit == 0, replay.ToString());
        var recorded = WavReader.Read("rec.wav");
        var replayed = WavReader.Read("replay.wav");
        Assert.Equal(recorded.Frames, replayed.Frames);
        for (var c = 0; c < 2; c++)
            Assert.Equal(-1, LiveRun.FirstDifference(recorded.Channels[c], replayed.Channels[c]));

        // The same replay in a child process with SIMD turned off gives the same bits.
        var waves = Path.Combine(AppContext.BaseDirectory, "waves.dll");
        var psi = new ProcessStartInfo("dotnet", ["exec", waves, "replay", session, "--journal", "j.db", "-o", "nosimd.wav"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Environment.CurrentDirectory,
        };
        psi.Environment["DOTNET_EnableHWIntrinsic"] = "0";
        using var child = Process.Start(psi)!;
        var childErr = child.StandardError.ReadToEndAsync();
        var childOut = await child.StandardOutput.ReadToEndAsync();
        Assert.True(child.WaitForExit(TimeSpan.FromMinutes(2)), "replay without intrinsics timed out");
        Assert.True(child.ExitCode == 0, childOut + await childErr);
        var plain = WavReader.Read("nosimd.wav");
        for (var c = 0; c < 2; c++)
            Assert.Equal(-1, LiveRun.FirstDifference(recorded.Channels[c], plain.Channels[c]));
    }

    [Fact]
    public void Replay_WithStems_WritesTracksThatSumToTheMixdown_AcrossAnEditThatAddsOne()
    {
        const string before = "m:\n  mix:\n    a: {osc: {freq: 220, amp: 0.3}}\n    b: {track: {pan: 0.5, signal: {osc: {type: tri, freq: 330, amp: 0.3}}}}\n";
        var after = before + "    c: {osc: {type: saw, freq: 110, amp: 0.2}}\n";
        static SoundLibrary Library(string yaml) => SoundLibrary.FromTexts([new SoundLibrary.SourceFile("sounds/x.yaml", yaml)]);
        string id;
        using (var journal = new Waves.Journal.Storage.LiteDbJournal("j.db"))
        {
            var (session, _) = LiveSession.Start(Library(before), "m", new RenderSettings(BlockSize: 512), fadeFrames: 441);
            var recorder = new Waves.Journal.Sessions.SessionRecorder(journal, session!, "sounds", _ => { });
            recorder.Begin([], false);
            var l = new float[512];
            var r = new float[512];
            for (var b = 0; b < 80; b++)
            {
                if (b == 30) recorder.Edit(Library(after));
                session!.Renderer.RenderBlock(l, r, 512);
                recorder.Poll();
            }
            recorder.End(80 * 512, "ended");
            id = recorder.SessionId;
        }
        var replay = Running.Start("", "replay", id, "--journal", "j.db", "-o", "mix.wav", "--stems").Finish(TimeSpan.FromSeconds(20));
        Assert.True(replay.Exit == 0, replay.ToString());
        var mix = WavReader.Read("mix.wav");
        var stems = new[] { "a", "b", "c" }.Select(t => WavReader.Read($"mix__{t}.wav")).ToArray();
        Assert.All(stems, s => Assert.Equal(mix.Frames, s.Frames));
        Assert.All(stems[2].Channels[0][..(30 * 512)], v => Assert.Equal(0f, v));   // c did not exist yet
        for (var c = 0; c < 2; c++)
            for (var i = 0; i < mix.Frames; i++)
                Assert.Equal(mix.Channels[c][i], stems.Sum(s => s.Channels[c][i]), 1e-5);
    }

    [Fact]
    public void PlayCommand_UnknownSound_Exits1()
    {
        WriteSounds(Tone("220"));
        var r = Running.Start("", "play", "nosuch", "--duration", "1").Finish(TimeSpan.FromSeconds(10));
        Assert.Equal(1, r.Exit);
        Assert.Contains("no sound named 'nosuch'", r.Err);
        Assert.DoesNotContain("playing", r.Out);
    }

    [Fact]
    public void PlayCommand_LoopedOneShot_KeepsSoundingUntilTheDuration()
    {
        WriteSounds("shot: {osc: {freq: 441, amp: 0.5, duration: 0.2}}\n");
        var r = Running.Start("", "play", "shot", "--loop", "--duration", "1", "--record", "loop.wav").Finish(TimeSpan.FromSeconds(10));
        Assert.Equal(0, r.Exit);
        Assert.Contains("played 1.000 s", r.Out);
        var wav = WavReader.Read("loop.wav");
        Assert.Equal(Rate, wav.Frames);
        var left = wav.Channels[0];
        // Without --loop the shot is silent after 0.2 s; looped, the last 0.1 s still sounds.
        Assert.True(Signals.Rms(left.AsSpan(Rate - Rate / 10)) > 0.25, $"rms {Signals.Rms(left.AsSpan(Rate - Rate / 10))}");
        // It starts again from its beginning: the start of each repetition is the start of the shot.
        var once = Patches.Render("s: {osc: {freq: 441, amp: 0.5, duration: 0.2}}\n", 0.2, block: 512).Left;
        var period = once.Length;                             // seamless: it starts again on the frame it ended
        for (var start = period; start + 4096 < Rate; start += period)
            Assert.Equal(-1, LiveRun.FirstDifference(once[..4096], left[start..(start + 4096)]));
    }

    [Fact]
    public void PlayCommand_StopOnStandardInput_EndsIt()
    {
        WriteSounds(Tone("220"));
        var clock = Stopwatch.StartNew();
        var r = Running.Start("stop\n", "play", "tone", "--duration", "10").Finish(TimeSpan.FromSeconds(20));
        Assert.Equal(0, r.Exit);
        var played = Regex.Match(r.Out, @"played (\d+\.\d+) s");
        Assert.True(played.Success, r.ToString());
        Assert.True(double.Parse(played.Groups[1].Value, CultureInfo.InvariantCulture) < 5, r.ToString());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"took {clock.Elapsed}");
    }

    // ---------------------------------------------------------------- helpers

    /// <summary>A sine under a 240 bpm tempo: a bar is exactly one second (44100 frames).</summary>
    static string Bars(int freq) => $"tone:\n  tempo:\n    bpm: 240\n    signal: {{osc: {{freq: {freq}, amp: 0.5}}}}\n";

    [Fact]
    public void ReloadAtBar_HoldsAnEditUntilTheFirstBlockOfTheNextBar()
    {
        WriteSounds(Bars(220));
        var play = Running.Start("", "play", "tone", "--duration", "2.5", "--reload-at", "bar");
        Assert.True(play.WaitForOutput("edit sounds", TimeSpan.FromSeconds(10)), play.ToString());
        Thread.Sleep(300);                  // mid-way through the first bar
        SaveSounds(Bars(330));
        var r = play.Finish(TimeSpan.FromSeconds(20));
        output.WriteLine(r.ToString());

        var applied = Regex.Match(r.Out, @"revision 2 applied at frame (\d+) ");
        Assert.True(applied.Success, r.ToString());
        var frame = long.Parse(applied.Groups[1].Value);
        // A bar starts every 44100 frames; swaps stay on block boundaries (512 frames).
        Assert.Equal(0, frame % RenderSettings.DefaultBlockSize);
        Assert.InRange(frame % Rate, 0, RenderSettings.DefaultBlockSize - 1);
        Assert.True(frame >= Rate, $"applied at {frame}, before the first bar line");
    }

    [Fact]
    public void ReloadAt_OtherThanBlockBeatOrBar_IsAUsageError()
    {
        WriteSounds(Bars(220));
        var r = Running.Start("", "play", "tone", "--reload-at", "1").Finish(TimeSpan.FromSeconds(10));
        Assert.NotEqual(0, r.Exit);
        Assert.Contains("--reload-at expects block, beat or bar", r.Err);
    }

    static void WriteSounds(string yaml)
    {
        Directory.CreateDirectory("sounds");
        File.WriteAllText("sounds/x.yaml", yaml);
    }

    /// <summary>Saves the sound file the way many editors do: a temporary file renamed onto it, so
    /// that the watcher never sees it half written however loaded the machine is.</summary>
    static void SaveSounds(string yaml)
    {
        File.WriteAllText("sounds/.x.yaml.tmp", yaml);
        File.Move("sounds/.x.yaml.tmp", "sounds/x.yaml", overwrite: true);
    }

    /// <summary>The tone rendered the way play renders it (default block, seed and 10 ms declick),
    /// started at 220 Hz, with each edit applied before the block at its frame.</summary>
    static float[] Replay(long frames, params (long Frame, string Yaml)[] edits)
    {
        static SoundLibrary Library(string yaml) => SoundLibrary.FromTexts([new SoundLibrary.SourceFile("sounds/x.yaml", yaml)]);
        var (session, problems) = LiveSession.Start(Library(Tone("220")), "tone", new RenderSettings(), fadeFrames: 441);
        Assert.True(session is not null, string.Join("\n", problems));
        var block = session.Settings.BlockSize;
        var output = new float[frames];
        var right = new float[block];
        for (long at = 0; at < frames; at += block)
        {
            foreach (var (frame, yaml) in edits)
                if (frame == at) Assert.True(session.Reload(Library(yaml)).Accepted);
            var count = (int)Math.Min(block, frames - at);
            session.Renderer.RenderBlock(output.AsSpan((int)at, count), right, count);
        }
        return output;
    }

    sealed record CliResult(int Exit, string Out, string Err)
    {
        public override string ToString() => $"exit {Exit}\n--- stdout\n{Out}\n--- stderr\n{Err}";
    }

    /// <summary>Console output that can be read while another thread writes it.</summary>
    sealed class SharedWriter : TextWriter
    {
        readonly StringBuilder text = new();

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            lock (text) text.Append(value);
        }

        public override void Write(string? value)
        {
            lock (text) text.Append(value);
        }

        public override void Write(char[] buffer, int index, int count)
        {
            lock (text) text.Append(buffer, index, count);
        }

        public override string ToString()
        {
            lock (text) return text.ToString();
        }
    }

    /// <summary>The CLI running on a background thread with its console redirected (the test's
    /// <see cref="Dispose"/> puts the console back).</summary>
    sealed class Running
    {
        readonly SharedWriter stdout = new(), stderr = new();
        Thread? thread;
        int exit = int.MinValue;
        Exception? error;

        public static Running Start(string stdin, params string[] args)
        {
            var r = new Running();
            SysConsole.SetOut(r.stdout);
            SysConsole.SetError(r.stderr);
            SysConsole.SetIn(new StringReader(stdin));
            r.thread = new Thread(() =>
            {
                try { r.exit = WavesCli.Run(args); }
                catch (Exception e) { r.error = e; }
            }) { IsBackground = true, Name = "waves " + string.Join(' ', args) };
            r.thread.Start();
            return r;
        }

        public bool WaitForOutput(string text, TimeSpan timeout)
        {
            var clock = Stopwatch.StartNew();
            while (!stdout.ToString().Contains(text, StringComparison.Ordinal))
            {
                if (clock.Elapsed > timeout || !thread!.IsAlive) return false;
                Thread.Sleep(10);
            }
            return true;
        }

        public CliResult Finish(TimeSpan timeout)
        {
            Assert.True(thread!.Join(timeout), $"the command did not return within {timeout}\n{this}");
            Assert.True(error is null, $"the command threw: {error}\n{this}");
            return new CliResult(exit, stdout.ToString(), stderr.ToString());
        }

        public string Output => stdout.ToString();

        public override string ToString() => $"--- stdout\n{stdout}\n--- stderr\n{stderr}";
    }
}
