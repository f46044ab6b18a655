using Waves.Engine.Expressions;
using Waves.Engine.Kernels;
using Waves.Engine.Midi;
using Waves.Engine.Patching;
using Waves.Engine.Rendering;

namespace Waves.Engine.Nodes;

public sealed class MidiInState : NodeState
{
    /// <summary>Notes started so far: the age order stealing goes by.</summary>
    public long Started;

    public override void CopyFrom(NodeState other)
    {
        base.CopyFrom(other);
        Started = ((MidiInState)other).Started;
    }
}

/// <summary>One voice slot of a <c>midi_in</c>: the note it plays, whether the key is held, and its steal fade.</summary>
public sealed class MidiVoiceState : NodeState
{
    public bool Active, Held;
    public long Order;
    public int Note, Velocity;
    /// <summary>Frames left of the steal fade, and its whole length (0: not fading).</summary>
    public int FadeLeft, FadeTotal;

    public override void CopyFrom(NodeState other)
    {
        base.CopyFrom(other);
        var o = (MidiVoiceState)other;
        (Active, Held, Order, Note, Velocity, FadeLeft, FadeTotal) = (o.Active, o.Held, o.Order, o.Note, o.Velocity, o.FadeLeft, o.FadeTotal);
    }
}

/// <summary>
/// <c>midi_in</c>: plays <c>signal</c> as a voice for each note of <c>channel</c> of the session's
/// MIDI, starting on the frame of its note on, whatever the block size (the original started notes
/// at chunk boundaries). A voice sees <c>freq</c>/<c>f</c> (Hz), <c>amp</c>/<c>a</c>/<c>velocity</c>/
/// <c>vel</c>/<c>v</c> (velocity/127), <c>note</c>/<c>n</c> (the note number: <c>n</c> is not shadowed)
/// and <c>gate</c> (1 while the key is held, 0 from its note off) and plays until it ends (an
/// envelope with <c>end: true</c>). When <c>voices</c> are sounding, a new note fades the oldest out
/// over 5 ms and still sounds. The voices are compiled with the patch (slot k's nodes have ids
/// <c>…/signal/k/…</c>), so a note costs no allocation and a reload keeps held notes sounding.
/// Interpolation lists inside a voice span the node's duration (1 s without one: the original's
/// infinite default could not be interpolated). Voices may be stereo. Several <c>midi_in</c> nodes
/// all hear every note (the original let the first one take them all). Never ends.
/// </summary>
public sealed class MidiIn : Signal
{
    public static readonly NodeInfo Info = new(
        "midi_in", "plays a voice of its signal for each MIDI note", "mono, or stereo when the signal is",
        [
            new("signal", ParamKind.Wave, "what each note plays; it sees freq, amp, velocity, note and gate"),
            new("channel", ParamKind.Number, "MIDI channel 0–15") { Default = 0, Min = 0, Max = 15 },
            new("voices", ParamKind.Number, "notes sounding at once; a new one fades the oldest out over 5 ms") { Default = 8, Min = 1, Max = MaxVoices },
            new("device", ParamKind.String, "the MIDI input (a name or an alias of waves.config.yaml); default: any"),
        ],
        ExtraKeys.Forbid,
        Compile);

    public const int MaxVoices = 64;

    /// <summary>Seconds of the steal fade (220 frames at 44.1 kHz, as in the original).</summary>
    const double StealSeconds = 0.005;

    sealed class Values(int size) : ISignalSource
    {
        public readonly float[] Data = new float[size];
        long filled = ISignalSource.UnknownFrame;
        public ReadOnlySpan<float> Current => Data;
        public long Frame => filled;

        public void Set(float value, int count, long frame)
        {
            Data.AsSpan(0, count).Fill(value);
            filled = frame;
        }
    }

    sealed record Voice(Signal Signal, MidiVoiceState Slot, StateWrite Restart, Values Freq, Values Velocity, Values Note, Values Gate);

    static readonly float[] Frequencies = [.. Enumerable.Range(0, 128).Select(k => (float)(440 * DetMath.Pow(2, (k - 69) / 12.0)))];

    readonly MidiInState state;
    readonly MidiInput midi;
    readonly Voice[] voices;
    readonly int limit, channel, fadeFrames;
    readonly byte? device;

    MidiIn(NodeSpec spec, CompileScope scope, MidiInState state, Voice[] voices, int limit, int channel, byte? device)
        : base(spec, scope.MaxBlock, voices.Length > 0 && voices[0].Signal.IsStereo)
    {
        this.state = state;
        midi = scope.Env.Inputs.Midi;
        (this.voices, this.limit, this.channel, this.device) = (voices, limit, channel, device);
        fadeFrames = Math.Max(1, (int)Math.Round(StealSeconds * scope.SampleRate));
    }

