using Waves.Engine.Patching;
using Waves.Engine.Rendering;

namespace Waves.Engine.Nodes;

public enum EnvelopeStage { Attack, Decay, Sustain, Release, Done }

public sealed class EnvelopeState : NodeState
{
    public EnvelopeStage Stage;
    /// <summary>Frames since the last (re)trigger.</summary>
    public long Count;
    /// <summary>Value of <see cref="Count"/> when the current stage began.</summary>
    public long StageStart;
    /// <summary>Current level, and the level the current stage started from.</summary>
    public double Level, StartLevel;
    public bool PreviousGate = true;
    public float LastTrigger;

    public override void CopyFrom(NodeState other)
    {
        base.CopyFrom(other);
        var o = (EnvelopeState)other;
        (Stage, Count, StageStart, Level, StartLevel, PreviousGate, LastTrigger) =
            (o.Stage, o.Count, o.StageStart, o.Level, o.StartLevel, o.PreviousGate, o.LastTrigger);
    }
}

/// <summary>
/// <c>envelope</c>: ADSR over a signal (or 1.0), timed by duration, by a gate or by trigger edges.
/// The original worked per 2048-frame chunk; here every stage boundary falls on its exact frame:
/// a trigger edge retriggers at its own sample, a gate is read per sample, the release starts
/// from the level actually reached (the original restarted it from 1.0 when attack was 0, and let
/// an attack run on after the gate closed), and the envelope ends on the frame its release ends.
/// A retrigger starts the new attack from the current level, without a click.
/// </summary>
public sealed class Envelope : Signal
{
    public static readonly NodeInfo Info = new(
        "envelope", "attack, decay, sustain, release over a signal", "mono or stereo, as the signal",
        [
            new("attack", ParamKind.Wave, "attack time in seconds") { Default = 0, Min = 0 },
            new("decay", ParamKind.Wave, "decay time in seconds") { Default = 0, Min = 0 },
            new("sustain", ParamKind.Wave, "sustain level") { Default = 1, Min = 0 },
            new("release", ParamKind.Wave, "release time in seconds") { Default = 0, Min = 0 },
            new("sustain_duration", ParamKind.Wave, "hold time at the sustain level before release (without a gate)") { Min = 0 },
            new("gate", ParamKind.Wave, "held while ≥ 0.5; a rising gate retriggers"),
            new("trigger", ParamKind.Wave, "a rising edge through 0.5 retriggers"),
            new("signal", ParamKind.Wave, "the signal to shape (default 1: the envelope itself)") { Default = 1 },
            new("end", ParamKind.Bool, "end once the release completes (default: true without a gate or trigger)"),
        ],
        ExtraKeys.Ignore,
        Compile);

    readonly EnvelopeState state;
    readonly FramesWave attack, decay, release;
    readonly Wave sustain;
    readonly FramesWave? sustainDuration;
    readonly Wave? gate, trigger;
    readonly Signal signal;
    readonly bool end;
    readonly long duration;
    readonly double sampleRate;
    readonly float[] s, g, tr;

    static Signal Compile(NodeSpec spec, CompileScope scope)
    {
        var state = scope.Bind<EnvelopeState>(spec);
        var signal = scope.WithDuration(spec.Duration).CompileSignal(spec.Get("signal"), state, 1);
        return new Envelope(spec, scope, state, signal);
    }

    Envelope(NodeSpec spec, CompileScope scope, EnvelopeState state, Signal signal) : base(spec, scope.MaxBlock, signal.IsStereo)
    {
        this.state = state;
        this.signal = signal;
        var children = scope.WithDuration(spec.Duration);
        FramesWave Frames(string name) => new(children.CompileWave(spec.Get(name), 0, spec, name), scope.SampleRate, scope.MaxBlock);
        attack = Frames("attack");
        decay = Frames("decay");
        release = Frames("release");
        sustain = children.CompileWave(spec.Get("sustain"), 1, spec, "sustain");
        sustainDuration = Optional(spec, children, "sustain_duration") is { } sdw ? new FramesWave(sdw, scope.SampleRate, scope.MaxBlock) : null;
        gate = Optional(spec, children, "gate");
        trigger = Optional(spec, children, "trigger");
        // An envelope that can be started again (gate or trigger) waits for that instead of ending,
        // unless told to end; once ended it stays ended, so the end falls on the same frame for any block size.
        end = spec.Get("end") is Value.Number e ? e.V != 0 : gate is null && trigger is null;
        sampleRate = scope.SampleRate;
        duration = spec.Duration is { } dur ? FramesWave.ToFrames(dur, sampleRate) : -1;
        var n = scope.MaxBlock;
        s = new float[n]; g = new float[n]; tr = new float[n];
    }

