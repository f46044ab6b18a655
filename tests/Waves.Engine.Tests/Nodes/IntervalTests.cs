using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Nodes;

public sealed class IntervalTests
{
    static float At(string parameters) => Patches.Render($"s:\n  interval: {{{parameters}}}\n", 0.01, rate: 1000).Left[5];

    [Theory]
    [InlineData("note: 0", 220)]
    [InlineData("note: 7", 440)]                 // a whole octave of a 7-note scale
    [InlineData("note: -1", 207.65234)]          // below the root: degree 6 an octave down (11 − 12)
    [InlineData("note: 2.5", 277.18263)]         // rounds half to even: degree 2, 4 semitones
    [InlineData("note: 3.5", 329.62756)]         // degree 4, 7 semitones
    [InlineData("note: -8", 103.82617)]          // −8 = −2·7 + 6: 11 − 24
    public void Major_GivesTheDegreesFrequency(string note, double hz) =>
        Assert.Equal(hz, At($"root: 220, scale: major, {note}"), 1e-3);

    [Fact]
    public void AList_AndTheDefaultChromatic()
    {
        Assert.Equal(220 * Math.Pow(2, 9 / 12.0), At("root: 220, scale: [0, 2, 4, 7, 9], note: 4"), 1e-3);
        Assert.Equal(440, At("root: 220, scale: [0, 2, 4, 7, 9], note: 5"), 1e-3);
        Assert.Equal(440 * Math.Pow(2, 1 / 12.0), At("note: 1"), 1e-3);
        Assert.Equal(440 * Math.Pow(2, 3 / 12.0), At("scale: minor_pentatonic, note: 1"), 1e-3);
    }

    [Fact]
    public void RootAndNote_AreReadPerSample()
    {
        var x = Patches.Render("s:\n  interval: {root: \"100 + 1000 * t\", note: \"floor(t * 100)\", scale: [0]}\n", 0.05, rate: 1000).Left;
        Assert.Equal(110 * 2.0, x[10], 1e-3);    // degree 1 of a one-note scale: an octave
        Assert.Equal(120 * 4.0, x[20], 1e-3);
    }

    [Fact]
    public void AScaleThatIsNotAList_IsAnErrorWithItsPosition() =>
        Assert.Contains(Patches.Problems("s:\n  interval: {scale: nonsense, note: 1}\n"),
            p => p.StartsWith("sounds/test.yaml:2:21: error: 'scale' of 'interval' must be"));
}
