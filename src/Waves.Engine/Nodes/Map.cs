using Waves.Engine.Patching;
using Waves.Engine.Rendering;

namespace Waves.Engine.Nodes;

public sealed class MapState : NodeState;

/// <summary>
/// <c>map</c>: linear range mapping, per sample:
/// <c>to_lo + (x − from_lo) / (from_hi − from_lo) · (to_hi − to_lo)</c>, where a zero-width from-range
/// counts as the middle (0.5). Every bound is a wave read per sample; the from-range defaults to
/// [0, 1] as in the original. The optional <c>clip: [lo, hi]</c> then limits the result (with lo &gt; hi
/// everything becomes hi, as numpy's clip did). A stereo signal is mapped per channel.
/// The original took only literal numbers for <c>clip</c>; here its bounds may be waves too.
/// </summary>
public sealed class Map : Signal
{
    public static readonly NodeInfo Info = new(
        "map", "maps a signal linearly from one range to another", "mono or stereo, as the signal",
        [
            new("signal", ParamKind.Wave, "the signal to map"),
            new("from", ParamKind.List, "[lo, hi]: the input range (each bound a wave); default [0, 1]"),
            new("to", ParamKind.List, "[lo, hi]: the output range (each bound a wave)"),
            new("clip", ParamKind.List, "[lo, hi]: limits of the output (optional)"),
        ],
        ExtraKeys.Forbid,
        Compile);

    readonly MapState state;
    readonly Signal signal;
    readonly Wave fromLo, fromHi, toLo, toHi;
    readonly Wave? clipLo, clipHi;
    readonly float[] fromLoBuf, fromHiBuf, toLoBuf, toHiBuf, clipLoBuf, clipHiBuf;

    Map(NodeSpec spec, CompileScope scope, MapState state, Signal signal, Wave[] from, Wave[] to, Wave[]? clip)
        : base(spec, scope.MaxBlock, signal.IsStereo)
    {
        this.state = state;
        this.signal = signal;
        (fromLo, fromHi, toLo, toHi) = (from[0], from[1], to[0], to[1]);
        (clipLo, clipHi) = clip is null ? (null, null) : (clip[0], clip[1]);
        var n = scope.MaxBlock;
        fromLoBuf = new float[n]; fromHiBuf = new float[n]; toLoBuf = new float[n]; toHiBuf = new float[n];
        clipLoBuf = new float[n]; clipHiBuf = new float[n];
    }

    static Signal Compile(NodeSpec spec, CompileScope scope)
    {
        if (spec.Get("signal") is null or Value.Null)
            scope.Env.Error(spec.Pos, "'map' needs 'signal': the signal to map");
        if (spec.Get("to") is null or Value.Null)
            scope.Env.Error(spec.Pos, "'map' needs 'to': the output range [lo, hi]");
        var state = scope.Bind<MapState>(spec);
        var children = scope.WithDuration(spec.Duration);
        var signal = children.CompileSignal(spec.Get("signal"), state);
        var from = Range(spec, children, "from", 0, 1)!;
        var to = Range(spec, children, "to", 0, 1)!;
        var clip = spec.Get("clip") is null or Value.Null ? null : Range(spec, children, "clip", 0, 0);
        return new Map(spec, scope, state, signal, from, to, clip);
    }

    /// <summary>A <c>[lo, hi]</c> pair of waves; the defaults when absent or miswritten (reported).</summary>
    static Wave[] Range(NodeSpec spec, CompileScope scope, string name, double lo, double hi)
    {
        switch (spec.Get(name))
        {
            case Value.List { Items.Length: 2 } pair:
                return [scope.CompileWave(pair.Items[0], lo, spec, name + "/0"), scope.CompileWave(pair.Items[1], hi, spec, name + "/1")];
            case Value.List bad:
                scope.Env.Error(bad.Pos, $"'{name}' of 'map' is written [lo, hi], got {bad.Items.Length} values");
                break;
        }
        return [new ConstWave(lo), new ConstWave(hi)];
    }

    protected override int Render(in Block block)
    {
        var got = signal.Pull(block);
        var sub = block with { Count = got };
        var clock = state.Clock;
        fromLo.Fill(sub, clock, fromLoBuf);
        fromHi.Fill(sub, clock, fromHiBuf);
        toLo.Fill(sub, clock, toLoBuf);
        toHi.Fill(sub, clock, toHiBuf);
        clipLo?.Fill(sub, clock, clipLoBuf);
        clipHi?.Fill(sub, clock, clipHiBuf);
        MapChannel(signal.Left, Left, got);
        if (Right is not null) MapChannel(signal.Right!, Right, got);
        state.Clock = clock + got;
        return Finish(block, got);
    }

    void MapChannel(float[] x, float[] y, int count)
    {
        for (var i = 0; i < count; i++)
        {
            double lo = fromLoBuf[i], width = fromHiBuf[i] - lo;
            var unit = width == 0 ? 0.5 : (x[i] - lo) / width;
            y[i] = (float)(toLoBuf[i] + unit * ((double)toHiBuf[i] - toLoBuf[i]));
        }
        if (clipLo is null) return;
        for (var i = 0; i < count; i++)
            y[i] = Math.Min(Math.Max(y[i], clipLoBuf[i]), clipHiBuf[i]);
    }

    public override IEnumerable<Signal> Children =>
        new[] { fromLo, fromHi, toLo, toHi, clipLo, clipHi }.SelectMany(w => w?.Children ?? []).Append(signal);
}
