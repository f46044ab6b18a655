using System.Buffers.Binary;
using System.Globalization;
using System.Text.RegularExpressions;
using Waves.Engine.Audio;
using Waves.Engine.Patching;
using Waves.Engine.Rendering;
using Waves.Engine.Tests.Support;
using SysConsole = System.Console;
using WavesCli = Waves.Console.Cli;

namespace Waves.Engine.Tests.Cli;

/// <summary>
/// The CLI reads and writes relative to the current directory, which is process-wide, and
/// captures the process-wide console: these tests must never run beside other tests.
/// </summary>
[CollectionDefinition("cli", DisableParallelization = true)]
public sealed class CliCollection;

/// <summary>
/// Tests of the <c>waves</c> command (render, check, list, usage), each in its own temporary
/// folder that is the current directory while the test runs.
/// </summary>
[Collection("cli")]
public sealed class CliTests : IDisposable
{
    const string ToneYaml = "tone: {osc: {freq: 441, amp: 0.5, duration: 0.5}}\n";

    readonly string dir = Directory.CreateTempSubdirectory("waves-cli-").FullName;
    readonly string previousDirectory = Environment.CurrentDirectory;

    public CliTests() => Environment.CurrentDirectory = dir;

    public void Dispose()
    {
        Environment.CurrentDirectory = previousDirectory;
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
    }

    // ---------------------------------------------------------------- render: output files

    [Fact]
    public void Render_WithoutOutput_WritesOutputSoundWav()
    {
        WriteSounds(ToneYaml);

        var r = Run("render", "tone");

        Assert.Equal(0, r.Exit);
        Assert.True(File.Exists(Path.Combine(dir, "output", "tone.wav")), r.ToString());
        var wav = WavReader.Read("output/tone.wav");
        Assert.Equal(44100, wav.SampleRate);
        Assert.Equal(1, wav.ChannelCount);
        Assert.Equal(22050, wav.Frames);
        var expected = RenderInProcess("tone", new RenderSettings(), 22050);
        AssertBitExact(expected.Left, wav.Channels[0]);
    }

    [Fact]
    public void Render_Repeated_WritesNumberedFilesTone2AndTone3()
    {
        WriteSounds(ToneYaml);

        var first = Run("render", "tone");
        var second = Run("render", "tone");
        var third = Run("render", "tone");

        Assert.Equal([0, 0, 0], new[] { first.Exit, second.Exit, third.Exit });
        Assert.Contains(Rel("output/tone.wav"), first.Out);
        Assert.Contains(Rel("output/tone_2.wav"), second.Out);
        Assert.Contains(Rel("output/tone_3.wav"), third.Out);
        var a = WavReader.Read("output/tone.wav");
        var b = WavReader.Read("output/tone_2.wav");
        var c = WavReader.Read("output/tone_3.wav");
        AssertBitExact(a.Channels[0], b.Channels[0]);
        AssertBitExact(a.Channels[0], c.Channels[0]);
        Assert.False(File.Exists("output/tone_4.wav"));
    }

    [Fact]
    public void Render_DefaultOutputExists_NeverOverwritesIt()
    {
        WriteSounds(ToneYaml);
        Directory.CreateDirectory("output");
        byte[] marker = [1, 2, 3, 4, 5];
        File.WriteAllBytes("output/tone.wav", marker);

        var r = Run("render", "tone");

        Assert.Equal(0, r.Exit);
        Assert.Equal(marker, File.ReadAllBytes("output/tone.wav"));
        Assert.Equal(22050, WavReader.Read("output/tone_2.wav").Frames);
    }

    [Fact]
    public void Render_ExistingOutputWithoutForce_Exits2AndMentionsForce()
    {
        WriteSounds(ToneYaml);
        byte[] marker = [9, 9, 9];
        File.WriteAllBytes("file.wav", marker);

        var r = Run("render", "tone", "-o", "file.wav");

        Assert.Equal(2, r.Exit);
        Assert.Contains("--force", r.Err);
        Assert.Contains("file.wav", r.Err);
        Assert.Equal(marker, File.ReadAllBytes("file.wav"));
        Assert.False(Directory.Exists("output"));
    }

