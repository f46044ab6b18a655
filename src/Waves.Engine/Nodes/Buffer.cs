using Waves.Engine.Audio;
using Waves.Engine.Patching;
using Waves.Engine.Rendering;

namespace Waves.Engine.Nodes;

public sealed class BufferNodeState : NodeState
{
    /// <summary>This node's own read position, in frames of the buffer (position mode, or a reader with its own speed).</summary>
    public double Playhead;
    public bool Started, Ended;

    public override void CopyFrom(NodeState other)
    {
        base.CopyFrom(other);
        var o = (BufferNodeState)other;
        (Playhead, Started, Ended) = (o.Playhead, o.Started, o.Ended);
    }
}

/// <summary>
/// <c>buffer</c>: a named circular buffer (<c>name</c>, by default the node's id) shared by every
/// buffer node of that name. A node with a <c>signal</c> is its writer: it writes the signal (mono;
/// stereo is averaged) at the write head, which moves by <c>speed</c> per frame (held or dropped
/// frames, no interpolation, as in the original). A buffer has one writer. <c>file</c> loads a file
/// into the buffer when it is made (and again when the file changes).
/// <para>Reading, offset mode (neither start nor end): the writer, and a reader at speed 1 while the
/// buffer has a writer, read <c>offset</c> seconds behind the write head (at 0, the frame written at
/// that moment; once the writer has ended, such a reader goes on through the buffer at speed 1).
/// A reader of a buffer without a writer, or with a speed of its own, moves its own
/// playhead from where the head was, by <c>speed</c>: a file buffer with no writer thus loops the
/// file. Position mode (start or end given): a playhead of its own in the window, like <c>sample</c>
/// (cubic interpolation, <c>loop</c>, <c>overlap</c> crossfading the seam, freq/base_freq).</para>
/// <para>A reader renders the writer first, so it reads the same frames wherever it sits in the
/// sound and for any block size, as long as the writer's speed is 1 and the buffer is at least a
/// block long (a reader of a writer at another speed may see frames written later in the same
/// block; the writer itself reads each frame as it writes it, at any speed). A reader inside its
/// writer's own signal is feedback and reads the buffer as it was before the block (a full buffer
/// length back for what is not written yet). The storage is state, made
/// when compiled; a reload to another length keeps the most recent frames; <c>length</c> is
/// therefore a number of seconds (at least 1024 frames), fixed when compiled.</para>
/// <para>Deliberate differences from the original: only the writer moves the write head (every
/// reader moved the shared head there, so a writer with a separate reader wrote with gaps and the
/// reader read zeros); position mode counts its frames once (it counted them twice, ending a
/// <c>duration</c> at half time); <c>overlap</c> works (it was ignored); speed is read once per frame
/// (it was rendered twice per chunk, running a moving speed at double rate); a buffer given both
/// <c>length</c> and <c>file</c> holds the file's start (it played silence); a reload does not reload
/// an unchanged file over what was written since; the first frame of position mode is the start frame
/// (it began one step past it), and backwards without a loop it starts at the end (it ended at once).</para>
/// </summary>
public sealed class Buffer : Signal
{
    /// <summary>The longest buffer, in seconds.</summary>
    public const double MaxLength = 600;

    public static readonly NodeInfo Info = new(
        "buffer", "a named circular buffer: write a signal, read it back by offset or position", "mono",
        [
            new("name", ParamKind.String, "the buffer's name (nodes with the same name share it; default: the node's id)"),
            new("length", ParamKind.Number, "seconds the buffer holds (fixed when compiled)") { Min = 0, Max = MaxLength },
            new("file", ParamKind.String, "WAV file loaded into the buffer when it is made"),
            new("signal", ParamKind.Wave, "the signal to write (makes this node the buffer's writer)"),
            new("offset", ParamKind.Wave, "seconds behind the write head to read (offset mode)") { Default = 0, Min = 0 },
            new("start", ParamKind.Wave, "start of the window, 0…1 of the buffer (selects position mode)") { Min = 0, Max = 1 },
            new("end", ParamKind.Wave, "end of the window, 0…1 of the buffer (selects position mode)") { Min = 0, Max = 1 },
            new("loop", ParamKind.Bool, "position mode: repeat the window"),
            new("overlap", ParamKind.Number, "position mode: fraction of the loop crossfaded into its start") { Default = 0, Min = 0, Max = 0.9 },
            new("speed", ParamKind.Wave, "rate of the write head (writer) or of this node's playhead (reader)") { Default = 1 },
            new("freq", ParamKind.Wave, "position mode, with base_freq: speed is multiplied by freq / base_freq"),
            new("base_freq", ParamKind.Wave, "position mode: the pitch the buffer holds (see freq)"),
        ],
        ExtraKeys.Forbid,
        Compile);

