using Waves.Engine.Expressions;
using Waves.Engine.Kernels;
using Waves.Engine.Patching;
using Waves.Engine.Rendering;

namespace Waves.Engine.Nodes;

public enum Waveform { Sin, Cos, Tri, Sqr, Saw, Ramp, Noise, Perlin, Wander, None }

public sealed class OscillatorState : NodeState
{
    /// <summary>Phase as a fixed-point fraction of a cycle (2^64 is one cycle): integer steps are
    /// exact, so the phase reached does not depend on how the samples were grouped into blocks.</summary>
    public ulong Phase;
    public double WanderPosition, WanderVelocity;

    public override void CopyFrom(NodeState other)
    {
        base.CopyFrom(other);
        var o = (OscillatorState)other;
        (Phase, WanderPosition, WanderVelocity) = (o.Phase, o.WanderPosition, o.WanderVelocity);
    }
}

/// <summary>
/// <c>osc</c>: periodic waveforms, seeded noise, Perlin noise and a damped random walk.
/// Every parameter is read per sample, attack and release included (the original read those
/// once per 2048-frame chunk). Phase advances before each sample, as in the original's
/// cumulative sum, so sample 0 already carries one increment.
/// Noise is seeded (session seed and node id, or <c>seed:</c>), Gaussian like the original's.
/// </summary>
public sealed class Oscillator : Signal
{
    public static readonly NodeInfo Info = new(
        "osc", "oscillator: periodic waveforms, noise, perlin and wander", "mono",
        [
            new("type", ParamKind.Enum, "waveform") { DefaultText = "sin", Choices = ["sin", "cos", "tri", "sqr", "saw", "ramp", "noise", "perlin", "wander", "none"] },
            new("freq", ParamKind.Wave, "frequency in Hz") { Default = 1, Min = 0 },
            new("amp", ParamKind.Wave, "amplitude (before attack, release and range)") { Default = 1 },
            new("phase", ParamKind.Wave, "phase modulation in radians, added to the running phase") { Default = 0 },
            new("pulse_width", ParamKind.Wave, "duty cycle of sqr") { Default = 0.5, Min = 0, Max = 1 },
            new("attack", ParamKind.Wave, "fade-in time in seconds") { Default = 0, Min = 0 },
            new("release", ParamKind.Wave, "fade-out time in seconds before the end of duration") { Default = 0, Min = 0 },
            new("scale", ParamKind.Number, "rate of perlin and wander") { Default = 1 },
            new("seed", ParamKind.Number, "seed of noise, perlin and wander (0 or absent: from the session seed and node id, and new noise at each start of a voice)"),
            new("range", ParamKind.List, "[min, max]: maps the output from -1…1 to this range (each bound a wave)"),
            new("freq_interpolation", ParamKind.Enum, "accepted for compatibility; has no effect") { Choices = ["linear", "smooth", "step"] },
            new("amp_interpolation", ParamKind.Enum, "accepted for compatibility; has no effect") { Choices = ["linear", "smooth", "step"] },
        ],
        ExtraKeys.Forbid,
        Compile);

    readonly OscillatorState state;
    readonly Waveform type;
    readonly Wave freq, amp, pulseWidth;
    readonly FramesWave attack, release;
    readonly Wave? phaseMod, rangeMin, rangeMax;
    readonly long total;
    readonly double sampleRate, scale;
    readonly ulong seed;
    /// <summary>Inside a sequencer or spawn voice without its own <c>seed:</c>: the voice, whose start
    /// number is mixed into the noise so that each start is new noise.</summary>
    readonly IVoiceOrdinal? voice;
    readonly Perlin? perlin;
    readonly float[] freqBuf, ampBuf, pmBuf, pwBuf, minBuf, maxBuf;
    readonly uint[] cycleBuf;
    readonly ulong constantIncrement;

