using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Nodes;

public sealed class PitchTests
{
    static float[] Track(string signal, string extra = "", double seconds = 0.5, int block = 256) =>
        Patches.Render($"s:\n  pitch: {{signal: {signal}{extra}}}\n", seconds, block: block).Left;

    /// <summary>Every value read after the first detections, as a relative error from <paramref name="freq"/>.</summary>
    static double WorstError(float[] x, double freq) =>
        x[4096..].Max(v => Math.Abs(v - freq) / freq);

    [Fact]
    public void Pitch_OfA100HzSine_Reads100Hz_WhereTheOriginalRead1002Hz()
    {
        var x = Track("{osc: {freq: 100}}");
        Assert.True(WorstError(x, 100) < 0.001, $"read {x[^1]} Hz");
    }

    [Theory]
    [InlineData(80)]
    [InlineData(97.3)]
    [InlineData(150)]
    [InlineData(220)]
    [InlineData(440)]
    [InlineData(880)]
    [InlineData(1234)]
    [InlineData(2000)]
    public void Pitch_OfASine_IsWithin1Percent(double freq)
    {
        var x = Track($"{{osc: {{freq: {freq}}}}}", ", max_freq: 2000");
        Assert.True(WorstError(x, freq) < 0.01, $"{freq} Hz read as {x[4096..].Min()}…{x[4096..].Max()} Hz");
    }

    [Theory]
    [InlineData(82.4)]
    [InlineData(110)]
    [InlineData(440)]
    [InlineData(1000)]
    [InlineData(1800)]
    public void Pitch_OfASawtooth_IsWithin1Percent(double freq)
    {
        var x = Track($"{{osc: {{type: saw, freq: {freq}}}}}", ", max_freq: 2000");
        Assert.True(WorstError(x, freq) < 0.01, $"{freq} Hz read as {x[4096..].Min()}…{x[4096..].Max()} Hz");
    }

    [Fact]
    public void Pitch_OfSilence_IsZero()
    {
        Assert.All(Track("0"), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Pitch_OfStereo_FollowsTheMonoMix()
    {
        var x = Track("{track: {pan: 0.5, signal: {osc: {freq: 300}}}}");
        Assert.True(WorstError(x, 300) < 0.01);
    }

    [Fact]
    public void Pitch_Smoothing_MovesTowardsTheValue_AtTheOriginalsRatePer2048Frames()
    {
        var x = Track("{osc: {freq: 200}}", ", smoothing: 0.9", seconds: 1);
        var first = Array.FindIndex(x, v => v > 0);
        // After n chunks of 2048 frames the output has covered 1 − 0.9^n of the way.
        var later = x[first + 10 * 2048];
        Assert.Equal(200 * (1 - Math.Pow(0.9, 10)), later, 200 * 0.02);
        for (var i = first + 1; i < x.Length; i++) Assert.True(x[i] >= x[i - 1] && x[i] < 200.5f);
    }

    [Fact]
    public void Pitch_EndsWithItsSignal()
    {
        var x = Patches.Render("s:\n  pitch: {signal: {osc: {freq: 200, duration: 0.1}}}\n", 0.5).Left;
        Assert.Equal(4410, x.Length);
    }

    [Fact]
    public void Pitch_MaxBelowMin_IsAnErrorAtMaxFreq()
    {
        Assert.Contains(Patches.Problems("s:\n  pitch: {min_freq: 300, max_freq: 200, signal: 0}\n"),
            p => p.StartsWith("sounds/test.yaml:2:36: error: max_freq of 'pitch'"));
    }

    [Fact]
    public void Pitch_IsTheSameForAnyBlockSize()
    {
        AudioFixtures.AssertSameForBlocks(b =>
            Patches.Render("s:\n  pitch: {smoothing: 0.5, per_sample: true, signal: {osc: {type: saw, freq: \"300 + 200 * sin(t * 5)\"}}}\n", 0.4, block: b),
            1, 100, 4096);
    }

    [Fact]
    public void Pitch_RenderingAllocatesNothing()
    {
        Assert.Equal(0, RenderAllocations.Of(() => Patches.Patch("s:\n  mix:\n    a: {pitch: {signal: {osc: {freq: 200}}, smoothing: 0.5}}\n    b: {pitch: {per_sample: true, min_freq: 40, signal: {osc: {type: saw, freq: 90}}}}\n", block: 128), 300));
    }
}
