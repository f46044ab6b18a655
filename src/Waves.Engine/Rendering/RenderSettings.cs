namespace Waves.Engine.Rendering;

/// <summary>What a session renders with; all of it is part of what makes a render reproducible.</summary>
/// <param name="BlockSize">Frames per block. Patches without feedback give the same samples for any block size.</param>
public sealed record RenderSettings(int SampleRate = 44100, int BlockSize = RenderSettings.DefaultBlockSize, ulong Seed = RenderSettings.DefaultSeed)
{
    public const int DefaultBlockSize = 512;
    public const ulong DefaultSeed = 1;

    /// <summary>The session's live sources (audio input, MIDI); silent unless a session provides them.</summary>
    public SessionInputs Inputs { get; init; } = SessionInputs.None;
}
