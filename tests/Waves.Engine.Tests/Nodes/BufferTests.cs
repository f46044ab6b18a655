using Waves.Engine.Audio;
using Waves.Engine.Nodes;
using Waves.Engine.Rendering;
using Waves.Engine.Tests.Reload;
using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Nodes;

public sealed class BufferTests : IDisposable
{
    readonly AudioFixtures fx = new();

    public void Dispose() => fx.Dispose();

    /// <summary>A signal whose value says its frame: 0.001 per frame at 1 kHz.</summary>
    const string Ramp = "\"t\"";

    [Fact]
    public void Buffer_WriterWithAnOffset_ReadsThatFarBehindItsHead()
    {
        var x = Patches.Render($"s:\n  buffer: {{length: 2, offset: 0.05, signal: {Ramp}}}\n", 1, rate: 1000).Left;
        Assert.All(x[..50], v => Assert.Equal(0f, v));
        for (var i = 50; i < 1000; i++) Assert.Equal((i - 50) / 1000f, x[i], 1e-6);
    }

    [Fact]
    public void Buffer_WriterWithOffset0_ReturnsWhatItWrites()
    {
        var x = Patches.Render("s:\n  buffer: {signal: {osc: {freq: 7}}}\n", 0.5).Left;
        var osc = Patches.Render("s:\n  osc: {freq: 7}\n", 0.5).Left;
        Assert.Equal(osc, x);
    }

    [Theory]
    [InlineData("r", "w")]
    [InlineData("w", "r")]
    public void Buffer_WriteThenRead_RoundTrips_WhereverTheReaderSits(string first, string second)
    {
        // The reader reads 0.1 s behind the writer; the original's reader moved the shared head,
        // so the writer wrote with gaps and the reader read zeros.
        var tracks = new Dictionary<string, string>
        {
            ["w"] = $"w: {{track: {{pan: -1, signal: {{buffer: {{name: A, length: 2, signal: {Ramp}}}}}}}}}",
            ["r"] = "r: {track: {pan: 1, signal: {buffer: {name: A, offset: 0.1}}}}",
        };
        var a = Patches.Render($"s:\n  mix:\n    {tracks[first]}\n    {tracks[second]}\n", 1.5, rate: 1000);
        for (var i = 0; i < 1500; i++)
        {
            Assert.Equal(i / 1000f, a.Left[i], 1e-6);
            Assert.Equal(i < 100 ? 0 : (i - 100) / 1000f, a.Right![i], 1e-6);
        }
    }

