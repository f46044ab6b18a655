namespace Waves.Engine.Rendering;

/// <summary>What a session renders with; all of it is part of what makes a render reproducible.</summary>
/// <param name="BlockSize">Frames per block. Patches without feedback give the same samples for any block size.</param>
public sealed record RenderSettings(int SampleRate = 44100, int BlockSize = RenderSettings.DefaultBlockSize, ulong Seed = RenderSettings.DefaultSeed)
{
    /// <summary>5.8 ms at 44.1 kHz: the step at which a reload, a reset or a transport change takes
    /// effect, and the delay of a feedback cycle without a delay node; larger blocks render a little faster.</summary>
    public const int DefaultBlockSize = 256;
    public const ulong DefaultSeed = 1;

    /// <summary>The session's live sources (audio input, MIDI); silent unless a session provides them.</summary>
    public SessionInputs Inputs { get; init; } = SessionInputs.None;
}
