using Waves.Engine.Midi;
using Waves.Engine.Rendering;
using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Midi;

/// <summary>Renders inline sounds with MIDI messages scheduled at frames, as a MIDI file or a replay feeds them.</summary>
static class MidiRender
{
    public static MidiMessage On(long frame, int note, int velocity = 127, int channel = 0) => new(frame, 0, (byte)(0x90 | channel), (byte)note, (byte)velocity);

    public static MidiMessage Off(long frame, int note, int channel = 0) => new(frame, 0, (byte)(0x80 | channel), (byte)note, 0);

    public static MidiMessage Cc(long frame, int cc, int value, int channel = 0) => new(frame, 0, (byte)(0xB0 | channel), (byte)cc, (byte)value);

    public static RenderSettings Settings(IEnumerable<MidiMessage> messages, int rate = 44100, int block = 256)
    {
        var settings = new RenderSettings(rate, block) { Inputs = new SessionInputs() };
        settings.Inputs.Midi.Schedule(messages);
        return settings;
    }

    public static Patch Patch(string yaml, IEnumerable<MidiMessage> messages, int rate = 44100, int block = 256)
    {
        var r = PatchCompiler.Compile(Patches.Library(yaml), "s", Settings(messages, rate, block));
        Assert.True(r.Ok, string.Join("\n", r.Problems));
        return r.Patch!;
    }

    public static RenderedAudio Render(string yaml, long frames, IEnumerable<MidiMessage> messages, int rate = 44100, int block = 256) =>
        OfflineRender.ToArrays(Patch(yaml, messages, rate, block), frames);
}
