using Waves.Engine.Expressions;
using Waves.Engine.Patching;
using static Waves.Engine.Tests.Expressions.ExpressionKit;

namespace Waves.Engine.Tests.Expressions;

public sealed class ErrorTests
{
    private static SourcePos At(int column) => new(Origin.File, Origin.Line, column);

    [Fact]
    public void Compile_WhenNameUnknown_ReportsNameAndColumn()
    {
        var problem = SingleProblem("tune * 16 + foo", new FakeNames().Number("tune", 50));
        Assert.Equal(Problem.Error(At(22), "unknown name 'foo' in expression"), problem);
        Assert.Equal("sounds/test.yaml:3:22: error: unknown name 'foo' in expression", problem.ToString());
    }

    [Fact]
    public void Compile_WhenSeveralNamesUnknown_ReportsAllInOrder()
    {
        var result = TryCompile("bar + sin(baz) * tune");
        Assert.Null(result.Expression);
        Assert.Equal(
        [
            Problem.Error(At(10), "unknown name 'bar' in expression"),
            Problem.Error(At(20), "unknown name 'baz' in expression"),
            Problem.Error(At(27), "unknown name 'tune' in expression"),
        ], result.Problems);
    }

    [Fact]
    public void Compile_WhenDollarNameUnknown_PointsAtTheDollar() =>
        Assert.Equal(Problem.Error(At(14), "unknown name 'lfo' in expression"), SingleProblem("2 * $lfo"));

    [Fact]
    public void Compile_WhenTextIsMultiLine_PointsAtTheOrigin() =>
        Assert.Equal(Problem.Error(Origin, "unknown name 'foo' in expression"), SingleProblem("1 +\n  foo"));

    [Theory]
    [InlineData("1 +", 13, "unexpected end")]
    [InlineData("(1 + 2", 16, "unexpected end")]
    [InlineData("1 + 2)", 15, "unexpected ')'")]
    [InlineData("", 10, "unexpected end")]
    [InlineData("1 2", 12, "unexpected '2'")]
    [InlineData("sin(1,, 2)", 16, "unexpected ','")]
    [InlineData("a4 @ 2", 13, "unexpected '@'")]
    [InlineData("1 if 2", 16, "unexpected end")]
    [InlineData("x = 1", 12, "unexpected '='")]
    [InlineData("major[1:2]", 17, "unexpected ':'")]
    [InlineData("$ + 1", 10, "unexpected '$'")]
    [InlineData("'abc'", 10, "unexpected '''")]
    [InlineData("2 * * 3", 14, "unexpected '*'")]
    [InlineData("(1, 2)", 12, "unexpected ','")]
    public void Compile_WhenSyntaxIsWrong_ReportsTheOffendingToken(string text, int column, string detail) =>
        Assert.Equal(
            Problem.Error(At(column), $"syntax error in expression '{text}': {detail}"),
            SingleProblem(text));

    [Theory]
    [InlineData("clip(1, 2)", "function 'clip' takes 3 arguments, got 2")]
    [InlineData("sin()", "function 'sin' takes 1 argument, got 0")]
    [InlineData("sin(1, 2)", "function 'sin' takes 1 argument, got 2")]
    [InlineData("rand(1, 2, 3)", "function 'rand' takes 0 to 2 arguments, got 3")]
    [InlineData("pow(2)", "function 'pow' takes 2 arguments, got 1")]
    [InlineData("where(1, 2)", "function 'where' takes 3 arguments, got 2")]
    [InlineData("max(2)", "function 'max' takes a list or 2 or more arguments, got 1")]
    [InlineData("min()", "function 'min' takes a list or 2 or more arguments, got 0")]
    [InlineData("np.clip(1)", "function 'np.clip' takes 3 arguments, got 1")]
    public void Compile_WhenArityIsWrong_ReportsExpectedAndActualCount(string text, string message) =>
        Assert.Equal(Problem.Error(At(10), message), SingleProblem(text));

    [Fact]
    public void Compile_WhenArityIsWrong_StillReportsUnknownNamesInArguments()
    {
        var result = TryCompile("clip(foo, 1)");
        Assert.Equal(
        [
            Problem.Error(At(10), "function 'clip' takes 3 arguments, got 2"),
            Problem.Error(At(15), "unknown name 'foo' in expression"),
        ], result.Problems);
    }

