using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Nodes;

public sealed class MapTests
{
    /// <summary>Maps the ramp x = frame/1000 (0, 0.001 … at 1 kHz).</summary>
    static float[] Ramp(string parameters, double seconds = 1) =>
        Patches.Render($"s:\n  map: {{{parameters}, signal: \"t\"}}\n", seconds, rate: 1000, block: 64).Left;

    [Fact]
    public void MapsLinearly_AtChosenPoints()
    {
        var x = Ramp("from: [0, 1], to: [100, 2000]");
        Assert.Equal(100f, x[0]);
        Assert.Equal(575f, x[250], 1e-3);
        Assert.Equal(1050f, x[500], 1e-3);
        Assert.Equal(1998.1f, x[999], 1e-2);
    }

    [Fact]
    public void FromDefaultsTo0To1()
    {
        var x = Ramp("to: [-1, 1]");
        Assert.Equal(-1f, x[0]);
        Assert.Equal(0f, x[500], 1e-6);
    }

    [Fact]
    public void AnInvertedRange_MapsDownwards_AndOutsideValuesExtrapolate()
    {
        var x = Patches.Render("s:\n  map: {from: [-1, 1], to: [10, 0], signal: \"2 * t - 1.5\"}\n", 1, rate: 1000).Left;
        Assert.Equal(10 - (-1.5 + 1) / 2 * 10, x[0], 1e-5);   // −1.5 lies below from: 12.5
        Assert.Equal(5f, x[750], 1e-4);                        // 0 → the middle
    }

    [Fact]
    public void ZeroWidthFrom_GivesTheMiddleOfTo()
    {
        var x = Ramp("from: [0.5, 0.5], to: [2, 4]");
        Assert.All(x, v => Assert.Equal(3f, v));
    }

    [Fact]
    public void Clip_LimitsTheOutput()
    {
        var x = Ramp("from: [0, 1], to: [0, 10], clip: [2, 7]");
        Assert.Equal(2f, x[0]);
        Assert.Equal(5f, x[500], 1e-4);
        Assert.Equal(7f, x[900]);
    }

    [Fact]
    public void Clip_WithLoAboveHi_GivesHi_AsNumpyDid()
    {
        var x = Ramp("to: [0, 10], clip: [7, 2]");
        Assert.All(x, v => Assert.Equal(2f, v));
    }

    [Fact]
    public void Bounds_AreWavesReadPerSample()
    {
        // to_hi rises with t: the output is t · (1 + t).
        var x = Ramp("to: [0, \"1 + t\"]");
        for (var i = 0; i < x.Length; i += 97) Assert.Equal(i / 1000.0 * (1 + i / 1000.0), x[i], 1e-5);
        var a = Patches.Render("s:\n  map: {from: [-1, 1], to: [0, {osc: {freq: 3, range: [1, 5]}}], signal: {osc: {freq: 220}}}\n", 0.5, block: 1);
        var b = Patches.Render("s:\n  map: {from: [-1, 1], to: [0, {osc: {freq: 3, range: [1, 5]}}], signal: {osc: {freq: 220}}}\n", 0.5, block: 300);
        Assert.Equal(a.Left, b.Left);
    }

    [Fact]
    public void Stereo_IsMappedPerChannel()
    {
        var s = Patches.Render("s:\n  map: {from: [-1, 1], to: [0, 1], signal: {track: {pan: 1, signal: {osc: {freq: 300}}}}}\n", 0.1);
        var m = Patches.Render("s:\n  osc: {freq: 300}\n", 0.1).Left;
        for (var i = 0; i < m.Length; i++)
        {
            Assert.Equal(0.5f, s.Left[i], 1e-6);                  // the silent side maps to the middle
            Assert.Equal((m[i] + 1) / 2, s.Right![i], 1e-6);
        }
    }

    [Fact]
    public void EndsWithItsSignal()
    {
        var x = Patches.Render("s:\n  map: {to: [0, 1], signal: {osc: {duration: 0.05}}}\n", 1, rate: 1000).Left;
        Assert.Equal(50, x.Length);
    }

    [Theory]
    [InlineData("s:\n  map: {signal: {osc: {}}}\n", "sounds/test.yaml:2:3: error: 'map' needs 'to'")]
    [InlineData("s:\n  map: {to: [1, 2, 3], signal: {osc: {}}}\n", "sounds/test.yaml:2:13: error: 'to' of 'map' is written [lo, hi]")]
    [InlineData("s:\n  map: {to: 5, signal: {osc: {}}}\n", "sounds/test.yaml:2:13: error: 'to' of 'map' must be a list")]
    public void BadParameters_AreErrorsWithTheirPosition(string yaml, string message) =>
        Assert.Contains(Patches.Problems(yaml), p => p.StartsWith(message));

    [Fact]
    public void Render_AllocatesNothing()
    {
        Assert.Equal(0, RenderAllocations.Of(() => Patches.Patch("""
            s:
              mix:
                a: {map: {from: [-1, 1], to: [100, "200 + 100 * sin(t)"], clip: [120, 280], signal: {osc: {freq: 3}}}}
                b: {map: {to: [0, {osc: {freq: 1}}], signal: {track: {pan: 0.2, signal: {osc: {type: saw}}}}}}
            """, block: 128), 300));
    }

    [Fact]
    public void Corpus_Kick2_Renders_WhereTheOriginalRejectedItsLegacyMix()
    {
        // The original failed on kick2's legacy 'signals:' list before its map was reached; here the
        // list is read, and the map's clip keeps the boosted kick within [−1, 1].
        var audio = CorpusFiles.Render("kick2");
        Assert.Equal((int)(0.8 * 44100), audio.Frames);
        Assert.True(Signals.Peak(audio.Left) <= 1f);
        Assert.True(Signals.Rms(audio.Left) > 0.05);
    }
}
