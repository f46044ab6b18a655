using Waves.Engine.Patching;
using Waves.Engine.Rendering;

namespace Waves.Engine.Nodes;

/// <summary>
/// Plays audio made whole when the sound was compiled (<see cref="PreRender"/>): the play position
/// is the state's clock, so a reload carries on where it was; it ends with the audio, or at the
/// node's own <c>duration</c> when that comes first.
/// </summary>
public abstract class RenderedPlayback : Signal
{
    readonly NodeState state;
    readonly Rendered audio;
    readonly long total;

    protected RenderedPlayback(NodeSpec spec, CompileScope scope, NodeState state, Rendered audio) : base(spec, scope.MaxBlock, audio.Right is not null)
    {
        this.state = state;
        this.audio = audio;
        total = spec.Duration is { } d ? Math.Min(audio.Frames, FramesWave.ToFrames(d, scope.SampleRate)) : audio.Frames;
    }

    protected sealed override int Render(in Block block)
    {
        var clock = state.Clock;
        var n = (int)Math.Min(block.Count, Math.Max(0, total - clock));
        if (n == 0) return Finish(block, 0);
        audio.Left.AsSpan((int)clock, n).CopyTo(Left);
        if (Right is not null) audio.Right.AsSpan((int)clock, n).CopyTo(Right);
        state.Clock = clock + n;
        return Finish(block, n);
    }
}