    Oscillator(NodeSpec spec, CompileScope scope) : base(spec, scope.MaxBlock, false)
    {
        state = scope.Bind<OscillatorState>(spec);
        var children = scope.WithDuration(spec.Duration);
        type = Enum.Parse<Waveform>((spec.Get("type") as Value.Text)?.V ?? "sin", ignoreCase: true);
        freq = children.CompileWave(spec.Get("freq"), 1, spec, "freq");
        amp = children.CompileWave(spec.Get("amp"), 1, spec, "amp");
        phaseMod = spec.Get("phase") is { } pm ? children.CompileWave(pm, 0, spec, "phase") : null;
        pulseWidth = children.CompileWave(spec.Get("pulse_width"), 0.5, spec, "pulse_width");
        attack = new FramesWave(children.CompileWave(spec.Get("attack"), 0, spec, "attack"), scope.SampleRate, scope.MaxBlock);
        release = new FramesWave(children.CompileWave(spec.Get("release"), 0, spec, "release"), scope.SampleRate, scope.MaxBlock);
        if (spec.Get("range") is Value.List { Items.Length: 2 } range)
        {
            rangeMin = children.CompileWave(range.Items[0], -1, spec, "range/0");
            rangeMax = children.CompileWave(range.Items[1], 1, spec, "range/1");
        }
        else if (spec.Get("range") is { } bad and not Value.Null)
            scope.Env.Error(bad.Pos, "range is written [min, max]");
        sampleRate = scope.SampleRate;
        constantIncrement = freq.IsConstant ? OscKernels.Increment(freq.Constant, sampleRate) : 0;
        total = spec.Duration is { } d ? (long)(d * sampleRate) : long.MaxValue;
        scale = spec.Get("scale") is Value.Number s ? s.V : 1;
        seed = scope.SeedFor(spec);
        voice = spec.Get("seed") is Value.Number { V: not 0 } ? null : scope.VoiceOrdinal;
        if (type == Waveform.Perlin) perlin = new Perlin(seed);
        var n = scope.MaxBlock;
        freqBuf = new float[n]; ampBuf = new float[n]; pmBuf = new float[n]; pwBuf = new float[n];
        minBuf = new float[n]; maxBuf = new float[n];
        cycleBuf = new uint[n];
    }

    static Signal Compile(NodeSpec spec, CompileScope scope) => new Oscillator(spec, scope);

    protected override int Render(in Block block)
    {
        var clock = state.Clock;
        var n = (int)Math.Min(block.Count, Math.Max(0, total - clock));
        RenderedFinite = false;
        if (n == 0) return Finish(block, 0);
        var sub = block with { Count = n };
        var outp = Left.AsSpan(0, n);
        // A sine of at most 1 times a moderate constant, with no fades or range after it, is finite.
        if (RenderWaveform(sub, clock, outp))
            RenderedFinite = Math.Abs(amp.Constant) <= 1e30f && rangeMin is null && attack.IsZero && release.IsZero;
        else if (type != Waveform.None)
        {
            // x·1 is x: a constant amplitude of 1 needs no pass.
            if (!amp.IsConstant) { amp.Fill(sub, clock, ampBuf); SpanMath.Multiply(outp, ampBuf.AsSpan(0, n)); }
            else if (amp.Constant != 1f) SpanMath.Scale(outp, amp.Constant);
        }
        ApplyFades(sub, clock, outp);
        if (rangeMin is not null && rangeMax is not null)
        {
            rangeMin.Fill(sub, clock, minBuf);
            rangeMax.Fill(sub, clock, maxBuf);
            for (var i = 0; i < n; i++)
                outp[i] = minBuf[i] + (outp[i] + 1f) * 0.5f * (maxBuf[i] - minBuf[i]);
        }
        state.Clock = clock + n;
        return Finish(block, n);
    }

