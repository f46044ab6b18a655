using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Nodes;

public sealed class ContextTests
{
    [Fact]
    public void Variables_SeeEarlierOnes()
    {
        var a = Patches.Render("s:\n  context: {a: 2, b: a * 10, signal: a + b}\n", 0.01);
        Assert.All(a.Left, v => Assert.Equal(22f, v));
    }

    [Fact]
    public void Variable_CanBeASignal_ReadPerSample()
    {
        var a = Patches.Render("s:\n  context: {lfo: {osc: {freq: 10}}, signal: lfo * 2}\n", 0.1);
        var expected = Patches.Render("s:\n  osc: {freq: 10, amp: 2}\n", 0.1).Left;
        for (var i = 0; i < a.Frames; i++) Assert.Equal(expected[i], a.Left[i], 1e-5);
    }

    [Fact]
    public void OwnDuration_EndsIt_ButIsNotPassedToTheSignal()
    {
        var a = Patches.Render("""
            s:
              context:
                duration: 0.5
                ramp: [0, 1]
                signal: ramp
            """, 2, rate: 1000);
        Assert.Equal(500, a.Frames);
        Assert.Equal(1, a.Left[499], 1e-6);
        Assert.Equal(0.5, a.Left[250], 0.01);
        var noDuration = Patches.Compile("s:\n  context: {duration: 1, signal: [0, 1]}\n");
        Assert.Contains(noDuration.Problems, p => p.Message.Contains("needs a duration"));
    }

    [Fact]
    public void EndsWhenAVariableNodeEnds()
    {
        var a = Patches.Render("s:\n  context: {v: {osc: {freq: 1, duration: 0.2}}, signal: 1}\n", 1, rate: 1000);
        Assert.Equal(200, a.Frames);
    }
}
