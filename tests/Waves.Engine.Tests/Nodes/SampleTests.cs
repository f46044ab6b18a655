using Waves.Engine.Tests.Reload;
using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Nodes;

public sealed class SampleTests : IDisposable
{
    readonly AudioFixtures fx = new();
    readonly float[] ramp = AudioFixtures.Ramp(1000);

    public void Dispose() => fx.Dispose();

    float[] Play(string parameters, int fileRate = 44100, int rate = 44100, double seconds = 1)
    {
        fx.Wav("samples/a.wav", fileRate, ramp);
        fx.Sound($"s:\n  sample: {{file: samples/a.wav{parameters}}}\n");
        return fx.Render(seconds, rate: rate).Left;
    }

    [Fact]
    public void Sample_AtSpeed1_PlaysEveryFrame_FromTheStartFrame_WhereTheOriginalSkippedIt()
    {
        // The original began one step past the start frame; here the file comes out as it is.
        var x = Play("");
        Assert.Equal(ramp, x);
    }

    [Fact]
    public void Sample_AtHalfSpeed_PlaysEachFrameTwice_InterpolatingBetween()
    {
        var x = Play(", speed: 0.5");
        Assert.Equal(2000, x.Length);
        for (var k = 0; k < 999; k++)
        {
            Assert.Equal(ramp[k], x[2 * k]);
            Assert.Equal((ramp[k] + ramp[k + 1]) / 2, x[2 * k + 1], 1e-6);
        }
    }

    [Fact]
    public void Sample_PlayedBackwards_StartsAtItsEnd_WhereTheOriginalEndedAtOnce()
    {
        var x = Play(", speed: -1");
        Assert.Equal(ramp.Reverse(), x);
    }

    [Fact]
    public void Sample_OfAFileAtHalfTheSessionRate_IsResampled_WhereTheOriginalIgnoredTheFileRate()
    {
        var x = Play("", fileRate: 22050);
        Assert.Equal(2000, x.Length);
        for (var k = 0; k < 999; k++)
        {
            Assert.Equal(ramp[k], x[2 * k]);
            Assert.Equal((ramp[k] + ramp[k + 1]) / 2, x[2 * k + 1], 1e-6);
        }
    }

    [Fact]
    public void Sample_OfASineAtAnotherRate_KeepsItsPitchAndLevel()
    {
        fx.Wav("samples/tone.wav", 48000, AudioFixtures.Sine(441, 48000, 48000, amp: 0.5f));
        fx.Sound("s:\n  sample: {file: samples/tone.wav}\n");
        var x = fx.Render(2).Left;
        Assert.InRange(x.Length, 44099, 44101);
        Assert.Equal(441, Signals.Frequency(x, 44100), 0.5);
        Assert.Equal(0.5 / Math.Sqrt(2), Signals.Rms(x), 0.002);
    }

    [Fact]
    public void Sample_OfAStereoFile_PlaysInStereo_WhereTheOriginalKeptChannel0()
    {
        fx.Wav("samples/st.wav", 44100, ramp, [.. ramp.Select(v => -v)]);
        fx.Sound("s:\n  sample: {file: samples/st.wav}\n");
        var a = fx.Render(1);
        Assert.NotNull(a.Right);
        Assert.Equal(ramp, a.Left);
        Assert.Equal(ramp.Select(v => -v), a.Right!);
    }

    [Fact]
    public void Sample_Looping_RepeatsTheWindow_UntilItsDuration()
    {
        var x = Play(", loop: true, start: 0.1, end: 0.2, duration: 0.25", rate: 1000, fileRate: 1000);
        Assert.Equal(250, x.Length);
        for (var i = 0; i < 250; i++) Assert.Equal(ramp[100 + i % 100], x[i]);
    }

    [Fact]
    public void Sample_LoopOverlap_CrossfadesTheSeam_WhereTheOriginalIgnoredIt()
    {
        var x = Play(", loop: true, end: 0.1, overlap: 0.2, duration: 0.3", rate: 1000, fileRate: 1000);
        // Window 100 frames, 20 crossfaded: the loop repeats every 80 frames.
        for (var i = 0; i < 80; i++) Assert.Equal(ramp[i], x[i]);
        Assert.Equal(ramp[80], x[80], 1e-6);                                     // the tail at full level
        Assert.Equal((ramp[10] + ramp[90]) * Math.Sqrt(0.5), x[90], 1e-5);         // halfway through the fade
        Assert.Equal(ramp[20], x[100]);                                           // past it: the head alone
        Assert.Equal(x[100], x[180]);
    }

    [Fact]
    public void Sample_Offset_DisplacesThePlayhead()
    {
        var x = Play(", offset: 0.002", rate: 1000, fileRate: 1000);
        Assert.Equal(998, x.Length);
        Assert.Equal(ramp[2..], x);
    }

    [Fact]
    public void Sample_FreqOverBaseFreq_ScalesTheSpeed()
    {
        var x = Play(", freq: 220, base_freq: 440");
        Assert.Equal(2000, x.Length);
    }

