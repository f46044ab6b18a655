using Waves.Engine.Rendering;
using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Rendering;

/// <summary><c>monitor:</c> on a node: the compiled patch lists it, and the render thread writes its
/// levels after every block without allocating.</summary>
public sealed class MonitorTests
{
    const int Block = 256;

    static Renderer Run(Patch patch, int blocks)
    {
        var renderer = new Renderer(patch);
        var left = new float[Block];
        var right = new float[Block];
        for (var i = 0; i < blocks; i++) renderer.RenderBlock(left, right, Block);
        return renderer;
    }

    [Fact]
    public void Monitor_OfAnOscillatorAtHalfAmplitude_ReportsAPeakOfAboutOneHalf()
    {
        var patch = Patches.Patch("s: {osc: {freq: 441, amp: 0.5, monitor: true}}", block: Block);
        var m = Assert.Single(patch.Monitors);
        Assert.Equal("s/osc", m.Name);
        Assert.Equal(MonitorKind.Level, m.Kind);
        Assert.Equal((0.0, 1.0), (m.Low, m.High));
        Run(patch, 8);
        // A block of 256 frames holds more than two periods of 441 Hz: its peak is the amplitude.
        Assert.Equal(0.5, m.Levels.Peak, 0.01);
        Assert.Equal(8, m.Levels.Blocks);
    }

    [Fact]
    public void Monitor_Bipolar_ReportsTheMinimumAndMaximumOfTheBlock()
    {
        var patch = Patches.Patch("""
            s:
              mix:
                a: {osc: {type: saw, freq: 441, amp: 0.8, monitor: bipolar}}
                b: {osc: {freq: 1, amp: 0.3, id: lfo, monitor: {type: value, range: [-0.5, 0.5]}}}
            """, block: Block);
        var saw = Assert.Single(patch.Monitors, m => m.Kind == MonitorKind.Bipolar);
        Assert.Equal((-1.0, 1.0), (saw.Low, saw.High));
        var lfo = Assert.Single(patch.Monitors, m => m.Kind == MonitorKind.Value);
        Assert.Equal("lfo", lfo.Name);                             // the explicit id names it
        Assert.Equal((-0.5, 0.5), (lfo.Low, lfo.High));
        Run(patch, 8);
        Assert.Equal(-0.8, saw.Levels.Min, 0.02);
        Assert.Equal(0.8, saw.Levels.Max, 0.02);
        Assert.Equal(0.8, saw.Levels.Peak, 0.02);
        // A quarter of a second into a 1 Hz sine it is near its top; the last sample is its value.
        Assert.InRange(lfo.Levels.Last, 0.0, 0.3);
        Assert.True(lfo.Levels.Min <= lfo.Levels.Last && lfo.Levels.Last <= lfo.Levels.Max);
    }

    [Fact]
    public void Monitor_OfAStereoTrack_CoversBothChannels()
    {
        var patch = Patches.Patch("s: {mix: {a: {track: {pan: 1, monitor: true, signal: {osc: {freq: 441, amp: 0.6}}}}}}", block: Block);
        Run(patch, 4);
        Assert.Equal(0.6, Assert.Single(patch.Monitors).Levels.Peak, 0.02);     // all of it on the right
    }

    [Fact]
    public void Patch_WithoutMonitors_HasNone()
    {
        Assert.Empty(Patches.Patch("s: {mix: {a: {osc: {monitor: false}}, b: {osc: {freq: 220}}}}").Monitors);
    }

    [Theory]
    [InlineData("monitor: 3", "monitor expects true, false, bipolar")]
    [InlineData("monitor: loud", "monitor expects true, false, bipolar")]
    [InlineData("monitor: {type: dB}", "a monitor's type is level, value or bipolar")]
    [InlineData("monitor: {range: [1, 0]}", "a monitor's range is [lo, hi]")]
    [InlineData("monitor: {colour: red}", "'colour' is not a monitor option")]
    public void Monitor_WithBadOptions_IsAnErrorAtItsPosition(string option, string message)
    {
        var problem = Assert.Single(Patches.Problems($"s: {{osc: {{freq: 220, {option}}}}}"));
        Assert.StartsWith("sounds/test.yaml:1:", problem);
        Assert.Contains(message, problem);
    }

    [Fact]
    public void Monitors_AfterAReload_AreTheNewPatchsAndKeepReporting()
    {
        const string before = "s: {mix: {a: {osc: {freq: 441, amp: 0.5, monitor: true}}}}\n";
        const string after = "s: {mix: {a: {osc: {freq: 441, amp: 0.25, monitor: true}}, b: {osc: {id: b, freq: 441, amp: 0.1, monitor: bipolar}}}}\n";
        var (session, _) = LiveSession.Start(Patches.Library(before), "s", new RenderSettings(BlockSize: Block), fadeFrames: 128);
        var left = new float[Block];
        var right = new float[Block];
        for (var i = 0; i < 4; i++) session!.Renderer.RenderBlock(left, right, Block);
        var first = Assert.Single(session!.Renderer.Current.Monitors);
        Assert.Equal(0.5, first.Levels.Peak, 0.01);

        Assert.True(session.Reload(Patches.Library(after)).Accepted);
        for (var i = 0; i < 8; i++) session.Renderer.RenderBlock(left, right, Block);
        var monitors = session.Renderer.Current.Monitors;
        Assert.Equal(2, session.Renderer.Current.Revision);
        Assert.Equal(["b", "s/mix/a/osc"], monitors.Select(m => m.Name).Order(StringComparer.Ordinal));
        // The retuned node is monitored through its declick, and then at its new amplitude.
        Assert.Equal(0.25, monitors.Single(m => m.Name == "s/mix/a/osc").Levels.Peak, 0.01);
        Assert.Equal(0.1, monitors.Single(m => m.Name == "b").Levels.Peak, 0.01);
        Assert.Equal(8, monitors[0].Levels.Blocks);
    }

    const string MonitoredYaml = """
        s:
          mix:
            a: {osc: {type: saw, monitor: true}}
            b: {track: {pan: 0.5, monitor: bipolar, signal: {osc: {freq: 220, monitor: {type: value, range: [-1, 1]}}}}}
            c: {envelope: {attack: 0.1, monitor: true, signal: {osc: {}}}}
        """;

    [Fact]
    public void RenderBlock_OfMonitoredNodes_AllocatesNothing()
    {
        var patch = Patches.Patch(MonitoredYaml, block: 128);
        Assert.Equal(4, patch.Monitors.Count);
        // The quietest of several runs: the runtime may allocate while it tiers up code in the first.
        Assert.Equal(0, RenderAllocations.Of(() => Patches.Patch(MonitoredYaml, block: 128), 300));
        var renderer = new Renderer(patch);
        var left = new float[128];
        var right = new float[128];
        for (var i = 0; i < 304; i++) renderer.RenderBlock(left, right, 128);
        Assert.All(patch.Monitors, m => Assert.Equal(304, m.Levels.Blocks));
    }
}
