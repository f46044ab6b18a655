namespace Waves.Engine.Rendering;

public sealed partial class SessionInputs
{
    /// <summary>The session's audio input, which <c>input</c> nodes read; null: none (they are silent).</summary>
    public AudioInput? Audio { get; init; }

    /// <summary>Render thread, at the start of each block: the input takes the block's frames, once.</summary>
    internal void BeginAudioBlock(long frame, int count) => Audio?.BeginBlock(frame, count);

    internal void EndAudioBlock() => Audio?.EndBlock();
}
