using Waves.Engine.Patching;
using Waves.Engine.Rendering;

namespace Waves.Engine.Nodes;

public sealed class HoldState : NodeState
{
    public float Held, LastTrigger;
    public bool Holding, Triggered;

    public override void CopyFrom(NodeState other)
    {
        base.CopyFrom(other);
        var o = (HoldState)other;
        (Held, LastTrigger, Holding, Triggered) = (o.Held, o.LastTrigger, o.Holding, o.Triggered);
    }
}

/// <summary>
/// <c>hold</c>: sample and hold. The signal is taken on the node's first frame and again on every
/// frame where <c>trigger</c> changes value (any change, not only a rising edge, as in the original).
/// Differences from the original, all deliberate: the signal runs in step with the hold, and a
/// sample is its value on that frame (the original rendered it one sample per sampling, so an
/// oscillator under hold crawled); every change of the trigger in a block samples, not only the
/// first; the first frame samples once (the original sampled twice with a trigger, keeping the
/// signal's second value). A stereo signal is sampled as its mean; after it ends, samples are 0.
/// Never ends.
/// </summary>
public sealed class Hold : Signal
{
    public static readonly NodeInfo Info = new(
        "hold", "samples a signal and holds it until the trigger changes", "mono",
        [
            new("signal", ParamKind.Wave, "the value to sample"),
            new("trigger", ParamKind.Wave, "every change of its value samples again"),
        ],
        ExtraKeys.Forbid,
        Compile);

    readonly HoldState state;
    readonly Signal signal;
    readonly Wave? trigger;
    readonly float[] triggers;

    Hold(NodeSpec spec, CompileScope scope, HoldState state, Signal signal, Wave? trigger) : base(spec, scope.MaxBlock, false)
    {
        this.state = state;
        this.signal = signal;
        this.trigger = trigger;
        triggers = new float[scope.MaxBlock];
    }

    static Signal Compile(NodeSpec spec, CompileScope scope)
    {
        var state = scope.Bind<HoldState>(spec);
        var children = scope.WithDuration(spec.Duration);
        if (spec.Get("signal") is null or Value.Null)
            scope.Env.Error(spec.Pos, "'hold' needs 'signal': the value to sample");
        var signal = children.CompileSignal(spec.Get("signal"), state);
        var trigger = spec.Get("trigger") is null or Value.Null ? null : children.CompileWave(spec.Get("trigger"), 0, spec, "trigger");
        return new Hold(spec, scope, state, signal, trigger);
    }

    protected override int Render(in Block block)
    {
        var n = block.Count;
        var clock = state.Clock;
        var got = signal.Pull(block);
        trigger?.Fill(block, clock, triggers);
        var st = state;
        for (var i = 0; i < n; i++)
        {
            var sample = !st.Holding;
            if (trigger is not null)
            {
                var t = triggers[i];
                if (!st.Triggered || t != st.LastTrigger) sample = true;
                (st.LastTrigger, st.Triggered) = (t, true);
            }
            if (sample)
            {
                st.Held = i >= got ? 0 : signal.Right is { } r ? (signal.Left[i] + r[i]) * 0.5f : signal.Left[i];
                st.Holding = true;
            }
            Left[i] = st.Held;
        }
        state.Clock = clock + n;
        return n;
    }

    public override IEnumerable<Signal> Children => (trigger?.Children ?? []).Append(signal);
}
