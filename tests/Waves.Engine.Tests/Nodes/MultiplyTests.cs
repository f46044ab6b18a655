using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Nodes;

public sealed class MultiplyTests
{
    static float[] Render(string parameters, int block = 64) =>
        Patches.Render($"s:\n  multiply: {{{parameters}}}\n", 0.1, rate: 1000, block: block).Left;

    [Fact]
    public void Number_SumsCopies_WithIFrom1()
    {
        // (10 + 3) + (20 + 3) + (30 + 3)
        Assert.All(Render("number: 3, signal: \"i * 10 + n\""), v => Assert.Equal(69f, v));
    }

    [Fact]
    public void N_IsTheNumberOfCopies_WhereTheOriginalSawTheBlockLength() =>
        Assert.Equal(3f, Render("number: 3, signal: \"n / 3\"")[0], 1e-6);

    [Fact]
    public void Items_GiveOneCopyEach_AndTheirItem() =>
        Assert.Equal(800 + 9f, Render("items: [1, 2, 5], signal: \"item * 100 + n\"")[7]);

    [Fact]
    public void ANumberThatChanges_IsReadPerSample_AndPausesTheCopiesAboveIt()
    {
        var x = Render("number: \"1 + floor(t * 100)\", signal: {expression: {exp: \"t * 1000\"}}");
        Assert.Equal(9f, x[9]);            // copy 1 alone
        Assert.Equal(10f + 0f, x[10]);     // copy 2 starts at its own time 0
        Assert.Equal(15f + 5f, x[15]);
    }

    [Fact]
    public void CopiesOfNodes_HaveTheirOwnStates()
    {
        var audio = Patches.Patch("s:\n  multiply: {number: 2, signal: {osc: {freq: \"100 * i\"}}}\n");
        Assert.Contains("s/multiply/signal/0/osc", audio.States.Keys);
        Assert.Contains("s/multiply/signal/1/osc", audio.States.Keys);
    }

    [Theory]
    [InlineData("0.5")]
    [InlineData("0")]
    public void NoCopies_StillReportTheErrorsOfTheSignal(string number)
    {
        var problems = Patches.Problems($"s:\n  multiply:\n    number: {number}\n    signal:\n      osc: {{freq: 220, amp: \"t +\"}}\n");
        Assert.Contains(problems, p => p.Contains(":5:", StringComparison.Ordinal) && p.Contains("syntax error in expression 't +'", StringComparison.Ordinal));
    }

    [Fact]
    public void NumberAndItemsTogether_AreAnError() =>
        Assert.Contains(Patches.Problems("s:\n  multiply: {number: 2, items: [1], signal: 1}\n"),
            p => p.StartsWith("sounds/test.yaml:2:3: error: 'multiply' needs either 'number' or 'items'"));
}