    [Fact]
    public void Sample_Chop_PlaysFilesSortedIgnoringCase_IndexClipped_ReadPerSampleWhereTheOriginalReadOnePerChunk()
    {
        fx.Wav("chops/b.wav", 1000, [.. Enumerable.Repeat(0.2f, 50)]);
        fx.Wav("chops/A.wav", 1000, [.. Enumerable.Repeat(0.1f, 50)]);
        fx.Wav("chops/c.WAV", 1000, [.. Enumerable.Repeat(0.3f, 50)]);
        fx.Wav("chops/notes.txt.bak", 1000, [1f]);
        fx.Sound("s:\n  sample: {file: chops, loop: true, chop: \"1 if t < 0.01 else 7\", duration: 0.03}\n");
        var x = fx.Render(1, rate: 1000).Left;
        Assert.Equal(30, x.Length);
        Assert.All(x[..10], v => Assert.Equal(0.2f, v));
        Assert.All(x[10..], v => Assert.Equal(0.3f, v));
    }

    [Fact]
    public void Sample_MissingFile_IsAnErrorAtThePath()
    {
        var problems = Patches.Problems("s:\n  sample: {file: nope/missing.wav}\n");
        var p = Assert.Single(problems);
        Assert.StartsWith("sounds/test.yaml:2:18: error: sample file 'nope/missing.wav' not found", p);
    }

    [Fact]
    public void Sample_UnreadableFile_IsAnErrorAtThePath()
    {
        var bad = Path.Combine(fx.Root, "bad.wav");
        File.WriteAllText(bad, "not audio at all");
        var problems = Patches.Problems($"s:\n  sample:\n    file: \"{bad}\"\n");
        var p = Assert.Single(problems);
        Assert.StartsWith("sounds/test.yaml:3:11: error: cannot read sample file 'bad.wav'", p);
    }

    [Fact]
    public void Sample_WithoutAFile_IsAnError()
    {
        Assert.Contains(Patches.Problems("s:\n  sample: {loop: true}\n"), p => p.Contains("2:3: error: sample needs 'file'"));
    }

    [Fact]
    public void Sample_FileChangedOnDisk_IsReadAgainByALibraryReload()
    {
        var path = fx.Wav("samples/a.wav", 44100, ramp);
        fx.Sound("s:\n  sample: {file: samples/a.wav}\n");
        Assert.Equal(ramp[500], fx.Render(1).Left[500]);
        Assert.Equal(ramp[500], fx.Render(1).Left[500]);                       // cached, the same
        fx.Wav("samples/a.wav", 44100, [.. ramp.Select(v => v * 2)]);
        File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddSeconds(2));
        Assert.Equal(2 * ramp[500], fx.Render(1).Left[500]);
    }

    [Fact]
    public void Sample_Playhead_SurvivesAReload()
    {
        // The sample plays hard left, an osc hard right; the reload retunes the osc only.
        var path = fx.Wav("samples/long.wav", 44100, AudioFixtures.Ramp(44100));
        var yaml = $"s:\n  mix:\n    a: {{track: {{pan: -1, signal: {{sample: {{file: \"{path}\", speed: 0.75}}}}}}}}\n" +
            "    b: {track: {pan: 1, signal: {osc: {freq: 3}}}}\n";
        var plain = LiveRun.Play(LiveRun.Start(yaml), 30000);
        var edited = LiveRun.Play(LiveRun.Start(yaml), 30000, (12800, yaml.Replace("freq: 3", "freq: 4")));
        Assert.Single(edited.Reports[0].Changes.Retuned);
        Assert.Equal(plain.Left, edited.Left);
        Assert.NotEqual(plain.Right, edited.Right);
    }

    [Fact]
    public void Sample_IsTheSameForAnyBlockSize()
    {
        fx.Wav("samples/tone.wav", 32000, AudioFixtures.Sine(300, 32000, 8000), AudioFixtures.Ramp(8000));
        fx.Sound("""
            s:
              sample:
                file: samples/tone.wav
                loop: true
                overlap: 0.3
                start: [0, 0.2]
                speed: "1 + 0.7 * sin(t * 9)"
                offset: "0.01 * sin(t * 3)"
                interpolation: cubic
                duration: 1
            """);
        AudioFixtures.AssertSameForBlocks(b => fx.Render(1, block: b), 1, 64, 4096);
    }

    [Fact]
    public void Sample_RenderingAllocatesNothing()
    {
        fx.Wav("samples/st.wav", 22050, ramp, ramp);
        fx.Wav("chops/a.wav", 44100, ramp);
        fx.Wav("chops/b.wav", 44100, ramp);
        fx.Sound("""
            s:
              mix:
                a: {sample: {file: samples/st.wav, loop: true, overlap: 0.2, speed: "1 + sin(t)", interpolation: cubic}}
                b: {sample: {file: chops, loop: true, chop: "t * 30 % 2", freq: 300, base_freq: 200}}
                c: {sample: {file: samples/st.wav, speed: -0.5, offset: "0.001 * t"}}
            """);
        Assert.Equal(0, RenderAllocations.Of(() => fx.Compile(block: 128), 300));
    }
}