    /// <summary>Writes the waveform; true when it applied the amplitude too.</summary>
    bool RenderWaveform(in Block block, long clock, Span<float> outp)
    {
        var n = block.Count;
        switch (type)
        {
            case Waveform.None:
                outp.Clear();
                return false;
            case Waveform.Noise:
                var noiseSeed = DrawSeed();
                for (var i = 0; i < n; i++) outp[i] = (float)Noise.Gaussian(noiseSeed, clock + i);
                return false;
            case Waveform.Perlin:
                for (var i = 0; i < n; i++) outp[i] = (float)perlin!.At((clock + i) / sampleRate * scale);
                return false;
            case Waveform.Wander:
                RenderWander(clock, outp);
                return false;
        }
        if (type is Waveform.Sin or Waveform.Cos && freq.IsConstant && phaseMod is null && amp.IsConstant)
        {
            var offset = type == Waveform.Cos ? 1u << 30 : 0;
            state.Phase = OscKernels.SineConstant(state.Phase, constantIncrement, offset, amp.Constant, outp);
            return true;
        }
        var cycle = cycleBuf.AsSpan(0, n);
        AdvancePhase(block, clock, cycle);
        switch (type)
        {
            case Waveform.Sin:
                OscKernels.Sine(cycle, 0, outp);
                break;
            case Waveform.Cos:
                OscKernels.Sine(cycle, 1u << 30, outp);
                break;
            case Waveform.Tri:
                OscKernels.Triangle(cycle, outp);
                break;
            case Waveform.Sqr:
                pulseWidth.Fill(block, clock, pwBuf);
                OscKernels.Square(cycle, pwBuf.AsSpan(0, n), outp);
                break;
            case Waveform.Saw:
                OscKernels.Saw(cycle, 1f, outp);
                break;
            case Waveform.Ramp:
                OscKernels.Saw(cycle, -1f, outp);
                break;
        }
        return false;
    }

    void AdvancePhase(in Block block, long clock, Span<uint> cycle)
    {
        var n = block.Count;
        state.Phase = freq.IsConstant
            ? OscKernels.AdvanceConstant(state.Phase, constantIncrement, cycle)
            : OscKernels.AdvanceVarying(state.Phase, FillFreq(block, clock), sampleRate, cycle);
        if (phaseMod is not null)
        {
            phaseMod.Fill(block, clock, pmBuf);
            const double CyclesPerRadian = 1 / (2 * Math.PI);
            for (var i = 0; i < n; i++) cycle[i] += OscKernels.CycleOffset(pmBuf[i] * CyclesPerRadian);
        }
    }

    ReadOnlySpan<float> FillFreq(in Block block, long clock)
    {
        freq.Fill(block, clock, freqBuf);
        return freqBuf.AsSpan(0, block.Count);
    }

    ulong DrawSeed() => IVoiceOrdinal.Seed(seed, voice);

    void RenderWander(long clock, Span<float> outp)
    {
        var walkSeed = DrawSeed();
        double p = state.WanderPosition, v = state.WanderVelocity;
        var step = Math.Max(0.001, scale);
        for (var i = 0; i < outp.Length; i++)
        {
            v += Noise.Gaussian(walkSeed, clock + i) * step;
            v *= 0.95;
            p += v / sampleRate;
            outp[i] = (float)DetMath.Tanh(p);
        }
        state.WanderPosition = p;
        state.WanderVelocity = v;
    }

    /// <summary>Attack from the start, release ending at <c>duration</c>, both read per sample.</summary>
    void ApplyFades(in Block block, long clock, Span<float> outp)
    {
        var n = block.Count;
        if (!attack.IsZero)
        {
            attack.Fill(block, clock);
            for (var i = 0; i < n; i++)
            {
                var len = attack.At(i);
                var k = clock + i;
                if (k < len) outp[i] *= (float)Shapes.Rise(k, len);
            }
        }
        if (total != long.MaxValue && !release.IsZero)
        {
            release.Fill(block, clock);
            for (var i = 0; i < n; i++)
            {
                var len = release.At(i);
                var start = Math.Max(0, total - len);
                var k = clock + i;
                if (len > 0 && k >= start) outp[i] *= (float)Shapes.Fall(k - start, len);
            }
        }
    }

    public override IEnumerable<Signal> Children =>
        new[] { freq, amp, pulseWidth, attack.Seconds, release.Seconds, phaseMod, rangeMin, rangeMax }
            .SelectMany(w => w?.Children ?? []);
}
