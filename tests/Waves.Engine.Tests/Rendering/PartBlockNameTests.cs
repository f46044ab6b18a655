using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Rendering;

/// <summary>
/// A part of a block — a voice starting inside it, a select path switching inside it — reads the
/// names of the nodes above it (context variables, tempo names) at its own frames, not from the
/// block's start, so it sounds the same for any block size.
/// </summary>
public sealed class PartBlockNameTests
{
    static float[] Render(string yaml, int block) => Patches.Render(yaml, 0.5, rate: 1000, block: block).Left;

    [Theory]
    [InlineData(1)]
    [InlineData(64)]
    [InlineData(4096)]
    public void SequencerVoice_ReadsAContextVariable_AtItsOwnFrames(int block)
    {
        var x = Render("s:\n  context:\n    x: t\n    signal:\n      sequencer: {interval: 0.0237, steps: [{expression: {exp: x, duration: 0.01}}]}\n", block);
        var heard = 0;
        for (var f = 0; f < x.Length; f++)
            if (x[f] != 0)
            {
                Assert.Equal(f / 1000f, x[f], 1e-6);
                heard++;
            }
        Assert.True(heard > 150);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(64)]
    [InlineData(4096)]
    public void SequencerVoice_ReadsTempoCounters_AtItsOwnFrames(int block)
    {
        // 120 bpm at 1 kHz: a sixteenth is 125 frames; eighths start voices every 250 frames.
        var x = Render("s:\n  tempo:\n    bpm: 120\n    signal:\n      sequencer: {interval: eighth, steps: [{expression: {exp: sixteenth_number, duration: 0.2}}]}\n", block);
        for (var k = 0; k < 2; k++)
        {
            Assert.Equal(2 * k + 1, x[250 * k + 10]);
            Assert.Equal(2 * k + 2, x[250 * k + 130]);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(64)]
    [InlineData(4096)]
    public void SelectPath_SwitchedInsideABlock_ReadsAContextVariable_AtItsOwnFrames(int block)
    {
        var x = Render("s:\n  context:\n    x: t\n    signal:\n      select: {test: \"floor(t * 37) % 2\", 0: {expression: {exp: x}}, 1: {expression: {exp: \"x * 2\"}}}\n", block);
        for (var f = 0; f < x.Length; f += 7)
            Assert.Equal(f / 1000f * (Math.Floor(f / 1000.0 * 37) % 2 == 1 ? 2 : 1), x[f], 1e-5);
    }
}
