using Waves.Engine.Kernels;
using Waves.Engine.Patching;
using Waves.Engine.Rendering;

namespace Waves.Engine.Nodes;

public sealed class PitchState : NodeState
{
    /// <summary>Longest history kept, in frames: enough for a lowest frequency of sample rate / 8190.</summary>
    public const int Capacity = 16384;

    /// <summary>The most recent input frames, circular (frame k at k mod <see cref="Capacity"/>).</summary>
    public float[] Ring = new float[Capacity];

    /// <summary>Frames written to <see cref="Ring"/> so far.</summary>
    public long Pushed;

    /// <summary>The frequency output now (smoothed).</summary>
    public double Freq;

    public override void CopyFrom(NodeState other)
    {
        base.CopyFrom(other);
        var o = (PitchState)other;
        if (o.Ring.Length == Ring.Length) Array.Copy(o.Ring, Ring, Ring.Length);
        else Ring = (float[])o.Ring.Clone();
        (Pushed, Freq) = (o.Pushed, o.Freq);
    }
}

/// <summary>
/// <c>pitch</c>: the frequency of its signal in Hz, as a control signal (0 where there is no pitch).
/// A YIN detector (<see cref="PitchDetector"/>) runs every 512 frames of the node's clock (every 64
/// with <c>per_sample</c>) on the most recent frames, so the output steps at the same frames for any
/// block size; the history is state and survives reloads. <c>smoothing</c> is the share of the old
/// value kept per 2048 frames (the original's chunk), applied at each detection, towards 0 too.
/// <para>Deliberate differences from the original: its plain autocorrelation took the largest lag
/// value, so low smooth tones were read an octave or more high (a 100 Hz sine as 1002 Hz) and the
/// period was a whole number of frames (440 Hz read as 441); here a 100 Hz sine reads 100 Hz and
/// sines from 80 Hz to 2 kHz and harmonic tones read within a fraction of a percent. The first
/// value comes once enough frames are in (about two periods of <c>min_freq</c>), where the original
/// reported its first chunk at once. <c>per_sample</c> detects every 64 frames instead of at every
/// frame (which cost the original a detection per sample).</para>
/// </summary>
public sealed class Pitch : Signal
{
    const int Hop = 512, FineHop = 64, ChunkOfOriginal = 2048;

    public static readonly NodeInfo Info = new(
        "pitch", "the frequency of its signal, in Hz (0 where there is none)", "mono",
        [
            new("signal", ParamKind.Wave, "the signal to follow (stereo is averaged)"),
            new("min_freq", ParamKind.Number, "lowest frequency detected, Hz") { Default = 80, Min = 0 },
            new("max_freq", ParamKind.Number, "highest frequency detected, Hz") { Default = 1000, Min = 0 },
            new("per_sample", ParamKind.Bool, "detect every 64 frames instead of every 512"),
            new("smoothing", ParamKind.Number, "share of the previous value kept per 2048 frames") { Default = 0, Min = 0, Max = 0.99 },
        ],
        ExtraKeys.Ignore,
        Compile);

    readonly PitchState state;
    readonly Signal signal;
    readonly PitchDetector detector;
    readonly float[] frame;
    readonly int hop;
    readonly double keep;
    readonly long total;

    Pitch(NodeSpec spec, CompileScope scope, PitchState state, Signal signal, PitchDetector detector, int hop, double smoothing)
        : base(spec, scope.MaxBlock, false)
    {
        this.state = state;
        this.signal = signal;
        this.detector = detector;
        this.hop = hop;
        frame = new float[detector.FrameLength];
        keep = DetMath.Pow(smoothing, (double)hop / ChunkOfOriginal);
        total = spec.Duration is { } d ? FramesWave.ToFrames(d, scope.SampleRate) : long.MaxValue;
    }

    static Signal Compile(NodeSpec spec, CompileScope scope)
    {
        var state = scope.Bind<PitchState>(spec);
        var signal = scope.WithDuration(spec.Duration).CompileSignal(spec.Get("signal"), state);
        var lo = spec.Get("min_freq") is Value.Number a ? a.V : 80;
        var hi = spec.Get("max_freq") is Value.Number b ? b.V : 1000;
        var nyquist = scope.SampleRate / 2.0;
        var lowest = scope.SampleRate / (PitchState.Capacity / 2.0 - 2);
        if (!(lo >= lowest))
        {
            scope.Env.Warning(spec.Get("min_freq")?.Pos ?? spec.Pos, $"min_freq of 'pitch' is raised to {lowest:0.##} Hz, the lowest it can follow");
            lo = lowest;
        }
        if (!(hi > lo) || !(hi <= nyquist))
        {
            var at = spec.Get("max_freq")?.Pos ?? spec.Pos;
            scope.Env.Error(at, $"max_freq of 'pitch' must be above min_freq ({lo:0.##} Hz) and at most half the sample rate ({nyquist} Hz)");
        }
        var smoothing = spec.Get("smoothing") is Value.Number { V: >= 0 } s ? Math.Min(s.V, 0.99) : 0;
        var hop = spec.Get("per_sample") is Value.Number { V: not 0 } ? FineHop : Hop;
        // After an error the node is never played, but it is still built: with values that work.
        lo = Math.Min(lo, nyquist / 4);
        hi = double.IsNaN(hi) ? nyquist : Math.Clamp(hi, lo * 1.01, nyquist);
        var detector = new PitchDetector(scope.SampleRate, lo, hi);
        return new Pitch(spec, scope, state, signal, detector, hop, smoothing);
    }

    protected override int Render(in Block block)
    {
        var clock = state.Clock;
        var n = (int)Math.Min(block.Count, Math.Max(0, total - clock));
        if (n == 0) return Finish(block, 0);
        n = Math.Min(n, signal.Pull(block));
        var st = state;
        var ring = st.Ring;
        var l = signal.Left;
        var r = signal.Right;
        var need = frame.Length;
        for (var i = 0; i < n; i++)
        {
            ring[(int)(st.Pushed % ring.Length)] = r is null ? l[i] : (l[i] + r[i]) * 0.5f;
            st.Pushed++;
            if (st.Pushed >= need && (st.Pushed % hop == 0 || st.Pushed == need))
                st.Freq = st.Freq * keep + Detect() * (1 - keep);
            Left[i] = (float)st.Freq;
        }
        st.Clock = clock + n;
        return Finish(block, n);
    }

    /// <summary>Detection on the last frames written, copied out of the ring in order.</summary>
    double Detect()
    {
        var ring = state.Ring;
        var start = (int)((state.Pushed - frame.Length) % ring.Length);
        var first = Math.Min(frame.Length, ring.Length - start);
        ring.AsSpan(start, first).CopyTo(frame);
        ring.AsSpan(0, frame.Length - first).CopyTo(frame.AsSpan(first));
        return detector.Detect(frame);
    }

    public override IEnumerable<Signal> Children => [signal];
}
