namespace Waves.Engine.Rendering;

/// <summary>
/// What reaches a session from outside its patch — live audio input and MIDI — as the render
/// thread reads it. One per session: it outlives every reload, and the compiler hands it to the
/// nodes that read it (<c>input</c>, <c>midi_in</c>, <c>midi_cc</c> …). Offline renders get
/// <see cref="None"/>, where every source is silent.
/// </summary>
public sealed partial class SessionInputs
{
    /// <summary>No live sources: inputs are silent, as in an offline render.</summary>
    public static SessionInputs None => new();
}
