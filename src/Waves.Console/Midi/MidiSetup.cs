using Waves.Engine.Midi;
using Waves.Engine.Rendering;

namespace Waves.Console.Midi;

/// <summary>The MIDI options of <c>render</c> and <c>play</c>, read one way.</summary>
static class MidiSetup
{
    public static readonly string[] RenderOptions = ["--midi-file", "--midi-state"];
    public const string StateFlag = "--midi-state";
    public static readonly string[] PlayOptions = ["--midi-file", "--midi-in", "--midi-out"];

    /// <summary>Schedules what a session knows in advance: saved controller values (when
    /// <paramref name="state"/> is given) and the notes of <c>--midi-file</c>, at their frames.</summary>
    public static void Schedule(Options o, RenderSettings settings, MidiState? state)
    {
        var midi = settings.Inputs.Midi;
        var messages = new List<MidiMessage>();
        if (state is not null) messages.AddRange(state.Messages(midi));
        if (o.Get("--midi-file") is { } file)
        {
            try { messages.AddRange(MidiFileReader.Read(file, settings.SampleRate)); }
            catch (MidiFileException e) { throw new UsageException(e.Message); }
        }
        if (messages.Count > 0) midi.Schedule(messages);
    }
}
