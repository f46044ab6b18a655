using Waves.Engine.Patching;
using Waves.Engine.Rendering;

namespace Waves.Engine.Nodes;

public sealed class InvertState : NodeState;

/// <summary>
/// <c>invert</c>: its signal backwards in time (channels kept). The signal must end: it is rendered
/// whole when the sound is compiled (<see cref="PreRender"/>) and then played from its last frame to
/// its first, so in live use an <c>invert</c> starts at once and costs the render thread nothing; the
/// play position is state, so a reload carries on where it was, in the signal as it is after the reload.
/// The original could not be used at all (its constructor failed), and reversed each chunk separately.
/// </summary>
public sealed class Invert : RenderedPlayback
{
    public static readonly NodeInfo Info = new(
        "invert", "its signal backwards in time (the signal must end)", "mono or stereo, as the signal",
        [new("signal", ParamKind.Wave, "the signal to reverse")],
        ExtraKeys.Forbid,
        Compile);

    Invert(NodeSpec spec, CompileScope scope, InvertState state, Rendered audio) : base(spec, scope, state, audio) { }

    static Signal Compile(NodeSpec spec, CompileScope scope)
    {
        var state = scope.Bind<InvertState>(spec);
        var source = PreRender.Run(spec.Get("signal"), spec, scope.WithDuration(spec.Duration));
        if (source is null) return new SilenceSignal(scope.MaxBlock);
        Array.Reverse(source.Left);
        if (source.Right is not null) Array.Reverse(source.Right);
        return new Invert(spec, scope, state, source);
    }
}
