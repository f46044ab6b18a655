using static Waves.Engine.Tests.Expressions.ExpressionKit;

namespace Waves.Engine.Tests.Expressions;

public sealed class ArithmeticTests
{
    [Theory]
    [InlineData("1 + 2 * 3", 7)]
    [InlineData("(1 + 2) * 3", 9)]
    [InlineData("10 - 4 - 3", 3)]
    [InlineData("2 * 3 / 4", 1.5)]
    [InlineData("7 / 2", 3.5)]
    [InlineData("7 // 2", 3)]
    [InlineData("-7 // 2", -4)]
    [InlineData("7 % 3", 1)]
    [InlineData("-7 % 3", 2)]
    [InlineData("7 % -3", -2)]
    [InlineData("5.5 % 2", 1.5)]
    [InlineData("-3", -3)]
    [InlineData("+3", 3)]
    [InlineData("--3", 3)]
    [InlineData("1 - -1", 2)]
    public void Evaluate_Arithmetic_FollowsPythonPrecedenceAndRounding(string text, double expected) =>
        Assert.Equal(expected, Eval(text));

    [Theory]
    [InlineData("2 ** 10", 1024)]
    [InlineData("2 ** 3 ** 2", 512)]
    [InlineData("-2 ** 2", -4)]
    [InlineData("(-2) ** 2", 4)]
    [InlineData("2 ** -1", 0.5)]
    [InlineData("2 * 3 ** 2", 18)]
    [InlineData("-2 ** -2", -0.25)]
    public void Evaluate_Power_IsRightAssociativeAndBindsTighterThanUnaryMinusOnItsLeft(string text, double expected) =>
        Assert.Equal(expected, Eval(text));

    [Theory]
    [InlineData("1", 1)]
    [InlineData("1.5", 1.5)]
    [InlineData(".5", 0.5)]
    [InlineData("5.", 5)]
    [InlineData("1e3", 1000)]
    [InlineData("2.5E-1", 0.25)]
    [InlineData("1e+2", 100)]
    [InlineData("1_000", 1000)]
    [InlineData("True", 1)]
    [InlineData("False", 0)]
    [InlineData("true", 1)]
    [InlineData("false", 0)]
    [InlineData("True + True", 2)]
    public void Evaluate_Literals_GiveTheirValue(string text, double expected) =>
        Assert.Equal(expected, Eval(text));

    [Theory]
    [InlineData("1 < 2", 1)]
    [InlineData("2 < 1", 0)]
    [InlineData("2 <= 2", 1)]
    [InlineData("3 > 2", 1)]
    [InlineData("2 >= 3", 0)]
    [InlineData("2 == 2", 1)]
    [InlineData("2 != 2", 0)]
    [InlineData("0 < 0.5 < 1", 1)]
    [InlineData("0 < 1.5 < 1", 0)]
    [InlineData("1 < 0 < 2", 0)]
    [InlineData("1 < 2 < 3 < 4", 1)]
    [InlineData("1 < 2 < 3 > 4", 0)]
    [InlineData("1 + 1 == 2", 1)]
    public void Evaluate_Comparisons_GiveOneOrZeroAndChainLikePython(string text, double expected) =>
        Assert.Equal(expected, Eval(text));

    [Theory]
    [InlineData("2 and 3", 3)]
    [InlineData("0 and 3", 0)]
    [InlineData("2 or 3", 2)]
    [InlineData("0 or 3", 3)]
    [InlineData("0 or 0", 0)]
    [InlineData("not 0", 1)]
    [InlineData("not 2", 0)]
    [InlineData("not 1 < 0", 1)]
    [InlineData("1 or 0 and 0", 1)]
    [InlineData("not 0 and 5", 5)]
    public void Evaluate_AndOrNot_UsePythonValueSemantics(string text, double expected) =>
        Assert.Equal(expected, Eval(text));

    [Theory]
    [InlineData("1 if 1 else 2", 1)]
    [InlineData("1 if 0 else 2", 2)]
    [InlineData("1 if 0 else 2 if 0 else 3", 3)]
    [InlineData("10 + 1 if 2 > 1 else 20", 11)]
    [InlineData("(1 if 0 else 2) * 3", 6)]
    public void Evaluate_Conditional_PicksABranch(string text, double expected) =>
        Assert.Equal(expected, Eval(text));

    [Fact]
    public void Evaluate_Conditional_PicksPerSample()
    {
        var values = Evaluate(Compile("1 if t > 0 else -1"), clock: 0, count: 3);
        Assert.Equal([-1, 1, 1], values);
    }

    [Fact]
    public void Evaluate_AndOr_WorkPerSample()
    {
        var signal = new FakeSignal(0, 2, 0, 3);
        var names = new FakeNames().Signal("x", signal);
        Assert.Equal([5, 2, 5, 3], Evaluate(Compile("x or 5", names), count: 4));
        Assert.Equal([0, 5, 0, 5], Evaluate(Compile("x and 5", names), count: 4));
        Assert.Equal([0, 1, 0, 0], Evaluate(Compile("1 < x < 3", names), count: 4));
    }

    [Theory]
    [InlineData("1 / 0", double.PositiveInfinity)]
    [InlineData("-1 / 0", double.NegativeInfinity)]
    [InlineData("0 / 0", double.NaN)]
    [InlineData("1 // 0", double.PositiveInfinity)]
    [InlineData("1 % 0", double.NaN)]
    [InlineData("0 ** -1", double.PositiveInfinity)]
    public void Evaluate_DivisionByZero_FollowsIeeeInsteadOfThrowing(string text, double expected) =>
        Assert.Equal(expected, Eval(text));

    [Fact]
    public void Evaluate_DivisionByZeroAtRuntime_DoesNotThrow()
    {
        var values = Evaluate(Compile("1 / t"), count: 2);
        Assert.Equal(double.PositiveInfinity, values[0]);
        Assert.Equal(Rate, values[1], 9);
    }

    [Fact]
    public void Evaluate_WhitespaceAndComments_AreIgnored() =>
        Assert.Equal(3, Eval("  1 +\t2   # a comment"));
}
