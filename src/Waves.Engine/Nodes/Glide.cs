using Waves.Engine.Patching;
using Waves.Engine.Rendering;

namespace Waves.Engine.Nodes;

public sealed class GlideState : NodeState
{
    public double CurrentLeft, CurrentRight, TargetLeft, TargetRight;
    public long RemainingLeft, RemainingRight;
    public bool Started;

    public override void CopyFrom(NodeState other)
    {
        base.CopyFrom(other);
        var o = (GlideState)other;
        (CurrentLeft, CurrentRight, TargetLeft, TargetRight) = (o.CurrentLeft, o.CurrentRight, o.TargetLeft, o.TargetRight);
        (RemainingLeft, RemainingRight, Started) = (o.RemainingLeft, o.RemainingRight, o.Started);
    }
}

/// <summary>
/// <c>glide</c>: portamento. Where the input takes a new value, the output moves to it in a straight
/// line over <c>time</c> seconds (read on that frame; at most one frame jumps); a new value during a
/// glide starts a fresh glide from where the output is. Changes smaller than numpy's
/// <c>allclose</c> (relative 1e-5, absolute 1e-9) are not new values, as in the original. The
/// original reduced each 2048-frame chunk to its last sample and glided (or, with time 0, jumped)
/// at the chunk's start; here the glide starts on the frame the input changes, whatever the block
/// size, and a moving input is followed per sample (it then lags by about <c>time</c>). Stereo
/// glides per channel. Ends with its signal.
/// </summary>
public sealed class Glide : Signal
{
    public static readonly NodeInfo Info = new(
        "glide", "glides to each new value of its signal over a time", "mono or stereo, as the signal",
        [
            new("signal", ParamKind.Wave, "the value to follow"),
            new("time", ParamKind.Wave, "glide time in seconds") { Default = 0, Min = 0 },
        ],
        ExtraKeys.Forbid,
        Compile);

    readonly GlideState state;
    readonly Signal signal;
    readonly Wave time;
    readonly float[] times;
    readonly double sampleRate;

    Glide(NodeSpec spec, CompileScope scope, GlideState state, Signal signal, Wave time) : base(spec, scope.MaxBlock, signal.IsStereo)
    {
        this.state = state;
        this.signal = signal;
        this.time = time;
        times = new float[scope.MaxBlock];
        sampleRate = scope.SampleRate;
    }

    static Signal Compile(NodeSpec spec, CompileScope scope)
    {
        var state = scope.Bind<GlideState>(spec);
        var children = scope.WithDuration(spec.Duration);
        if (spec.Get("signal") is null or Value.Null)
            scope.Env.Error(spec.Pos, "'glide' needs 'signal': the value to follow");
        var signal = children.CompileSignal(spec.Get("signal"), state);
        return new Glide(spec, scope, state, signal, children.CompileWave(spec.Get("time"), 0, spec, "time"));
    }

    protected override int Render(in Block block)
    {
        var got = signal.Pull(block);
        if (got == 0) return Finish(block, 0);
        var clock = state.Clock;
        time.Fill(block with { Count = got }, clock, times);
        var st = state;
        if (!st.Started)
        {
            st.CurrentLeft = st.TargetLeft = signal.Left[0];
            st.CurrentRight = st.TargetRight = (signal.Right ?? signal.Left)[0];
            st.Started = true;
        }
        Follow(signal.Left, Left, got, ref st.CurrentLeft, ref st.TargetLeft, ref st.RemainingLeft);
        if (Right is not null) Follow(signal.Right!, Right, got, ref st.CurrentRight, ref st.TargetRight, ref st.RemainingRight);
        state.Clock = clock + got;
        return Finish(block, got);
    }

    void Follow(float[] x, float[] y, int count, ref double current, ref double target, ref long remaining)
    {
        for (var i = 0; i < count; i++)
        {
            double v = x[i];
            if (Math.Abs(v - target) > 1e-9 + 1e-5 * Math.Abs(v))
            {
                target = v;
                var seconds = Math.Max(0, (double)times[i]);
                remaining = seconds <= 1 / sampleRate ? 0 : Math.Max(1, (long)Math.Round(seconds * sampleRate));
                if (remaining == 0) current = v;
            }
            if (remaining > 0)
            {
                current += (target - current) / remaining;
                if (--remaining == 0) current = target;
            }
            y[i] = (float)current;
        }
    }

    public override IEnumerable<Signal> Children => time.Children.Append(signal);
}
