using Waves.Engine.Expressions;
using Waves.Engine.Patching;
using Waves.Engine.Rendering;

namespace Waves.Engine.Nodes;

/// <summary>The beat position of a tempo: kept across reloads, so editing the bpm goes on from the
/// same bar instead of starting again at bar 1.</summary>
public sealed class TempoState : NodeState
{
    /// <summary>Beats at the start of the current constant-bpm stretch, its bpm and its length in frames.
    /// Positions inside a stretch are computed from these by one multiplication, not by adding up
    /// per-frame increments, so a steady tempo never drifts (120 bpm: beat n is frame n·22050 after hours).</summary>
    public double Base, SegmentBpm;
    public long SegmentFrames;
    /// <summary>Position of the frame rendered last; false before the first frame (which ticks every division).</summary>
    public double Previous;
    public bool Started;
    /// <summary>With <c>source: external</c>: the bpm of the MIDI clock timed last (0: none yet).</summary>
    public double ClockBpm;

    public override void CopyFrom(NodeState other)
    {
        base.CopyFrom(other);
        var o = (TempoState)other;
        (Base, SegmentBpm, SegmentFrames, Previous, Started, ClockBpm) = (o.Base, o.SegmentBpm, o.SegmentFrames, o.Previous, o.Started, o.ClockBpm);
    }
}

/// <summary>
/// <c>tempo</c>: a beat clock for the subtree below. Its expressions see <c>bpm</c>; the lengths
/// <c>beat</c>, <c>bar</c> (4 beats), <c>eighth</c>, <c>sixteenth</c>, <c>triplet</c> in seconds; 1-based
/// counters <c>bar_number</c>, <c>beat_number</c>, <c>eighth_number</c>, <c>sixteenth_number</c>,
/// <c>triplet_number</c>; and tick waves (1 on the frame a division starts, else 0) <c>bar_tick</c>,
/// <c>beat_tick</c>, <c>eighth_tick</c>, <c>sixteenth_tick</c>, <c>triplet_tick</c>, <c>two_bar_tick</c>,
/// <c>four_bar_tick</c>, <c>eight_bar_tick</c>, <c>sixteen_bar_tick</c>. The very first frame ticks
/// every division. Differences from the original (fixes): bpm is read per sample for everything (the
/// original took the chunk's mean for lengths and counters, and counters at the chunk start);
/// a tick lands exactly on the frame its beat falls on (the original's accumulated float error put
/// it about one frame early, and a boundary on a chunk end could tick twice); the bpm wave is
/// rendered once per block (the original rendered it twice). The outermost tempo sends a 24-ppqn MIDI
/// clock (start, then clocks on their frames) to the session's MIDI output, if it has one.
/// <c>source: external</c> follows the bpm of a received MIDI clock (the median of its last 24 periods,
/// once 12 are timed, from the frame of each clock); before that, and without a clock, it uses
/// <c>bpm</c>, as the original does.
/// </summary>
public sealed class Tempo : Signal
{
    public static readonly NodeInfo Info = new(
        "tempo", "a beat clock: beat, bar, counters and tick waves for the signal below", "as the signal",
        [
            new("signal", ParamKind.Wave, "the signal that sees the tempo names"),
            new("bpm", ParamKind.Wave, "beats per minute (per sample)") { Min = 0 },
            new("source", ParamKind.Enum, "internal (sends a 24-ppqn MIDI clock to --midi-out), or external: the bpm of the MIDI clock received (bpm until one is timed)") { Choices = ["internal", "external"], DefaultText = "internal" },
            new("device", ParamKind.String, "MIDI input of the external clock"),
        ],
        ExtraKeys.Forbid,
        Compile)
    { PassThrough = true };

    /// <summary>Tick divisions, in beats, with their names.</summary>
    static readonly (string Name, double Beats)[] Ticks =
    [
        ("bar_tick", 4), ("beat_tick", 1), ("eighth_tick", 0.5), ("sixteenth_tick", 0.25), ("triplet_tick", 1.0 / 3),
        ("two_bar_tick", 8), ("four_bar_tick", 16), ("eight_bar_tick", 32), ("sixteen_bar_tick", 64),
    ];

