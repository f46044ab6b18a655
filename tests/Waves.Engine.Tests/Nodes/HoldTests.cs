using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Nodes;

public sealed class HoldTests
{
    static float[] Render(string yaml, int block = 64) => Patches.Render($"s:\n  {yaml}\n", 0.5, rate: 1000, block: block).Left;

    [Fact]
    public void WithoutTrigger_HoldsTheFirstValue() =>
        Assert.All(Render("hold: {signal: \"t + 1\"}"), v => Assert.Equal(1f, v));

    [Fact]
    public void EveryChangeOfTheTrigger_SamplesTheSignalOnThatFrame()
    {
        var x = Render("hold: {signal: \"t\", trigger: \"floor(t * 10)\"}");
        Assert.Equal(0f, x[0]);
        Assert.Equal(0f, x[99]);
        Assert.Equal(0.1f, x[100], 1e-6);
        Assert.Equal(0.2f, x[250], 1e-6);
    }

    [Fact]
    public void TheSignal_RunsInStepWithTheHold_WhereTheOriginalAdvancedItOneSamplePerSampling()
    {
        // The original rendered one sample per sampling, so t would read 0.001 at the second sampling.
        var x = Render("hold: {signal: {expression: {exp: \"t\"}}, trigger: \"floor(t * 10)\"}");
        Assert.Equal(0.3f, x[300], 1e-6);
    }

    [Fact]
    public void SeveralChangesInOneBlock_EachSample() =>
        Assert.Equal(Render("hold: {signal: \"t\", trigger: \"floor(t * 100)\"}", 1), Render("hold: {signal: \"t\", trigger: \"floor(t * 100)\"}", 500));
}
