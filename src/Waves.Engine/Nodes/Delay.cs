using Waves.Engine.Patching;
using Waves.Engine.Rendering;

namespace Waves.Engine.Nodes;

/// <summary>
/// <c>delay</c>: a delay line, 100 % wet unless <c>mix</c> says otherwise, with optional
/// <c>feedback</c> (the original's way, a <c>reference</c> to the delay inside its own signal, works too).
/// <para><c>digital</c> reads the line <c>time</c> seconds back, per sample, with linear
/// interpolation: a moving time moves the read point at once (a smooth change bends the pitch, a
/// jump jumps). <c>tape</c> lets the read head glide towards the target time with a time constant
/// of that time, read with cubic (Catmull-Rom) interpolation: a change of time bends the pitch by
/// old/new at first and settles within about one delay period, as the original's tape-speed
/// change did, but smoothly and per sample. Tape times are at least 2 frames. (A digital read less
/// than a frame back takes the current frame from the input itself, without its feedback.)</para>
/// <para>The line is made when compiled, long enough for the largest time: a constant time (or
/// <c>max_time</c> if larger), else <c>max_time</c>, by default <see cref="DefaultMaxTime"/> s (the
/// original always allowed 30 s for a time that is not a number); times are clamped to it. The
/// line is state: it survives a reload, and a reload to a longer time keeps the recent contents.</para>
/// <para>After the input ends the delay plays on until what is left in the line has come out
/// (frame-exact), then ends. When the delay is at least a block long its output for the block is
/// complete before the input is read, so a reference loop through it keeps the exact time.</para>
/// <para>Deliberate differences from the original: every sample is written before it is read, so
/// times shorter than a block (and 0, which passes the signal through) work; the original read
/// stale samples a line-length old there and lost short bursts. The time is read per sample in tape
/// mode too (the original took each chunk's mean). A stereo signal is delayed per channel (the
/// original crashed). A reload to a longer literal time works (the original indexed past its line).</para>
/// </summary>
public sealed class Delay : Signal
{
    /// <summary>Seconds of line for a time that is not a number, when <c>max_time</c> is not given.</summary>
    public const double DefaultMaxTime = 10;

    /// <summary>The longest line a delay may ask for, in seconds.</summary>
    public const double MaxTimeLimit = 120;

    /// <summary>A written value this small counts as silence when deciding that the tail has ended.</summary>
    const float Silence = 1e-6f;

    public static readonly NodeInfo Info = new(
        "delay", "delay line with optional feedback and dry/wet mix (digital or tape)", "mono or stereo, as the signal",
        [
            new("time", ParamKind.Wave, "delay time in seconds") { Min = 0, Max = MaxTimeLimit },
            new("mode", ParamKind.Enum, "digital: the time is followed exactly; tape: the read head glides, bending pitch")
                { DefaultText = "digital", Choices = ["digital", "tape"] },
            new("signal", ParamKind.Wave, "the signal to delay"),
            new("feedback", ParamKind.Wave, "part of the output fed back into the line, −1 … 1") { Default = 0, Min = -1, Max = 1 },
            new("mix", ParamKind.Wave, "0: only the dry signal, 1: only the delayed one") { Default = 1, Min = 0, Max = 1 },
            new("max_time", ParamKind.Number, $"longest time in seconds (sets the line's length); default the time when it is a number, else {DefaultMaxTime}")
                { Min = 0, Max = MaxTimeLimit },
        ],
        ExtraKeys.Forbid,
        Compile);

    readonly DelayState state;
    readonly Signal signal;
    readonly Wave time, feedback, mix;
    readonly bool tape, hasFeedback, wetOnly;
    readonly double sampleRate, maxFrames;
    /// <summary>The time in frames at full precision when it is a number, else −1.</summary>
    readonly double constantFrames;
    readonly float[] line;
    readonly float[]? lineRight;
    readonly float[] timeBuf, feedbackBuf, mixBuf;
    readonly double[] delays;
    readonly int maxBlock;

