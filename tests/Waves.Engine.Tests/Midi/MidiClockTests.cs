using Waves.Engine.Midi;
using Waves.Engine.Rendering;
using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Midi;

public sealed class MidiClockTests
{
    static List<MidiMessage> Sent(string yaml, long frames, int block)
    {
        var settings = new RenderSettings(44100, block) { Inputs = new SessionInputs() };
        var queue = settings.Inputs.MidiOut.Open();
        OfflineRender.ToArrays(PatchCompiler.Compile(Patches.Library(yaml), "s", settings).Patch!, frames);
        var sent = new List<MidiMessage>();
        while (queue.TryRead(out var m)) sent.Add(m);
        return sent;
    }

    [Fact]
    public void AnInternalTempo_SendsStartAndA24PpqnClockOnItsFrames_ForAnyBlockSize()
    {
        const string yaml = "s:\n  tempo: {bpm: 120, signal: {tempo: {bpm: 90, signal: 0}}}\n";   // only the outermost tempo sends
        var sent = Sent(yaml, 44100, 64);
        Assert.Equal(new MidiMessage(0, 0, MidiMessage.Start, 0, 0), sent[0]);
        var clocks = sent.Skip(1).ToList();
        Assert.All(clocks, m => Assert.Equal(MidiMessage.Clock, m.Status));
        Assert.Equal(48, clocks.Count);                                        // 2 beats a second, 24 clocks a beat
        Assert.Equal([0L, 919, 1838, 2757, 3675], clocks.Take(5).Select(m => m.Frame));   // every 918.75 frames
        Assert.Equal(sent, Sent(yaml, 44100, 1));
        Assert.Equal(sent, Sent(yaml, 44100, 4096));
    }

    [Fact]
    public void AnExternalTempo_FollowsTheBpmOfAReceivedClock_FromItsTwelfthPeriod()
    {
        // A clock every 1000 frames at 48 kHz: 48000·60 / (1000·24) = 120 bpm.
        var settings = new RenderSettings(48000, 100) { Inputs = new SessionInputs() };
        settings.Inputs.Midi.Schedule([new MidiMessage(0, 0, MidiMessage.Start, 0, 0), .. Enumerable.Range(0, 200).Select(k => new MidiMessage(500 + k * 1000, 0, MidiMessage.Clock, 0, 0))]);
        var yaml = "s:\n  tempo: {source: external, bpm: 60, signal: {expression: {exp: bpm}}}\n";
        var x = OfflineRender.ToArrays(PatchCompiler.Compile(Patches.Library(yaml), "s", settings).Patch!, 48000 * 2).Left;
        Assert.Equal(60f, x[500 + 11 * 1000]);
        Assert.Equal(120f, x[500 + 12 * 1000], 1e-3);
        Assert.Equal(120f, x[^1], 1e-3);
        var beats = OfflineRender.ToArrays(PatchCompiler.Compile(Patches.Library("s:\n  tempo: {source: external, bpm: 60, signal: {expression: {exp: beat_tick}}}\n"), "s", settings with { Inputs = Clocked() }).Patch!, 48000 * 4).Left;
        var ticks = Enumerable.Range(0, beats.Length).Where(i => beats[i] == 1).ToList();
        Assert.InRange(ticks[^1] - ticks[^2], 24000 - 1, 24000 + 1);   // a beat of 120 bpm, once the clock is timed
    }

    [Fact]
    public void AnExternalTempo_IsNotMovedByOneLateClock()
    {
        var settings = new RenderSettings(48000, 100) { Inputs = new SessionInputs() };
        settings.Inputs.Midi.Schedule(Enumerable.Range(0, 60).Select(k => new MidiMessage(500 + k * 1000 + (k == 40 ? 300 : 0), 0, MidiMessage.Clock, 0, 0)));
        var yaml = "s:\n  tempo: {source: external, bpm: 60, signal: {expression: {exp: bpm}}}\n";
        var x = OfflineRender.ToArrays(PatchCompiler.Compile(Patches.Library(yaml), "s", settings).Patch!, 60000).Left;
        Assert.All(x.AsSpan(20000).ToArray(), v => Assert.Equal(120f, v, 1e-3));
    }

    static SessionInputs Clocked()
    {
        var inputs = new SessionInputs();
        inputs.Midi.Schedule(Enumerable.Range(0, 200).Select(k => new MidiMessage(500 + k * 1000, 0, MidiMessage.Clock, 0, 0)));
        return inputs;
    }
}
