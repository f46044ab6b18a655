using static Waves.Engine.Tests.Expressions.ExpressionKit;

namespace Waves.Engine.Tests.Expressions;

public sealed class FunctionTests
{
    [Theory]
    [InlineData("sin(pi / 2)", 1)]
    [InlineData("cos(0)", 1)]
    [InlineData("tan(0)", 0)]
    [InlineData("abs(-3)", 3)]
    [InlineData("sqrt(16)", 4)]
    [InlineData("exp(0)", 1)]
    [InlineData("log(e)", 1)]
    [InlineData("log10(1000)", 3)]
    [InlineData("log2(8)", 3)]
    [InlineData("floor(-1.5)", -2)]
    [InlineData("ceil(1.2)", 2)]
    [InlineData("sign(-2)", -1)]
    [InlineData("sign(0)", 0)]
    [InlineData("sign(5)", 1)]
    [InlineData("to_mono(7)", 7)]
    [InlineData("sqrt(-1)", double.NaN)]
    [InlineData("log(0)", double.NegativeInfinity)]
    [InlineData("sign(0/0)", double.NaN)]
    public void Evaluate_ElementwiseFunction_MatchesNumpy(string text, double expected) =>
        Assert.Equal(expected, Eval(text), 12);

    [Theory]
    [InlineData("(2 * 3).reshape(-1, 1)", 6)]
    [InlineData("(1 + 1).flatten() * 2", 4)]
    [InlineData("abs(-5).ravel()", 5)]
    public void Evaluate_NumpyShapeMethod_IsTheValueItself_AsValuesArePerSample(string text, double expected) =>
        Assert.Equal(expected, Eval(text));

    [Theory]
    [InlineData("round(0.5)", 0)]
    [InlineData("round(1.5)", 2)]
    [InlineData("round(2.5)", 2)]
    [InlineData("round(-0.5)", 0)]
    [InlineData("round(-1.5)", -2)]
    [InlineData("round(2.6)", 3)]
    public void Evaluate_Round_RoundsHalfToEven(string text, double expected) =>
        Assert.Equal(expected, Eval(text));

    [Theory]
    [InlineData("clip(5, 0, 1)", 1)]
    [InlineData("clip(-5, 0, 1)", 0)]
    [InlineData("clip(0.25, 0, 1)", 0.25)]
    [InlineData("clip(0.5, 1, 0)", 0)]
    [InlineData("where(1, 2, 3)", 2)]
    [InlineData("where(0, 2, 3)", 3)]
    [InlineData("where(3 > 2, 10, 20)", 10)]
    public void Evaluate_ClipAndWhere_WorkLikeNumpy(string text, double expected) =>
        Assert.Equal(expected, Eval(text));

    [Theory]
    [InlineData("max(0.1, 0.5)", 0.5)]
    [InlineData("min(0.1, 0.5)", 0.1)]
    [InlineData("max(1, 5, 3)", 5)]
    [InlineData("min(4, 2, 3, 8)", 2)]
    [InlineData("max([3, 9, 1])", 9)]
    [InlineData("min(major)", 0)]
    [InlineData("max(major)", 11)]
    public void Evaluate_MaxMin_AreElementwiseOrOverAList(string text, double expected) =>
        Assert.Equal(expected, Eval(text));

    [Fact]
    public void Evaluate_MaxOfWaves_IsPerSample()
    {
        var names = new FakeNames().Signal("v", new FakeSignal(0, 0.05f, 0.5f, 1));
        var values = Evaluate(Compile("max(0.1, v)", names), count: 4);
        Assert.Equal([0.1, 0.1, 0.5, 1], values);
    }

    [Theory]
    [InlineData("pow(2, 3)", 8)]
    [InlineData("pow(-8, 1/3)", -2)]
    [InlineData("pow(-2, 2)", -4)]
    [InlineData("pow(4, 0.5)", 2)]
    [InlineData("pow(0, 2)", 0)]
    public void Evaluate_Pow_PreservesTheSignOfTheBase(string text, double expected) =>
        Assert.Equal(expected, Eval(text), 12);

    [Theory]
    [InlineData("sum([1, 2, 3])", 6)]
    [InlineData("mean([1, 2, 3, 4])", 2.5)]
    [InlineData("std([2, 4, 4, 4, 5, 5, 7, 9])", 2)]
    [InlineData("std([5])", 0)]
    [InlineData("sum([])", 0)]
    [InlineData("sum(major)", 38)]
    public void Evaluate_Reductions_WorkOverLists(string text, double expected) =>
        Assert.Equal(expected, Eval(text), 12);

    [Fact]
    public void Evaluate_ReductionOfWaves_IsPerSample()
    {
        var names = new FakeNames().Signal("x", new FakeSignal(1, 2, 3));
        Assert.Equal([3, 6, 9], Evaluate(Compile("sum([x, 2 * x])", names), count: 3));
        Assert.Equal([1, 2, 3], Evaluate(Compile("mean([0, 2 * x])", names), count: 3));
        Assert.Equal([1, 2, 3], Evaluate(Compile("std([0, 2 * x])", names), count: 3));
    }

    [Fact]
    public void Evaluate_FunctionsOfTime_ArePerSample()
    {
        var values = Evaluate(Compile("sin(t * tau * 441)"), count: 100);
        for (var i = 0; i < values.Length; i++)
            Assert.Equal(Math.Sin(i / Rate * 2 * Math.PI * 441), values[i], 12);
    }

    [Fact]
    public void Evaluate_CompressorExpressionWithoutReshape_Works()
    {
        var names = new FakeNames()
            .Signal("signal", new FakeSignal(0.5f, 0.5f))
            .Signal("env", new FakeSignal(0.2f, 0.8f))
            .Number("threshold", 0.5).Number("ratio", 0.5).Number("gain", 2);
        var values = Evaluate(Compile(
            "signal * (clip(where(env > threshold, 1 - (env - threshold) / (env + 1e-8) * ratio, 1), 0, 1) * gain)",
            names), count: 2);
        Assert.Equal(1, values[0], 6);
        Assert.Equal(0.5 * (1 - (0.8 - 0.5) / 0.8 * 0.5) * 2, values[1], 6);
    }
}
