using Waves.Engine.Tests.Reload;
using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Nodes;

public sealed class InvertTests
{
    [Fact]
    public void Invert_PlaysItsWholeSignalBackwards_WhereTheOriginalCouldNotBeBuilt()
    {
        var x = Patches.Render("s:\n  invert: {signal: {context: {duration: 0.5, signal: \"t\"}}}\n", 2, rate: 1000).Left;
        Assert.Equal(500, x.Length);
        for (var i = 0; i < 500; i++) Assert.Equal((float)((499 - i) / 1000.0), x[i]);
    }

    [Fact]
    public void Invert_OfStereo_KeepsEachChannel()
    {
        var a = Patches.Render("s:\n  invert: {signal: {track: {pan: -0.5, signal: {context: {duration: 0.2, signal: \"t\"}}}}}\n", 1, rate: 1000);
        var plain = Patches.Render("s:\n  track: {pan: -0.5, signal: {context: {duration: 0.2, signal: \"t\"}}}\n", 1, rate: 1000);
        Assert.Equal(plain.Left.Reverse(), a.Left);
        Assert.Equal(plain.Right!.Reverse(), a.Right!);
    }

    [Fact]
    public void Invert_OfASignalThatDoesNotEnd_IsAnError()
    {
        Assert.Contains(Patches.Problems("s:\n  invert: {signal: {osc: {}}}\n"),
            p => p.StartsWith("sounds/test.yaml:2:3: error: 'invert' needs a signal that ends"));
    }

    [Fact]
    public void Invert_UsesNamesFromAroundIt_AndReadsOnesThatChangeAs0_WithAWarning()
    {
        var x = Patches.Render("s:\n  context: {k: 3, signal: {invert: {signal: {context: {duration: 0.1, signal: k}}}}}\n", 1, rate: 1000).Left;
        Assert.All(x, v => Assert.Equal(3f, v));
        var r = Patches.Compile("s:\n  context: {k: \"sin(t)\", signal: {invert: {signal: {context: {duration: 0.1, signal: k}}}}}\n");
        Assert.True(r.Ok);
        Assert.Contains(r.Problems, p => p.ToString().StartsWith("sounds/test.yaml:2:35: warning: 'invert' renders its signal when the sound is compiled: 'k' changes"));
    }

    [Fact]
    public void Invert_ReferencesWithinItsSignal_Work()
    {
        var x = Patches.Render("""
            s:
              invert:
                signal:
                  mix:
                    a: {osc: {id: lfo, freq: 5, duration: 0.2}}
                    b: {context: {duration: 0.2, signal: "$lfo * 2"}}
            """, 1, rate: 1000).Left;
        var lfo = Patches.Render("s:\n  osc: {freq: 5, duration: 0.2}\n", 1, rate: 1000).Left;
        Assert.Equal(200, x.Length);
        for (var i = 0; i < 200; i++) Assert.Equal(3 * lfo[199 - i], x[i], 1e-6);
    }

    [Fact]
    public void Invert_ErrorsInItsSignal_AreReportedAtTheirPlace()
    {
        Assert.Contains(Patches.Problems("s:\n  invert: {signal: {osc: {freq: nosuch, duration: 1}}}\n"),
            p => p.StartsWith("sounds/test.yaml:2:33: error:"));
    }

    [Fact]
    public void Invert_Position_SurvivesAReload()
    {
        var yaml = "s:\n  mix:\n    a: {track: {pan: -1, signal: {invert: {signal: {osc: {type: saw, freq: 200, duration: 1}}}}}}\n" +
            "    b: {track: {pan: 1, signal: {osc: {freq: 3}}}}\n";
        var plain = LiveRun.Play(LiveRun.Start(yaml), 30000);
        var edited = LiveRun.Play(LiveRun.Start(yaml), 30000, (12800, yaml.Replace("freq: 3", "freq: 4")));
        Assert.Equal(plain.Left, edited.Left);
    }

    [Fact]
    public void Invert_IsTheSameForAnyBlockSize()
    {
        AudioFixtures.AssertSameForBlocks(b => Patches.Render(
            "s:\n  invert: {signal: {osc: {type: saw, freq: \"100 + 50 * t\", duration: 0.6}}}\n", 1, block: b), 1, 64, 4096);
    }

    [Fact]
    public void Invert_RenderingAllocatesNothing()
    {
        Assert.Equal(0, RenderAllocations.Of(() => Patches.Patch("s:\n  invert: {signal: {track: {pan: 0.2, signal: {osc: {duration: 10}}}}}\n", block: 128), 300));
    }
}
