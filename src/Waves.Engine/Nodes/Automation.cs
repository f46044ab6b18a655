using Waves.Engine.Patching;
using Waves.Engine.Rendering;

namespace Waves.Engine.Nodes;

public sealed class AutomationState : NodeState
{
    /// <summary>Current step (−1 before the first trigger), repeat, and the next step a trigger selects.</summary>
    public int Step = -1, Repeat, Next;
    /// <summary>Start and length of the current step, in frames of the node's clock (exact, not rounded).</summary>
    public double StepStart, StepLength;
    public bool Started, Done;
    public float LastTrigger, LastReset;
    /// <summary>Overlap mode: the value step playing, the one fading out, and frames since it changed.</summary>
    public int Active = -1, Previous = -1;
    public long Fade;

    public override void CopyFrom(NodeState other)
    {
        base.CopyFrom(other);
        var o = (AutomationState)other;
        (Step, Repeat, Next, StepStart, StepLength, Started, Done) = (o.Step, o.Repeat, o.Next, o.StepStart, o.StepLength, o.Started, o.Done);
        (LastTrigger, LastReset, Active, Previous, Fade) = (o.LastTrigger, o.LastReset, o.Active, o.Previous, o.Fade);
    }
}

/// <summary>
/// <c>automation</c>: a list of values (numbers, expressions, nodes; <c>~</c> holds the previous one)
/// stepped every <c>interval</c> seconds (with <c>swing</c>), or on each rising edge of <c>trigger</c>.
/// <c>mode</c>: <c>step</c> plays the value step; <c>ramp</c> runs linearly from one value step to the
/// next; <c>overlap</c> crossfades into each new value over <c>overlap</c> seconds. After
/// <c>repeat</c> passes it stays on the last step. A value step that is a node runs only while it is
/// heard. Differences from the original, all deliberate: steps begin on their exact frame (their
/// length in frames is not truncated, so steps of 0.125 s stay on the beat), interval and swing are
/// read on the frame each step begins, a rising <c>reset</c> restarts the list on its frame, and an
/// overlap crossfade runs by frames also in trigger mode and across rests (the original restarted
/// it at every chunk in trigger mode, and from zero in a rest).
/// </summary>
public sealed class Automation : Signal
{
    public static readonly NodeInfo Info = new(
        "automation", "stepped, ramped or crossfaded control values", "mono",
        [
            new("steps", ParamKind.List, "the values, in order; ~ holds the previous one"),
            new("interval", ParamKind.Wave, "seconds per step") { Default = 1, Min = 0 },
            new("mode", ParamKind.Enum, "how one value leads to the next") { DefaultText = "step", Choices = ["step", "ramp", "overlap"] },
            new("overlap", ParamKind.Number, "crossfade seconds in overlap mode") { Default = 0.1, Min = 0 },
            new("repeat", ParamKind.Number, "passes through the list (default: forever)") { Min = 1 },
            new("swing", ParamKind.Wave, "-1…1: odd steps longer by swing/2 of a step, even ones shorter") { Default = 0, Min = -1, Max = 1 },
            new("trigger", ParamKind.Wave, "a rising edge through 0.5 selects the next step (instead of interval)"),
            new("reset", ParamKind.Wave, "a rising edge through 0.5 starts the list again"),
        ],
        ExtraKeys.Forbid,
        Compile);

    enum Mode { Step, Ramp, Overlap }

    readonly AutomationState state;
    readonly Wave?[] steps;
    readonly int[] valueAt, nextValue;
    readonly int firstValue;
    readonly Mode mode;
    readonly long overlap, repeats;
    readonly Wave interval, swing;
    readonly Wave? trigger, reset;
    readonly float[] intervals, swings, triggers, resets, weightA, scratch;
    readonly int[] a, b;
    readonly double sampleRate;

