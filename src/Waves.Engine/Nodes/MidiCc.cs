using Waves.Engine.Midi;
using Waves.Engine.Patching;
using Waves.Engine.Rendering;

namespace Waves.Engine.Nodes;

public sealed class MidiCcState : NodeState
{
    /// <summary>The controller value heard last (normalised 0–1), the value output now, the step
    /// towards the target per frame and the frames left to get there.</summary>
    public double Target, Value, Step;
    public int RampLeft;
    public bool Started;

    public override void CopyFrom(NodeState other)
    {
        base.CopyFrom(other);
        var o = (MidiCcState)other;
        (Target, Value, Step, RampLeft, Started) = (o.Target, o.Value, o.Step, o.RampLeft, o.Started);
    }
}

/// <summary>
/// <c>midi_cc</c>: a controller of the session's MIDI as a control signal, 0–127 normalised to 0–1
/// and mapped onto <c>range</c> (each bound a wave, per sample). Before any value arrives it is
/// <c>initial</c> (normalised, as in the original; its README wrongly says output units). A new
/// value takes effect on the frame of its message and is reached in a straight line over
/// 2048 frames at 44.1 kHz (the original's chunk, over which it ramped), whatever the block size;
/// the original ramped over whatever chunk it rendered. Any number of nodes may read one controller.
/// <c>cc</c> is a number here (the original read a wave once per chunk). Never ends; mono.
/// </summary>
public sealed class MidiCc : Signal
{
    public static readonly NodeInfo Info = new(
        "midi_cc", "a MIDI controller as a control signal", "mono",
        [
            new("cc", ParamKind.Number, "controller number 0–127") { Default = 0, Min = 0, Max = 127 },
            new("channel", ParamKind.Number, "MIDI channel 0–15") { Default = 0, Min = 0, Max = 15 },
            new("initial", ParamKind.Number, "value before the controller moves, normalised 0–1 (mapped onto range)") { Default = 0.5 },
            new("range", ParamKind.List, "[lo, hi]: what 0 and 127 map to (each bound a wave)"),
            new("device", ParamKind.String, "the MIDI input (a name or an alias of waves.config.yaml); default: any"),
        ],
        ExtraKeys.Forbid,
        Compile);

    /// <summary>Frames at 44.1 kHz over which a new value is reached.</summary>
    const double RampAt44k = 2048;

    readonly MidiCcState state;
    readonly MidiInput midi;
    readonly Wave lo, hi;
    readonly float[] los, his;
    readonly byte? device;
    readonly int channel, cc, rampFrames;
    readonly double initial;

    MidiCc(NodeSpec spec, CompileScope scope, MidiCcState state, Wave lo, Wave hi, byte? device, int channel, int cc, double initial)
        : base(spec, scope.MaxBlock, false)
    {
        this.state = state;
        midi = scope.Env.Inputs.Midi;
        (this.lo, this.hi, this.device, this.channel, this.cc, this.initial) = (lo, hi, device, channel, cc, initial);
        los = new float[scope.MaxBlock];
        his = new float[scope.MaxBlock];
        rampFrames = Math.Max(1, (int)Math.Round(RampAt44k * scope.SampleRate / 44100));
    }

    static Signal Compile(NodeSpec spec, CompileScope scope)
    {
        var state = scope.Bind<MidiCcState>(spec);
        var children = scope.WithDuration(spec.Duration);
        var channel = MidiParams.Integer(spec, scope, "channel", 0, 15, 0);
        var cc = MidiParams.Integer(spec, scope, "cc", 0, 127, 0);
        var initial = spec.Get("initial") is Value.Number i ? i.V : 0.5;
        Wave lo = new ConstWave(0), hi = new ConstWave(1);
        switch (spec.Get("range"))
        {
            case Value.List { Items.Length: 2 } pair:
                lo = children.CompileWave(pair.Items[0], 0, spec, "range/0");
                hi = children.CompileWave(pair.Items[1], 1, spec, "range/1");
                break;
            case Value.List bad:
                scope.Env.Error(bad.Pos, $"'range' of 'midi_cc' is written [lo, hi], got {bad.Items.Length} values");
                break;
            case null or Value.Null:
                break;
            case var other:
                scope.Env.Error(other.Pos, $"'range' of 'midi_cc' is written [lo, hi], got {other.Describe()}");
                break;
        }
        return new MidiCc(spec, scope, state, lo, hi, MidiParams.Device(spec, scope), channel, cc, initial);
    }

    protected override int Render(in Block block)
    {
        var n = block.Count;
        var clock = state.Clock;
        lo.Fill(block, clock, los);
        hi.Fill(block, clock, his);
        var s = state;
        var known = midi.Controller(device, channel, cc);
        if (!s.Started)
        {
            s.Value = s.Target = known >= 0 ? known / 127.0 : initial;
            s.Started = true;
            // A value arriving on this very first frame (a persisted one) is where it starts, not a ramp.
            foreach (var m in midi.Window)
                if (m.Frame == block.Frame && Matches(m)) s.Value = s.Target = m.Data2 / 127.0;
        }
        else if (block.Frame == midi.WindowStart && known >= 0 && known / 127.0 != s.Target)
            Retarget(known / 127.0); // changed while this node was not rendering
        var window = midi.Window;
        var next = 0;
        while (next < window.Length && window[next].Frame < block.Frame) next++;
        for (var i = 0; i < n; i++)
        {
            var frame = block.Frame + i;
            for (; next < window.Length && window[next].Frame == frame; next++)
                if (Matches(window[next]) && window[next].Data2 / 127.0 != s.Target) Retarget(window[next].Data2 / 127.0);
            if (s.RampLeft > 0) s.Value = --s.RampLeft == 0 ? s.Target : s.Value + s.Step;
            Left[i] = (float)(los[i] + s.Value * ((double)his[i] - los[i]));
        }
        s.Clock = clock + n;
        return n;
    }

    bool Matches(in MidiMessage m) =>
        m.IsControlChange && m.Channel == channel && m.Data1 == cc && MidiParams.Hears(device, m.Device);

    void Retarget(double target)
    {
        state.Target = target;
        state.Step = (target - state.Value) / rampFrames;
        state.RampLeft = rampFrames;
    }

    public override IEnumerable<Signal> Children => lo.Children.Concat(hi.Children);
}
