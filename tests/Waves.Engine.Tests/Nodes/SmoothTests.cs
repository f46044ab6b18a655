using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Nodes;

public sealed class SmoothTests
{
    static float[] Render(string yaml, int block = 64) => Patches.Render($"s:\n  {yaml}\n", 0.1, rate: 1000, block: block).Left;

    [Fact]
    public void Step_LimitsTheChangePerSample()
    {
        var x = Render("smooth: {step: 0.1, signal: \"0 if t < 0.01 else 1\"}");
        Assert.Equal(0f, x[9]);
        Assert.Equal(0.1f, x[10], 1e-6);
        Assert.Equal(0.5f, x[14], 1e-6);
        Assert.Equal(1f, x[19], 1e-6);
        Assert.Equal(1f, x[30]);
    }

    [Fact]
    public void Smoothing_CarriesAcrossBlocks_WhereTheOriginalRestartedEveryChunk()
    {
        // Blocks of 4 frames: the original let each block's first sample through unsmoothed.
        Assert.Equal(Render("smooth: {step: 0.1, signal: \"0 if t < 0.01 else 1\"}", 4), Render("smooth: {step: 0.1, signal: \"0 if t < 0.01 else 1\"}", 100));
        Assert.Equal(0.3f, Render("smooth: {step: 0.1, signal: \"0 if t < 0.01 else 1\"}", 4)[12], 1e-6);
    }

    [Fact]
    public void Step_IsAWaveReadPerSample() =>
        Assert.Equal(0.02f + 0.03f, Render("smooth: {step: \"0.01 if t < 0.012 else 0.03\", signal: \"0 if t < 0.01 else 1\"}")[12], 1e-6);
}
