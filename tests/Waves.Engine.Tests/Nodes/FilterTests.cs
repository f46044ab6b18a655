using System.Numerics;
using Waves.Engine.Nodes;
using Waves.Engine.Rendering;
using Waves.Engine.Tests.Reload;
using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Nodes;

public sealed class FilterTests
{
    const int Rate = 44100;

    /// <summary>|H(e^jω)| of the RBJ cookbook biquad, with the original's 1/√Q gain compensation above Q = 1.</summary>
    static double Cookbook(string type, double cutoff, double q, double freq)
    {
        var w0 = 2 * Math.PI * cutoff / Rate;
        var c = Math.Cos(w0);
        var alpha = Math.Sin(w0) / (2 * q);
        double[] b = type switch
        {
            "lowpass" => [(1 - c) / 2, 1 - c, (1 - c) / 2],
            "highpass" => [(1 + c) / 2, -(1 + c), (1 + c) / 2],
            "bandpass" => [alpha, 0, -alpha],
            _ => [1, -2 * c, 1],
        };
        double[] a = [1 + alpha, -2 * c, 1 - alpha];
        var gain = q > 1 ? 1 / Math.Sqrt(q) : 1;
        var z1 = Complex.FromPolarCoordinates(1, -2 * Math.PI * freq / Rate);
        var z2 = z1 * z1;
        return gain * ((b[0] + b[1] * z1 + b[2] * z2) / (a[0] + a[1] * z1 + a[2] * z2)).Magnitude;
    }

    /// <summary>Amplitude of the component at <paramref name="freq"/> over the last half second (least squares against sin and cos).</summary>
    static double Amplitude(float[] x, double freq)
    {
        double ss = 0, sc = 0, cc = 0, xs = 0, xc = 0;
        for (var i = x.Length - Rate / 2; i < x.Length; i++)
        {
            double s = Math.Sin(2 * Math.PI * freq * i / Rate), c = Math.Cos(2 * Math.PI * freq * i / Rate);
            ss += s * s; sc += s * c; cc += c * c; xs += x[i] * s; xc += x[i] * c;
        }
        var det = ss * cc - sc * sc;
        var a = (xs * cc - xc * sc) / det;
        var b = (xc * ss - xs * sc) / det;
        return Math.Sqrt(a * a + b * b);
    }

    [Theory]
    [InlineData("lowpass", 1000, 0, 200)]
    [InlineData("lowpass", 1000, 0, 1000)]
    [InlineData("lowpass", 1000, 0, 5000)]
    [InlineData("lowpass", 500, 1, 500)]
    [InlineData("lowpass", 2000, 2, 1800)]
    [InlineData("highpass", 2000, 0, 300)]
    [InlineData("highpass", 2000, 0, 2000)]
    [InlineData("highpass", 2000, 0.5, 8000)]
    [InlineData("bandpass", 1500, -1, 1500)]
    [InlineData("bandpass", 1500, 2, 1500)]
    [InlineData("bandpass", 1500, 2, 1600)]
    [InlineData("bandpass", 1500, 0, 400)]
    [InlineData("notch", 1000, 0, 1000)]
    [InlineData("notch", 1000, 0, 3000)]
    [InlineData("lowpass", 15000, 0, 18000)]
    public void MagnitudeResponse_MatchesTheCookbookBiquad(string type, double cutoff, double peak, double freq)
    {
        var x = Patches.Render($"s:\n  filter: {{type: {type}, cutoff: {cutoff}, peak: {peak}, signal: {{osc: {{freq: {freq}}}}}}}\n", 1.5).Left;
        var expected = Cookbook(type, cutoff, Svf.QFromPeak(peak), freq);
        Assert.Equal(expected, Amplitude(x, freq), Math.Max(1e-4, expected * 2e-3));
    }

    [Theory]
    [InlineData(-1, 0.5)]
    [InlineData(0, 0.707)]
    [InlineData(1, 10)]
    [InlineData(2, 37.879)]
    public void Peak_MapsToQ_AsTheOriginal(double peak, double q) =>
        Assert.Equal(q, Svf.QFromPeak(peak), 1e-3);

