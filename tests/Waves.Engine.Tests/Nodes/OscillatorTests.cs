using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Nodes;

public sealed class OscillatorTests
{
    const int Rate = 44100;

    static float[] Osc(string body, double seconds = 1) =>
        Patches.Render($"s:\n  osc: {{{body}}}\n", seconds).Left;

    [Theory]
    [InlineData("sin", 440, 0.70711)]
    [InlineData("cos", 440, 0.70711)]
    [InlineData("tri", 220, 0.57735)]
    [InlineData("sqr", 100, 1.0)]
    [InlineData("saw", 330, 0.57735)]
    [InlineData("ramp", 330, 0.57735)]
    public void Periodic_HasItsFrequencyAndLevel(string type, double freq, double rms)
    {
        var x = Osc($"type: {type}, freq: {freq}");
        Assert.Equal(freq, Signals.Frequency(x, Rate), 0.5);
        Assert.Equal(rms, Signals.Rms(x), 0.005);
        Assert.InRange(Signals.Peak(x), 0.999f, 1.0001f);
    }

    [Fact]
    public void Amp_ScalesTheWave()
    {
        var x = Osc("freq: 440, amp: 0.25");
        Assert.Equal(0.25 * 0.70711, Signals.Rms(x), 0.002);
    }

    [Fact]
    public void Sin_AdvancesPhaseBeforeTheFirstSample()
    {
        var x = Osc("freq: 441", 0.01);
        Assert.Equal(Math.Sin(2 * Math.PI * 441 / Rate), x[0], 6);
        Assert.Equal(Math.Sin(2 * Math.PI * 441 * 3 / Rate), x[2], 6);
    }

    [Fact]
    public void Saw_RisesFromZero_AndRampFalls()
    {
        var saw = Osc("type: saw, freq: 100", 0.005);
        var ramp = Osc("type: ramp, freq: 100", 0.005);
        Assert.True(saw[10] > saw[0] && saw[0] > 0 && saw[0] < 0.01);
        Assert.Equal(-saw[10], ramp[10], 6);
    }

    [Fact]
    public void Sqr_PulseWidthSetsDutyCycle()
    {
        var x = Osc("type: sqr, freq: 100, pulse_width: 0.25");
        var high = x.Count(v => v > 0) / (double)x.Length;
        Assert.Equal(0.25, high, 0.01);
    }

    [Fact]
    public void Noise_IsGaussianWithAmpAsDeviation_AndSeeded()
    {
        var a = Osc("type: noise, amp: 0.5");
        Assert.Equal(0.5, Signals.Rms(a), 0.01);
        Assert.Equal(0, Signals.Mean(a), 0.01);
        var again = Osc("type: noise, amp: 0.5");
        Assert.Equal(a, again);
        var other = Patches.Render("s:\n  osc: {type: noise, amp: 0.5}\n", 1, seed: 2).Left;
        Assert.NotEqual(a, other);
    }

    [Fact]
    public void Noise_ExplicitSeedOverridesSessionSeed()
    {
        const string yaml = "s:\n  osc: {type: noise, seed: 7}\n";
        Assert.Equal(Patches.Render(yaml, 0.1, seed: 1).Left, Patches.Render(yaml, 0.1, seed: 2).Left);
    }

    [Fact]
    public void Perlin_StaysWithinHalf_AndIsZeroAtWholeTimes()
    {
        var x = Osc("type: perlin, scale: 10");
        Assert.InRange(Signals.Peak(x), 0.05f, 0.5f);
        Assert.Equal(0, x[Rate / 10], 6); // x = t·scale = 1 at t = 0.1 s
    }

    [Fact]
    public void Wander_StaysWithinUnitRange_AndMoves()
    {
        var x = Osc("type: wander, scale: 50", 2);
        Assert.InRange(Signals.Peak(x), 1e-4f, 1f);
        Assert.NotEqual(x[0], x[^1]);
    }

    [Fact]
    public void None_WithRange_SitsAtTheMidpoint()
    {
        var x = Osc("type: none, amp: 3, range: [200, 400]", 0.01);
        Assert.All(x, v => Assert.Equal(300f, v));
    }

    [Fact]
    public void Range_MapsMinusOneToOneOntoMinMax()
    {
        var x = Osc("freq: 5, range: [200, 400]");
        Assert.Equal(400, x.Max(), 0.01);
        Assert.Equal(200, x.Min(), 0.01);
    }

    [Fact]
    public void Duration_EndsOnItsFrame()
    {
        var x = Osc("freq: 100, duration: 0.1", 1);
        Assert.Equal(4410, x.Length);
    }

    [Fact]
    public void Attack_RisesExponentiallyOverItsFrames()
    {
        var x = Osc("type: sqr, freq: 0.001, attack: 0.01", 0.02);
        // 441 frames: 1 − e^(−5k/440), then 1.
        Assert.Equal(0, x[0], 6);
        Assert.Equal(1 - Math.Exp(-2.5), x[220], 1e-5);
        Assert.Equal(1 - Math.Exp(-5), x[440], 1e-5);
        Assert.Equal(1, x[441], 6);
    }

    [Fact]
    public void Release_FallsToTheEndOfDuration()
    {
        var x = Osc("type: sqr, freq: 0.001, duration: 0.1, release: 0.01", 1);
        Assert.Equal(4410, x.Length);
        Assert.Equal(1, x[4410 - 442], 6);
        Assert.Equal(1, x[4410 - 441], 6);               // first release frame: e^0
        Assert.Equal(Math.Exp(-5), x[^1], 1e-5);
    }

    [Fact]
    public void Freq_FromInterpolationList_SweepsPerSample()
    {
        var x = Osc("freq: [100, 1000], duration: 1", 1);
        var first = Signals.Frequency(x.AsSpan(0, 4410), Rate);
        var last = Signals.Frequency(x.AsSpan(x.Length - 4410), Rate);
        Assert.InRange(first, 100, 160);
        Assert.InRange(last, 940, 1000);
    }

    [Fact]
    public void Phase_ModulatesInRadians()
    {
        var plain = Osc("freq: 100", 0.01);
        var shifted = Osc("freq: 100, phase: 1.5707963", 0.01);
        Assert.Equal(Math.Cos(2 * Math.PI * 100 * 5 / Rate), shifted[4], 5);
        Assert.NotEqual(plain[4], shifted[4]);
    }
}
