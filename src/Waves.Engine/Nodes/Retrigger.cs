using Waves.Engine.Kernels;
using Waves.Engine.Patching;
using Waves.Engine.Rendering;

namespace Waves.Engine.Nodes;

public sealed class RetriggerState : NodeState
{
    /// <summary>The input's recent frames (a ring), made when compiled; <see cref="Write"/> is the next slot.</summary>
    public float[] Line = [];
    public int Write;
    public bool InputEnded;
    /// <summary>Frames since the input ended.</summary>
    public long SinceEnd;

    /// <summary>Copies the values; a line of the same length is copied in place (no allocation), an
    /// empty one (a reset) clears it, and only a state without a line yet gets a new one.</summary>
    public override void CopyFrom(NodeState other)
    {
        base.CopyFrom(other);
        var o = (RetriggerState)other;
        (InputEnded, SinceEnd) = (o.InputEnded, o.SinceEnd);
        if (Line.Length == 0 && o.Line.Length > 0) Line = (float[])o.Line.Clone();
        Write = Recent(o.Line, o.Write, Line);
    }

    /// <inheritdoc/>
    public override NodeState Blank() => new RetriggerState { Line = new float[Line.Length] };

    /// <summary>Copies the most recent frames of a ring into another, oldest first; returns its write index.</summary>
    public static int Recent(float[] from, int fromWrite, float[] to)
    {
        if (ReferenceEquals(from, to)) return fromWrite;
        if (from.Length == to.Length)
        {
            Array.Copy(from, to, to.Length);
            return fromWrite;
        }
        var m = Math.Min(from.Length, to.Length);
        for (var j = 0; j < m; j++)
            to[j] = from[((fromWrite - m + j) % from.Length + from.Length) % from.Length];
        Array.Clear(to, m, to.Length - m);
        return to.Length == 0 ? 0 : m % to.Length;
    }
}

/// <summary>
/// <c>retrigger</c>: the signal repeated <c>repeat</c> times (the first is the signal itself), every
/// <c>time</c> seconds, tap k at gain feedback^k. With <c>spread</c>, taps are panned from left to
/// right across ±spread; with <c>movement</c> (Hz), each tap's pan also swings by ±spread. Stereo
/// when spread or movement is above 0. Differences from the original, all deliberate: it ends when
/// the last repeat of the ended signal has played (the original often never ended, emitting zeros),
/// or at its own <c>duration</c>; a stereo signal is repeated as its mean (the original crashed).
/// </summary>
public sealed class Retrigger : Signal
{
    public static readonly NodeInfo Info = new(
        "retrigger", "repeats its signal a few times, fading, maybe across the stereo field", "mono, or stereo with spread or movement",
        [
            new("time", ParamKind.Number, "seconds between repeats") { Default = 0.1, Min = 0 },
            new("repeat", ParamKind.Number, "taps, the signal itself included") { Default = 3, Min = 1, Max = 64 },
            new("feedback", ParamKind.Number, "gain of each repeat relative to the one before") { Default = 0.3 },
            new("spread", ParamKind.Number, "0…1: how far the taps spread across the stereo field") { Default = 0, Min = 0, Max = 1 },
            new("movement", ParamKind.Number, "Hz of the taps' pan swing") { Default = 0, Min = 0 },
            new("signal", ParamKind.Wave, "the signal to repeat"),
        ],
        ExtraKeys.Forbid,
        Compile);

    readonly RetriggerState state;
    readonly Signal signal;
    readonly float[]? line;
    readonly int spacing, taps;
    readonly float[] gains, basePans, leftGains, rightGains;
    readonly double spread, movement, sampleRate;
    readonly long total, tail;

