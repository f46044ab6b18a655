using Waves.Engine.Midi;
using Waves.Engine.Rendering;
using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Midi;

public sealed class MidiOutTests
{
    static (List<MidiMessage> Sent, RenderedAudio Audio) Run(string yaml, long frames, int block = 64)
    {
        var settings = new RenderSettings(1000, block) { Inputs = new SessionInputs() };
        var queue = settings.Inputs.MidiOut.Open();
        var patch = PatchCompiler.Compile(Patches.Library(yaml), "s", settings).Patch!;
        var audio = OfflineRender.ToArrays(patch, frames);
        var sent = new List<MidiMessage>();
        while (queue.TryRead(out var m)) sent.Add(m);
        return (sent, audio);
    }

    [Fact]
    public void Notes_FollowTheGate_OnTheirFrames_AndPassTheSignalThrough()
    {
        var (sent, audio) = Run("s:\n  midi_out: {channel: 2, note: \"60 if t < 0.5 else 62\", velocity: 90, gate: \"1 if t * 4 % 1 < 0.5 else 0\", signal: {expression: {exp: \"7\"}}}\n", 1000);
        Assert.All(audio.Left, v => Assert.Equal(7f, v));
        Assert.Equal(
        [
            new(0, 0, 0x92, 60, 90), new(125, 0, 0x82, 60, 0), new(250, 0, 0x92, 60, 90), new(375, 0, 0x82, 60, 0),
            new(500, 0, 0x92, 62, 90), new(625, 0, 0x82, 62, 0), new(750, 0, 0x92, 62, 90), new(875, 0, 0x82, 62, 0),
        ], sent);
    }

    [Fact]
    public void ANoteChangeWhileOn_SendsTheOldNoteOffFirst_AndDurationModeEnds()
    {
        var (sent, _) = Run("s:\n  midi_out: {note: \"60 if t < 0.1 else 64\", duration: 0.3}\n", 500, block: 7);
        Assert.Equal([new(0, 0, 0x90, 60, 100), new(100, 0, 0x80, 60, 0), new(100, 0, 0x90, 64, 100), new(300, 0, 0x80, 64, 0)], sent);
    }

    [Fact]
    public void AController_IsSentWhenItsValueChanges()
    {
        var (sent, audio) = Run("s:\n  midi_out: {cc: 74, value: \"floor(t * 10) * 10\"}\n", 350);
        Assert.All(audio.Left, v => Assert.Equal(0f, v));
        Assert.Equal([new(0, 0, 0xB0, 74, 0), new(100, 0, 0xB0, 74, 10), new(200, 0, 0xB0, 74, 20), new(300, 0, 0xB0, 74, 30)], sent);
    }

    [Fact]
    public void WithoutABackend_NothingIsQueued_AndMissingModesAreErrors()
    {
        Assert.Equal(0f, Signals.Peak(Patches.Render("s:\n  midi_out: {note: 60, gate: 1}\n", 0.01).Left));
        Assert.Contains("sounds/test.yaml:2:3: error: 'midi_out' needs 'note' (with 'gate' or 'duration') or 'cc' (with 'value')", Patches.Problems("s:\n  midi_out: {channel: 1}\n"));
        Assert.Contains("sounds/test.yaml:2:3: error: 'midi_out' with 'note' needs 'gate' or 'duration': when the note sounds", Patches.Problems("s:\n  midi_out: {note: 60}\n"));
    }
}
