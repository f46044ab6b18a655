using Waves.Engine.Patching;
using Waves.Engine.Rendering;

namespace Waves.Engine.Nodes;

public sealed class ShuffleState : NodeState;

/// <summary>
/// <c>shuffle</c>: cuts its whole signal into chunks (<c>chunks</c> of them, else chunks of
/// <c>size</c> seconds), plays them in a random order, a fraction <c>invert</c> of them backwards,
/// each seam crossfaded over <c>crossfade</c> seconds (equal power). The signal must end: it is
/// rendered whole when the sound is compiled (<see cref="PreRender"/>), so the shuffle costs the
/// render thread nothing, and the play position is state, so a reload carries on where it was (with
/// the new arrangement if the signal or the parameters changed).
/// <para>Deliberate differences from the original: the order is seeded from the session seed and
/// the node id (or <c>seed:</c>), so every run gives the same arrangement (the original was
/// unseeded unless given a seed, and used numpy's generator, which is not reproduced); nothing is
/// lost at the end (the original dropped the remainder after the last whole chunk: here a remainder
/// of at least half a chunk is a chunk of its own, a shorter one joins the last chunk, and
/// <c>chunks: N</c> spreads the length over N chunks); every seam fades both sides (the original
/// left the first chunk's tail unfaded); a stereo signal crossfades (the original crashed).</para>
/// </summary>
public sealed class Shuffle : RenderedPlayback
{
    public static readonly NodeInfo Info = new(
        "shuffle", "plays its whole signal in shuffled chunks, some reversed", "mono or stereo, as the signal",
        [
            new("signal", ParamKind.Wave, "the signal to shuffle (it must end)"),
            new("size", ParamKind.Number, "chunk length in seconds") { Default = 0.3, Min = 0 },
            new("chunks", ParamKind.Number, "number of chunks (overrides size)") { Min = 0 },
            new("invert", ParamKind.Number, "fraction of the chunks played backwards") { Default = 0.1, Min = 0, Max = 1 },
            new("crossfade", ParamKind.Wave, "seconds each seam is crossfaded (a constant)") { Default = 0, Min = 0 },
            new("seed", ParamKind.Number, "seed of the arrangement (0 or absent: from the session seed and node id)"),
        ],
        ExtraKeys.Forbid,
        Compile);

    Shuffle(NodeSpec spec, CompileScope scope, ShuffleState state, Rendered audio) : base(spec, scope, state, audio) { }

    static Signal Compile(NodeSpec spec, CompileScope scope)
    {
        var state = scope.Bind<ShuffleState>(spec);
        var children = scope.WithDuration(spec.Duration);
        var crossfade = children.CompileWave(spec.Get("crossfade"), 0, spec, "crossfade");
        if (!crossfade.IsConstant)
            scope.Env.Error(spec.Get("crossfade")!.Pos, "crossfade of 'shuffle' is a number of seconds: the arrangement is made once, when the sound is compiled");
        var source = PreRender.Run(spec.Get("signal"), spec, children);
        if (source is null) return new SilenceSignal(scope.MaxBlock);
        var size = spec.Get("size") is Value.Number s ? s.V : 0.3;
        var count = spec.Get("chunks") is Value.Number c && c.V >= 1 ? (long)c.V : 0;
        if (count == 0 && !(size * scope.SampleRate >= 1))
        {
            scope.Env.Error(spec.Get("size")?.Pos ?? spec.Pos, "size of 'shuffle' must be at least one frame long");
            return new SilenceSignal(scope.MaxBlock);
        }
        var arrangement = new Arrangement(
            count > 0 ? Arrangement.EvenBounds(source.Frames, count) : Arrangement.SizedBounds(source.Frames, (long)(size * scope.SampleRate)),
            spec.Get("invert") is Value.Number inv ? Math.Clamp(inv.V, 0, 1) : 0.1,
            crossfade.IsConstant ? FramesWave.ToFrames(crossfade.ExactConstant, scope.SampleRate) : 0,
            scope.SeedFor(spec));
        return new Shuffle(spec, scope, state, arrangement.Apply(source));
    }
}
