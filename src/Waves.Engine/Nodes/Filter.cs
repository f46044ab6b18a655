using System.Collections.Immutable;
using Waves.Engine.Patching;
using Waves.Engine.Rendering;

namespace Waves.Engine.Nodes;

public sealed class FilterState : NodeState
{
    /// <summary>Filter memory of the left (or only) and the right channel; at an odd <see cref="NodeState.Clock"/>,
    /// the memory at the start of the unfinished pair.</summary>
    public double L1, L2, R1, R2;

    /// <summary>At an odd clock: the coefficients and the inputs of the unfinished pair's first half.</summary>
    public double HeldC1, HeldC2, HeldC3, HeldL, HeldR;

    public override void CopyFrom(NodeState other)
    {
        base.CopyFrom(other);
        var o = (FilterState)other;
        (L1, L2, R1, R2) = (o.L1, o.L2, o.R1, o.R2);
        (HeldC1, HeldC2, HeldC3, HeldL, HeldR) = (o.HeldC1, o.HeldC2, o.HeldC3, o.HeldL, o.HeldR);
    }
}

/// <summary>
/// <c>filter</c>: a resonant low-pass, high-pass, band-pass or notch with the response of the RBJ
/// cookbook biquad (see <see cref="Svf"/>), the original's mapping of <c>peak</c> to Q and its 1/√Q
/// gain compensation above Q = 1. A stereo signal is filtered per channel, each with its own memory.
/// <para>Deliberate differences from the original: <c>cutoff</c> and <c>peak</c> are read per
/// sample and the coefficients follow them sample by sample (the original applied a slow sweep as
/// per-chunk steps of the chunk's mean and read peak once per chunk), so the output is the same for
/// any block size; the type aliases (<c>lp</c>, <c>hpf</c>, <c>band</c> …) work and <c>notch</c>
/// exists; Q is clamped to [0.1, 1000], so a very negative peak no longer breaks the filter.
/// The cutoff is clamped as in the original, to [20 Hz, rate/2 − 100 Hz] (at low rates, to at
/// most 0.45 of the rate at the top).</para>
/// </summary>
public sealed class Filter : Signal
{
    public static readonly NodeInfo Info = new(
        "filter", "resonant filter: low-pass, high-pass, band-pass or notch", "mono or stereo, as the signal",
        [
            new("type", ParamKind.Enum, "filter shape")
            {
                DefaultText = "lowpass",
                Choices = ["lowpass", "highpass", "bandpass", "notch"],
                Aliases = new Dictionary<string, string>
                {
                    ["lp"] = "lowpass", ["lpf"] = "lowpass", ["low"] = "lowpass", ["low_pass"] = "lowpass",
                    ["hp"] = "highpass", ["hpf"] = "highpass", ["high"] = "highpass", ["high_pass"] = "highpass",
                    ["bp"] = "bandpass", ["bpf"] = "bandpass", ["band"] = "bandpass", ["band_pass"] = "bandpass",
                    ["br"] = "notch", ["bandstop"] = "notch", ["band_stop"] = "notch",
                }.ToImmutableDictionary(),
            },
            new("cutoff", ParamKind.Wave, "cutoff (centre) frequency in Hz, clamped to 20 Hz … rate/2 − 100 Hz") { Min = 20 },
            new("peak", ParamKind.Wave, "resonance: −1 → Q 0.5, 0 → Q 0.707, 1 → Q 10, 2 → Q 38") { Default = 0 },
            new("signal", ParamKind.Wave, "the signal to filter"),
        ],
        ExtraKeys.Forbid,
        Compile);

    readonly FilterState state;
    readonly Signal signal;
    readonly FilterShape shape;
    readonly Wave cutoff, peak;
    readonly double sampleRate, minCutoff, maxCutoff;
    readonly float[] cutoffBuf, peakBuf;
    readonly SvfCoefficients coefficients;

    Filter(NodeSpec spec, CompileScope scope, FilterState state, Signal signal) : base(spec, scope.MaxBlock, signal.IsStereo)
    {
        this.state = state;
        this.signal = signal;
        var children = scope.WithDuration(spec.Duration);
        shape = (spec.Get("type") as Value.Text)?.V switch
        {
            "highpass" => FilterShape.Highpass,
            "bandpass" => FilterShape.Bandpass,
            "notch" => FilterShape.Notch,
            _ => FilterShape.Lowpass,
        };
        cutoff = children.CompileWave(spec.Get("cutoff"), 1000, spec, "cutoff");
        peak = children.CompileWave(spec.Get("peak"), 0, spec, "peak");
        sampleRate = scope.SampleRate;
        minCutoff = 20;
        maxCutoff = Math.Max(0.45 * sampleRate, sampleRate / 2 - 100);
        cutoffBuf = new float[scope.MaxBlock];
        peakBuf = new float[scope.MaxBlock];
        coefficients = new SvfCoefficients(shape, sampleRate, minCutoff, maxCutoff, scope.MaxBlock);
    }

    static Signal Compile(NodeSpec spec, CompileScope scope)
    {
        if (spec.Get("cutoff") is null or Value.Null)
            scope.Env.Error(spec.Pos, "'filter' needs 'cutoff': the cutoff frequency in Hz");
        if (spec.Get("signal") is null or Value.Null)
            scope.Env.Error(spec.Pos, "'filter' needs 'signal': the signal to filter");
        var state = scope.Bind<FilterState>(spec);
        var signal = scope.WithDuration(spec.Duration).CompileSignal(spec.Get("signal"), state);
        return new Filter(spec, scope, state, signal);
    }

    protected override int Render(in Block block)
    {
        var got = signal.Pull(block);
        var sub = block with { Count = got };
        var clock = state.Clock;
        cutoff.Fill(sub, clock, cutoffBuf);
        peak.Fill(sub, clock, peakBuf);
        // Coefficients follow the parameters sample by sample, computed for the whole block first
        // (vectorised), so the filter loop itself only carries the state.
        var c = coefficients;
        if (cutoff.IsConstant && peak.IsConstant) c.Constant(cutoff.Constant, peak.Constant, got);
        else c.Compute(cutoffBuf.AsSpan(0, got), peakBuf.AsSpan(0, got), peak.IsConstant);
        // Samples go in pairs anchored to the filter's clock, so an odd clock means a pair is half done.
        var st = state;
        var pending = (clock & 1) != 0;
        c.Pairs(pending, got, cutoff.IsConstant, peak.IsConstant);
        var held = new SvfStep(st.HeldC1, st.HeldC2, st.HeldC3);
        (st.L1, st.L2, st.HeldL) = c.Run(st.L1, st.L2, pending, held, st.HeldL, signal.Left.AsSpan(0, got), Left.AsSpan(0, got));
        if (signal.Right is { } inR)
            (st.R1, st.R2, st.HeldR) = c.Run(st.R1, st.R2, pending, held, st.HeldR, inR.AsSpan(0, got), Right.AsSpan(0, got));
        if (((clock + got) & 1) != 0 && got > 0) (st.HeldC1, st.HeldC2, st.HeldC3) = c.Step(got - 1);
        st.Clock = clock + got;
        return Finish(block, got);
    }

    public override IEnumerable<Signal> Children =>
        new[] { cutoff, peak }.SelectMany(w => w.Children).Append(signal);
}