    Delay(NodeSpec spec, CompileScope scope, DelayState state, Signal signal, Wave time, double maxSeconds) : base(spec, scope.MaxBlock, signal.IsStereo)
    {
        this.state = state;
        this.signal = signal;
        this.time = time;
        var children = scope.WithDuration(spec.Duration);
        tape = (spec.Get("mode") as Value.Text)?.V == "tape";
        feedback = children.CompileWave(spec.Get("feedback"), 0, spec, "feedback");
        mix = children.CompileWave(spec.Get("mix"), 1, spec, "mix");
        hasFeedback = !(feedback.IsConstant && feedback.Constant == 0);
        wetOnly = mix.IsConstant && mix.Constant == 1;
        sampleRate = scope.SampleRate;
        maxFrames = Math.Max(tape ? 2 : 0, maxSeconds * sampleRate);
        constantFrames = time.IsConstant ? Math.Max(0, time.ExactConstant * sampleRate) : -1;
        (line, lineRight) = Lines(state, (int)Math.Ceiling(maxFrames) + 4, signal.IsStereo);
        var n = scope.MaxBlock;
        timeBuf = new float[n]; feedbackBuf = new float[n]; mixBuf = new float[n];
        delays = new double[n];
        maxBlock = n;
    }

    /// <summary>A constant time of at least a block and no dry part: each block is published before the
    /// input is read, so a reference loop through the delay is delayed by exactly its time. (In tape
    /// mode, while the head still glides after a reload to a shorter time, a block may not be.)</summary>
    protected internal override bool PublishesEarly =>
        wetOnly && constantFrames >= 0 && NewestTap(Math.Min(constantFrames, maxFrames)) >= maxBlock;

    /// <summary>The lines this plan writes: the state's own when they are long enough, else new ones
    /// that the first block fills from the state's (see <see cref="Adopt"/>). A new state gets its lines now.</summary>
    static (float[] Left, float[]? Right) Lines(DelayState state, int length, bool stereo)
    {
        var current = state.Line;
        var currentRight = state.LineRight;
        if (current.Length >= length && (!stereo || currentRight.Length == current.Length))
            return (current, stereo ? currentRight : null);
        var left = new float[length];
        var right = stereo ? new float[length] : null;
        if (current.Length == 0)
        {
            // Not rendered yet (only this compile has seen it), so it can be given its lines here.
            state.Line = left;
            state.LineRight = right ?? [];
        }
        return (left, right);
    }

    static Signal Compile(NodeSpec spec, CompileScope scope)
    {
        var env = scope.Env;
        if (spec.Get("time") is null or Value.Null)
            env.Error(spec.Pos, "'delay' needs 'time': the delay in seconds");
        if (spec.Get("signal") is null or Value.Null)
            env.Error(spec.Pos, "'delay' needs 'signal': the signal to delay");
        double? maxTime = null;
        if (spec.Get("max_time") is Value.Number { V: var m } mn)
        {
            if (m > 0 && m <= MaxTimeLimit) maxTime = m;
            else env.Error(mn.Pos, $"'max_time' of 'delay' must be more than 0 and at most {MaxTimeLimit} seconds, got {m}");
        }
        var state = scope.Bind<DelayState>(spec);
        var children = scope.WithDuration(spec.Duration);
        var signal = children.CompileSignal(spec.Get("signal"), state);
        var time = children.CompileWave(spec.Get("time"), 0, spec, "time");
        if (time.IsConstant && spec.Get("time") is { } tv && !(time.ExactConstant >= 0 && time.ExactConstant <= MaxTimeLimit))
            env.Error(tv.Pos, $"'time' of 'delay' must be between 0 and {MaxTimeLimit} seconds, got {time.ExactConstant}");
        var maxSeconds = time.IsConstant
            ? Math.Max(Math.Clamp(time.ExactConstant, 0, MaxTimeLimit), maxTime ?? 0)
            : maxTime ?? DefaultMaxTime;
        if (double.IsNaN(maxSeconds)) maxSeconds = 0;
        return new Delay(spec, scope, state, signal, time, maxSeconds);
    }