    Automation(NodeSpec spec, CompileScope scope, AutomationState state, Wave?[] steps, Wave interval, Wave swing, Wave? trigger, Wave? reset)
        : base(spec, scope.MaxBlock, false)
    {
        this.state = state;
        this.steps = steps;
        this.interval = interval;
        this.swing = swing;
        this.trigger = trigger;
        this.reset = reset;
        sampleRate = scope.SampleRate;
        mode = spec.Get("mode") is Value.Text { V: "ramp" } ? Mode.Ramp : spec.Get("mode") is Value.Text { V: "overlap" } ? Mode.Overlap : Mode.Step;
        overlap = FramesWave.ToFrames(spec.Get("overlap") is Value.Number o ? o.V : 0.1, sampleRate);
        repeats = spec.Get("repeat") is Value.Number { V: var r } && double.IsFinite(r) ? Math.Max(1, (long)r) : long.MaxValue;
        var len = steps.Length;
        valueAt = new int[len];
        nextValue = new int[len];
        firstValue = Array.FindIndex(steps, s => s is not null);
        for (var s = 0; s < len; s++)
        {
            var before = Array.FindLastIndex(steps, s, s + 1, w => w is not null);
            nextValue[s] = s + 1 < len ? Array.FindIndex(steps, s + 1, w => w is not null) : -1;
            valueAt[s] = before >= 0 ? before : nextValue[s];
        }
        var n = scope.MaxBlock;
        intervals = new float[n]; swings = new float[n]; triggers = new float[n]; resets = new float[n];
        weightA = new float[n]; scratch = new float[n]; a = new int[n]; b = new int[n];
    }

    static Signal Compile(NodeSpec spec, CompileScope scope)
    {
        var state = scope.Bind<AutomationState>(spec);
        var children = scope.WithDuration(spec.Duration);
        Wave?[] steps = [];
        if (spec.Get("steps") is Value.List list && list.Items.Length > 0)
            steps = [.. list.Items.Select((v, i) => v is Value.Null ? null : children.CompileWave(v, 0, spec, $"steps/{i}"))];
        else
            scope.Env.Error(spec.Get("steps")?.Pos ?? spec.Pos, "'automation' needs 'steps': a list of values");
        Wave? Optional(string name) => spec.Get(name) is null or Value.Null ? null : children.CompileWave(spec.Get(name), 0, spec, name);
        return new Automation(spec, scope, state, steps,
            children.CompileWave(spec.Get("interval"), 1, spec, "interval"),
            children.CompileWave(spec.Get("swing"), 0, spec, "swing"),
            Optional("trigger"), Optional("reset"));
    }

    protected override int Render(in Block block)
    {
        var n = block.Count;
        var clock = state.Clock;
        Left.AsSpan(0, n).Clear();
        if (steps.Length == 0)
        {
            state.Clock = clock + n;
            return n;
        }
        if (trigger is null)
        {
            interval.Fill(block, clock, intervals);
            swing.Fill(block, clock, swings);
        }
        else trigger.Fill(block, clock, triggers);
        reset?.Fill(block, clock, resets);
        for (var i = 0; i < n; i++) Plan(i, clock + i);
        for (var k = 0; k < steps.Length; k++)
            if (steps[k] is { } wave) Mix(block, clock, k, wave);
        state.Clock = clock + n;
        return n;
    }

