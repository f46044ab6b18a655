using Waves.Engine.Expressions;
using Waves.Engine.Tests.Support;
using static Waves.Engine.Tests.Expressions.ExpressionKit;

namespace Waves.Engine.Tests.Expressions;

public sealed class RandTests
{
    private const int Period = ExpressionCompiler.RandPeriod;

    [Fact]
    public void Evaluate_Rand_SameSeedGivesSameValues()
    {
        var a = EvaluateInBlocks(Compile("rand()", seed: 42), 5 * Period, 512);
        var b = EvaluateInBlocks(Compile("rand()", seed: 42), 5 * Period, 512);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Evaluate_Rand_DifferentSeedGivesDifferentValues()
    {
        var a = EvaluateInBlocks(Compile("rand()", seed: 1), 5 * Period, 512);
        var b = EvaluateInBlocks(Compile("rand()", seed: 2), 5 * Period, 512);
        Assert.NotEqual(a, b);
    }

    [Theory]
    [InlineData("rand()")]
    [InlineData("rand(10)")]
    [InlineData("rand(-1, 1)")]
    [InlineData("rand([500, 250, 150, 700])")]
    [InlineData("rand(t, 2 * t)")]
    public void Evaluate_Rand_IsIndependentOfBlockSize(string text)
    {
        var expression = Compile(text, seed: 7);
        var reference = EvaluateInBlocks(expression, 3 * Period + 100, 4096, start: 1000);
        Assert.Equal(reference, EvaluateInBlocks(expression, 3 * Period + 100, 1, start: 1000));
        Assert.Equal(reference, EvaluateInBlocks(expression, 3 * Period + 100, 64, start: 1000));
    }

    [Fact]
    public void Evaluate_Rand_IsConstantWithinAPeriodAndChangesBetweenPeriods()
    {
        var values = EvaluateInBlocks(Compile("rand()", seed: 3), 8 * Period, 300);
        for (var p = 0; p < 8; p++)
        {
            var first = values[p * Period];
            for (var i = 1; i < Period; i++)
                Assert.Equal(first, values[p * Period + i]);
            if (p > 0)
                Assert.NotEqual(values[(p - 1) * Period], first);
        }
    }

    [Fact]
    public void Evaluate_Rand_DependsOnlyOnTheClockPeriod()
    {
        var expression = Compile("rand()", seed: 9);
        var fromStart = EvaluateInBlocks(expression, 3 * Period, 256);
        var late = Evaluate(expression, clock: 2 * Period + 5, count: 1)[0];
        Assert.Equal(fromStart[2 * Period], late);
    }

    [Fact]
    public void Evaluate_Rand_StaysInItsRanges()
    {
        var names = new FakeNames().List("choices", 500, 250, 150);
        var unit = EvaluateInBlocks(Compile("rand()"), 200 * Period, 4096);
        var upTo = EvaluateInBlocks(Compile("rand(14)"), 200 * Period, 4096);
        var between = EvaluateInBlocks(Compile("rand(-3, -2)"), 200 * Period, 4096);
        var choice = EvaluateInBlocks(Compile("rand(choices)", names), 200 * Period, 4096);
        Assert.All(unit, v => Assert.InRange(v, 0, 0.999999999));
        Assert.All(upTo, v => Assert.InRange(v, 0, 14 - 1e-9));
        Assert.All(between, v => Assert.InRange(v, -3, -2 - 1e-12));
        Assert.All(choice, v => Assert.Contains(v, new[] { 500.0, 250, 150 }));
        Assert.Equal(3, choice.Distinct().Count());
        Assert.InRange(unit.Average(), 0.4, 0.6);
    }

    [Fact]
    public void Evaluate_TwoRandCalls_DrawIndependently()
    {
        var values = EvaluateInBlocks(Compile("rand() - rand()"), 4 * Period, 4096);
        Assert.Contains(values, v => v != 0);
    }

    [Fact]
    public void Evaluate_RandWithConstantArguments_IsNotConstant()
    {
        var expression = Compile("rand(0, 14)");
        Assert.False(expression.IsConstant);
    }

    [Fact]
    public void Evaluate_RandOfOneBound_IsBetweenZeroAndIt_EvenWhenNegative()
    {
        var values = EvaluateInBlocks(Compile("rand(-4)"), 50 * Period, 4096);
        Assert.All(values, v => Assert.InRange(v, -4 + 1e-12, 0));
        Assert.Equal(0, Evaluate(Compile("rand(0)"))[0]);
    }

    [Fact]
    public void Evaluate_RandWithBoundsReversed_StaysBetweenThem()
    {
        var values = EvaluateInBlocks(Compile("rand(5, 2)"), 50 * Period, 4096);
        Assert.All(values, v => Assert.InRange(v, 2 + 1e-12, 5));
    }

    [Fact]
    public void Evaluate_RandOfAList_ChoosesWholeItems_ReadPerSample()
    {
        var values = EvaluateInBlocks(Compile("rand([1000 + t * 0, 7, -2])"), 60 * Period, 1000);
        Assert.All(values, v => Assert.Contains(v, new[] { 1000.0, 7, -2 }));
        Assert.Equal(3, values.Distinct().Count());
        var signal = EvaluateInBlocks(Compile("rand([t, t])"), 2 * Period, 100);
        for (var i = 0; i < signal.Length; i++) Assert.Equal(i / Rate, signal[i], 1e-12);
    }

    [Fact]
    public void Evaluate_RandOfAnEmptyList_IsAnError() =>
        Assert.Equal("'rand' of an empty list", SingleProblem("rand([])").Message);

    [Fact]
    public void Evaluate_RandWithThreeArguments_IsAnError() =>
        Assert.Contains("'rand'", SingleProblem("rand(1, 2, 3)").Message);

    [Fact]
    public void Evaluate_EachCallSite_DrawsItsOwnSequence()
    {
        var a = EvaluateInBlocks(Compile("rand() * 0 + rand()"), 20 * Period, 4096);
        var b = EvaluateInBlocks(Compile("rand()"), 20 * Period, 4096);
        var first = EvaluateInBlocks(Compile("rand() + rand() * 0"), 20 * Period, 4096);
        Assert.NotEqual(a, b);
        Assert.Equal(b, first);
    }

    // ---- in patches: seeded from the session seed, the node id and the parameter ----

    static float[] RenderRand(string yaml, ulong seed = 1, int block = 256, string sound = "s") =>
        Patches.Render(yaml, 6.0 * Period / 44100, sound, block: block, seed: seed).Left;

    const string TwoNodes = """
        s:
          mix:
            a: {expression: {exp: rand()}}
            b: {expression: {exp: rand()}}
        a_only:
          expression: {exp: rand()}
        """;

    [Fact]
    public void Patch_SameSessionSeed_RendersTheSameDraws()
    {
        Assert.Equal(RenderRand(TwoNodes, seed: 5), RenderRand(TwoNodes, seed: 5));
        Assert.NotEqual(RenderRand(TwoNodes, seed: 5), RenderRand(TwoNodes, seed: 6));
    }

    [Fact]
    public void Patch_NodesWithDifferentIds_DrawDifferently()
    {
        var yaml = "s:\n  mix:\n    a: {expression: {exp: rand()}}\n    b: {expression: {exp: -rand()}}\n";
        var sum = RenderRand(yaml);
        Assert.Contains(sum, v => Math.Abs(v) > 1e-3);
        Assert.NotEqual(RenderRand(TwoNodes, sound: "a_only"), RenderRand("a:\n  expression: {exp: rand()}\n", sound: "a"));
    }

    [Fact]
    public void Patch_SubPatchUsedTwice_DrawsDifferentlyInEachUse()
    {
        var yaml = "r:\n  expression: {exp: rand()}\ns:\n  mix:\n    a: {r: {}}\n    b: {expression: {exp: -x, x: {r: {}}}}\n";
        Assert.Contains(RenderRand(yaml), v => Math.Abs(v) > 1e-3);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    [InlineData(4096)]
    public void Patch_DrawsOncePerPeriodOfTheNodesClock_ForAnyBlockSize(int block)
    {
        var values = RenderRand("s:\n  expression: {exp: \"rand(10, 20)\"}\n", block: block);
        Assert.Equal(RenderRand("s:\n  expression: {exp: \"rand(10, 20)\"}\n", block: 2048), values);
        for (var p = 0; p < 6; p++)
        {
            Assert.InRange(values[p * Period], 10, 20);
            Assert.All(values.AsSpan(p * Period, Period).ToArray(), v => Assert.Equal(values[p * Period], v));
        }
        Assert.True(values.Distinct().Count() >= 5);
    }

    [Fact]
    public void Patch_RandInDifferentParametersOfOneNode_DrawsDifferently()
    {
        var values = RenderRand("s:\n  expression: {a: rand(), exp: a - rand()}\n");
        Assert.Contains(values, v => Math.Abs(v) > 1e-3);
    }
}
