using Waves.Engine.Tests.Support;
using static Waves.Engine.Tests.Midi.MidiRender;

namespace Waves.Engine.Tests.Midi;

public sealed class MidiAllocationTests
{
    [Fact]
    public void RenderBlock_WithNotesStealingAndControllers_AllocatesNothing()
    {
        const string yaml = """
            s:
              mix:
                keys: {midi_in: {voices: 3, signal: {envelope: {attack: 0.01, release: 0.02, gate: gate, end: true, signal: {osc: {type: saw, freq: f, amp: vel}}}}}}
                knob: {filter: {cutoff: {midi_cc: {cc: 74, range: [200, 4000]}}, signal: {osc: {type: saw, freq: 55}}}}
                out: {midi_out: {note: 60, gate: {osc: {type: sqr, freq: 3}}, signal: 0}}
            """;
        var notes = Enumerable.Range(0, 400).SelectMany(i => new[] { On(i * 300 + 5, 40 + i % 30), Cc(i * 300 + 7, 74, i % 128), Off(i * 300 + 200, 40 + (i + 29) % 30) });
        Assert.Equal(0, RenderAllocations.Of(() =>
        {
            var patch = Patch(yaml, notes, block: 128);
            patch.Settings.Inputs.MidiOut.Open();
            patch.Settings.Inputs.Midi.Applied();
            return patch;
        }, 400));
    }
}