    [Fact]
    public void PeakBelowMinus3_StaysAFilter_WhereTheOriginalsQWentNegative()
    {
        Assert.Equal(Svf.MinQ, Svf.QFromPeak(-5));
        Assert.Equal(Svf.MaxQ, Svf.QFromPeak(100));
        var x = Patches.Render("s:\n  filter: {cutoff: 1000, peak: -5, signal: {osc: {freq: 100}}}\n", 1).Left;
        Assert.Equal(Cookbook("lowpass", 1000, Svf.MinQ, 100), Amplitude(x, 100), 1e-3);
    }

    [Theory]
    [InlineData("lp", "lowpass")]
    [InlineData("lpf", "lowpass")]
    [InlineData("hp", "highpass")]
    [InlineData("HPF", "highpass")]
    [InlineData("bp", "bandpass")]
    [InlineData("band", "bandpass")]
    [InlineData("bandstop", "notch")]
    public void TypeAliases_Work_WhereTheOriginalRejectedThem(string alias, string type)
    {
        const string body = "cutoff: 800, peak: 0.7, signal: {osc: {type: saw, freq: 110}}";
        var a = Patches.Render($"s:\n  filter: {{type: {alias}, {body}}}\n", 0.2).Left;
        var b = Patches.Render($"s:\n  filter: {{type: {type}, {body}}}\n", 0.2).Left;
        Assert.Equal(b, a);
    }

    [Fact]
    public void UnknownType_IsAnErrorWithItsPosition()
    {
        var problems = Patches.Problems("s:\n  filter: {type: comb, cutoff: 100, signal: {osc: {}}}\n");
        Assert.Contains(problems, p => p.StartsWith("sounds/test.yaml:2:18: error:") && p.Contains("lowpass"));
    }

    [Fact]
    public void MissingCutoff_IsAnErrorWithItsPosition()
    {
        var problems = Patches.Problems("s:\n  filter: {signal: {osc: {}}}\n");
        Assert.Contains(problems, p => p.StartsWith("sounds/test.yaml:2:3: error:") && p.Contains("'cutoff'"));
    }

    [Fact]
    public void CutoffSweep_IsTheSameForAnyBlockSize_WhereTheOriginalSteppedPerChunk()
    {
        // The original applied a slow sweep as one coefficient set per chunk (the chunk's mean);
        // here the coefficients follow every sample, so block boundaries leave no trace.
        const string yaml = """
            s:
              filter:
                type: lp
                cutoff: {osc: {type: sin, freq: 0.5, range: [300, 3000]}}
                peak: {osc: {type: tri, freq: 0.3, range: [0, 2]}}
                signal: {track: {pan: 0.3, signal: {osc: {type: saw, freq: 110}}}}
            """;
        var a = Patches.Render(yaml, 1, block: 64);
        var b = Patches.Render(yaml, 1, block: 512);
        var c = Patches.Render(yaml, 1, block: 1);
        Assert.Equal(a.Left, b.Left);
        Assert.Equal(a.Right, b.Right);
        Assert.Equal(a.Left, c.Left);
    }

    [Fact]
    public void CutoffSweep_HasNoSteps()
    {
        // A DC input through a low-pass whose cutoff sweeps: the output moves only as fast as the sweep.
        var x = Patches.Render("s:\n  filter: {cutoff: \"300 + 200 * t\", signal: 1}\n", 1, block: 512).Left;
        for (var i = 1000; i < x.Length; i++) Assert.True(Math.Abs(x[i] - x[i - 1]) < 1e-5, $"frame {i}");
    }

    [Fact]
    public void Stability_CutoffFrom1HzToNyquist_HugeResonance_ModulatedEverySample()
    {
        const string yaml = """
            s:
              mix:
                noisy:
                  filter:
                    type: bp
                    cutoff: {osc: {type: noise, range: [1, 22050]}}
                    peak: {osc: {type: noise, range: [-20, 50]}}
                    signal: {osc: {type: saw, freq: 55}}
                sweep:
                  filter:
                    type: lp
                    cutoff: {osc: {type: saw, freq: 3, range: [1, 30000]}}
                    peak: 40
                    signal: {osc: {type: noise}}
                edges:
                  filter:
                    type: hp
                    cutoff: {osc: {type: sqr, freq: 200, range: [0, 1e9]}}
                    peak: {osc: {type: sqr, freq: 70, range: [-1e6, 1e6]}}
                    signal: {osc: {type: sqr, freq: 330}}
            """;
        var patch = Patches.Patch(yaml);
        var audio = OfflineRender.ToArrays(patch, 3 * Rate);
        Assert.DoesNotContain(patch.Root.Faults(), _ => true);
        foreach (var v in audio.Left) Assert.True(float.IsFinite(v));
        Assert.True(Signals.Peak(audio.Left) < 100, $"peak {Signals.Peak(audio.Left)}");
    }

