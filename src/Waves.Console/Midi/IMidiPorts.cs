namespace Waves.Console.Midi;

/// <summary>The MIDI devices a session plays with (<c>--midi-in</c>, <c>--midi-out</c>), open until disposed.</summary>
interface IMidiPorts : IDisposable
{
    /// <summary>One line per connection made, for the session's start.</summary>
    string Description { get; }
}