    readonly BufferNodeState state;
    readonly BufferPlan plan;
    readonly Signal? signal;
    readonly Wave speed, offset;
    readonly Wave? start, end, freq, baseFreq;
    readonly bool positionMode, loop, unitSpeed;
    readonly double overlap, sampleRate;
    readonly long constantOffset, total;
    readonly float[] speedBuf, offsetBuf, startBuf, endBuf, freqBuf, baseBuf;

    Buffer(NodeSpec spec, CompileScope scope, BufferNodeState state, BufferPlan plan, Signal? signal) : base(spec, scope.MaxBlock, false)
    {
        this.state = state;
        this.plan = plan;
        this.signal = signal;
        var children = scope.WithDuration(spec.Duration);
        speed = children.CompileWave(spec.Get("speed"), 1, spec, "speed");
        offset = children.CompileWave(spec.Get("offset"), 0, spec, "offset");
        sampleRate = scope.SampleRate;
        constantOffset = offset.IsConstant ? FramesWave.ToFrames(offset.ExactConstant, sampleRate) : -1;
        positionMode = Given(spec, "start") || Given(spec, "end");
        if (positionMode)
        {
            start = children.CompileWave(spec.Get("start"), 0, spec, "start");
            end = children.CompileWave(spec.Get("end"), 1, spec, "end");
            if (Given(spec, "freq") && Given(spec, "base_freq"))
            {
                freq = children.CompileWave(spec.Get("freq"), 1, spec, "freq");
                baseFreq = children.CompileWave(spec.Get("base_freq"), 1, spec, "base_freq");
            }
        }
        unitSpeed = speed.IsConstant && speed.ExactConstant == 1;
        loop = spec.Get("loop") is Value.Number { V: not 0 };
        overlap = spec.Get("overlap") is Value.Number o ? Math.Clamp(o.V, 0, 0.9) : 0;
        total = spec.Duration is { } d ? FramesWave.ToFrames(d, sampleRate) : long.MaxValue;
        var n = scope.MaxBlock;
        speedBuf = new float[n]; offsetBuf = new float[n]; startBuf = new float[n]; endBuf = new float[n];
        freqBuf = new float[n]; baseBuf = new float[n];
    }

    static bool Given(NodeSpec spec, string name) => spec.Get(name) is { } v and not Value.Null and not Value.Invalid;

    static Signal Compile(NodeSpec spec, CompileScope scope)
    {
        var state = scope.Bind<BufferNodeState>(spec);
        var name = spec.Get("name") is Value.Text { V: var n } && n.Trim().Length > 0 ? n.Trim() : spec.Id;
        var plan = BufferPlan.For(name, scope);
        int? frames = null;
        if (spec.Get("length") is Value.Number { V: var seconds } length)
        {
            if (!(seconds <= MaxLength))
            {
                scope.Env.Error(length.Pos, $"length of 'buffer' is at most {MaxLength} s");
                return new SilenceSignal(scope.MaxBlock);
            }
            frames = (int)FramesWave.ToFrames(seconds, scope.SampleRate);
        }
        float[]? file = null;
        string? fileKey = null;
        if (SampleFiles.PathOf(spec, "file", scope) is { } path)
        {
            if (SampleFiles.Load(path, scope, spec) is not { } data) return new SilenceSignal(scope.MaxBlock);
            file = MonoAtRate(data, scope.SampleRate);
            fileKey = $"{path.V.Trim()}#{Fingerprint(file):x16}";
        }
        plan.Declare(frames, file, fileKey);
        Signal? signal = null;
        if (Given(spec, "signal"))
        {
            if (plan.Writer is not null)
            {
                scope.Env.Error(spec.Get("signal")!.Pos, $"buffer '{name}' already has a writer (at {plan.WriterPos}); a buffer takes one signal");
                return new SilenceSignal(scope.MaxBlock);
            }
            signal = scope.WithDuration(spec.Duration).CompileSignal(spec.Get("signal"), state);
        }
        var node = new Buffer(spec, scope, state, plan, signal);
        if (signal is not null) plan.SetWriter(node, spec.Pos);
        return node;
    }

