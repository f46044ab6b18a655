using Waves.Engine.Patching;
using Waves.Engine.Rendering;

namespace Waves.Engine.Nodes;

public sealed class SnapState : NodeState
{
    public float Last;
    public bool Started;

    public override void CopyFrom(NodeState other)
    {
        base.CopyFrom(other);
        var o = (SnapState)other;
        (Last, Started) = (o.Last, o.Started);
    }
}

/// <summary>
/// <c>snap</c>: quantises each sample to the nearest of a set of values (on a tie, the lower one):
/// <c>values</c>, or every <c>interval</c> from <c>range[0]</c> up to <c>range[1]</c>. With <c>glide</c>
/// (seconds for a jump across the whole set) the output moves towards the snapped value by at most
/// range/(glide·rate) per sample. Differences from the original, all deliberate: the set, the
/// interval and the glide are read per sample (not once per chunk); the glide never overshoots its
/// target (the original could, by up to one step); the value reached is state, so a reload does
/// not restart the glide. A stereo signal is snapped as its mean (the original crashed).
/// Ends with its signal.
/// </summary>
public sealed class Snap : Signal
{
    public static readonly NodeInfo Info = new(
        "snap", "quantises a signal to a set of values, with an optional glide", "mono",
        [
            new("signal", ParamKind.Wave, "the signal to quantise"),
            new("values", ParamKind.List, "the values to snap to (each a wave)"),
            new("range", ParamKind.List, "[lo, hi]: with interval, the values lo, lo + interval … up to hi"),
            new("interval", ParamKind.Wave, "spacing of the values within range"),
            new("glide", ParamKind.Wave, "seconds to glide across the whole set") { Default = 0, Min = 0 },
        ],
        ExtraKeys.Forbid,
        Compile);

    readonly SnapState state;
    readonly Signal signal;
    readonly Wave[] values;
    readonly float[][] valueBufs;
    readonly Wave? lo, hi, step;
    readonly float[] loBuf, hiBuf, stepBuf, glideBuf, x;
    readonly Wave glide;
    readonly double sampleRate;

    Snap(NodeSpec spec, CompileScope scope, SnapState state, Signal signal, Wave[] values, Wave[]? range, Wave? step, Wave glide)
        : base(spec, scope.MaxBlock, false)
    {
        this.state = state;
        this.signal = signal;
        this.values = values;
        this.step = step;
        this.glide = glide;
        (lo, hi) = range is null ? (null, null) : (range[0], range[1]);
        var n = scope.MaxBlock;
        valueBufs = [.. values.Select(_ => new float[n])];
        loBuf = new float[n]; hiBuf = new float[n]; stepBuf = new float[n]; glideBuf = new float[n]; x = new float[n];
        sampleRate = scope.SampleRate;
    }

    static Signal Compile(NodeSpec spec, CompileScope scope)
    {
        var state = scope.Bind<SnapState>(spec);
        var children = scope.WithDuration(spec.Duration);
        if (spec.Get("signal") is null or Value.Null)
            scope.Env.Error(spec.Pos, "'snap' needs 'signal': the signal to quantise");
        var signal = children.CompileSignal(spec.Get("signal"), state);
        var glide = children.CompileWave(spec.Get("glide"), 0, spec, "glide");
        var hasValues = spec.Get("values") is Value.List;
        var hasRange = spec.Get("range") is not (null or Value.Null) || spec.Get("interval") is not (null or Value.Null);
        if (hasValues == hasRange)
        {
            scope.Env.Error(spec.Pos, "'snap' needs either 'values' or 'range' with 'interval'");
            return new Snap(spec, scope, state, signal, [], null, null, glide);
        }
        if (spec.Get("values") is Value.List list)
        {
            if (list.Items.Length == 0) scope.Env.Error(list.Pos, "'values' of 'snap' needs at least one value");
            var waves = list.Items.Select((v, i) => children.CompileWave(v, 0, spec, $"values/{i}")).ToArray();
            return new Snap(spec, scope, state, signal, waves, null, null, glide);
        }
        Wave[] range = [new ConstWave(0), new ConstWave(1)];
        if (spec.Get("range") is Value.List { Items.Length: 2 } pair)
            range = [children.CompileWave(pair.Items[0], 0, spec, "range/0"), children.CompileWave(pair.Items[1], 1, spec, "range/1")];
        else
            scope.Env.Error(spec.Get("range")?.Pos ?? spec.Pos, "'range' of 'snap' is written [lo, hi] and goes with 'interval'");
        if (spec.Get("interval") is null or Value.Null)
            scope.Env.Error(spec.Pos, "'snap' with 'range' needs 'interval': the spacing of the values");
        var interval = children.CompileWave(spec.Get("interval"), 0.1, spec, "interval");
        return new Snap(spec, scope, state, signal, [], range, interval, glide);
    }

    protected override int Render(in Block block)
    {
        var got = signal.Pull(block);
        if (got == 0) return Finish(block, 0);
        var sub = block with { Count = got };
        var clock = state.Clock;
        var l = signal.Left;
        if (signal.Right is { } r)
            for (var i = 0; i < got; i++) x[i] = (l[i] + r[i]) * 0.5f;
        else
            l.AsSpan(0, got).CopyTo(x);
        for (var k = 0; k < values.Length; k++) values[k].Fill(sub, clock, valueBufs[k]);
        lo?.Fill(sub, clock, loBuf);
        hi?.Fill(sub, clock, hiBuf);
        step?.Fill(sub, clock, stepBuf);
        glide.Fill(sub, clock, glideBuf);
        var last = state.Last;
        var started = state.Started;
        for (var i = 0; i < got; i++)
        {
            var (target, width) = lo is null ? Nearest(x[i], i) : OnGrid(x[i], loBuf[i], hiBuf[i], stepBuf[i]);
            if (!started) { last = target; started = true; }
            var g = glideBuf[i];
            if (g > 0 && width > 0)
            {
                var most = width / (g * sampleRate);
                var d = target - (double)last;
                last = d > most ? (float)(last + most) : d < -most ? (float)(last - most) : target;
            }
            else last = target;
            Left[i] = last;
        }
        (state.Last, state.Started) = (last, started);
        state.Clock = clock + got;
        return Finish(block, got);
    }

    /// <summary>The nearest value (the lower on a tie) and the width of the set.</summary>
    (float Value, double Width) Nearest(float v, int i)
    {
        if (values.Length == 0) return (v, 0);
        float best = valueBufs[0][i], min = best, max = best;
        var bestDistance = Math.Abs(v - best);
        for (var k = 1; k < values.Length; k++)
        {
            var c = valueBufs[k][i];
            min = Math.Min(min, c);
            max = Math.Max(max, c);
            var d = Math.Abs(v - c);
            if (d < bestDistance || d == bestDistance && c < best) (best, bestDistance) = (c, d);
        }
        return (best, (double)max - min);
    }

    /// <summary>The nearest of lo, lo + step … (numpy's arange up to hi + step/2), the lower on a tie.</summary>
    static (float Value, double Width) OnGrid(float v, double lo, double hi, double step)
    {
        if (!(step > 0) || hi < lo) return ((float)lo, 0);
        var last = Math.Max(0, Math.Ceiling((hi + step / 2 - lo) / step) - 1);
        var k = Math.Clamp(Math.Ceiling((v - lo) / step - 0.5), 0, last);
        return ((float)(lo + k * step), last * step);
    }

    public override IEnumerable<Signal> Children =>
        values.SelectMany(v => v.Children)
            .Concat(new[] { lo, hi, step, glide }.SelectMany(w => w?.Children ?? []))
            .Append(signal);
}