    /// <summary>Moves the step timer to frame <paramref name="frame"/> and decides what sample
    /// <paramref name="i"/> plays: value step a[i] weighted weightA[i], plus b[i] with the rest.</summary>
    void Plan(int i, long frame)
    {
        var st = state;
        var len = steps.Length;
        if (reset is not null)
        {
            var r = resets[i];
            if (st.LastReset < 0.5f && r >= 0.5f)
            {
                (st.Repeat, st.Next, st.Done) = (0, 0, false);
                if (trigger is null) StartStep(i, frame, 0);
                else st.Step = -1;
            }
            st.LastReset = r;
        }
        if (trigger is not null)
        {
            var t = triggers[i];
            if (st.LastTrigger < 0.5f && t >= 0.5f)
            {
                if (st.Next >= len)
                {
                    st.Repeat = (int)Math.Min(int.MaxValue, st.Repeat + 1L);
                    st.Next = st.Repeat >= repeats ? len - 1 : 0;
                }
                st.Step = st.Next++;
            }
            st.LastTrigger = t;
        }
        else
        {
            if (!st.Started)
            {
                st.Started = true;
                StartStep(i, frame, 0);
            }
            while (!st.Done && frame >= st.StepStart + st.StepLength - 1e-7)
            {
                var next = st.Step + 1;
                if (next >= len)
                {
                    st.Repeat = (int)Math.Min(int.MaxValue, st.Repeat + 1L);
                    if (st.Repeat >= repeats) { st.Done = true; st.Step = len - 1; break; }
                    next = 0;
                }
                StartStep(i, st.StepStart + st.StepLength, next);
            }
        }
        var cur = st.Step < 0 ? -1 : valueAt[st.Step];
        (a[i], b[i], weightA[i]) = (cur, -1, 1f);
        switch (mode)
        {
            case Mode.Ramp when cur >= 0:
                var nxt = nextValue[st.Step];
                var between = nxt - cur;
                if (nxt < 0 && st.Repeat + 1 < repeats) (nxt, between) = (firstValue, len - cur + firstValue);
                if (nxt < 0 || between <= 0) break;
                // In trigger mode, or once the passes are done, a step has no time to ramp through.
                var frac = trigger is null && !st.Done ? Math.Clamp((frame - st.StepStart) / st.StepLength, 0, 1) : 0;
                var f = Math.Clamp((st.Step - cur + frac) / between, 0, 1);
                (b[i], weightA[i]) = (nxt, (float)(1 - f));
                break;
            case Mode.Overlap:
                if (cur != st.Active) (st.Previous, st.Active, st.Fade) = (st.Active, cur, 0);
                if (st.Previous >= 0 && cur >= 0 && st.Fade < overlap)
                {
                    var g = (float)((double)st.Fade / overlap);
                    (a[i], b[i], weightA[i]) = (st.Previous, cur, 1 - g);
                }
                st.Fade++;
                break;
        }
    }

    /// <summary>Begins step <paramref name="step"/> at <paramref name="start"/>, its length read from
    /// interval and swing on sample <paramref name="i"/>.</summary>
    void StartStep(int i, double start, int step)
    {
        var s = Math.Clamp((double)swings[i], -1, 1);
        var factor = step % 2 == 1 ? 1 + s / 2 : 1 - s / 2;
        state.Step = step;
        state.StepStart = start;
        var length = intervals[i] * factor * sampleRate;
        state.StepLength = length >= 1 ? length : 1;
    }

    /// <summary>Renders value step <paramref name="k"/> over each run of frames that hears it, and adds it in.</summary>
    void Mix(in Block block, long clock, int k, Wave wave)
    {
        var n = block.Count;
        // A value that is not a node has no time of its own: computed for the whole block, used where heard.
        var whole = wave is not NodeWave;
        var filled = false;
        var i = 0;
        while (i < n)
        {
            if (a[i] != k && b[i] != k) { i++; continue; }
            var end = i + 1;
            while (end < n && (a[end] == k || b[end] == k)) end++;
            if (!whole) wave.Fill(SubBlock.Of(block, i, end - i), clock + i, scratch);
            else if (!filled) filled = wave.Fill(block, clock, scratch) >= 0;
            var from = whole ? 0 : i;
            for (var j = i; j < end; j++)
            {
                var w = (a[j] == k ? weightA[j] : 0) + (b[j] == k ? 1 - weightA[j] : 0);
                Left[j] += w * scratch[j - from];
            }
            i = end;
        }
    }

    public override IEnumerable<Signal> Children =>
        steps.SelectMany(s => s?.Children ?? []).Concat(new[] { interval, swing, trigger, reset }.SelectMany(w => w?.Children ?? []));
}
