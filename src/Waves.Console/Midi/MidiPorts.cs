using Waves.Engine.Rendering;

namespace Waves.Console.Midi;

/// <summary>The MIDI devices a session plays with (<c>--midi-in</c>, <c>--midi-out</c>), open until disposed.</summary>
interface IMidiPorts : IDisposable
{
    /// <summary>One line per connection made, for the session's start.</summary>
    string Description { get; }
}

static class MidiPorts
{
    /// <summary>The devices of <c>--midi-in</c> and <c>--midi-out</c> (names or aliases of
    /// <c>waves.config.yaml</c>): winmm on Windows, JACK elsewhere; null when neither is given.</summary>
    public static IMidiPorts? Open(Options o, LiveSession session, string soundFolder, TimeSpan latency)
    {
        var input = o.Get("--midi-in");
        var output = o.Get("--midi-out");
        if (input is null && output is null) return null;
        var config = MidiConfig.Load(soundFolder);
        return OperatingSystem.IsWindows()
            ? new WinMidi(input, output, config, session, latency)
            : new JackMidi(input, output, config, session, latency);
    }
}
