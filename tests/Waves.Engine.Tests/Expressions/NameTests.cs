using static Waves.Engine.Tests.Expressions.ExpressionKit;

namespace Waves.Engine.Tests.Expressions;

public sealed class NameTests
{
    [Theory]
    [InlineData("a4", 440)]
    [InlineData("A4", 440)]
    [InlineData("a3", 220)]
    [InlineData("a5", 880)]
    [InlineData("c4", 261.6255653005986)]
    [InlineData("C4", 261.6255653005986)]
    [InlineData("c0", 16.351597831287414)]
    [InlineData("g10", 25087.70790283195)]
    [InlineData("c1", 32.70319566257483)]
    [InlineData("b3", 246.94165062806206)]
    public void Evaluate_NoteName_GivesEqualTemperedFrequency(string name, double expected) =>
        Assert.Equal(expected, Eval(name), 9);

    [Theory]
    [InlineData("cs4")]
    [InlineData("Cs4")]
    [InlineData("c#4")]
    [InlineData("C#4")]
    [InlineData("db4")]
    [InlineData("Db4")]
    public void Evaluate_SharpAndFlatSpellings_AreTheSameNote(string name) =>
        Assert.Equal(277.1826309768721, Eval(name), 9);

    [Fact]
    public void Evaluate_SharpNoteInArithmetic_LexesAsOneName() =>
        Assert.Equal(2 * NoteFrequency(61) + 1, Eval("2*c#4+1"), 9);

    [Theory]
    [InlineData("bb3", 58)]
    [InlineData("as3", 58)]
    [InlineData("a#3", 58)]
    [InlineData("eb2", 39)]
    [InlineData("gb5", 78)]
    [InlineData("ab0", 20)]
    public void Evaluate_Accidentals_MapToTheirMidiNote(string name, int midi) =>
        Assert.Equal(NoteFrequency(midi), Eval(name), 9);

    [Fact]
    public void Evaluate_NamesOutsideMidi12To139_AreUnknown()
    {
        Assert.Equal("unknown name 'a10' in expression", SingleProblem("a10").Message);
        Assert.Equal(NoteFrequency(139), Eval("g10"), 9);
        Assert.Equal("unknown name 'b_1' in expression", SingleProblem("b_1").Message);
    }

    [Fact]
    public void Evaluate_LetterE_IsEulersNumberNotANote()
    {
        Assert.Equal(Math.E, Eval("e"));
        Assert.Equal(NoteFrequency(64), Eval("e4"), 9);
    }

    [Theory]
    [InlineData("octave", 2)]
    [InlineData("semitone", 1.0594630943592953)]
    [InlineData("semi", 1.0594630943592953)]
    [InlineData("minor_second", 1.0594630943592953)]
    [InlineData("whole", 1.122462048309373)]
    [InlineData("major_second", 1.122462048309373)]
    [InlineData("minor_third", 1.189207115002721)]
    [InlineData("major_third", 1.2599210498948732)]
    [InlineData("fourth", 1.3348398541700344)]
    [InlineData("fifth", 1.4983070768766815)]
    public void Evaluate_IntervalName_GivesItsRatio(string name, double expected) =>
        Assert.Equal(expected, Eval(name), 12);

    [Fact]
    public void Evaluate_Intervals_ComposeLikeRatios() =>
        Assert.Equal(440 * 1.4983070768766815, Eval("a4 * fifth"), 9);

    [Theory]
    [InlineData("pi", Math.PI)]
    [InlineData("tau", 2 * Math.PI)]
    [InlineData("e", Math.E)]
    [InlineData("inf", double.PositiveInfinity)]
    [InlineData("infinite", double.PositiveInfinity)]
    [InlineData("infinity", double.PositiveInfinity)]
    [InlineData("sr", Rate)]
    [InlineData("sample_rate", Rate)]
    [InlineData("np.pi", Math.PI)]
    [InlineData("np.e", Math.E)]
    public void Evaluate_Constant_GivesItsValue(string name, double expected) =>
        Assert.Equal(expected, Eval(name));

    [Fact]
    public void Evaluate_SampleRate_IsTheCompileOption()
    {
        var result = Waves.Engine.Expressions.ExpressionCompiler.Compile(
            "sr", Origin, new FakeNames(), new Waves.Engine.Expressions.ExprOptions(64, 48_000, 1));
        Assert.Equal(48_000, result.Expression!.ConstantValue);
    }

    [Fact]
    public void Evaluate_DollarName_IsTheSameAsTheBareName()
    {
        var names = new FakeNames().Number("tune", 55).Number("warp", 0.5);
        Assert.Equal(Eval("tune * 2 + warp", names), Eval("$tune * 2 + $warp", names));
        Assert.Equal(110.5, Eval("$tune*2+$warp", names));
    }

    [Fact]
    public void Evaluate_PatchName_ShadowsBuiltinAndTime()
    {
        var names = new FakeNames().Number("pi", 3).Number("t", 7).Number("a4", 1);
        Assert.Equal(3, Eval("pi", names));
        Assert.Equal(7, Eval("t", names));
        Assert.Equal(1, Eval("a4", names));
    }

    [Fact]
    public void Evaluate_NumberListBinding_CanBeIndexed()
    {
        var names = new FakeNames().List("steps", 10, 20, 30);
        Assert.Equal(20, Eval("steps[1]", names));
        Assert.Equal(60, Eval("sum(steps)", names));
    }

    [Fact]
    public void Evaluate_Numpy_PrefixMapsToBuiltinFunction()
    {
        Assert.Equal(Math.Sin(1), Eval("np.sin(1)"));
        Assert.Equal(3, Eval("np.max(1, 3)"));
        Assert.Equal(Waves.Engine.Kernels.DetMath.Tanh(0.5), Eval("np.tanh(0.5)"));
    }

    private static double NoteFrequency(int midi) => 440 * Math.Pow(2, (midi - 69) / 12.0);
}