    Retrigger(NodeSpec spec, CompileScope scope, RetriggerState state, Signal signal, float[]? line) :
        base(spec, scope.MaxBlock, Number(spec, "spread", 0) > 0 || Number(spec, "movement", 0) > 0)
    {
        this.state = state;
        this.signal = signal;
        this.line = line;
        sampleRate = scope.SampleRate;
        spacing = (int)Math.Min(int.MaxValue / 64, FramesWave.ToFrames(Math.Max(0, Number(spec, "time", 0.1)), sampleRate));
        taps = Taps(spec);
        spread = Math.Clamp(Number(spec, "spread", 0), 0, 1);
        movement = Math.Max(0, Number(spec, "movement", 0));
        var feedback = Number(spec, "feedback", 0.3);
        gains = [.. Enumerable.Range(0, taps).Select(k => (float)DetMath.Pow(feedback, k))];
        basePans = [.. Enumerable.Range(0, taps).Select(k => taps == 1 ? 0f : (float)(((double)k / (taps - 1) * 2 - 1) * spread))];
        leftGains = [.. basePans.Select(p => PanLaw.Gains(p).Left)];
        rightGains = [.. basePans.Select(p => PanLaw.Gains(p).Right)];
        total = spec.Duration is { } d ? FramesWave.ToFrames(d, sampleRate) : long.MaxValue;
        tail = (long)(taps - 1) * spacing;
    }

    static double Number(NodeSpec spec, string name, double fallback) =>
        spec.Get(name) is Value.Number { V: var v } && double.IsFinite(v) ? v : fallback;

    static int Taps(NodeSpec spec) => (int)Math.Clamp(Number(spec, "repeat", 3), 1, 64);

    static Signal Compile(NodeSpec spec, CompileScope scope)
    {
        var state = scope.Bind<RetriggerState>(spec);
        if (spec.Get("signal") is null or Value.Null)
            scope.Env.Error(spec.Pos, "'retrigger' needs 'signal': the signal to repeat");
        var signal = scope.WithDuration(spec.Duration).CompileSignal(spec.Get("signal"), state);
        var length = (int)Math.Min(int.MaxValue / 2, (long)(Taps(spec) - 1) * FramesWave.ToFrames(Math.Max(0, Number(spec, "time", 0.1)), scope.SampleRate) + 1);
        // The line is made here, off the render thread: a fresh state gets it at once; a live one of
        // another length moves into it at its first block.
        if (state.Line.Length == 0) state.Line = new float[length];
        return new Retrigger(spec, scope, state, signal, state.Line.Length == length ? null : new float[length]);
    }

    protected override int Render(in Block block)
    {
        var st = state;
        if (line is not null && !ReferenceEquals(st.Line, line))
        {
            st.Write = RetriggerState.Recent(st.Line, st.Write, line);
            st.Line = line;
        }
        var clock = st.Clock;
        var n = (int)Math.Min(block.Count, Math.Max(0, total - clock));
        if (st.InputEnded && st.SinceEnd >= tail || n == 0) return Finish(block, 0);
        var got = st.InputEnded ? 0 : Math.Min(n, signal.Pull(block));
        var buffer = st.Line;
        var size = buffer.Length;
        var produced = n;
        for (var i = 0; i < n; i++)
        {
            if (i >= got && !st.InputEnded) st.InputEnded = true;
            if (st.InputEnded && st.SinceEnd++ >= tail) { produced = i; break; }
            var x = i < got ? signal.Right is { } r ? (signal.Left[i] + r[i]) * 0.5f : signal.Left[i] : 0f;
            buffer[st.Write] = x;
            float left = 0, right = 0;
            for (var k = 0; k < taps; k++)
            {
                var at = st.Write - k * spacing;
                if (at < 0) at += size;
                var v = buffer[at] * gains[k];
                if (Right is null) { left += v; continue; }
                if (movement > 0)
                {
                    // The swing is read at the time the tap sounds, as in the original.
                    var pan = Math.Clamp(basePans[k] + Kernels.DetMath.Sin(2 * Math.PI * movement * (clock + i) / sampleRate) * spread, -1, 1);
                    var theta = (pan + 1) * Math.PI / 4;
                    left += (float)(v * Kernels.DetMath.Cos(theta));
                    right += (float)(v * Kernels.DetMath.Sin(theta));
                }
                else
                {
                    left += v * leftGains[k];
                    right += v * rightGains[k];
                }
            }
            Left[i] = left;
            if (Right is not null) Right[i] = right;
            if (++st.Write == size) st.Write = 0;
        }
        st.Clock = clock + produced;
        return Finish(block, produced);
    }

    public override IEnumerable<Signal> Children => [signal];
}
