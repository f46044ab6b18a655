using static Waves.Engine.Tests.Expressions.ExpressionKit;

namespace Waves.Engine.Tests.Expressions;

public sealed class ConstantFoldingTests
{
    [Fact]
    public void Compile_WhenOnlyNumberBindings_IsConstant()
    {
        var expression = Compile("tune * 16", new FakeNames().Number("tune", 55));
        Assert.True(expression.IsConstant);
        Assert.Equal(880, expression.ConstantValue);
        Assert.All(Evaluate(expression, count: 8), v => Assert.Equal(880, v));
    }

    [Theory]
    [InlineData("a4 * 2 ** (major[4] / 12)")]
    [InlineData("sum(major) + max(1, 2) + clip(5, 0, 1)")]
    [InlineData("1 if pi > 3 else 2")]
    [InlineData("[x * 2 for x in major][3]")]
    [InlineData("0 < 0.5 < 1")]
    [InlineData("sr / 2")]
    public void Compile_WhenNoTimeSignalOrRand_IsConstant(string text) =>
        Assert.True(Compile(text).IsConstant);

    [Theory]
    [InlineData("t")]
    [InlineData("tune * 16 + t")]
    [InlineData("sin(time)")]
    [InlineData("lfo * 2")]
    [InlineData("rand()")]
    [InlineData("major[t]")]
    [InlineData("1 if t > 1 else 2")]
    public void Compile_WhenTimeSignalOrRandIsUsed_IsNotConstant(string text)
    {
        var names = new FakeNames().Number("tune", 55).Signal("lfo", new FakeSignal(new float[64]));
        var expression = Compile(text, names);
        Assert.False(expression.IsConstant);
        Assert.Throws<InvalidOperationException>(() => expression.ConstantValue);
    }

    [Fact]
    public void Compile_WhenPartlyConstant_GivesTheSameValuesAsUnfolded()
    {
        var names = new FakeNames().Number("tune", 55);
        var folded = Evaluate(Compile("t * (tune * 2 + 1)", names), count: 32);
        var plain = Evaluate(Compile("t * 111"), count: 32);
        Assert.Equal(plain, folded);
    }
}