    /// <summary>The file as one channel (the mean of its channels) at the session rate (linear resampling).</summary>
    static float[] MonoAtRate(WavData data, int rate)
    {
        var frames = data.Frames;
        var mono = new float[frames];
        foreach (var ch in data.Channels)
            for (var i = 0; i < frames; i++) mono[i] += ch[i] / data.ChannelCount;
        if (data.SampleRate == rate || frames == 0) return mono;
        var ratio = (double)data.SampleRate / rate;
        var result = new float[(long)Math.Floor((frames - 1) / ratio) + 1];
        for (var i = 0; i < result.Length; i++) result[i] = Interpolate.Clamped(mono, i * ratio, Interpolation.Linear);
        return result;
    }

    static ulong Fingerprint(float[] data)
    {
        var h = 14695981039346656037UL;
        foreach (var v in data) { h ^= BitConverter.SingleToUInt32Bits(v); h *= 1099511628211UL; }
        return h;
    }

    protected override int Render(in Block block)
    {
        var clock = state.Clock;
        var n = (int)Math.Min(block.Count, Math.Max(0, total - clock));
        if (state.Ended || n == 0) return Finish(block, 0);
        plan.Ready(block);
        var sub = block with { Count = n };
        speed.Fill(sub, clock, speedBuf);
        if (!positionMode && constantOffset < 0) offset.Fill(sub, clock, offsetBuf);
        if (positionMode) FillPositions(sub, clock);
        int produced;
        if (signal is not null) produced = Write(block, n);
        else
        {
            plan.Writer?.Pull(block);
            produced = positionMode ? ReadPositions(block, n) : ReadOffset(block, n);
        }
        state.Clock = clock + produced;
        return Finish(block, produced);
    }

    /// <summary>Writes the signal (zeros once it has ended), notes where each frame went, and reads
    /// each frame right after writing it, so the writer never sees a later frame. Returns the frames
    /// produced (writing stops with a position-mode read that ends).</summary>
    int Write(in Block block, int n)
    {
        var got = signal!.Pull(block);
        var st = plan.State;
        var data = st.Data;
        var len = data.Length;
        var l = signal.Left;
        var r = signal.Right;
        var head = st.Head;
        var heads = plan.Heads;
        plan.FirstCell = unitSpeed ? (long)head : -1;
        for (var i = 0; i < n; i++)
        {
            var x = i >= got ? 0f : r is null ? l[i] : (l[i] + r[i]) * 0.5f;
            heads[i] = head;
            var cell = (int)head;
            if (unitSpeed) plan.Overwritten[i] = data[cell];
            data[cell] = x;
            double s = unitSpeed ? 1 : speedBuf[i];
            if (!double.IsFinite(s)) s = 0;
            if (s > 1)
                for (var c = cell + 1; c < head + s; c++) data[c % len] = x;
            else if (s < -1)
                for (var c = cell - 1; c > head + s; c--) data[(c % len + len) % len] = x;
            head += s;
            if (head >= len || head < 0) head -= Math.Floor(head / len) * len;
            if (head >= len) head = 0;
            if (!positionMode) Left[i] = ReadBehind(block, data, cell, i);
            else if (!ReadPosition(block, data, i))
            {
                n = i + 1;
                break;
            }
        }
        st.Head = head;
        plan.HeadsBlock = block.Index;
        plan.HeadsCount = n;
        return positionMode && state.Ended ? n - 1 : n;
    }

    /// <summary>Offset mode for a reader: behind the writer's head, or from this node's own playhead.</summary>
    int ReadOffset(in Block block, int n)
    {
        var data = plan.State.Data;
        var len = data.Length;
        var followHead = plan.Writer is not null && unitSpeed;
        var written = plan.HeadsBlock == block.Index ? plan.HeadsCount : 0;
        var st = state;
        var ph = st.Playhead;
        if (!st.Started)
        {
            // Where the head was at the start of this block, whether or not the writer has written it yet.
            ph = written > 0 ? plan.Heads[0] : plan.State.Head;
            st.Started = true;
        }
        for (var i = 0; i < n; i++)
        {
            double at;
            if (followHead)
            {
                // Where the writer wrote this frame; where it would have, had it written (feedback, or
                // a writer that has ended: then the reader goes on through the buffer at speed 1).
                at = Math.Floor(i < written ? plan.Heads[i] : ph);
                ph = at + 1;
            }
            else
            {
                at = ph;
                double s = speedBuf[i];
                ph += double.IsFinite(s) ? s : 0;
            }
            Left[i] = ReadBehind(block, data, at, i);
        }
        // Kept within the buffer so that it never loses precision.
        st.Playhead = len > 0 && double.IsFinite(ph) ? ph - Math.Floor(ph / len) * len : 0;
        return n;
    }