    [Theory]
    [InlineData("foo(1)", 10, "'foo' is not a function")]
    [InlineData("1 + pi(2)", 14, "'pi' is not a function")]
    [InlineData("t(0)", 10, "'t' is not a function")]
    [InlineData("a4(0)", 10, "'a4' is not a function")]
    [InlineData("tune(1)", 10, "'tune' is not a function")]
    [InlineData("(1)(2)", 11, "only named functions can be called")]
    [InlineData("sin + 1", 10, "'sin' is a function, not a number")]
    [InlineData("np.pi(1)", 10, "'np.pi' is not a function")]
    public void Compile_WhenCallingANonFunction_SaysSo(string text, int column, string message)
    {
        var result = TryCompile(text, new FakeNames().Number("tune", 1));
        Assert.Null(result.Expression);
        Assert.Contains(Problem.Error(At(column), message), result.Problems);
    }

    [Theory]
    [InlineData("major", 10)]
    [InlineData("[1, 2]", 10)]
    [InlineData("major + 1", 10)]
    [InlineData("2 * major", 14)]
    [InlineData("-major", 11)]
    [InlineData("sin(major)", 14)]
    [InlineData("to_mono([1])", 18)]
    public void Compile_WhenListIsUsedAsANumber_SaysSo(string text, int column) =>
        Assert.Equal(Problem.Error(At(column), "expression gives a list, not a number"), SingleProblem(text));

    [Theory]
    [InlineData("sum(3)", "'sum' needs a list")]
    [InlineData("mean(t)", "'mean' needs a list")]
    [InlineData("std(a4)", "'std' needs a list")]
    public void Compile_WhenReductionGetsAWave_SaysItNeedsAList(string text, string message) =>
        Assert.Equal(Problem.Error(At(10), message), SingleProblem(text));

    [Fact]
    public void Compile_WhenAttributeIsAccessed_SaysItIsUnsupported()
    {
        var names = new FakeNames().Number("signal", 1).Number("gain", 1);
        var problem = SingleProblem("signal * (gain).astype(1)", names);
        Assert.Equal(Problem.Error(At(25), "attribute access '.astype' is not supported"), problem);
    }

    [Theory]
    [InlineData("np.arange(5)", "unknown name 'np.arange' in expression")]
    [InlineData("np.foo", "unknown name 'np.foo' in expression")]
    [InlineData("np", "unknown name 'np' in expression")]
    public void Compile_WhenNumpyNameIsNotABuiltin_ReportsUnknownName(string text, string message) =>
        Assert.Equal(Problem.Error(At(10), message), SingleProblem(text));

    [Theory]
    [InlineData("t[0]", "expression gives a number, not a list")]
    [InlineData("[][0]", "cannot index an empty list")]
    [InlineData("max([])", "'max' of an empty list")]
    [InlineData("rand([])", "'rand' of an empty list")]
    public void Compile_WhenIndexingOrChoosingFromNothing_SaysSo(string text, string message) =>
        Assert.Equal(message, SingleProblem(text).Message);

    [Fact]
    public void Compile_WhenNestedTooDeeply_ReportsInsteadOfCrashing()
    {
        var text = new string('(', 300) + "1" + new string(')', 300);
        var problem = SingleProblem(text);
        Assert.EndsWith("is nested too deeply", problem.Message);

        var chain = string.Join(" + ", Enumerable.Repeat("t", 500));
        Assert.EndsWith("is nested too deeply", SingleProblem(chain).Message);
    }

    [Fact]
    public void Compile_WhenTextIsTooLong_SaysSoInsteadOfNestingWithoutBound()
    {
        var chain = string.Join("<", Enumerable.Repeat("t", 3000));
        Assert.Equal("expression is longer than 4000 characters", SingleProblem(chain).Message);
    }

    [Fact]
    public void Compile_WhenUnknownNameIsInAComprehension_ReportsItOnce()
    {
        Assert.Equal(Problem.Error(At(11), "unknown name 'foo' in expression"), SingleProblem("[foo * x for x in major][0]"));
        Assert.Equal(Problem.Error(At(15), "unknown name 'foo' in expression"), SingleProblem("sum([foo for x in []])"));
    }

    [Fact]
    public void Compile_WhenCommentFollowsANoteLetter_TreatsHashAsComment() =>
        Assert.Equal("unknown name 'c' in expression", SingleProblem("c#x").Message);
}
