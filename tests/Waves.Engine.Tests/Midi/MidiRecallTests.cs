using Waves.Engine.Midi;

namespace Waves.Engine.Tests.Midi;

/// <summary>MIDI from before the first rendered block (a replay from a snapshot) is recalled, not played.</summary>
public sealed class MidiRecallTests
{
    [Fact]
    public void Recall_SetsTheControllerTable_ButPlaysNothing()
    {
        var midi = new MidiInput();
        var keys = midi.Device("keys");
        midi.Recall([new(300, keys, MidiMessage.ControlChange | 2, 74, 90), new(100, keys, MidiMessage.ControlChange | 2, 74, 10), new(200, 0, MidiMessage.NoteOn, 60, 100)]);
        midi.Schedule([new(1000, keys, MidiMessage.ControlChange | 2, 74, 30)]);

        midi.BeginBlock(1000, 64);

        Assert.Equal(90, midi.Controller(keys, 2, 74));        // the latest before the block
        Assert.Equal(90, midi.Controller(null, 2, 74));
        Assert.Equal(-1, midi.Controller(keys, 2, 75));
        var only = Assert.Single(midi.Window.ToArray());       // the recalled note is not played
        Assert.Equal(30, only.Data2);
    }

    [Fact]
    public void Recall_TimesTheClock_SoThatTheFirstPlayedClockHasItsSpan()
    {
        static MidiMessage Clock(long frame) => new(frame, 0, MidiMessage.Clock, 0, 0);
        var recalled = new MidiInput();
        recalled.Recall(Enumerable.Range(0, 13).Select(k => Clock(k * 1000L)));
        recalled.Schedule([Clock(13_000)]);
        var fresh = new MidiInput();
        fresh.Schedule([Clock(13_000)]);

        recalled.BeginBlock(13_000, 64);
        fresh.BeginBlock(13_000, 64);

        Assert.Equal(1000, recalled.ClockSpan(0));
        Assert.Equal(0, fresh.ClockSpan(0));
    }
}