    [Fact]
    public void Buffer_ReaderInsideItsWritersSignal_ReadsOneBufferLengthBack()
    {
        // A looper: each pass is the burst plus what was written one buffer length (2048 frames) before.
        var x = Patches.Render("""
            s:
              buffer:
                name: loop
                length: 2.048
                signal:
                  mix:
                    dry: {osc: {freq: 50, duration: 0.3}}
                    old: {buffer: {name: loop}}
            """, 7, rate: 1000).Left;
        var burst = Patches.Render("s:\n  osc: {freq: 50, duration: 0.3}\n", 0.3, rate: 1000).Left;
        for (var pass = 0; pass < 3; pass++)
            for (var i = 0; i < 300; i++)
                Assert.Equal(burst[i], x[pass * 2048 + i], 1e-6);
        Assert.All(x[300..2048], v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Buffer_OfAFileWithoutAWriter_LoopsTheFile()
    {
        fx.Wav("samples/a.wav", 44100, AudioFixtures.Ramp(2000));
        fx.Sound("s:\n  buffer: {file: samples/a.wav}\n");
        var x = fx.Render(0.2).Left;
        var ramp = AudioFixtures.Ramp(2000);
        for (var i = 0; i < x.Length; i++) Assert.Equal(ramp[i % 2000], x[i]);
    }

    [Fact]
    public void Buffer_WithLengthAndFile_HoldsTheFilesStart_WhereTheOriginalPlayedSilence()
    {
        fx.Wav("samples/a.wav", 44100, AudioFixtures.Ramp(4000));
        fx.Sound("s:\n  buffer: {file: samples/a.wav, length: 0.05, start: 0, end: 1, loop: true}\n");
        var x = fx.Render(0.2).Left;
        var ramp = AudioFixtures.Ramp(4000);
        for (var i = 0; i < x.Length; i++) Assert.Equal(ramp[i % 2205], x[i]);
    }

    [Fact]
    public void Buffer_FileAtAnotherRate_IsResampledWhenLoaded()
    {
        fx.Wav("samples/a.wav", 22050, AudioFixtures.Sine(300, 22050, 22050));
        fx.Sound("s:\n  buffer: {file: samples/a.wav}\n");
        Assert.Equal(300, Signals.Frequency(fx.Render(1).Left, 44100), 0.5);
    }

    [Fact]
    public void Buffer_PositionMode_PlaysTheWindowOnce_FromItsStartFrame()
    {
        var ramp = AudioFixtures.Ramp(2000);
        fx.Wav("samples/a.wav", 1000, ramp);
        fx.Sound("s:\n  buffer: {file: samples/a.wav, start: 0.1, end: 0.2}\n");
        Assert.Equal(ramp[200..400], fx.Render(5, rate: 1000).Left);
    }

    [Fact]
    public void Buffer_PositionMode_CountsItsFramesOnce_WhereTheOriginalEndedAtHalfItsDuration()
    {
        fx.Wav("samples/a.wav", 1000, AudioFixtures.Ramp(2000));
        fx.Sound("s:\n  buffer: {file: samples/a.wav, start: 0, end: 0.5, loop: true, duration: 1}\n");
        Assert.Equal(1000, fx.Render(5, rate: 1000).Frames);
    }

    [Fact]
    public void Buffer_PositionModeOverlap_CrossfadesTheLoop_WhereTheOriginalIgnoredIt()
    {
        var ramp = AudioFixtures.Ramp(2000);
        fx.Wav("samples/a.wav", 1000, ramp);
        fx.Sound("s:\n  buffer: {file: samples/a.wav, end: 0.5, loop: true, overlap: 0.5, duration: 2}\n");
        var x = fx.Render(5, rate: 1000).Left;
        // A 1000-frame window, half of it crossfaded: it repeats every 500 frames.
        Assert.Equal(ramp[499], x[499]);
        Assert.Equal((ramp[250] + ramp[750]) * Math.Sqrt(0.5), x[750], 1e-5);
        Assert.Equal(x[750], x[1250], 1e-6);
    }

    [Fact]
    public void Buffer_PositionMode_Backwards_StartsAtTheEnd()
    {
        var ramp = AudioFixtures.Ramp(2000);
        fx.Wav("samples/a.wav", 1000, ramp);
        fx.Sound("s:\n  buffer: {file: samples/a.wav, start: 0, end: 1, speed: -1}\n");
        Assert.Equal(ramp.Reverse(), fx.Render(5, rate: 1000).Left);
    }

    [Fact]
    public void Buffer_ReaderWithASpeed_MovesItsOwnPlayhead()
    {
        fx.Wav("samples/a.wav", 1000, AudioFixtures.Ramp(2000));
        fx.Sound("s:\n  buffer: {file: samples/a.wav, speed: 0.5, duration: 0.1}\n");
        var x = fx.Render(5, rate: 1000).Left;
        var ramp = AudioFixtures.Ramp(2000);
        Assert.Equal(100, x.Length);
        for (var i = 0; i < 100; i++) Assert.Equal((ramp[i / 2] + ramp[(i + 1) / 2]) / 2, x[i], 1e-6);
    }

    static float[] CorpusSample(string name) =>
        WavReader.Read(Path.Combine(CorpusFiles.Root, "samples", name)).Channels[0];

    [Fact]
    public void Corpus_TestBufferPosition_LoopsTheFilesFirstSecondForItsDuration_WhereTheOriginalWasSilentAndStoppedAtHalf()
    {
        // length 2 with file: the original's resize left the buffer empty, and position mode counted
        // its frames twice (45056 frames of silence). Here: the first half of waves.wav, twice.
        var audio = CorpusFiles.Render("test_buffer_position");
        var waves = CorpusSample("waves.wav");
        Assert.Equal(88200, audio.Frames);
        for (var i = 0; i < audio.Frames; i += 7) Assert.Equal(waves[i % 44100], audio.Left[i]);
    }

    [Fact]
    public void Corpus_TestBufferMonitorPosition_LoopsTheFirstTwoSecondsOfTheFile_WhereTheOriginalWasSilent()
    {
        var audio = CorpusFiles.Render("test_buffer_monitor_position");
        var paulo = CorpusSample("paulo.wav");
        Assert.Equal(5 * 44100, audio.Frames);
        for (var i = 0; i < audio.Frames; i += 7) Assert.Equal(paulo[i % 88200], audio.Left[i]);
    }

    [Fact]
    public void Corpus_TestBufferMultiRead_ReadsTheBurstASecondLater_WhereTheOriginalFailedOnItsLegacyMix()
    {
        var x = CorpusFiles.Render("test_buffer_multi_read").Left;
        Assert.Equal(88200, x.Length);
        Assert.Equal(Math.Sqrt(0.5), Signals.Rms(x.AsSpan(0, 4410)), 0.01);
        Assert.Equal(Math.Sqrt(0.5), Signals.Rms(x.AsSpan(44100, 4410)), 0.01);
        Assert.Equal(0, Signals.Peak(x.AsSpan(4410, 44100 - 4410)));
        Assert.Equal(0, Signals.Peak(x.AsSpan(44100 + 4410)));
    }

    [Fact]
    public void Corpus_TestBufferSpeed_EchoesThroughItsReader_WhereTheOriginalFailedOnItsLegacyMix()
    {
        // The reader inside the writer's signal hears what was written 0.2 s before, fed back at 0.9:
        // the voice (3 s) echoes on, decaying, after it ends.
        var a = CorpusFiles.Render("test_buffer_speed");
        Assert.Equal(5 * 44100, a.Frames);
        double Rms(double from, double to) => Signals.Rms(a.Left.AsSpan((int)(from * 44100), (int)((to - from) * 44100)));
        var voice = Rms(0.5, 2.5);
        Assert.InRange(Rms(3.2, 3.6), voice * 0.2, voice * 2);
        Assert.InRange(Rms(4.5, 5), voice * 0.05, Rms(3.2, 3.6));
        Assert.Equal(a.Left, a.Right!);        // the right track is at volume 0; the mono left track plays in both
    }

    [Fact]
    public void Buffer_TwoWritersOfOneName_IsAnError()
    {
        var problems = Patches.Problems("s:\n  mix:\n    a: {buffer: {name: A, signal: 1}}\n    b: {buffer: {name: A, signal: 2}}\n");
        Assert.Contains(problems, p => p.StartsWith("sounds/test.yaml:4:35: error: buffer 'A' already has a writer (at sounds/test.yaml:3:9)"));
    }

    [Fact]
    public void Buffer_LongerThanTheLimit_IsAnErrorAtItsLength()
    {
        Assert.Contains(Patches.Problems("s:\n  buffer: {length: 1e9, signal: 1}\n"),
            p => p.StartsWith("sounds/test.yaml:2:20: error: length of 'buffer' is at most 600 s"));
    }

    [Fact]
    public void Buffer_MissingFile_IsAnErrorAtThePath()
    {
        Assert.Contains(Patches.Problems("s:\n  buffer: {file: none.wav}\n"),
            p => p.StartsWith("sounds/test.yaml:2:18: error: sample file 'none.wav' not found"));
    }

    [Fact]
    public void Buffer_Contents_SurviveAReload_AndALongerLengthKeepsTheRecentFrames()
    {
        const string yaml = """
            s:
              mix:
                w: {track: {pan: -1, signal: {buffer: {name: A, length: 0.05, signal: {osc: {freq: 300}}}}}}
                r: {track: {pan: 1, signal: {buffer: {name: A, offset: 0.04}}}}
            """;
        var plain = LiveRun.Play(LiveRun.Start(yaml), 20000);
        var longer = LiveRun.Play(LiveRun.Start(yaml, fadeFrames: 0), 20000, (10240, yaml.Replace("length: 0.05", "length: 0.5")));
        Assert.Equal(plain.Right, longer.Right);
        Assert.Equal(plain.Left, longer.Left);
    }

    [Fact]
    public void States_OfTheseNodes_RoundTripThroughTheJournalsCodec()
    {
        fx.Wav("samples/a.wav", 44100, AudioFixtures.Ramp(3000));
        fx.Sound("""
            s:
              mix:
                a: {buffer: {name: A, length: 0.1, file: samples/a.wav, signal: {osc: {}}}}
                b: {sample: {file: samples/a.wav, loop: true}}
                c: {pitch: {signal: {osc: {freq: 300}}}}
                d: {shuffle: {signal: {osc: {duration: 0.1}}}}
            """);
        var patch = fx.Compile();
        OfflineRender.Run(patch, 10000, (_, _) => { });
        var taken = patch.Capture();
        var back = Waves.Journal.Sessions.StateCodec.Decode(Waves.Journal.Sessions.StateCodec.Encode(taken));
        Assert.Equal(taken.States.Keys.Order(), back.States.Keys.Order());
        var buffer = (BufferState)back.States["buffer:A"];
        Assert.Equal(((BufferState)taken.States["buffer:A"]).Data, buffer.Data);
        Assert.Equal(((PitchState)taken.States["s/mix/c/pitch"]).Freq, ((PitchState)back.States["s/mix/c/pitch"]).Freq);
        Assert.Equal(((SampleState)taken.States["s/mix/b/sample"]).Playhead, ((SampleState)back.States["s/mix/b/sample"]).Playhead);
    }

    [Fact]
    public void Buffer_IsTheSameForAnyBlockSize()
    {
        fx.Wav("samples/a.wav", 30000, AudioFixtures.Sine(200, 30000, 9000));
        fx.Sound("""
            s:
              mix:
                r1: {buffer: {name: A, offset: "0.02 + 0.01 * sin(t * 7)"}}
                w: {buffer: {name: A, length: 0.5, signal: {osc: {type: saw, freq: 110}}}}
                v: {buffer: {name: B, length: 0.3, signal: {osc: {freq: 150}}, speed: "1 + 0.5 * sin(t * 3)", offset: 0.01}}
                r2: {buffer: {name: A, start: 0.2, end: 0.6, loop: true, overlap: 0.1, speed: 0.7}}
                f: {buffer: {file: samples/a.wav, speed: -1.5}}
                p: {buffer: {name: P, file: samples/a.wav, start: [0, 0.5], loop: true, freq: 300, base_freq: 200, duration: 0.8}}
            """);
        AudioFixtures.AssertSameForBlocks(b => fx.Render(1, block: b), 1, 64, 1000);
    }

    [Fact]
    public void Buffer_RenderingAllocatesNothing_AlsoAcrossAReloadThatResizesIt()
    {
        const string before = "s:\n  mix:\n    w: {buffer: {name: A, length: 0.5, signal: {osc: {}}}}\n    r: {buffer: {name: A, start: 0.1, loop: true, speed: 1.5}}\n";
        var after = before.Replace("length: 0.5", "length: 0.8");
        // The runtime may allocate while it tiers up code in the first runs: the quietest run counts.
        var quietest = long.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            var (session, _) = LiveSession.Start(Patches.Library(before), "s", new RenderSettings(BlockSize: 64), fadeFrames: 500);
            var left = new float[64];
            var right = new float[64];
            for (var i = 0; i < 4; i++) session!.Renderer.RenderBlock(left, right, 64);
            Assert.True(session!.Reload(Patches.Library(after)).Accepted);
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 100; i++) session.Renderer.RenderBlock(left, right, 64);
            quietest = Math.Min(quietest, GC.GetAllocatedBytesForCurrentThread() - allocated);
        }
        Assert.Equal(0, quietest);
    }
}
