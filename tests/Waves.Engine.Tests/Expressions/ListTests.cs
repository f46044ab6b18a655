using static Waves.Engine.Tests.Expressions.ExpressionKit;

namespace Waves.Engine.Tests.Expressions;

public sealed class ListTests
{
    [Theory]
    [InlineData("major[2]", 4)]
    [InlineData("major[0]", 0)]
    [InlineData("major[-1]", 11)]
    [InlineData("major[-7]", 0)]
    [InlineData("major[2.9]", 4)]
    [InlineData("major[100]", 11)]
    [InlineData("major[-100]", 0)]
    [InlineData("[1, 2, 3][1]", 2)]
    [InlineData("[1, 2, 3,][2]", 3)]
    [InlineData("[[1, 2], [3, 4]][1][0]", 3)]
    [InlineData("[a4, 2 * a4][1]", 880)]
    public void Evaluate_Index_IsFlooredPythonNegativeAndClamped(string text, double expected) =>
        Assert.Equal(expected, Eval(text));

    [Fact]
    public void Evaluate_IndexVaryingPerSample_PicksPerSample()
    {
        var index = new FakeSignal(0, 1, 2, -1, 7, -9, 1.5f);
        var names = new FakeNames().Signal("i", index);
        Assert.Equal([0, 3, 5, 10, 10, 0, 3], Evaluate(Compile("minor_pentatonic[i]", names), count: 7));
    }

    [Fact]
    public void Evaluate_ListOfWavesIndexedPerSample_ReadsEachItemPerSample()
    {
        var index = new FakeSignal(0, 1, 0, 1);
        var x = new FakeSignal(10, 20, 30, 40);
        var names = new FakeNames().Signal("i", index).Signal("x", x);
        Assert.Equal([10, -20, 30, -40], Evaluate(Compile("[x, -x][i]", names), count: 4));
    }

    [Theory]
    [InlineData("major", new double[] { 0, 2, 4, 5, 7, 9, 11 })]
    [InlineData("minor", new double[] { 0, 2, 3, 5, 7, 8, 10 })]
    [InlineData("minor_pentatonic", new double[] { 0, 3, 5, 7, 10 })]
    [InlineData("major_pentatonic", new double[] { 0, 2, 4, 7, 9 })]
    [InlineData("blues", new double[] { 0, 3, 5, 6, 7, 10 })]
    [InlineData("dorian", new double[] { 0, 2, 3, 5, 7, 9, 10 })]
    [InlineData("whole_tone", new double[] { 0, 2, 4, 6, 8, 10 })]
    [InlineData("chromatic", new double[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 })]
    [InlineData("harmonic_minor", new double[] { 0, 2, 3, 5, 7, 8, 11 })]
    [InlineData("hirajoshi", new double[] { 0, 2, 3, 7, 8 })]
    public void Evaluate_Scale_IsItsSemitoneList(string scale, double[] expected)
    {
        for (var k = 0; k < expected.Length; k++)
            Assert.Equal(expected[k], Eval($"{scale}[{k}]"));
        Assert.Equal(expected.Sum(), Eval($"sum({scale})"));
    }

    [Theory]
    [InlineData("chromatic")] [InlineData("major")] [InlineData("minor")] [InlineData("major_pentatonic")]
    [InlineData("minor_pentatonic")] [InlineData("dorian")] [InlineData("phrygian")] [InlineData("lydian")]
    [InlineData("mixolydian")] [InlineData("aeolian")] [InlineData("locrian")] [InlineData("harmonic_minor")]
    [InlineData("melodic_minor")] [InlineData("double_harmonic")] [InlineData("hungarian_minor")]
    [InlineData("persian")] [InlineData("enigmatic")] [InlineData("neapolitan_minor")]
    [InlineData("neapolitan_major")] [InlineData("prometheus")] [InlineData("whole_tone")] [InlineData("blues")]
    [InlineData("minor_blues")] [InlineData("major_blues")] [InlineData("gypsy")] [InlineData("japanese")]
    [InlineData("hirajoshi")] [InlineData("kumoi")] [InlineData("yo")] [InlineData("iwato")] [InlineData("pelog")]
    [InlineData("augmented")] [InlineData("bebop_major")] [InlineData("bebop_minor")]
    public void Evaluate_EveryScale_StartsAtTheRootAndRisesWithinAnOctave(string scale)
    {
        Assert.Equal(0, Eval($"{scale}[0]"));
        Assert.Equal(1, Eval($"min([{scale}[k + 1] - {scale}[k] for k in chromatic]) >= 0"));
        Assert.InRange(Eval($"{scale}[-1]"), 1, 11);
    }

    [Fact]
    public void Evaluate_ScaleNoteFromRoot_GivesFrequency() =>
        Assert.Equal(440 * Math.Pow(2, 7 / 12.0), Eval("a4 * 2 ** (major[4] / 12)"), 9);

    [Fact]
    public void Evaluate_Comprehension_UnrollsOverTheList()
    {
        Assert.Equal(8, Eval("[x * 2 for x in major][2]"));
        var names = new FakeNames().Number("v", 3);
        Assert.Equal(12, Eval("[x * v for x in major][2]", names));
        Assert.Equal(15, Eval("sum([x for x in [1, 2, 3, 4, 5]])"));
    }

    [Fact]
    public void Evaluate_ConditionalWithConstantCondition_MayGiveAList() =>
        Assert.Equal(3, Eval("(major if 0 else minor)[2]"));
}
