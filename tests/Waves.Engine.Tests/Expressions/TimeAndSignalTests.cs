using Waves.Engine.Expressions;
using static Waves.Engine.Tests.Expressions.ExpressionKit;

namespace Waves.Engine.Tests.Expressions;

public sealed class TimeAndSignalTests
{
    [Theory]
    [InlineData("t")]
    [InlineData("time")]
    [InlineData("$t")]
    public void Evaluate_Time_IsPerSampleAcrossConsecutiveFrames(string text)
    {
        var expression = Compile(text);
        var first = Evaluate(expression, clock: 1000, count: 64);
        var second = Evaluate(expression, clock: 1064, count: 64);
        for (var i = 0; i < 64; i++)
        {
            Assert.Equal((1000 + i) / Rate, first[i]);
            Assert.Equal((1064 + i) / Rate, second[i]);
        }
    }

    [Fact]
    public void Evaluate_Time_UsesTheFrameSampleRate()
    {
        var expression = Compile("t");
        var dst = new double[2];
        expression.Evaluate(new EvalFrame(48_000, 2, 48_000), dst);
        Assert.Equal([1, 48_001 / 48_000.0], dst);
    }

    [Fact]
    public void Evaluate_Signal_IsReadAtEvaluationTime()
    {
        var signal = new FakeSignal(1, 2, 3);
        var expression = Compile("$lfo * 0.5 + 1", new FakeNames().Signal("lfo", signal));
        Assert.Equal([1.5, 2, 2.5], Evaluate(expression, count: 3));

        signal.Values = [-2, 0.25f, 8];
        Assert.Equal([0, 1.125, 5], Evaluate(expression, count: 3));
    }

    [Fact]
    public void Evaluate_SignalShorterThanTheBlock_ReadsZerosPastItsEnd()
    {
        var expression = Compile("x + 1", new FakeNames().Signal("x", new FakeSignal(5)));
        Assert.Equal([6, 1, 1], Evaluate(expression, count: 3));
    }

    [Fact]
    public void Evaluate_TwoSignals_CombinePerSample()
    {
        var names = new FakeNames()
            .Signal("lfo1", new FakeSignal(1, 2))
            .Signal("lfo2", new FakeSignal(10, 20));
        Assert.Equal([6, 12], Evaluate(Compile("$lfo1 + $lfo2 * 0.5", names), count: 2));
    }

    [Fact]
    public void Evaluate_BlockLargerThanMaxBlock_IsEvaluatedInPieces()
    {
        var result = ExpressionCompiler.Compile("t * sr", Origin, new FakeNames(), new ExprOptions(16, Rate, 1));
        var dst = new double[100];
        result.Expression!.Evaluate(new EvalFrame(7, 100, Rate), dst);
        for (var i = 0; i < 100; i++)
            Assert.Equal(7 + i, dst[i], 9);
    }

    [Fact]
    public void Evaluate_ManyBlockSizes_GiveTheSameSamples()
    {
        var names = new FakeNames().Number("tune", 110);
        var expression = Compile("sin(t * tau * tune) * (0.5 + 0.5 * (t < 0.05)) + rand(-0.1, 0.1)", names);
        var reference = EvaluateInBlocks(expression, 9000, 4096);
        Assert.Equal(reference, EvaluateInBlocks(expression, 9000, 1));
        Assert.Equal(reference, EvaluateInBlocks(expression, 9000, 37));
        Assert.Equal(reference, EvaluateInBlocks(expression, 9000, 64));
    }
}
