using Waves.Engine.Nodes;
using Waves.Engine.Tests.Reload;
using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Nodes;

/// <summary>
/// The filter runs its recurrence two samples at a time, pairs anchored to its own clock: blocks that
/// end in the middle of a pair must not change a bit, and the result must be the plain per-sample filter.
/// </summary>
public sealed class FilterLookaheadTests
{
    const int Rate = 44100;

    const string MovingPeak = "1 + sin(2 * pi * 0.7 * t)";

    static string Swept(string type, bool stereo, string peak = MovingPeak) =>
        "s:\n  filter:\n    type: " + type + "\n" +
        "    cutoff: {osc: {type: sin, freq: 3, range: [200, 6000]}}\n" +
        "    peak: \"" + peak + "\"\n" +
        "    signal: " + (stereo ? "{track: {pan: {osc: {freq: 0.5}}, signal: {osc: {type: saw, freq: 110}}}}" : "{osc: {type: saw, freq: 110}}") + "\n";

    [Theory]
    [InlineData("lowpass", false, MovingPeak)]
    [InlineData("lowpass", true, MovingPeak)]
    [InlineData("lowpass", false, "1.5")]
    [InlineData("bandpass", true, MovingPeak)]
    [InlineData("highpass", false, MovingPeak)]
    [InlineData("notch", false, "0.5")]
    public void SweptResonantFilter_AnyBlockSize_SameBits(string type, bool stereo, string peak)
    {
        var yaml = Swept(type, stereo, peak);
        var reference = Patches.Render(yaml, 0.5, block: 4096);
        foreach (var block in new[] { 1, 3, 64, 511 })
        {
            var other = Patches.Render(yaml, 0.5, block: block);
            Assert.Equal(-1, LiveRun.FirstDifference(reference.Left, other.Left));
            if (stereo) Assert.Equal(-1, LiveRun.FirstDifference(reference.Right!, other.Right!));
        }
    }

    [Theory]
    [InlineData("lowpass", MovingPeak)]
    [InlineData("lowpass", "1.5")]
    [InlineData("highpass", MovingPeak)]
    [InlineData("bandpass", MovingPeak)]
    [InlineData("notch", MovingPeak)]
    [InlineData("notch", "0.5")]
    public void SweptResonantFilter_MatchesThePlainPerSampleFilter(string type, string peakText)
    {
        // The filter's own inputs, rendered as sounds: the signal, the cutoff and the peak.
        var yaml = Swept(type, stereo: false, peakText) + """

            x: {osc: {type: saw, freq: 110}}
            c: {osc: {type: sin, freq: 3, range: [200, 6000]}}
            """ + $"\np: {{expression: {{exp: \"{peakText}\"}}}}\n";
        const double seconds = 3;
        var y = Patches.Render(yaml, seconds, block: 500).Left;
        var x = Patches.Render(yaml, seconds, "x").Left;
        var cutoff = Patches.Render(yaml, seconds, "c").Left;
        var peak = Patches.Render(yaml, seconds, "p").Left;
        double s1 = 0, s2 = 0, worst = 0, loudest = 0;
        for (var i = 0; i < y.Length; i++)
        {
            var (c1, c2, c3, m0, m1, m2) = Coefficients(type, cutoff[i], peak[i]);
            double xi = x[i];
            var v3 = xi - s2;
            var n1 = c1 * s1 + c2 * v3;
            var n2 = (s2 + c2 * s1) + c3 * v3;
            var expected = m0 * xi + m1 * ((s1 + n1) / 2) + m2 * ((s2 + n2) / 2);
            (s1, s2) = (n1, n2);
            worst = Math.Max(worst, Math.Abs(expected - y[i]));
            loudest = Math.Max(loudest, Math.Abs(expected));
        }
        Assert.True(loudest > 0.1, $"loudest {loudest}");
        Assert.True(worst < 1e-5, $"worst difference {worst}");
    }

    /// <summary>The TPT state-variable filter's coefficients at a cutoff and peak, written out plainly.</summary>
    static (double C1, double C2, double C3, double M0, double M1, double M2) Coefficients(string type, double cutoff, double peak)
    {
        var q = Svf.QFromPeak(peak);
        var k = 1 / q;
        var g = Math.Tan(Math.PI * Math.Clamp(cutoff, 20, Rate / 2.0 - 100) / Rate);
        var a1 = 1 / (1 + g * (g + k));
        var a2 = g * a1;
        var a3 = g * a2;
        var gain = q > 1 ? 1 / Math.Sqrt(q) : 1;
        var (m0, m1, m2) = type switch
        {
            "lowpass" => (0.0, 0.0, gain),
            "highpass" => (gain, -k * gain, -gain),
            "bandpass" => (0.0, k * gain, 0.0),
            _ => (gain, -k * gain, 0.0),
        };
        return (2 * a1 - 1, 2 * a2, 2 * a3, m0, m1, m2);
    }

    [Fact]
    public void Reload_InTheMiddleOfAPair_ChangesNoBit()
    {
        // Blocks of 129 frames: the reload lands at frame 129, between a pair's halves. The new text
        // computes the same cutoff, so the filter must carry on exactly as if nothing happened.
        const string before = """
            s:
              filter:
                type: bp
                cutoff: "1000 + 800 * sin(2 * pi * 3 * t)"
                peak: 1.5
                signal: {track: {pan: 0.4, signal: {osc: {type: saw, freq: 110}}}}
            """;
        var after = before.Replace("1000 + 800 * sin(2 * pi * 3 * t)", "800 * sin(2 * pi * 3 * t) + 1000");
        var (plainL, plainR, _) = LiveRun.Play(LiveRun.Start(before, block: 129, fadeFrames: 0), Rate / 4);
        var (left, right, reports) = LiveRun.Play(LiveRun.Start(before, block: 129, fadeFrames: 0), Rate / 4, (129, after));
        Assert.True(reports.Single().Accepted);
        Assert.Equal(-1, LiveRun.FirstDifference(plainL, left));
        Assert.Equal(-1, LiveRun.FirstDifference(plainR, right));
    }

    [Fact]
    public void Render_BlocksEndingMidPair_AllocateNothing()
    {
        // Odd blocks: every other one starts on a pair's second half and ends on a first half.
        Assert.Equal(0, RenderAllocations.Of(() => Patches.Patch("""
            s:
              mix:
                a: {filter: {type: lp, cutoff: {osc: {freq: 2, range: [200, 4000]}}, peak: 1.2, signal: {track: {pan: 0.3, signal: {osc: {type: saw}}}}}}
                b: {filter: {type: hp, cutoff: 700, peak: 0.5, signal: {osc: {type: noise}}}}
            """, block: 127), 300));
    }

    [Fact]
    public void CopyFrom_CarriesTheUnfinishedPair()
    {
        var a = new FilterState { Clock = 7, L1 = 1, L2 = 2, R1 = 3, R2 = 4, HeldC1 = 0.5, HeldC2 = 0.25, HeldC3 = 0.125, HeldL = 0.75, HeldR = -0.5 };
        var b = new FilterState();
        b.CopyFrom(a);
        Assert.Equal((7L, 1.0, 2.0, 3.0, 4.0), (b.Clock, b.L1, b.L2, b.R1, b.R2));
        Assert.Equal((0.5, 0.25, 0.125, 0.75, -0.5), (b.HeldC1, b.HeldC2, b.HeldC3, b.HeldL, b.HeldR));
    }
}