    static Signal Compile(NodeSpec spec, CompileScope scope)
    {
        var state = scope.Bind<MidiInState>(spec);
        if (spec.Get("signal") is null or Value.Null)
            scope.Env.Error(spec.Pos, "'midi_in' needs 'signal': what each note plays");
        var channel = MidiParams.Integer(spec, scope, "channel", 0, 15, 0);
        var limit = MidiParams.Integer(spec, scope, "voices", 1, MaxVoices, 8);
        var children = scope.WithDuration(spec.Duration ?? scope.Duration ?? 1);
        // Room for as many voices again while stolen ones fade out.
        var voices = new Voice[limit * 2];
        for (var k = 0; k < voices.Length; k++)
        {
            var prefix = $"{spec.Id}/signal/{k}";
            var value = spec.Get("signal") is Value.Node node ? new Value.Node(VoiceSpecs.ForSlot(node.Spec, spec.Id, "signal", k)) : spec.Get("signal");
            var slot = scope.Env.States.Bind<MidiVoiceState>(prefix + "#voice");
            Values freq = new(scope.MaxBlock), velocity = new(scope.MaxBlock), note = new(scope.MaxBlock), gate = new(scope.MaxBlock);
            var inner = children;
            foreach (var name in (string[])["freq", "f"]) inner = inner.WithName(name, new NameBinding.Signal(freq));
            foreach (var name in (string[])["amp", "a", "velocity", "vel", "v"]) inner = inner.WithName(name, new NameBinding.Signal(velocity));
            foreach (var name in (string[])["note", "n"]) inner = inner.WithName(name, new NameBinding.Signal(note));
            inner = inner.WithName("gate", new NameBinding.Signal(gate));
            var signal = inner.CompileSignal(value, slot);
            var fresh = scope.Env.States.Bound
                .Where(kv => kv.Value != slot && (kv.Key.StartsWith(prefix + "/", StringComparison.Ordinal) || kv.Key.StartsWith(prefix + "#", StringComparison.Ordinal)))
                .Select(kv => (kv.Value, kv.Value.Fresh()))
                .ToArray();
            voices[k] = new Voice(signal, slot, new StateWrite(fresh), freq, velocity, note, gate);
        }
        return new MidiIn(spec, scope, state, voices, limit, channel, MidiParams.Device(spec, scope));
    }

    protected override int Render(in Block block)
    {
        var n = block.Count;
        Left.AsSpan(0, n).Clear();
        Right?.AsSpan(0, n).Clear();
        var from = 0;
        var end = block.Frame + n;
        foreach (var m in midi.Window)
        {
            if (m.Frame < block.Frame || m.Frame >= end) continue;
            if (m.Kind is not (MidiMessage.NoteOn or MidiMessage.NoteOff) || m.Channel != channel || !MidiParams.Hears(device, m.Device)) continue;
            var at = (int)(m.Frame - block.Frame);
            Play(block, from, at);
            from = at;
            if (m.IsNoteOn) Start(m.Frame, m.Data1, m.Data2);
            else Release(m.Data1);
        }
        Play(block, from, n);
        state.Clock += n;
        return n;
    }

    void Start(long frame, int note, int velocity)
    {
        Voice? oldest = null, pick = null;
        var sounding = 0;
        foreach (var v in voices)
        {
            var s = v.Slot;
            if (!s.Active) { pick ??= v; continue; }
            if (s.FadeTotal > 0) continue;
            sounding++;
            if (oldest is null || s.Order < oldest.Slot.Order) oldest = v;
        }
        if (sounding >= limit && oldest is not null)
            oldest.Slot.FadeLeft = oldest.Slot.FadeTotal = fadeFrames;
        if (pick is null)
            // Every slot busy (stolen voices still fading): the oldest of all is cut.
            foreach (var v in voices)
                if (pick is null || v.Slot.Order < pick.Slot.Order) pick = v;
        var p = pick!;
        p.Restart.Apply(frame);
        var slot = p.Slot;
        (slot.Active, slot.Held, slot.Note, slot.Velocity, slot.FadeLeft, slot.FadeTotal) = (true, true, note, velocity, 0, 0);
        slot.Order = state.Started++;
    }

    void Release(int note)
    {
        foreach (var v in voices)
            if (v.Slot.Active && v.Slot.Note == note) v.Slot.Held = false;
    }

    /// <summary>Renders every sounding voice over frames [from, to) of the block.</summary>
    void Play(in Block block, int from, int to)
    {
        var count = to - from;
        if (count <= 0) return;
        foreach (var v in voices)
        {
            var s = v.Slot;
            if (!s.Active) continue;
            var at = block.Frame + from;
            v.Freq.Set(Frequencies[s.Note & 127], count, at);
            v.Velocity.Set(s.Velocity / 127f, count, at);
            v.Note.Set(s.Note, count, at);
            v.Gate.Set(s.Held ? 1f : 0f, count, at);
            var got = v.Signal.Pull(SubBlock.Of(block, from, count));
            var l = v.Signal.Left;
            var r = v.Signal.Right ?? l;
            if (s.FadeTotal > 0)
            {
                var total = (float)s.FadeTotal;
                for (var j = 0; j < got && s.FadeLeft > 0; j++, s.FadeLeft--)
                {
                    var g = s.FadeLeft / total;
                    Left[from + j] += l[j] * g;
                    if (Right is not null) Right[from + j] += r[j] * g;
                }
                if (s.FadeLeft <= 0) s.Active = false;
            }
            else
            {
                for (var j = 0; j < got; j++) Left[from + j] += l[j];
                if (Right is not null)
                    for (var j = 0; j < got; j++) Right[from + j] += r[j];
            }
            if (got < count) s.Active = false;
        }
    }

    public override IEnumerable<Signal> Children => voices.Select(v => v.Signal);
}
