using Waves.Engine.Patching;
using Waves.Engine.Rendering;

namespace Waves.Engine.Nodes;

public sealed class SmoothState : NodeState
{
    public float Left, Right;
    public bool Started;

    public override void CopyFrom(NodeState other)
    {
        base.CopyFrom(other);
        var o = (SmoothState)other;
        (Left, Right, Started) = (o.Left, o.Right, o.Started);
    }
}

/// <summary>
/// <c>smooth</c>: a slew limiter. Each sample moves towards the input by at most <c>step</c>
/// (a wave, read per sample); the first sample ever is the input itself. The last value is state,
/// so it carries across blocks and reloads: the original restarted at every 2048-frame chunk, which
/// let jumps through at chunk boundaries (a fixed defect). Stereo is limited per channel (the
/// original crashed). Ends with its signal.
/// </summary>
public sealed class Smooth : Signal
{
    public static readonly NodeInfo Info = new(
        "smooth", "limits how fast a signal changes", "mono or stereo, as the signal",
        [
            new("step", ParamKind.Wave, "largest change per sample") { Default = 0.01, Min = 0 },
            new("signal", ParamKind.Wave, "the signal to smooth"),
        ],
        ExtraKeys.Forbid,
        Compile);

    readonly SmoothState state;
    readonly Signal signal;
    readonly Wave step;
    readonly float[] steps;

    Smooth(NodeSpec spec, CompileScope scope, SmoothState state, Signal signal, Wave step) : base(spec, scope.MaxBlock, signal.IsStereo)
    {
        this.state = state;
        this.signal = signal;
        this.step = step;
        steps = new float[scope.MaxBlock];
    }

    static Signal Compile(NodeSpec spec, CompileScope scope)
    {
        var state = scope.Bind<SmoothState>(spec);
        var children = scope.WithDuration(spec.Duration);
        var signal = children.CompileSignal(spec.Get("signal"), state);
        return new Smooth(spec, scope, state, signal, children.CompileWave(spec.Get("step"), 0.01, spec, "step"));
    }

    protected override int Render(in Block block)
    {
        var got = signal.Pull(block);
        var clock = state.Clock;
        step.Fill(block with { Count = got }, clock, steps);
        var started = state.Started;
        state.Left = Limit(signal.Left, Left, got, state.Left, started);
        if (Right is not null) state.Right = Limit(signal.Right!, Right, got, state.Right, started);
        if (got > 0) state.Started = true;
        state.Clock = clock + got;
        return Finish(block, got);
    }

    float Limit(float[] x, float[] y, int count, float last, bool started)
    {
        for (var i = 0; i < count; i++)
        {
            if (!started && i == 0) { last = x[0]; y[0] = last; continue; }
            var d = x[i] - last;
            var s = Math.Abs(steps[i]);
            last = d > s ? last + s : d < -s ? last - s : x[i];
            y[i] = last;
        }
        return last;
    }

    public override IEnumerable<Signal> Children => step.Children.Append(signal);
}