    [Fact]
    public void Svf_UnderRandomPerSampleModulation_StaysBounded_WhereADirectFormBiquadOverflows()
    {
        // Why the filter is a state-variable form: the same cookbook low-pass in transposed direct
        // form II, retuned every sample to a random cutoff and Q, overflows; the SVF stays bounded.
        var rng = new Random(1);
        double z1 = 0, z2 = 0, s1 = 0, s2 = 0, direct = 0, svf = 0;
        for (var n = 0; n < 3 * Rate; n++)
        {
            var fc = 1 + rng.NextDouble() * 21949;
            var q = 0.1 + rng.NextDouble() * 100;
            var x = n * 55.0 / Rate % 1 * 2 - 1;
            var w0 = 2 * Math.PI * fc / Rate;
            double c = Math.Cos(w0), alpha = Math.Sin(w0) / (2 * q), a0 = 1 + alpha;
            double b0 = (1 - c) / 2 / a0, b1 = (1 - c) / a0, a1 = -2 * c / a0, a2 = (1 - alpha) / a0;
            var y = b0 * x + z1;
            z1 = b1 * x - a1 * y + z2;
            z2 = b0 * x - a2 * y;
            direct = Math.Max(direct, Math.Abs(y));
            svf = Math.Max(svf, Math.Abs(new Svf(FilterShape.Lowpass, fc, q, Rate).Tick(ref s1, ref s2, x)));
        }
        Assert.False(double.IsFinite(direct));
        Assert.True(svf < 10, $"{svf}");
    }

    [Fact]
    public void Stereo_IsFilteredPerChannel()
    {
        var s = Patches.Render("s:\n  filter: {type: hp, cutoff: 500, peak: 1, signal: {track: {pan: -0.5, signal: {osc: {type: saw, freq: 220}}}}}\n", 0.3);
        var m = Patches.Render("s:\n  filter: {type: hp, cutoff: 500, peak: 1, signal: {osc: {type: saw, freq: 220}}}\n", 0.3).Left;
        var (gl, gr) = PanLaw.Gains(-0.5f);
        for (var i = 0; i < m.Length; i++)
        {
            Assert.Equal(m[i] * gl, s.Left[i], 1e-4);
            Assert.Equal(m[i] * gr, s.Right![i], 1e-4);
        }
    }

    [Fact]
    public void Reload_KeepsTheFilterMemory()
    {
        // A low-pass of a constant has charged up to it; a retuned filter carries on from there.
        const string before = "s:\n  filter: {cutoff: 50, signal: 1}\n";
        const string after = "s:\n  filter: {cutoff: 60, signal: 1}\n";
        var session = LiveRun.Start(before, fadeFrames: 0);
        var (left, _, reports) = LiveRun.Play(session, Rate, (Rate / 2, after));
        Assert.True(reports[0].Accepted);
        Assert.Equal(1, left[Rate / 2 - 1], 1e-3);
        Assert.Equal(1, left[Rate / 2], 1e-3);
    }

    [Fact]
    public void EndsWithItsSignal()
    {
        var x = Patches.Render("s:\n  filter: {cutoff: 500, signal: {osc: {duration: 0.1}}}\n", 1).Left;
        Assert.Equal(4410, x.Length);
    }

    [Fact]
    public void Render_AllocatesNothing()
    {
        Assert.Equal(0, RenderAllocations.Of(() => Patches.Patch("""
            s:
              mix:
                a: {filter: {type: bp, cutoff: {osc: {freq: 2, range: [200, 4000]}}, peak: "1 + sin(t)", signal: {osc: {type: noise}}}}
                b: {filter: {type: notch, cutoff: 1000, signal: {track: {pan: {osc: {freq: 1}}, signal: {osc: {type: saw}}}}}}
            """, block: 128), 300));
    }
}