    static Wave? Optional(NodeSpec spec, CompileScope scope, string name) =>
        spec.Get(name) is { } v and not Value.Null ? scope.CompileWave(v, 0, spec, name) : null;

    protected override int Render(in Block block)
    {
        var n = block.Count;
        var clock = state.Clock;
        if (state.Stage == EnvelopeStage.Done && end) return Finish(block, 0);
        signal.Pull(block);
        attack.Fill(block, clock);
        decay.Fill(block, clock);
        sustain.Fill(block, clock, s);
        release.Fill(block, clock);
        sustainDuration?.Fill(block, clock);
        gate?.Fill(block, clock, g);
        trigger?.Fill(block, clock, tr);
        var produced = n;
        for (var i = 0; i < n; i++)
        {
            Step(i);
            if (state.Stage == EnvelopeStage.Done && end)
            {
                produced = i;
                break;
            }
            var level = (float)state.Level;
            Left[i] = signal.Left[i] * level;
            if (Right is not null) Right[i] = signal.Right![i] * level;
            state.Count++;
        }
        state.Clock = clock + produced;
        return Finish(block, produced);
    }

    void Step(int i)
    {
        var st = state;
        var retrigger = false;
        if (trigger is not null)
        {
            if (st.LastTrigger < 0.5f && tr[i] >= 0.5f) retrigger = true;
            st.LastTrigger = tr[i];
        }
        bool inSustain;
        long A = attack.At(i), D = decay.At(i), R = release.At(i);
        if (gate is not null)
        {
            var high = g[i] >= 0.5f;
            if (high && !st.PreviousGate) retrigger = true;
            st.PreviousGate = high;
            if (retrigger) Retrigger();
            inSustain = high;
        }
        else
        {
            if (retrigger) Retrigger();
            if (sustainDuration is not null) inSustain = st.Count < A + D + sustainDuration.At(i);
            else if (duration >= 0) inSustain = st.Count < A + D + Math.Max(0, duration - A - D - R);
            else inSustain = true;
        }
        if (!inSustain && st.Stage < EnvelopeStage.Release) Enter(EnvelopeStage.Release);

        var j = st.Count - st.StageStart;
        switch (st.Stage)
        {
            case EnvelopeStage.Attack when j < A:
                st.Level = st.StartLevel + (1 - st.StartLevel) * Shapes.Rise(j, A);
                return;
            case EnvelopeStage.Attack:
                Enter(EnvelopeStage.Decay);
                goto case EnvelopeStage.Decay;
            case EnvelopeStage.Decay:
                j = st.Count - st.StageStart;
                if (j < D) { st.Level = s[i] + (1 - s[i]) * Shapes.Fall(j, D); return; }
                Enter(EnvelopeStage.Sustain);
                goto case EnvelopeStage.Sustain;
            case EnvelopeStage.Sustain:
                st.Level = s[i];
                return;
            case EnvelopeStage.Release when j < R:
                st.Level = st.StartLevel * Shapes.Fall(j, R);
                return;
            case EnvelopeStage.Release:
                st.Level = 0;
                st.Stage = EnvelopeStage.Done;
                return;
            default:
                st.Level = 0;
                return;
        }
    }

    void Enter(EnvelopeStage stage)
    {
        state.Stage = stage;
        state.StageStart = state.Count;
        state.StartLevel = state.Level;
    }

    void Retrigger()
    {
        state.Count = 0;
        Enter(EnvelopeStage.Attack);
    }

    public override IEnumerable<Signal> Children =>
        new[] { attack.Seconds, decay.Seconds, sustain, release.Seconds, sustainDuration?.Seconds, gate, trigger }.SelectMany(w => w?.Children ?? [])
            .Append(signal);
}
