using Waves.Engine.Patching;
using Waves.Engine.Rendering;

namespace Waves.Engine.Nodes;

public sealed class FollowState : NodeState
{
    public double Level;

    public override void CopyFrom(NodeState other)
    {
        base.CopyFrom(other);
        Level = ((FollowState)other).Level;
    }
}

/// <summary>
/// <c>follow</c>: an envelope follower. The level moves towards |signal| (clipped to 1; stereo as the
/// mean of its sides, as in the original) with a one-pole rise of <c>attack</c> seconds and fall of
/// <c>release</c> seconds, then is mapped from [0, 1] to <c>range</c>. Attack and release are read per
/// sample (the original read them once per chunk). Ends with its signal.
/// </summary>
public sealed class Follow : Signal
{
    public static readonly NodeInfo Info = new(
        "follow", "follows the level of a signal", "mono",
        [
            new("signal", ParamKind.Wave, "the signal whose level is followed"),
            new("range", ParamKind.List, "[lo, hi]: where levels 0 and 1 go (each bound a wave); default [0, 1]"),
            new("attack", ParamKind.Wave, "rise time in seconds") { Default = 0.01, Min = 0 },
            new("release", ParamKind.Wave, "fall time in seconds") { Default = 0.1, Min = 0 },
        ],
        ExtraKeys.Forbid,
        Compile);

    readonly FollowState state;
    readonly Signal signal;
    readonly Wave lo, hi, attack, release;
    readonly float[] loBuf, hiBuf, attackBuf, releaseBuf;
    readonly double sampleRate;

    Follow(NodeSpec spec, CompileScope scope, FollowState state, Signal signal, Wave[] range, Wave attack, Wave release)
        : base(spec, scope.MaxBlock, false)
    {
        this.state = state;
        this.signal = signal;
        (lo, hi) = (range[0], range[1]);
        this.attack = attack;
        this.release = release;
        var n = scope.MaxBlock;
        loBuf = new float[n]; hiBuf = new float[n]; attackBuf = new float[n]; releaseBuf = new float[n];
        sampleRate = scope.SampleRate;
    }

    static Signal Compile(NodeSpec spec, CompileScope scope)
    {
        var state = scope.Bind<FollowState>(spec);
        var children = scope.WithDuration(spec.Duration);
        if (spec.Get("signal") is null or Value.Null)
            scope.Env.Error(spec.Pos, "'follow' needs 'signal': the signal to follow");
        var signal = children.CompileSignal(spec.Get("signal"), state);
        Wave[] range = [new ConstWave(0), new ConstWave(1)];
        if (spec.Get("range") is Value.List { Items.Length: 2 } pair)
            range = [children.CompileWave(pair.Items[0], 0, spec, "range/0"), children.CompileWave(pair.Items[1], 1, spec, "range/1")];
        else if (spec.Get("range") is Value.List bad)
            scope.Env.Error(bad.Pos, $"'range' of 'follow' is written [lo, hi], got {bad.Items.Length} values");
        return new Follow(spec, scope, state, signal, range,
            children.CompileWave(spec.Get("attack"), 0.01, spec, "attack"),
            children.CompileWave(spec.Get("release"), 0.1, spec, "release"));
    }

    protected override int Render(in Block block)
    {
        var got = signal.Pull(block);
        var sub = block with { Count = got };
        var clock = state.Clock;
        lo.Fill(sub, clock, loBuf);
        hi.Fill(sub, clock, hiBuf);
        attack.Fill(sub, clock, attackBuf);
        release.Fill(sub, clock, releaseBuf);
        var level = state.Level;
        float lastA = float.NaN, lastR = float.NaN;
        double ca = 1, cr = 1;
        for (var i = 0; i < got; i++)
        {
            var x = signal.Right is { } r ? (signal.Left[i] + r[i]) * 0.5f : signal.Left[i];
            var target = Math.Abs(Math.Clamp((double)x, -1, 1));
            if (double.IsNaN(target)) target = 0;
            // Coefficients change only where attack or release do.
            if (attackBuf[i] != lastA) (lastA, ca) = (attackBuf[i], Coefficient(attackBuf[i]));
            if (releaseBuf[i] != lastR) (lastR, cr) = (releaseBuf[i], Coefficient(releaseBuf[i]));
            level += (target > level ? ca : cr) * (target - level);
            Left[i] = (float)(loBuf[i] + level * ((double)hiBuf[i] - loBuf[i]));
        }
        state.Level = level;
        state.Clock = clock + got;
        return Finish(block, got);
    }

    double Coefficient(float seconds) => seconds > 0 ? 1 - Kernels.DetMath.Exp(-1 / (seconds * sampleRate)) : 1;

    public override IEnumerable<Signal> Children =>
        new[] { lo, hi, attack, release }.SelectMany(w => w.Children).Append(signal);
}
