using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Nodes;

/// <summary>The interpolation examples of spec §3.2, at 10 frames per second so L = 10.</summary>
public sealed class InterpolationTests
{
    // A gated envelope never ends and passes its duration down: the list spans 1 s and is then held.
    static float[] Curve(string list, int frames = 10, int rate = 10) =>
        Patches.Render($"s:\n  envelope: {{gate: 1, duration: 1, signal: {list}}}\n", frames / (double)rate, rate: rate, block: 3).Left;

    [Fact]
    public void TwoValues_AreALinspace()
    {
        var x = Curve("[0, 1]");
        for (var k = 0; k < 10; k++) Assert.Equal(k / 9.0, x[k], 1e-6);
    }

    [Fact]
    public void MiddlePoint_SplitsIntoInclusiveSegments()
    {
        Assert.Equal([0, .25f, .5f, .75f, 1, 1, .75f, .5f, .25f, 0], Curve("[0, [1, 0.5], 0]"));
    }

    [Fact]
    public void FirstAndLastPositions_AreHeldToTheEnds()
    {
        var x = Curve("[[1, 0.2], [2, 0.8]]");
        float[] expected = [1, 1, 1, 1.2f, 1.4f, 1.6f, 1.8f, 2, 2, 2];
        for (var k = 0; k < 10; k++) Assert.Equal(expected[k], x[k], 1e-6);
    }

    [Fact]
    public void SingleValue_IsConstant()
    {
        Assert.All(Curve("[5]"), v => Assert.Equal(5f, v));
    }

    [Fact]
    public void PositionedSweep_LandsOnItsPointsAtTheSpecFrames()
    {
        var x = Curve("[10000, [500, 0.01], 60]", 44100, 44100);
        Assert.Equal(10000, x[0]);
        Assert.Equal(500, x[440], 1e-3);
        Assert.Equal(500, x[441], 1e-3);
        Assert.Equal(60, x[44099], 1e-3);
        Assert.True(x[220] < 10000 && x[220] > 500);
    }

    [Fact]
    public void EvenForm_SpreadsValuesEvenly()
    {
        // Three values at 0, ½ and 1 of the span; frame k sits at k/9.
        var x = Curve("[0, 1, 0]", 10);
        for (var k = 0; k < 10; k++) Assert.Equal(1 - Math.Abs(2 * k / 9.0 - 1), x[k], 1e-6);
    }

    [Fact]
    public void AfterItsDuration_HoldsTheLastValue()
    {
        var x = Curve("[0, 3]", 15);
        Assert.All(x[10..], v => Assert.Equal(3f, v));
    }

    [Fact]
    public void Positions_CanBeExpressions()
    {
        var x = Patches.Render("s:\n  context: {p: 0.5, signal: {envelope: {gate: 1, duration: 1, signal: [0, [1, p], 0]}}}\n", 1, rate: 10).Left;
        Assert.Equal([0, .25f, .5f, .75f, 1, 1, .75f, .5f, .25f, 0], x);
    }
}
