using Waves.Engine.Expressions;
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
}