    static readonly (string Name, double Beats)[] Counters =
        [("bar_number", 4), ("beat_number", 1), ("eighth_number", 0.5), ("sixteenth_number", 0.25), ("triplet_number", 1.0 / 3)];

    static readonly (string Name, double Beats)[] Lengths =
        [("beat", 1), ("bar", 4), ("eighth", 0.5), ("sixteenth", 0.25), ("triplet", 1.0 / 3)];

    /// <summary>Tolerance of a position on a division: a tempo wave written as a float lands within it.</summary>
    const double Epsilon = 1e-9;

    sealed class Buffer(int maxBlock) : ISignalSource
    {
        public readonly float[] Values = new float[maxBlock];
        public long Filled = ISignalSource.UnknownFrame;
        public ReadOnlySpan<float> Current => Values;
        public long Frame => Filled;
    }

    readonly TempoState state;
    readonly Wave bpm;
    readonly Signal signal;
    readonly double framesPerMinute;
    readonly float[] bpmValues;
    readonly Buffer bpmBuffer;
    readonly Buffer[] ticks, counters, lengths;
    // MIDI clock: timed from the session's input (source: external), or sent by the outermost internal tempo.
    Midi.MidiInput? clockIn;
    Midi.MidiOutput? clockOut;

    Tempo(NodeSpec spec, CompileScope scope, TempoState state, Wave bpm, Buffer bpmBuffer, Buffer[] ticks, Buffer[] counters, Buffer[] lengths, Signal signal)
        : base(spec, scope.MaxBlock, signal.IsStereo)
    {
        this.state = state;
        this.bpm = bpm;
        this.bpmBuffer = bpmBuffer;
        this.ticks = ticks;
        this.counters = counters;
        this.lengths = lengths;
        this.signal = signal;
        framesPerMinute = 60.0 * scope.SampleRate;
        bpmValues = new float[scope.MaxBlock];
    }

    static Signal Compile(NodeSpec spec, CompileScope scope)
    {
        var state = scope.Bind<TempoState>(spec);
        if (spec.Get("bpm") is null or Value.Null)
            scope.Env.Error(spec.Pos, "tempo needs a bpm");
        if (spec.Get("signal") is null or Value.Null)
            scope.Env.Error(spec.Pos, "tempo needs a signal");
        var bpm = scope.WithDuration(spec.Duration).CompileWave(spec.Get("bpm"), 120, spec, "bpm");
        var inner = scope;
        var bpmBuffer = new Buffer(scope.MaxBlock);
        var lengths = new Buffer[Lengths.Length];
        var external = spec.Get("source") is Value.Text { V: "external" };
        if (bpm.IsConstant && !external)
        {
            // A steady tempo gives constant lengths, so expressions using them fold to numbers.
            var b = Math.Max(0, bpm.ExactConstant);
            inner = inner.WithName("bpm", new NameBinding.Number(b));
            foreach (var (name, beats) in Lengths)
                inner = inner.WithName(name, new NameBinding.Number(b > 0 ? 60 / b * beats : double.PositiveInfinity));
        }
        else
        {
            inner = inner.WithName("bpm", new NameBinding.Signal(bpmBuffer));
            for (var i = 0; i < Lengths.Length; i++)
                inner = inner.WithName(Lengths[i].Name, new NameBinding.Signal(lengths[i] = new Buffer(scope.MaxBlock)));
        }
        var ticks = new Buffer[Ticks.Length];
        for (var i = 0; i < Ticks.Length; i++)
            inner = inner.WithName(Ticks[i].Name, new NameBinding.Signal(ticks[i] = new Buffer(scope.MaxBlock)));
        var counters = new Buffer[Counters.Length];
        for (var i = 0; i < Counters.Length; i++)
            inner = inner.WithName(Counters[i].Name, new NameBinding.Signal(counters[i] = new Buffer(scope.MaxBlock)));
        var outermost = scope.Resolve("bpm") is null && scope.Env.Outer is null;
        var signal = inner.CompileSignal(spec.Get("signal"), state);
        return new Tempo(spec, scope, state, bpm, bpmBuffer, ticks, counters, lengths, signal)
        {
            clockIn = external ? scope.Env.Inputs.Midi : null,
            clockOut = !external && outermost ? scope.Env.Inputs.MidiOut : null,
        };
    }