    protected override int Render(in Block block)
    {
        if (!ReferenceEquals(state.Line, line) || lineRight is not null && !ReferenceEquals(state.LineRight, lineRight)) Adopt();
        if (state.Ended) return Finish(block, 0);
        var n = block.Count;
        var clock = state.Clock;
        if (constantFrames < 0) time.Fill(block, clock, timeBuf);
        if (hasFeedback) feedback.Fill(block, clock, feedbackBuf);
        if (!wetOnly) mix.Fill(block, clock, mixBuf);
        var early = Delays(n) && wetOnly && !state.InputEnded;
        int produced;
        if (early)
        {
            // The output depends only on what is already in the line: publish it, then read the
            // input (which may read this node's output through a reference) and write it.
            Read(n, line, Left);
            if (lineRight is not null) Read(n, lineRight, Right!);
            OutputReady(n);
            var got = signal.Pull(block);
            produced = WriteAll(n, got);
        }
        else
            produced = Interleaved(block);
        state.Clock = clock + produced;
        return Finish(block, produced);
    }

    /// <summary>Fills <see cref="delays"/> (frames, per sample; in tape mode the gliding head) and
    /// says whether every read of the block lies before the block's first write.</summary>
    bool Delays(int n)
    {
        var allPast = true;
        var head = state.Head;
        for (var i = 0; i < n; i++)
        {
            var target = constantFrames >= 0 ? constantFrames : Snap(timeBuf[i] * sampleRate);
            if (!(target >= 0)) target = 0;
            if (target > maxFrames) target = maxFrames;
            double d;
            if (tape)
            {
                if (target < 2) target = 2;
                head = head < 2 ? target : head + (target - head) / target;
                if (head > maxFrames) head = maxFrames;
                d = head;
            }
            else d = target;
            delays[i] = d;
            if (NewestTap(d) < i + 1) allPast = false;
        }
        return allPast;
    }

    /// <summary>A time read as a float stands for the whole frame it is within a float's precision of
    /// (0.005 s at 1 kHz is 4.99999988 frames as a float): such a delay reads one sample, not two.</summary>
    static double Snap(double frames)
    {
        var whole = Math.Round(frames);
        return Math.Abs(frames - whole) <= Math.Abs(frames) * 1.2e-7 ? whole : frames;
    }

    /// <summary>How far back (frames before the current one) the newest sample a read uses lies.</summary>
    int NewestTap(double d)
    {
        var k = (int)d;
        if (!tape) return k;
        return d == k ? k - 2 : k - 1;
    }

    /// <summary>The delayed value for a read <paramref name="d"/> frames back, the current frame being
    /// at <paramref name="w"/> (not written yet: its value is <paramref name="x"/>).</summary>
    float Tap(float[] l, int w, double d, float x)
    {
        var k = (int)d;
        var f = d - k;
        if (!tape)
        {
            var a = At(l, w, k, x);
            return f == 0 ? a : (float)(a + f * (At(l, w, k + 1, x) - a));
        }
        // Catmull-Rom through y0…y3, between y1 and y2, at u.
        int b1;
        double u;
        if (f == 0) (b1, u) = (k, 0);
        else (b1, u) = (k + 1, 1 - f);
        double y0 = At(l, w, b1 + 1, x), y1 = At(l, w, b1, x), y2 = At(l, w, b1 - 1, x), y3 = At(l, w, b1 - 2, x);
        var c1 = (y2 - y0) * 0.5;
        var c2 = y0 - 2.5 * y1 + 2 * y2 - 0.5 * y3;
        var c3 = (y3 - y0) * 0.5 + 1.5 * (y1 - y2);
        return (float)(y1 + u * (c1 + u * (c2 + u * c3)));
    }

    static float At(float[] l, int w, int back, float x)
    {
        if (back <= 0) return x;
        var j = w - back;
        return l[j < 0 ? j + l.Length : j];
    }