    [Fact]
    public void Render_ExistingOutputWithForce_OverwritesIt()
    {
        WriteSounds(ToneYaml);
        File.WriteAllBytes("file.wav", [9, 9, 9]);

        var r = Run("render", "tone", "-o", "file.wav", "--force");

        Assert.Equal(0, r.Exit);
        Assert.Contains("wrote file.wav", r.Out);
        var wav = WavReader.Read("file.wav");
        Assert.Equal(22050, wav.Frames);
        AssertBitExact(RenderInProcess("tone", new RenderSettings(), 22050).Left, wav.Channels[0]);
    }

    [Fact]
    public void Render_OutputLongOptionInNewFolder_CreatesTheFolder()
    {
        WriteSounds(ToneYaml);

        var r = Run("render", "tone", "--output", "a/b/out.wav");

        Assert.Equal(0, r.Exit);
        Assert.Equal(22050, WavReader.Read("a/b/out.wav").Frames);
        Assert.False(Directory.Exists("output"));
    }

    [Fact]
    public void Render_StereoSound_WritesBothChannelsInterleavedCorrectly()
    {
        WriteSounds("st: {track: {pan: 0.5, signal: {osc: {freq: 441, duration: 0.1}}}}\n");

        var r = Run("render", "st");

        Assert.Equal(0, r.Exit);
        var wav = WavReader.Read("output/st.wav");
        Assert.Equal(2, wav.ChannelCount);
        Assert.Contains("2 ch", r.Out);
        var expected = RenderInProcess("st", new RenderSettings(), 4410);
        AssertBitExact(expected.Left, wav.Channels[0]);
        AssertBitExact(expected.Right!, wav.Channels[1]);
        Assert.True(Signals.Peak(wav.Channels[1]) > Signals.Peak(wav.Channels[0]) * 1.5, "pan 0.5 is louder on the right");
    }

    // ---------------------------------------------------------------- render: formats

    [Fact]
    public void Render_DefaultFormat_Writes32BitFloat()
    {
        WriteSounds(ToneYaml);

        Assert.Equal(0, Run("render", "tone", "-o", "f.wav").Exit);

        var (tag, bits) = Header("f.wav");
        Assert.Equal(32, bits);
        Assert.True(tag is 3 or 0xFFFE, $"format tag {tag}");
    }