    /// <summary>The buffer <c>offset</c> seconds before <paramref name="at"/>, at frame <paramref name="i"/>.</summary>
    float ReadBehind(in Block block, float[] data, double at, int i)
    {
        var len = data.Length;
        var back = constantOffset >= 0
            ? Math.Min(constantOffset, len - 1)
            : Math.Clamp(double.IsFinite(offsetBuf[i]) ? offsetBuf[i] * sampleRate : 0, 0, len - 1);
        return ReadAt(block, data, at - back, i, false);
    }

    /// <summary>Position mode: this node's playhead in the window [start, end).</summary>
    int ReadPositions(in Block block, int n)
    {
        var data = plan.State.Data;
        for (var i = 0; i < n; i++)
            if (!ReadPosition(block, data, i)) return i;
        return n;
    }

    void FillPositions(in Block sub, long clock)
    {
        start!.Fill(sub, clock, startBuf);
        end!.Fill(sub, clock, endBuf);
        if (freq is not null && baseFreq is not null)
        {
            freq.Fill(sub, clock, freqBuf);
            baseFreq.Fill(sub, clock, baseBuf);
        }
    }

    /// <summary>Frame <paramref name="i"/> of position mode; false when the playhead has left the window (the node ends).</summary>
    bool ReadPosition(in Block block, float[] data, int i)
    {
        var len = data.Length;
        var st = state;
        double sp = speedBuf[i];
        if (freq is not null) sp *= freqBuf[i] / Math.Max(baseBuf[i], 1e-6);
        if (!double.IsFinite(sp)) sp = 0;
        var from = float.IsNaN(startBuf[i]) ? 0 : (int)Math.Clamp((double)startBuf[i] * len, 0, len - 1);
        var to = float.IsNaN(endBuf[i]) ? len : (int)Math.Clamp((double)endBuf[i] * len, 0, len);
        if (!st.Started)
        {
            st.Playhead = sp >= 0 ? from : loop ? LoopRead.ReverseStart(from, to, overlap) : to - 1;
            st.Started = true;
        }
        var ph = st.Playhead;
        if (!loop)
        {
            if (ph >= to || ph < from)
            {
                st.Ended = true;
                return false;
            }
            Left[i] = ReadAt(block, data, ph, i, true);
        }
        else
        {
            var r = LoopRead.At(ph, from, to, overlap);
            var v = ReadAt(block, data, r.Position, i, true);
            Left[i] = r.OtherGain > 0 ? v * r.Gain + ReadAt(block, data, r.Other, i, true) * r.OtherGain : v;
        }
        st.Playhead = double.IsFinite(ph + sp) ? ph + sp : from; // only an absurd speed makes it infinite
        return true;
    }

    /// <summary>The buffer at <paramref name="pos"/> as it is at frame <paramref name="i"/> of the block,
    /// read linearly or with cubic (Catmull-Rom) interpolation, wrapping around.</summary>
    float ReadAt(in Block block, float[] data, double pos, int i, bool cubic)
    {
        var len = data.Length;
        if (len == 0 || !double.IsFinite(pos)) return 0;
        var f = Math.Floor(pos);
        var t = (float)(pos - f);
        var c = (long)f;
        if (!cubic) return t == 0 ? Cell(block, data, c, i) : Cell(block, data, c, i) + (Cell(block, data, c + 1, i) - Cell(block, data, c, i)) * t;
        return Interpolate.Hermite(Cell(block, data, c - 1, i), Cell(block, data, c, i), Cell(block, data, c + 1, i), Cell(block, data, c + 2, i), t);
    }

    /// <summary>Cell <paramref name="c"/> (any integer, wrapped) as it was at frame <paramref name="i"/>: a cell the
    /// writer overwrites later in this block reads its value from before.</summary>
    float Cell(in Block block, float[] data, long c, int i)
    {
        var len = data.Length;
        var cell = (int)((c % len + len) % len);
        if (plan.FirstCell >= 0 && plan.HeadsBlock == block.Index)
        {
            var k = ((cell - plan.FirstCell) % len + len) % len;
            if (k > i && k < plan.HeadsCount) return plan.Overwritten[k];
        }
        return data[cell];
    }

    public override IEnumerable<Signal> Children =>
        new[] { speed, offset, start, end, freq, baseFreq }.SelectMany(w => w?.Children ?? [])
            .Concat(signal is null ? [] : [signal]);
}