    /// <summary>Early path: reads of the whole block (all in the past).</summary>
    void Read(int n, float[] l, float[] outp)
    {
        var w = state.Write;
        for (var i = 0; i < n; i++)
        {
            outp[i] = Tap(l, w, delays[i], 0);
            if (++w == l.Length) w = 0;
        }
    }

    /// <summary>Early path: writes the block's input (and feedback of the output already computed).</summary>
    int WriteAll(int n, int got)
    {
        var st = state;
        var w = st.Write;
        var quiet = st.Quiet;
        var inL = signal.Left;
        var inR = signal.Right ?? inL;
        for (var i = 0; i < n; i++)
        {
            var ended = i >= got;
            float xl = ended ? 0 : inL[i], xr = ended ? 0 : inR[i];
            var fb = hasFeedback ? FeedbackAt(i) : 0;
            var wl = Finite(xl + fb * Left[i]);
            line[w] = wl;
            var loud = Math.Abs(wl) > Silence;
            if (lineRight is not null)
            {
                var wr = Finite(xr + fb * Right![i]);
                lineRight[w] = wr;
                loud |= Math.Abs(wr) > Silence;
            }
            quiet = ended && !loud ? quiet + 1 : 0;
            if (++w == line.Length) w = 0;
        }
        st.Write = w;
        st.Quiet = quiet;
        if (got < n) st.InputEnded = true;
        if (tape) st.Head = delays[n - 1];
        return n;
    }

    /// <summary>Input first, then per frame: write, read, output. Returns the frames produced.</summary>
    int Interleaved(in Block block)
    {
        var n = block.Count;
        var st = state;
        var got = st.InputEnded ? 0 : signal.Pull(block);
        var inL = signal.Left;
        var inR = signal.Right ?? inL;
        var w = st.Write;
        var quiet = st.Quiet;
        var produced = n;
        for (var i = 0; i < n; i++)
        {
            var d = delays[i];
            var ended = st.InputEnded || i >= got;
            if (ended && quiet >= Math.Ceiling(d) + (tape ? 2 : 0))
            {
                produced = i;
                break;
            }
            float xl = ended ? 0 : inL[i], xr = ended ? 0 : inR[i];
            var fb = hasFeedback ? FeedbackAt(i) : 0;
            var wetL = Tap(line, w, d, xl);
            var wl = Finite(xl + fb * wetL);
            line[w] = wl;
            var loud = Math.Abs(wl) > Silence;
            Left[i] = wetOnly ? wetL : xl + mixBuf[i] * (wetL - xl);
            if (lineRight is not null)
            {
                var wetR = Tap(lineRight, w, d, xr);
                var wr = Finite(xr + fb * wetR);
                lineRight[w] = wr;
                loud |= Math.Abs(wr) > Silence;
                Right![i] = wetOnly ? wetR : xr + mixBuf[i] * (wetR - xr);
            }
            quiet = ended && !loud ? quiet + 1 : 0;
            if (++w == line.Length) w = 0;
        }
        st.Write = w;
        st.Quiet = quiet;
        if (got < n) st.InputEnded = true;
        if (tape && produced > 0) st.Head = delays[produced - 1];
        if (produced < n) st.Ended = true;
        return produced;
    }

    float FeedbackAt(int i)
    {
        var fb = feedbackBuf[i];
        return fb > 1 ? 1 : fb < -1 ? -1 : float.IsNaN(fb) ? 0 : fb;
    }

    static float Finite(float x) => float.IsFinite(x) ? x : 0;

    /// <summary>Takes over the state's contents into this plan's lines (after a reload that changed their length).</summary>
    void Adopt()
    {
        var st = state;
        var from = st.Line;
        var write = DelayState.CopyLine(from, st.Write, line);
        if (lineRight is not null) DelayState.CopyLine(st.LineRight.Length == from.Length ? st.LineRight : from, st.Write, lineRight);
        st.Line = line;
        st.LineRight = lineRight ?? [];
        st.Write = write;
    }

    public override IEnumerable<Signal> Children =>
        new[] { time, feedback, mix }.SelectMany(w => w.Children).Append(signal);
}