    [Theory]
    [InlineData("s16", 16, 32767.0)]
    [InlineData("s24", 24, 8388607.0)]
    [InlineData("S16", 16, 32767.0)]
    public void Render_IntegerFormat_WritesThatBitDepth(string format, int expectedBits, double scale)
    {
        WriteSounds(ToneYaml);

        var r = Run("render", "tone", "--format", format, "-o", "i.wav");

        Assert.Equal(0, r.Exit);
        Assert.Contains(format.ToLowerInvariant(), r.Out);
        var (tag, bits) = Header("i.wav");
        Assert.Equal(expectedBits, bits);
        Assert.True(tag is 1 or 0xFFFE, $"format tag {tag}");
        var wav = WavReader.Read("i.wav");
        Assert.Equal(22050, wav.Frames);
        var expected = RenderInProcess("tone", new RenderSettings(), 22050).Left;
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - wav.Channels[0][i]) <= 0.51 / scale + 1e-7,
                $"frame {i}: {wav.Channels[0][i]} vs {expected[i]}");
    }

    [Fact]
    public void Render_UnknownFormat_Exits2WithMessage()
    {
        WriteSounds(ToneYaml);

        var r = Run("render", "tone", "--format", "s8");

        Assert.Equal(2, r.Exit);
        Assert.Contains("--format", r.Err);
        Assert.False(Directory.Exists("output"));
    }

    // ---------------------------------------------------------------- render: length

    [Fact]
    public void Render_Duration_RendersThatManyFrames()
    {
        WriteSounds(ToneYaml);

        var r = Run("render", "tone", "--duration", "0.1");

        Assert.Equal(0, r.Exit);
        var wav = WavReader.Read("output/tone.wav");
        Assert.Equal(4410, wav.Frames);
        AssertBitExact(RenderInProcess("tone", new RenderSettings(), 4410).Left, wav.Channels[0]);
        Assert.Contains("(4410 frames", r.Out);
    }

    [Fact]
    public void Render_DurationLongerThanSound_StopsWhereTheSoundEnds()
    {
        WriteSounds(ToneYaml);

        var r = Run("render", "tone", "--duration", "5");

        Assert.Equal(0, r.Exit);
        Assert.Equal(22050, WavReader.Read("output/tone.wav").Frames);
    }

    [Fact]
    public void Render_DeclaredDurationTwo_PrintsTwoSeconds()
    {
        WriteSounds("two: {osc: {freq: 100, duration: 2}}\n");

        var r = Run("render", "two", "--rate", "8000");

        Assert.Equal(0, r.Exit);
        Assert.Contains("length 2.000 s (16000 frames", r.Out);
        Assert.Equal(16000, WavReader.Read("output/two.wav").Frames);
    }

    [Fact]
    public void Render_SoundWithoutDuration_DefaultsToDocumentedLimit()
    {
        // The usage text documents the limit; the test reads the number from it.
        var m = Regex.Match(WavesCli.Usage, @"or (\d+) s when it has none");
        Assert.True(m.Success, "the usage text states the default length of a sound without duration");
        var limit = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        WriteSounds("endless: {osc: {freq: 100}}\n");

        var r = Run("render", "endless", "--rate", "8000", "--block", "8192");

        Assert.Equal(0, r.Exit);
        Assert.Equal(limit * 8000, WavReader.Read("output/endless.wav").Frames);
        Assert.Contains($"length {limit}.000 s", r.Out);
    }

    [Fact]
    public void Render_VeryLongDeclaredDuration_IsCappedAtDocumentedLimit()
    {
        var m = Regex.Match(WavesCli.Usage, @"capped at (\d+) s");
        Assert.True(m.Success, "the usage text states the cap");
        var cap = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        WriteSounds("long: {osc: {freq: 100, duration: 9999}}\n");

        var r = Run("render", "long", "--rate", "8000", "--block", "8192");

        Assert.Equal(0, r.Exit);
        Assert.Equal(cap * 8000, WavReader.Read("output/long.wav").Frames);
    }

    [Fact]
    public void Render_NegativeDuration_Exits2()
    {
        // Like --rate, --block and --seed, a length that cannot be rendered is a usage error,
        // not an empty file reported as a success.
        WriteSounds(ToneYaml);

        var r = Run("render", "tone", "--duration", "-1");

        Assert.Equal(2, r.Exit);
        Assert.Contains("--duration", r.Err);
        Assert.False(Directory.Exists("output"));
    }

    [Fact]
    public void Render_NonNumericDuration_Exits2()
    {
        WriteSounds(ToneYaml);

        var r = Run("render", "tone", "--duration", "long");

        Assert.Equal(2, r.Exit);
        Assert.Contains("--duration", r.Err);
    }

    // ---------------------------------------------------------------- render: rate, block, seed

    [Fact]
    public void Render_Rate_SetsSampleRateAndFrameCount()
    {
        WriteSounds(ToneYaml);

        var r = Run("render", "tone", "--rate", "22050");

        Assert.Equal(0, r.Exit);
        var wav = WavReader.Read("output/tone.wav");
        Assert.Equal(22050, wav.SampleRate);
        Assert.Equal(11025, wav.Frames);
        AssertBitExact(RenderInProcess("tone", new RenderSettings(SampleRate: 22050), 11025).Left, wav.Channels[0]);
        Assert.Contains("22050 Hz", r.Out);
    }

    [Fact]
    public void Render_RateOutOfRange_Exits2()
    {
        WriteSounds(ToneYaml);

        var r = Run("render", "tone", "--rate", "100");

        Assert.Equal(2, r.Exit);
        Assert.Contains("--rate", r.Err);
    }

    [Fact]
    public void Render_BlockOne_GivesSameSamplesAsDefaultBlock()
    {
        WriteSounds("""
            busy:
              mix:
                a: {osc: {type: saw, freq: 200 + 300 * t, amp: 0.3 * exp(-3 * t), attack: 0.05, release: 0.1, duration: 0.5}}
                b: {osc: {type: noise, amp: 0.1, duration: 0.4}}
                c: {track: {pan: {osc: {freq: 3}}, signal: {osc: {type: tri, freq: 660, amp: 0.2, duration: 0.5}}}}
            """);

        var big = Run("render", "busy", "--rate", "22050", "-o", "big.wav");
        var one = Run("render", "busy", "--rate", "22050", "--block", "1", "-o", "one.wav");

        Assert.Equal(0, big.Exit);
        Assert.Equal(0, one.Exit);
        var a = WavReader.Read("big.wav");
        var b = WavReader.Read("one.wav");
        Assert.Equal(2, a.ChannelCount);
        Assert.Equal(11025, a.Frames);
        Assert.Equal(a.Frames, b.Frames);
        AssertBitExact(a.Channels[0], b.Channels[0]);
        AssertBitExact(a.Channels[1], b.Channels[1]);
    }

    [Fact]
    public void Render_Seed_ChangesNoiseAndSameSeedGivesIdenticalFiles()
    {
        WriteSounds("hiss: {osc: {type: noise, amp: 0.2, duration: 0.1}}\n");

        Assert.Equal(0, Run("render", "hiss", "-o", "default.wav").Exit);
        Assert.Equal(0, Run("render", "hiss", "--seed", "1", "-o", "one.wav").Exit);
        Assert.Equal(0, Run("render", "hiss", "--seed", "7", "-o", "seven.wav").Exit);
        Assert.Equal(0, Run("render", "hiss", "--seed", "7", "-o", "seven-again.wav").Exit);

        Assert.Equal(File.ReadAllBytes("seven.wav"), File.ReadAllBytes("seven-again.wav"));
        Assert.Equal(File.ReadAllBytes("default.wav"), File.ReadAllBytes("one.wav"));
        var d = WavReader.Read("default.wav").Channels[0];
        var s = WavReader.Read("seven.wav").Channels[0];
        Assert.True(Signals.Rms(s) > 0.05, "noise is audible");
        var differing = d.Zip(s).Count(p => p.First != p.Second);
        Assert.True(differing > d.Length * 0.9, $"only {differing} of {d.Length} samples changed with the seed");
        AssertBitExact(RenderInProcess("hiss", new RenderSettings(Seed: 7), 4410).Left, s);
    }

    [Fact]
    public void Render_NegativeSeed_Exits2()
    {
        WriteSounds(ToneYaml);

        var r = Run("render", "tone", "--seed", "-3");

        Assert.Equal(2, r.Exit);
        Assert.Contains("--seed", r.Err);
    }

    // ---------------------------------------------------------------- render: stems

    const string MixYaml = """
        song:
          mix:
            a: {osc: {freq: 220, amp: 0.3, duration: 0.2}}
            b: {osc: {type: saw, freq: 330, amp: 0.25, duration: 0.3}}
        """;

    [Fact]
    public void Render_StemsOnMix_WritesTrackFilesThatSumToMixdown()
    {
        WriteSounds(MixYaml);

        var r = Run("render", "song", "--stems");

        Assert.Equal(0, r.Exit);
        Assert.Contains(Rel("output/song.wav"), r.Out);
        Assert.Contains(Rel("output/song__a.wav"), r.Out);
        Assert.Contains(Rel("output/song__b.wav"), r.Out);
        var mix = WavReader.Read("output/song.wav");
        var a = WavReader.Read("output/song__a.wav");
        var b = WavReader.Read("output/song__b.wav");
        Assert.Equal(13230, mix.Frames);
        Assert.Equal(mix.Frames, a.Frames);
        Assert.Equal(mix.Frames, b.Frames);
        Assert.True(Signals.Rms(a.Channels[0].AsSpan(0, 8820)) > 0.1, "stem a carries track a");
        Assert.True(Signals.Rms(b.Channels[0]) > 0.1, "stem b carries track b");
        Assert.Equal(0f, Signals.Peak(a.Channels[0].AsSpan(8820)));
        for (var i = 0; i < mix.Frames; i++)
            Assert.True(Math.Abs(a.Channels[0][i] + b.Channels[0][i] - mix.Channels[0][i]) <= 1e-6,
                $"frame {i}: {a.Channels[0][i]} + {b.Channels[0][i]} != {mix.Channels[0][i]}");
    }

    [Fact]
    public void Render_StemsOfStereoMix_MonoAndStereoStemsSumToBothSides()
    {
        // A mono track goes to both sides of a stereo mix at full level; a panned track is a stereo stem.
        WriteSounds("""
            duo:
              mix:
                a: {osc: {freq: 220, amp: 0.3, duration: 0.2}}
                b: {track: {pan: -0.5, signal: {osc: {type: tri, freq: 550, amp: 0.4, duration: 0.2}}}}
            """);

        var r = Run("render", "duo", "--stems");

        Assert.Equal(0, r.Exit);
        var mix = WavReader.Read("output/duo.wav");
        var a = WavReader.Read("output/duo__a.wav");
        var b = WavReader.Read("output/duo__b.wav");
        Assert.Equal(2, mix.ChannelCount);
        Assert.Equal(1, a.ChannelCount);
        Assert.Equal(2, b.ChannelCount);
        Assert.Equal(8820, mix.Frames);
        for (var c = 0; c < 2; c++)
            for (var i = 0; i < mix.Frames; i++)
                Assert.True(Math.Abs(a.Channels[0][i] + b.Channels[c][i] - mix.Channels[c][i]) <= 1e-6,
                    $"channel {c} frame {i}: {a.Channels[0][i]} + {b.Channels[c][i]} != {mix.Channels[c][i]}");
    }

    [Fact]
    public void Render_StemsOfMixInsideContext_AreWritten()
    {
        WriteSounds("""
            wrapped:
              context:
                level: 0.3
                signal:
                  mix:
                    a: {osc: {freq: 220, amp: level, duration: 0.1}}
                    b: {osc: {freq: 330, amp: level, duration: 0.1}}
            """);

        var r = Run("render", "wrapped", "--stems");

        Assert.Equal(0, r.Exit);
        var mix = WavReader.Read("output/wrapped.wav").Channels[0];
        var a = WavReader.Read("output/wrapped__a.wav").Channels[0];
        var b = WavReader.Read("output/wrapped__b.wav").Channels[0];
        for (var i = 0; i < mix.Length; i++)
            Assert.True(Math.Abs(a[i] + b[i] - mix[i]) <= 1e-6, $"frame {i}");
    }

    [Fact]
    public void Render_StemsWithOutputOption_WritesStemsBesideThatFile()
    {
        WriteSounds(MixYaml);

        var r = Run("render", "song", "--stems", "-o", "out/m.wav");

        Assert.Equal(0, r.Exit);
        Assert.True(File.Exists("out/m.wav"));
        Assert.True(File.Exists("out/m__a.wav"));
        Assert.True(File.Exists("out/m__b.wav"));
        Assert.False(Directory.Exists("output"));
    }

    [Fact]
    public void Render_WithoutStems_WritesOnlyTheMixdown()
    {
        WriteSounds(MixYaml);

        Assert.Equal(0, Run("render", "song").Exit);

        Assert.Equal(new[] { "song.wav" }, FileNames("output"));
    }

    [Fact]
    public void Render_StemsOnNonMix_SaysNoStemsWritten()
    {
        WriteSounds(ToneYaml);

        var r = Run("render", "tone", "--stems");

        Assert.Equal(0, r.Exit);
        Assert.Contains("no stems written", r.Out + r.Err);
        Assert.Equal(new[] { "tone.wav" }, FileNames("output"));
    }

    // ---------------------------------------------------------------- render: overrides

    const string PitchYaml = "p: {context: {pitch: 440, signal: {osc: {freq: pitch, duration: 0.2}}}}\n";

    [Fact]
    public void Render_NameValueOverride_ChangesRootContextVariable()
    {
        WriteSounds(PitchYaml);

        var plain = Run("render", "p", "-o", "plain.wav");
        var low = Run("render", "p", "pitch=220", "-o", "low.wav");

        Assert.Equal(0, plain.Exit);
        Assert.Equal(0, low.Exit);
        Assert.DoesNotContain("warning", low.Err);
        var p = WavReader.Read("plain.wav").Channels[0];
        var l = WavReader.Read("low.wav").Channels[0];
        Assert.Equal(440, Signals.Frequency(p, 44100), 0.5);
        Assert.Equal(220, Signals.Frequency(l, 44100), 0.5);
        var overrides = NodeString.Parse(["p", "pitch=220"]).Overrides;
        AssertBitExact(RenderInProcess("p", new RenderSettings(), 8820, overrides).Left, l);
    }

    [Fact]
    public void Render_NodeStringOverride_EqualsNameValueOverride()
    {
        WriteSounds(PitchYaml);

        Assert.Equal(0, Run("render", "p", "pitch220", "-o", "compact.wav").Exit);
        Assert.Equal(0, Run("render", "p", "pitch=220", "-o", "named.wav").Exit);

        var compact = WavReader.Read("compact.wav").Channels[0];
        Assert.Equal(220, Signals.Frequency(compact, 44100), 0.5);
        AssertBitExact(WavReader.Read("named.wav").Channels[0], compact);
    }

    [Fact]
    public void Render_OverrideOfOscillatorRoot_ChangesItsParameter()
    {
        WriteSounds(ToneYaml);

        var r = Run("render", "tone", "freq882", "amp=0.25");

        Assert.Equal(0, r.Exit);
        var x = WavReader.Read("output/tone.wav").Channels[0];
        Assert.Equal(882, Signals.Frequency(x, 44100), 0.5);
        Assert.Equal(0.25, Signals.Peak(x), 0.001);
        Assert.Equal(22050, x.Length);
    }

    [Fact]
    public void Render_ExpressionOverride_IsEvaluated()
    {
        WriteSounds(PitchYaml);

        var r = Run("render", "p", "pitch=2*110");

        Assert.Equal(0, r.Exit);
        Assert.Equal(220, Signals.Frequency(WavReader.Read("output/p.wav").Channels[0], 44100), 0.5);
    }

    [Fact]
    public void Render_LaterOverrideOfSameName_Wins()
    {
        WriteSounds(PitchYaml);

        var r = Run("render", "p", "pitch=880", "pitch220");

        Assert.Equal(0, r.Exit);
        Assert.Equal(220, Signals.Frequency(WavReader.Read("output/p.wav").Channels[0], 44100), 0.5);
    }

    [Fact]
    public void Render_OverrideOfUnknownParameter_WarnsAndStillRenders()
    {
        WriteSounds(PitchYaml);

        var r = Run("render", "p", "nosuch=3");

        Assert.Equal(0, r.Exit);
        Assert.Contains("nosuch", r.Err);
        Assert.Contains("warning", r.Err);
        Assert.Equal(440, Signals.Frequency(WavReader.Read("output/p.wav").Channels[0], 44100), 0.5);
    }

    [Theory]
    [InlineData("pitch")]
    [InlineData("=220")]
    [InlineData("220")]
    public void Render_MalformedOverride_Exits2WithMessage(string token)
    {
        WriteSounds(PitchYaml);

        var r = Run("render", "p", token);

        Assert.Equal(2, r.Exit);
        Assert.Contains($"'{token}'", r.Err);
        Assert.Contains("override", r.Err);
        Assert.False(Directory.Exists("output"));
    }

    // ---------------------------------------------------------------- render: report

    [Fact]
    public void Render_Stdout_ReportsPathLengthPeakAndSpeed()
    {
        WriteSounds(ToneYaml);

        var r = Run("render", "tone");

        Assert.Equal(0, r.Exit);
        Assert.Contains($"wrote {Rel("output/tone.wav")}", r.Out);
        Assert.Contains("length 0.500 s (22050 frames, 1 ch, 44100 Hz, f32)", r.Out);
        var peak = Regex.Match(r.Out, @"peak (\d+\.\d+) \((-?\d+\.\d) dBFS\)");
        Assert.True(peak.Success, r.Out);
        var printed = double.Parse(peak.Groups[1].Value, CultureInfo.InvariantCulture);
        var actual = Signals.Peak(WavReader.Read("output/tone.wav").Channels[0]);
        Assert.Equal(actual, printed, 0.0001);
        Assert.Equal(0.5, printed, 0.001);
        Assert.Equal("-6.0", peak.Groups[2].Value);
        Assert.Matches(@"rendered in \d+\.\d{3} s, \d+\.\dx realtime", r.Out);
        Assert.Equal("", r.Err);
    }

    // ---------------------------------------------------------------- render: errors

    [Fact]
    public void Render_UnknownSound_Exits1WithMessage()
    {
        WriteSounds(ToneYaml);

        var r = Run("render", "nope");

        Assert.Equal(1, r.Exit);
        Assert.Contains("nope", r.Err);
        Assert.False(Directory.Exists("output"));
    }

    [Fact]
    public void Render_MissingSoundsFolder_Exits1WithMessage()
    {
        var r = Run("render", "tone");

        Assert.Equal(1, r.Exit);
        Assert.Contains("sound folder not found", r.Err);
    }

    [Fact]
    public void Render_SoundsOption_ReadsThatFolder()
    {
        Directory.CreateDirectory("lib");
        File.WriteAllText("lib/x.yaml", ToneYaml);

        Assert.Equal(1, Run("render", "tone").Exit);
        var r = Run("render", "tone", "--sounds", "lib");

        Assert.Equal(0, r.Exit);
        Assert.Equal(22050, WavReader.Read("output/tone.wav").Frames);
    }

    [Fact]
    public void Render_SoundWithError_Exits1AndPrintsFileLineColError()
    {
        WriteSounds(ToneYaml + "bad:\n  osc:\n    freq: 440 *\n    duration: 0.1\n");

        var r = Run("render", "bad");

        Assert.Equal(1, r.Exit);
        var file = Regex.Escape(Path.Combine("sounds", "x.yaml"));
        Assert.Matches(new Regex($@"(?m)^{file}:4:\d+: error: "), r.Err);
        Assert.False(Directory.Exists("output"));
    }

    [Fact]
    public void Render_SoundWithUnknownParameter_Exits1AndPrintsFileLineColError()
    {
        WriteSounds("bad: {osc: {freq: 440, frek: 3, duration: 0.1}}\n");

        var r = Run("render", "bad");

        Assert.Equal(1, r.Exit);
        Assert.Matches(new Regex($@"(?m)^{Regex.Escape(Path.Combine("sounds", "x.yaml"))}:1:\d+: error: .*frek"), r.Err);
        Assert.False(Directory.Exists("output"));
    }

    [Fact]
    public void Render_NoSoundName_Exits2()
    {
        WriteSounds(ToneYaml);

        var r = Run("render");

        Assert.Equal(2, r.Exit);
        Assert.Contains("sound name", r.Err);
    }

    [Fact]
    public void Render_UnknownOption_Exits2()
    {
        WriteSounds(ToneYaml);

        var r = Run("render", "tone", "--loud");

        Assert.Equal(2, r.Exit);
        Assert.Contains("--loud", r.Err);
        Assert.False(Directory.Exists("output"));
    }

    [Fact]
    public void Render_OptionWithoutValue_Exits2()
    {
        WriteSounds(ToneYaml);

        var r = Run("render", "tone", "-o");

        Assert.Equal(2, r.Exit);
        Assert.Contains("-o", r.Err);
    }

    // ---------------------------------------------------------------- check

    [Fact]
    public void Check_CleanLibrary_Exits0()
    {
        WriteSounds(ToneYaml + PitchYaml);

        var r = Run("check");

        Assert.Equal(0, r.Exit);
        Assert.Contains("2 sounds, 0 errors, 0 warnings", r.Out);
        Assert.DoesNotContain("error:", r.Out);
    }

    [Fact]
    public void Check_BrokenLibrary_Exits1AndPrintsEveryProblem()
    {
        WriteSounds("""
            good: {osc: {freq: 440, duration: 0.1}}
            bad1: {osc: {freq: 440, frek: 3}}
            bad2: {nosuchnode: {freq: 1}}
            """);
        File.WriteAllText("sounds/y.yaml", "bad3:\n  osc:\n    freq: 440 +\n");

        var r = Run("check");

        Assert.Equal(1, r.Exit);
        var x = Regex.Escape(Path.Combine("sounds", "x.yaml"));
        var y = Regex.Escape(Path.Combine("sounds", "y.yaml"));
        Assert.Matches(new Regex($@"(?m)^{x}:2:\d+: error: .*frek"), r.Out);
        Assert.Matches(new Regex($@"(?m)^{x}:3:\d+: error: .*nosuchnode"), r.Out);
        Assert.Matches(new Regex($@"(?m)^{y}:3:\d+: error: "), r.Out);
        Assert.Matches(@"4 sounds, [3-9] errors", r.Out);
    }

    [Fact]
    public void Check_WarningsOnly_Exits0AndPrintsThem()
    {
        WriteSounds(ToneYaml);
        File.WriteAllText("sounds/y.yaml", ToneYaml);

        var r = Run("check");

        Assert.Equal(0, r.Exit);
        Assert.Matches(new Regex($@"(?m)^{Regex.Escape(Path.Combine("sounds", "y.yaml"))}:1:\d+: warning: .*tone"), r.Out);
        Assert.Contains("0 errors, 1 warnings", r.Out);
    }

    [Fact]
    public void Check_SoundsOption_ReadsThatFolder()
    {
        Directory.CreateDirectory("lib");
        File.WriteAllText("lib/z.yaml", "broken: {osc: {frek: 3}}\n");
        WriteSounds(ToneYaml);

        Assert.Equal(0, Run("check").Exit);
        var r = Run("check", "--sounds", "lib");

        Assert.Equal(1, r.Exit);
        Assert.Contains(Path.Combine("lib", "z.yaml") + ":1:", r.Out);
    }

    // ---------------------------------------------------------------- list

    [Fact]
    public void List_PrintsEachSoundWithFileAndDeclaredDuration()
    {
        WriteSounds(ToneYaml + PitchYaml + "endless: {osc: {freq: 100}}\n");
        File.WriteAllText("sounds/y.yaml", "# comment\n\nlonger:\n  osc: {freq: 100, duration: 2.25}\n");

        var r = Run("list");

        Assert.Equal(0, r.Exit);
        var lines = r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(4, lines.Length);
        string Line(string name) => Assert.Single(lines, l => l.StartsWith(name + " ", StringComparison.Ordinal));
        var x = Path.Combine("sounds", "x.yaml");
        var y = Path.Combine("sounds", "y.yaml");
        Assert.Matches($@"^tone\s+{Regex.Escape(x)}:1\s+0\.5 s$", Line("tone"));
        Assert.Matches($@"^p\s+{Regex.Escape(x)}:2\s+0\.2 s$", Line("p"));
        Assert.Matches($@"^endless\s+{Regex.Escape(x)}:3\s+-$", Line("endless"));
        Assert.Matches($@"^longer\s+{Regex.Escape(y)}:3\s+2\.25 s$", Line("longer"));
    }

    [Fact]
    public void List_BrokenSound_IsListedAsError()
    {
        WriteSounds(ToneYaml + "bad: {nosuchnode: {}}\n");

        var r = Run("list");

        Assert.Equal(0, r.Exit);
        Assert.Matches(@"(?m)^bad\s+\S+:2\s+\(error\)", r.Out);
        Assert.Matches(@"(?m)^tone\s+\S+:1\s+0\.5 s", r.Out);
    }

    // ---------------------------------------------------------------- usage

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public void Help_Exits0AndPrintsUsage(string flag)
    {
        var r = Run(flag);

        Assert.Equal(0, r.Exit);
        Assert.Contains(WavesCli.Usage, r.Out);
        Assert.Contains("usage: waves", r.Out);
    }

    [Fact]
    public void NoArguments_Exits2AndPrintsUsage()
    {
        var r = Run();

        Assert.Equal(2, r.Exit);
        Assert.Contains("usage: waves", r.Out + r.Err);
    }

    [Fact]
    public void UnknownCommand_Exits2WithMessage()
    {
        var r = Run("dance", "tone");

        Assert.Equal(2, r.Exit);
        Assert.Contains("dance", r.Err);
        Assert.Contains("--help", r.Err);
    }

    [Fact]
    public void Usage_DocumentsEveryRenderOption()
    {
        foreach (var option in new[] { "--sounds", "-o", "--force", "--duration", "--block", "--rate", "--seed", "--stems", "--format" })
            Assert.Contains(option, WavesCli.Usage);
    }

    // ---------------------------------------------------------------- helpers

    sealed record CliResult(int Exit, string Out, string Err)
    {
        public override string ToString() => $"exit {Exit}\n--- stdout\n{Out}\n--- stderr\n{Err}";
    }

    static CliResult Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var oldOut = SysConsole.Out;
        var oldErr = SysConsole.Error;
        SysConsole.SetOut(stdout);
        SysConsole.SetError(stderr);
        int exit;
        try
        {
            exit = WavesCli.Run(args);
        }
        finally
        {
            SysConsole.SetOut(oldOut);
            SysConsole.SetError(oldErr);
        }
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }

    static void WriteSounds(string yaml)
    {
        Directory.CreateDirectory("sounds");
        File.WriteAllText("sounds/x.yaml", yaml);
    }

    static string[] FileNames(string folder) =>
        [.. Directory.GetFiles(folder).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    /// <summary>A relative path as the command prints it (platform separators).</summary>
    static string Rel(string path) => path.Replace('/', Path.DirectorySeparatorChar);

    /// <summary>What the command should have written: the same library, compiled and rendered here.</summary>
    static RenderedAudio RenderInProcess(string sound, RenderSettings settings, long frames, RawMapping? overrides = null)
    {
        var compiled = PatchCompiler.Compile(SoundLibrary.Load("sounds"), sound, settings, overrides);
        Assert.True(compiled.Ok, string.Join("\n", compiled.Problems));
        var audio = OfflineRender.ToArrays(compiled.Patch!, frames);
        Assert.Equal(frames, audio.Frames);
        return audio;
    }

    static void AssertBitExact(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            if (BitConverter.SingleToInt32Bits(expected[i]) != BitConverter.SingleToInt32Bits(actual[i]))
                Assert.Fail($"frame {i}: expected {expected[i]:R}, got {actual[i]:R}");
    }

    /// <summary>Format tag and bits per sample from the fmt chunk of a canonical WAV header.</summary>
    static (int Tag, int Bits) Header(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Equal("WAVE", System.Text.Encoding.ASCII.GetString(bytes, 8, 4));
        Assert.Equal("fmt ", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        return (BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(20)), BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(34)));
    }
}