    /// <summary>Beats at the start of the next frame to render (the block boundary the renderer is at).</summary>
    public double Position => state.Started ? state.Base + state.SegmentFrames * state.SegmentBpm / framesPerMinute : 0;

    /// <summary>True when a division of <paramref name="beats"/> starts on the next frame to render.</summary>
    public bool OnDivision(double beats)
    {
        var q = Position / beats;
        return q - Math.Floor(q + Epsilon) < Epsilon;
    }

    /// <summary>The division of <paramref name="beats"/> that the next frame to render is in.</summary>
    public long Division(double beats) => (long)Math.Floor(Position / beats + Epsilon);

    protected override int Render(in Block block)
    {
        var n = block.Count;
        bpm.Fill(block, state.Clock, bpmValues);
        var s = state;
        var clocks = clockIn is null ? default : clockIn.Window;
        var nextClock = 0;
        while (nextClock < clocks.Length && clocks[nextClock].Frame < block.Frame) nextClock++;
        for (var i = 0; i < n; i++)
        {
            for (; nextClock < clocks.Length && clocks[nextClock].Frame == block.Frame + i; nextClock++)
                if (clockIn!.ClockSpan(nextClock) is > 0 and var span) s.ClockBpm = framesPerMinute / (span * 24);
            var b = s.ClockBpm > 0 ? (float)s.ClockBpm : Math.Max(0f, bpmValues[i]);
            double pos;
            if (!s.Started)
            {
                (s.Base, s.SegmentBpm, s.SegmentFrames, s.Previous, s.Started) = (0, b, 0, -1, true);
                pos = 0;
                clockOut?.Send(new Midi.MidiMessage(block.Frame + i, 0, Midi.MidiMessage.Start, 0, 0));
            }
            else
            {
                pos = s.Base + s.SegmentFrames * s.SegmentBpm / framesPerMinute;
                // The bpm of this frame moves the positions of the frames after it, never this one.
                if (b != s.SegmentBpm) (s.Base, s.SegmentBpm, s.SegmentFrames) = (pos, b, 0);
            }
            s.SegmentFrames++;
            if (clockOut is not null && Math.Floor(pos * 24 + Epsilon) > Math.Floor(s.Previous * 24 + Epsilon))
                clockOut.Send(new Midi.MidiMessage(block.Frame + i, 0, Midi.MidiMessage.Clock, 0, 0));
            for (var k = 0; k < ticks.Length; k++)
            {
                var p = Ticks[k].Beats;
                ticks[k].Values[i] = Math.Floor(pos / p + Epsilon) > Math.Floor(s.Previous / p + Epsilon) ? 1f : 0f;
            }
            for (var k = 0; k < counters.Length; k++)
                counters[k].Values[i] = (float)(Math.Floor(pos / Counters[k].Beats + Epsilon) + 1);
            bpmBuffer.Values[i] = b;
            if (lengths[0] is not null)
                for (var k = 0; k < lengths.Length; k++)
                    lengths[k].Values[i] = b > 0 ? (float)(60 / b * Lengths[k].Beats) : float.PositiveInfinity;
            s.Previous = pos;
        }
        bpmBuffer.Filled = block.Frame;
        foreach (var b in ticks) b.Filled = block.Frame;
        foreach (var b in counters) b.Filled = block.Frame;
        foreach (var b in lengths)
            if (b is not null) b.Filled = block.Frame;
        var got = signal.Pull(block);
        signal.Left.AsSpan(0, got).CopyTo(Left);
        if (Right is not null) signal.Right!.AsSpan(0, got).CopyTo(Right);
        state.Clock += got;
        return Finish(block, got);
    }

    public override Signal? PassThrough => signal;

    public override IEnumerable<Signal> Children => bpm.Children.Append(signal);
}
