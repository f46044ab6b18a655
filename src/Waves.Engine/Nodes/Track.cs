using Waves.Engine.Patching;
using Waves.Engine.Rendering;

namespace Waves.Engine.Nodes;

public sealed class TrackState : NodeState;

/// <summary>
/// <c>track</c>: volume and equal-power pan (θ = (pan+1)·π/4, L = cos θ, R = sin θ; centre 0.7071).
/// A mono signal with no pan (or a constant pan of exactly 0) stays mono, as in the original.
/// Whether the output is stereo is decided once, when compiled: a pan that moves is always
/// equal-power stereo, so the output never switches format or jumps 3 dB when a moving pan
/// passes 0 (the original decided per chunk). A stereo signal keeps its image under a pan,
/// which acts as a balance control (the original mixed it down to mono first).
/// </summary>
public sealed class Track : Signal
{
    public static readonly NodeInfo Info = new(
        "track", "volume and equal-power pan", "mono when the signal is mono and there is no pan, else stereo",
        [
            new("signal", ParamKind.Wave, "the signal"),
            new("pan", ParamKind.Wave, "-1 left … +1 right") { Default = 0, Min = -1, Max = 1 },
            new("volume", ParamKind.Wave, "linear gain") { Default = 1, Min = 0 },
        ],
        ExtraKeys.Forbid,
        Compile);

    readonly NodeState state;
    readonly Signal signal;
    readonly Wave? pan;
    readonly Wave volume;
    readonly float[] panBuf, volBuf, gainL, gainR;

    Track(NodeSpec? spec, int maxBlock, NodeState state, Signal signal, Wave? pan, Wave volume)
        : base(spec, maxBlock, signal.IsStereo || pan is not null)
    {
        this.state = state;
        this.signal = signal;
        this.pan = pan;
        this.volume = volume;
        panBuf = new float[maxBlock];
        volBuf = new float[maxBlock];
        gainL = new float[maxBlock];
        gainR = new float[maxBlock];
    }

    static Signal Compile(NodeSpec spec, CompileScope scope)
    {
        var state = scope.Bind<TrackState>(spec);
        var signal = scope.CompileSignal(spec.Get("signal"), state);
        var pan = scope.CompileWave(spec.Get("pan"), 0, spec, "pan");
        var volume = scope.CompileWave(spec.Get("volume"), 1, spec, "volume");
        return new Track(spec, scope.MaxBlock, state, signal, pan.IsConstant && pan.Constant == 0 ? null : pan, volume);
    }

    /// <summary>Applies a mix's legacy <c>&lt;track&gt;_pan</c> / <c>_vol</c> keys to a track.</summary>
    internal static Signal Wrap(Signal signal, CompileScope scope, NodeSpec trackSpec, Value? pan, Value? volume)
    {
        var state = scope.Env.States.Bind<TrackState>(trackSpec.Id + "/legacy-track");
        var p = scope.CompileWave(pan, 0, trackSpec, "pan");
        var v = scope.CompileWave(volume, 1, trackSpec, "volume");
        return new Track(null, scope.MaxBlock, state, signal, p.IsConstant && p.Constant == 0 ? null : p, v);
    }

    protected override int Render(in Block block)
    {
        var clock = state.Clock;
        var got = signal.Pull(block);
        var sub = block with { Count = got };
        volume.Fill(sub, clock, volBuf);
        var l = signal.Left;
        if (pan is null)
        {
            Kernels.SpanMath.Product(l.AsSpan(0, got), volBuf.AsSpan(0, got), Left.AsSpan(0, got));
            if (Right is not null) Kernels.SpanMath.Product(signal.Right!.AsSpan(0, got), volBuf.AsSpan(0, got), Right.AsSpan(0, got));
        }
        else
        {
            pan.Fill(sub, clock, panBuf);
            if (signal.Right is { } r)
                for (var i = 0; i < got; i++)
                {
                    // Balance: the far side fades out, the near side stays at full level.
                    var p = panBuf[i];
                    Left[i] = l[i] * volBuf[i] * Math.Min(1f, 1f - p);
                    Right![i] = r[i] * volBuf[i] * Math.Min(1f, 1f + p);
                }
            else
            {
                PanLaw.Fill(panBuf.AsSpan(0, got), gainL.AsSpan(0, got), gainR.AsSpan(0, got));
                for (var i = 0; i < got; i++)
                {
                    var x = l[i] * volBuf[i];
                    Left[i] = x * gainL[i];
                    Right![i] = x * gainR[i];
                }
            }
        }
        state.Clock = clock + got;
        return Finish(block, got);
    }

    public override IEnumerable<Signal> Children =>
        new[] { pan, volume }.SelectMany(w => w?.Children ?? []).Append(signal);
}
