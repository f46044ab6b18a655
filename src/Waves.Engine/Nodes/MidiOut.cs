using Waves.Engine.Midi;
using Waves.Engine.Patching;
using Waves.Engine.Rendering;

namespace Waves.Engine.Nodes;

public sealed class MidiOutState : NodeState
{
    public bool On;
    public int Note;
    /// <summary>The controller value sent last (−1: none yet).</summary>
    public int LastValue = -1;

    public override void CopyFrom(NodeState other)
    {
        base.CopyFrom(other);
        var o = (MidiOutState)other;
        (On, Note, LastValue) = (o.On, o.Note, o.LastValue);
    }
}

/// <summary>
/// <c>midi_out</c>: sends MIDI to an output while passing <c>signal</c> through (silence without one).
/// With <c>note</c>, a note sounds while <c>gate</c> ≥ 0.5, or for the first <c>duration</c> seconds;
/// a note on carries <c>velocity</c> (default 100), a change of note while on sends the old note's
/// off first. With <c>cc</c> (and no note), <c>value</c> (0–127, truncated) is sent whenever it changes.
/// Every wave is read per sample, and each message carries the frame it was decided on, so an output
/// backend can place it exactly (the original read one value per chunk, and crashed on every render).
/// The old version of a node being declicked after a reload sends nothing. Ends with its signal.
/// </summary>
public sealed class MidiOut : Signal
{
    public static readonly NodeInfo Info = new(
        "midi_out", "sends notes or a controller to a MIDI output, passing its signal through", "as the signal (mono silence without one)",
        [
            new("device", ParamKind.String, "the MIDI output (a name or an alias of waves.config.yaml); default: the session's output"),
            new("channel", ParamKind.Number, "MIDI channel 0–15") { Default = 0, Min = 0, Max = 15 },
            new("signal", ParamKind.Wave, "passed through"),
            new("note", ParamKind.Wave, "note number to send (0–127, truncated)"),
            new("velocity", ParamKind.Wave, "velocity of note ons (0–127)") { Default = 100 },
            new("gate", ParamKind.Wave, "the note sounds while ≥ 0.5"),
            new("cc", ParamKind.Number, "controller number 0–127 to send value on") { Min = 0, Max = 127 },
            new("value", ParamKind.Wave, "controller value 0–127"),
        ],
        ExtraKeys.Forbid,
        Compile)
    { PassThrough = true };

    readonly MidiOutState state;
    readonly MidiOutput output;
    readonly Signal? signal;
    readonly Wave? note, velocity, gate, value;
    readonly float[] notes, velocities, gates, values;
    readonly long durationFrames;
    readonly int channel, cc;
    readonly byte device;
    readonly bool sends;

    MidiOut(NodeSpec spec, CompileScope scope, MidiOutState state, Signal? signal, Wave? note, Wave? velocity, Wave? gate, Wave? value, int channel, int cc)
        : base(spec, scope.MaxBlock, signal?.IsStereo ?? false)
    {
        this.state = state;
        output = scope.Env.Inputs.MidiOut;
        (this.signal, this.note, this.velocity, this.gate, this.value, this.channel, this.cc) = (signal, note, velocity, gate, value, channel, cc);
        var n = scope.MaxBlock;
        notes = new float[n]; velocities = new float[n]; gates = new float[n]; values = new float[n];
        durationFrames = spec.Duration is { } d ? FramesWave.ToFrames(d, scope.SampleRate) : long.MaxValue;
        device = output.Device(spec.Get("device") is Value.Text { V: var name } ? name.Trim() : null);
        // The old version of a node being crossfaded renders on a copy of the state: only the live one sends.
        sends = scope.Env.Outer is null;
    }

    static Signal Compile(NodeSpec spec, CompileScope scope)
    {
        var state = scope.Bind<MidiOutState>(spec);
        var children = scope.WithDuration(spec.Duration);
        var channel = MidiParams.Integer(spec, scope, "channel", 0, 15, 0);
        var signal = spec.Get("signal") is null or Value.Null ? null : children.CompileSignal(spec.Get("signal"), state);
        Wave? Optional(string name, double fallback) =>
            spec.Get(name) is null or Value.Null ? null : children.CompileWave(spec.Get(name), fallback, spec, name);
        var note = Optional("note", 60);
        var cc = -1;
        Wave? gate = null, velocity = null, value = null;
        if (note is not null)
        {
            gate = Optional("gate", 0);
            velocity = Optional("velocity", 100);
            if (gate is null && spec.Duration is null)
                scope.Env.Error(spec.Pos, "'midi_out' with 'note' needs 'gate' or 'duration': when the note sounds");
        }
        else if (spec.Get("cc") is not (null or Value.Null))
        {
            cc = MidiParams.Integer(spec, scope, "cc", 0, 127, 0);
            value = Optional("value", 0);
            if (value is null) scope.Env.Error(spec.Pos, "'midi_out' with 'cc' needs 'value': what to send");
        }
        else scope.Env.Error(spec.Pos, "'midi_out' needs 'note' (with 'gate' or 'duration') or 'cc' (with 'value')");
        return new MidiOut(spec, scope, state, signal, note, velocity, gate, value, channel, cc);
    }

    protected override int Render(in Block block)
    {
        var n = block.Count;
        var got = n;
        if (signal is not null)
        {
            got = signal.Pull(block);
            signal.Left.AsSpan(0, got).CopyTo(Left);
            if (Right is not null) signal.Right!.AsSpan(0, got).CopyTo(Right);
        }
        else Left.AsSpan(0, n).Clear();
        var clock = state.Clock;
        if (note is not null) Notes(block, clock, got);
        else if (value is not null) Controller(block, clock, got);
        state.Clock = clock + got;
        return Finish(block, got);
    }

    void Notes(in Block block, long clock, int count)
    {
        note!.Fill(block, clock, notes);
        velocity?.Fill(block, clock, velocities);
        gate?.Fill(block, clock, gates);
        var s = state;
        for (var i = 0; i < count; i++)
        {
            var on = gate is not null ? gates[i] >= 0.5f : clock + i < durationFrames;
            var k = Byte(notes[i]);
            if (s.On && (!on || k != s.Note))
            {
                Send(block.Frame + i, MidiMessage.NoteOff, s.Note, 0);
                s.On = false;
            }
            if (on && !s.On)
            {
                Send(block.Frame + i, MidiMessage.NoteOn, k, velocity is null ? 100 : Math.Max(1, Byte(velocities[i])));
                (s.On, s.Note) = (true, k);
            }
        }
    }

    void Controller(in Block block, long clock, int count)
    {
        value!.Fill(block, clock, values);
        for (var i = 0; i < count; i++)
        {
            var v = Byte(values[i]);
            if (v == state.LastValue) continue;
            Send(block.Frame + i, MidiMessage.ControlChange, cc, v);
            state.LastValue = v;
        }
    }

    static int Byte(float x) => float.IsNaN(x) ? 0 : (int)Math.Clamp(x, 0f, 127f);

    void Send(long frame, int kind, int data1, int data2)
    {
        if (sends) output.Send(new MidiMessage(frame, device, (byte)(kind | channel), (byte)data1, (byte)data2));
    }

    public override Signal? PassThrough => signal;

    public override IEnumerable<Signal> Children =>
        new[] { note, velocity, gate, value }.SelectMany(w => w?.Children ?? []).Concat(signal is null ? [] : [signal]);
}
