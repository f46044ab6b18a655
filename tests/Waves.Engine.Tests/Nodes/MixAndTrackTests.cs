using Waves.Engine.Nodes;
using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Nodes;

public sealed class MixAndTrackTests
{
    [Theory]
    [InlineData(-1.0, 1.0, 0.0)]
    [InlineData(1.0, 0.0, 1.0)]
    [InlineData(0.0, 0.70710678, 0.70710678)]
    [InlineData(0.5, 0.38268343, 0.92387953)]   // cos/sin of 3π/8
    [InlineData(-0.5, 0.92387953, 0.38268343)]
    public void PanLaw_IsEqualPower(double pan, double left, double right)
    {
        var (l, r) = PanLaw.Gains((float)pan);
        Assert.Equal(left, l, 1e-6);
        Assert.Equal(right, r, 1e-6);
        Assert.Equal(1, l * l + r * r, 1e-6);
    }

    [Theory]
    [InlineData("-1", 0.8, 0.0)]
    [InlineData("0.5", 0.8 * 0.38268343, 0.8 * 0.92387953)]
    public void Track_PansAndScalesAMonoSignal(string pan, double left, double right)
    {
        var a = Patches.Render($"s:\n  track: {{pan: {pan}, volume: 0.5, signal: 1.6}}\n", 0.01);
        Assert.Equal(2, a.Channels.Length);
        Assert.Equal(left, a.Left[10], 1e-6);
        Assert.Equal(right, a.Right![10], 1e-6);
    }

    [Fact]
    public void Track_WithoutPan_StaysMono()
    {
        var a = Patches.Render("s:\n  track: {volume: 0.5, signal: 0.8}\n", 0.01);
        Assert.Single(a.Channels);
        Assert.Equal(0.4, a.Left[3], 1e-6);
    }

    [Fact]
    public void Track_WithMovingPan_IsAlwaysEqualPowerStereo_EvenWhereThePanIsZero()
    {
        // t = 0.5 s makes the pan exactly 0; the original switched to mono at full level there.
        var a = Patches.Render("s:\n  track: {pan: \"(t - 0.5) * 2\", signal: 1}\n", 1, rate: 1000);
        Assert.Equal(0.70710678, a.Left[500], 1e-6);
        Assert.Equal(0.70710678, a.Right![500], 1e-6);
        Assert.Equal(1, a.Left[0], 1e-6);
    }

    [Fact]
    public void Track_StereoSignalUnderPan_KeepsItsImageAsBalance()
    {
        var a = Patches.Render("""
            s:
              track:
                pan: -0.5
                signal: {mix: {l: {track: {pan: -1, signal: 0.4}}, r: {track: {pan: 1, signal: 0.2}}}}
            """, 0.01);
        Assert.Equal(0.4, a.Left[0], 1e-6);
        Assert.Equal(0.1, a.Right![0], 1e-6);
    }

    [Fact]
    public void Mix_OfMonoAndStereo_IsStereo_WithMonoAtFullLevelOnBothSides()
    {
        var a = Patches.Render("""
            s:
              mix:
                mono: {track: {signal: 0.25}}
                left: {track: {pan: -1, signal: 0.5}}
            """, 0.01);
        Assert.Equal(2, a.Channels.Length);
        Assert.Equal(0.75, a.Left[0], 1e-6);
        Assert.Equal(0.25, a.Right![0], 1e-6);
    }

    [Fact]
    public void Mix_EndsWhenItsLongestTrackEnds()
    {
        var a = Patches.Render("""
            s:
              mix:
                short: {osc: {freq: 100, duration: 0.1}}
                long: {osc: {freq: 100, duration: 0.25}}
            """, 5);
        Assert.Equal(11025, a.Frames);
    }

    [Fact]
    public void Mix_LegacySignalsListAndScalarVolPan_AreAccepted()
    {
        var a = Patches.Render("""
            s:
              mix:
                signals:
                  - osc: {type: none, range: [0.1, 0.1]}
                  - osc: {type: none, range: [0.2, 0.2]}
                lead: {osc: {type: none, range: [1, 1]}}
                lead_vol: 0.5
                lead_pan: -1
            """, 0.01);
        Assert.Equal(2, a.Channels.Length);
        Assert.Equal(0.3 + 0.5, a.Left[0], 1e-6);
        Assert.Equal(0.3, a.Right![0], 1e-6);
    }

    [Fact]
    public void MixDuration_IsTheTimeSpanOfInterpolationListsInItsTracks()
    {
        var x = Patches.Render("s:\n  mix:\n    duration: 1\n    a: {expression: {exp: v, v: [0, 1]}}\n", 1, rate: 1000).Left;
        Assert.Equal(0.5f, x[500], 1e-3);
        Assert.Equal(0.9f, x[900], 1e-3);
    }
}
