using Waves.Engine.Midi;
using Waves.Engine.Rendering;
using Waves.Engine.Tests.Support;
using static Waves.Engine.Tests.Midi.MidiRender;

namespace Waves.Engine.Tests.Midi;

public sealed class MidiCcTests
{
    [Fact]
    public void WithoutASource_OutputsInitial_NormalisedOntoRange()
    {
        var x = Patches.Render("s:\n  midi_cc: {cc: 74, initial: 0.25, range: [200, 600]}\n", 0.05).Left;
        Assert.All(x, v => Assert.Equal(300f, v));
        Assert.All(Patches.Render("s:\n  midi_cc: {cc: 1}\n", 0.01).Left, v => Assert.Equal(0.5f, v));
    }

    [Fact]
    public void AValue_TakesEffectOnItsFrame_AndIsReachedIn2048FramesAt44k()
    {
        var x = Render("s:\n  midi_cc: {cc: 74, initial: 0, range: [0, 127]}\n", 5000, [Cc(1000, 74, 127), Cc(1200, 75, 5), Cc(1200, 74, 127, channel: 2)], block: 100).Left;
        Assert.Equal(0f, x[999]);
        Assert.Equal(127f / 2048, x[1000], 1e-4);
        Assert.Equal(127f * 1024 / 2048, x[1000 + 1023], 1e-3);
        Assert.Equal(127f, x[1000 + 2047]);
        Assert.Equal(127f, x[4999]);
    }

    [Fact]
    public void Sweeps_AreTheSameForAnyBlockSize()
    {
        const string yaml = "s:\n  midi_cc: {cc: 1, range: [100, {osc: {freq: 3, range: [1000, 2000]}}]}\n";
        List<MidiMessage> sweep = [.. Enumerable.Range(0, 40).Select(i => Cc(37 + i * 211, 1, i * 3))];
        var one = Render(yaml, 12000, sweep, block: 1).Left;
        Assert.Equal(one, Render(yaml, 12000, sweep, block: 64).Left);
        Assert.Equal(one, Render(yaml, 12000, sweep, block: 4096).Left);
    }

    [Fact]
    public void AValueOnTheFirstFrame_IsWhereItStarts()
    {
        var x = Render("s:\n  midi_cc: {cc: 7, range: [0, 127]}\n", 100, [Cc(0, 7, 100)]).Left;
        Assert.Equal(100f, x[0], 1e-4);
    }

    [Fact]
    public void ACcSweep_MovesAFilterCutoff()
    {
        // A saw through a lowpass whose cutoff a controller sweeps up: its steps come through, ever steeper.
        const string yaml = "s:\n  filter: {type: lowpass, cutoff: {midi_cc: {cc: 74, initial: 0, range: [100, 10000]}}, signal: {osc: {type: saw, freq: 50}}}\n";
        List<MidiMessage> sweep = [.. Enumerable.Range(0, 128).Select(i => Cc(i * 344, 74, i))];
        var x = Render(yaml, 44100, sweep).Left;
        static double Brightness(ReadOnlySpan<float> s)
        {
            double d = 0, e = 0;
            for (var i = 1; i < s.Length; i++) { d += (s[i] - s[i - 1]) * (s[i] - s[i - 1]); e += s[i] * s[i]; }
            return Math.Sqrt(d / e);
        }
        var early = Brightness(x.AsSpan(2000, 4410));
        var late = Brightness(x.AsSpan(39000, 4410));
        Assert.True(late > 2.5 * early, $"brightness {early} → {late}");
    }

    [Fact]
    public void ANodeAddedLater_StartsFromTheLastValueHeard()
    {
        var settings = Settings([Cc(10, 3, 127)], block: 64);
        var first = PatchCompiler.Compile(Patches.Library("s:\n  midi_cc: {cc: 9}\n"), "s", settings).Patch!;
        var session = new Renderer(first);
        var left = new float[64];
        session.RenderBlock(left, [], 64);
        session.RenderBlock(left, [], 64);
        var later = PatchCompiler.Compile(Patches.Library("s:\n  midi_cc: {cc: 3, range: [0, 10]}\n"), "s", settings).Patch!;
        session.Publish(later);
        session.RenderBlock(left, [], 64);
        Assert.Equal(10f, left[0]);
    }

    [Fact]
    public void BadParameters_AreErrorsAtTheirPositions()
    {
        Assert.Contains("sounds/test.yaml:2:17: error: 'cc' of 'midi_cc' is a whole number from 0 to 127, got 128", Patches.Problems("s:\n  midi_cc: {cc: 128}\n"));
        Assert.Contains("sounds/test.yaml:2:27: error: 'range' of 'midi_cc' is written [lo, hi], got 3 values", Patches.Problems("s:\n  midi_cc: {cc: 1, range: [1, 2, 3]}\n"));
    }
}
