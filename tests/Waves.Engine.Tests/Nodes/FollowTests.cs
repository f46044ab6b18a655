using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Nodes;

public sealed class FollowTests
{
    static float[] Render(string parameters, int block = 64) =>
        Patches.Render($"s:\n  follow: {{{parameters}}}\n", 0.2, rate: 1000, block: block).Left;

    [Fact]
    public void Attack_RisesAsAOnePole()
    {
        // coefficient 1 − e^(−1/10): after k + 1 samples, 1 − e^(−(k+1)/10).
        var x = Render("attack: 0.01, signal: 1");
        Assert.Equal(1 - Math.Exp(-0.1), x[0], 1e-6);
        Assert.Equal(1 - Math.Exp(-1), x[9], 1e-5);
    }

    [Fact]
    public void Release_FallsAsAOnePole_AndRangeMapsTheLevel()
    {
        var x = Render("attack: 0, release: 0.02, range: [0, 10], signal: \"-1 if t < 0.1 else 0\"");
        Assert.Equal(10f, x[99], 1e-5);           // |−1|, at once
        Assert.Equal(10 * Math.Exp(-1 / 20.0), x[100], 1e-4);
        Assert.Equal(10 * Math.Exp(-1), x[119], 1e-3);
    }

    [Fact]
    public void TheLevel_CarriesAcrossBlocks() =>
        Assert.Equal(Render("release: 0.05, signal: {osc: {freq: 3}}", 1), Render("release: 0.05, signal: {osc: {freq: 3}}", 1000));
}
