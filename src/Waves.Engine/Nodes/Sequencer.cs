using Waves.Engine.Patching;
using Waves.Engine.Rendering;

namespace Waves.Engine.Nodes;

/// <summary>
/// <c>sequencer</c>: starts sounds on steps. A step is a rest (<c>~</c>, empty), a sound of the library
/// as a node string (<c>"hihat v.5"</c>: its root's parameters are set and every parameter is a name its
/// expressions see), an inline node, or a chord (a list, or a text with commas). Modes: <c>steps</c>
/// advance every <c>interval</c> seconds (with <c>swing</c>), or at each rising edge of <c>trigger</c>;
/// <c>chain</c> starts each item when the previous one ends. <c>repeat</c> passes, then it ends once its
/// voices have; <c>reset</c> goes back to the first step.
/// Every sound a step can start is compiled with the patch into <c>voices</c> + 2 slots per distinct
/// sound (ids: the sequencer's id, <c>voice</c>, the sound, the slot), so starting one allocates nothing,
/// and an edited sound is heard from its next start after the reload (a voice ringing through the
/// reload keeps its state and plays on in the new version). At most <c>voices</c> ring at once: a
/// start beyond that fades the oldest voice out over 5 ms; a start finding no slot is skipped.
/// <c>rand</c> in a voice draws anew at each start, the same whichever slot the start lands in.
/// A voice plays until its sound ends or for the largest <c>duration</c> in the sound (1 s without
/// one), as in the original.
/// Differences from the original (fixes): steps fall on exact frames for any block size (the
/// original's float timer made steps a frame short and read interval and swing once per chunk;
/// here they are read per sample and a step's fractional frame is carried to the next, so step n of
/// a steady interval L starts on the first frame ≥ n·L, as tempo ticks do); a reset is honoured on
/// its frame in every mode (the original missed it between chunk starts in interval mode); a chain
/// item starts on the frame the previous one ended (the original waited for chunk boundaries); an
/// interval below one frame counts as one frame (the original hung with interval 0); voices are
/// bounded (the original kept every voice and grew its state forever); a restarted voice starts
/// from fresh state (the original could hand it a finished voice's state).
/// </summary>
public sealed class Sequencer : Signal
{
    public static readonly NodeInfo Info = new(
        "sequencer", "plays sounds on steps: every interval, on trigger edges, or one after another", "mono, or stereo when a step sound is",
        [
            new("steps", ParamKind.List, "steps: a sound name or node string, a node, a chord (list or 'a, b'), or empty for a rest"),
            new("chain", ParamKind.List, "items played one after another, each when the previous ends"),
            new("interval", ParamKind.Wave, "seconds per step") { Default = 0, Min = 0 },
            new("swing", ParamKind.Wave, "-1..1: odd steps last interval·(1+swing/2), even ones interval·(1−swing/2)") { Default = 0 },
            new("repeat", ParamKind.Number, "passes through the list (default: forever)") { Min = 0 },
            new("trigger", ParamKind.Wave, "a rising edge through 0.5 plays the next step (instead of interval)"),
            new("reset", ParamKind.Wave, "a rising edge through 0.5 goes back to the first step"),
            new("voices", ParamKind.Number, "most voices ringing at once; a start beyond fades the oldest out") { Default = DefaultVoices, Min = 1, Max = 256 },
        ],
        ExtraKeys.Forbid,
        Compile);

    public const int DefaultVoices = 16;

    /// <summary>Length of the fade-out of a stolen voice, as midi_in's.</summary>
    const double StealSeconds = 0.005;

    enum Mode { Interval, Trigger, Chain }

    readonly SequencerState state;
    readonly Mode mode;
    readonly VoicePool[] pools;
    /// <summary>Every slot of every pool, kept in start order: voices are summed oldest first, so the
    /// sum does not depend on which slot a start found free (which can depend on the block size).</summary>
    readonly VoicePool.Slot[] byAge;
    readonly int[][] steps;
    readonly long repeat;
    readonly int voices, stealFrames;
    readonly double sampleRate;
    readonly Wave interval, swing;
    readonly Wave? trigger, reset;
    readonly float[] intervals, swings, triggers, resets;
    readonly int[] resetFrames;
    long block = -1;

    Sequencer(NodeSpec spec, CompileScope scope, SequencerState state, Mode mode, VoicePool[] pools, int[][] steps,
        Wave interval, Wave swing, Wave? trigger, Wave? reset)
        : base(spec, scope.MaxBlock, pools.Any(p => p.IsStereo))
    {
        this.state = state;
        this.mode = mode;
        this.pools = pools;
        byAge = [.. pools.SelectMany(p => p.Slots)];
        this.steps = steps;
        this.interval = interval;
        this.swing = swing;
        this.trigger = trigger;
        this.reset = reset;
        sampleRate = scope.SampleRate;
        repeat = spec.Get("repeat") is Value.Number { V: var r } && double.IsFinite(r) ? (long)r : long.MaxValue;
        voices = spec.Get("voices") is Value.Number { V: var v } ? (int)Math.Clamp(v, 1, 256) : DefaultVoices;
        stealFrames = Math.Max(1, (int)(StealSeconds * scope.SampleRate));
        intervals = new float[scope.MaxBlock];
        swings = new float[scope.MaxBlock];
        triggers = new float[scope.MaxBlock];
        resets = new float[scope.MaxBlock];
        resetFrames = new int[scope.MaxBlock];
    }

    static Signal Compile(NodeSpec spec, CompileScope scope)
    {
        var state = scope.Bind<SequencerState>(spec);
        var (param, list) = spec.Get("steps") is Value.List s ? ("steps", s)
            : spec.Get("chain") is Value.List c ? ("chain", c) : ("steps", new Value.List([], spec.Pos));
        var mode = spec.Get("trigger") is not (null or Value.Null) ? Mode.Trigger : param == "chain" ? Mode.Chain : Mode.Interval;
        var voices = spec.Get("voices") is Value.Number { V: var v } ? (int)Math.Clamp(v, 1, 256) : DefaultVoices;
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var pools = new List<VoicePool>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var steps = new int[list.Items.Length][];
        for (var i = 0; i < list.Items.Length; i++)
        {
            var sounds = new List<(NodeSpec Spec, string At, string Place)>();
            switch (list.Items[i])
            {
                case Value.Null or Value.Invalid: break;
                case Value.Node n: sounds.Add((n.Spec, $"{spec.Id}/{param}/{i}", $"{param}{i}")); break;
                case Value.List chord:
                    for (var j = 0; j < chord.Items.Length; j++)
                        if (chord.Items[j] is Value.Node cn) sounds.Add((cn.Spec, $"{spec.Id}/{param}/{i}/{j}", $"{param}{i}.{j}"));
                    break;
                case var other:
                    scope.Env.Error(other.Pos, $"a sequencer step is a sound name, a node, a list of them or empty; got {other.Describe()}");
                    break;
            }
            var pick = new int[sounds.Count];
            for (var j = 0; j < sounds.Count; j++)
            {
                var (sound, at, place) = sounds[j];
                var key = VoicePool.Key(sound);
                if (!byKey.TryGetValue(key, out var p))
                {
                    byKey[key] = p = pools.Count;
                    // Different sounds under one name (a sound and an override of it) get their own voice ids.
                    var name = VoicePool.Name(sound, at, place);
                    for (var k = 2; !names.Add(name); k++) name = $"{VoicePool.Name(sound, at, place)}~{k}";
                    pools.Add(VoicePool.Compile(spec, sound, at, name, voices + 2, scope));
                }
                pick[j] = p;
            }
            steps[i] = pick;
        }
        var waves = scope.WithDuration(spec.Duration);
        Wave? Optional(string name) => spec.Get(name) is null or Value.Null ? null : waves.CompileWave(spec.Get(name), 0, spec, name);
        return new Sequencer(spec, scope, state, mode, [.. pools], steps,
            waves.CompileWave(spec.Get("interval"), 0, spec, "interval"), waves.CompileWave(spec.Get("swing"), 0, spec, "swing"),
            Optional("trigger"), Optional("reset"));
    }

    protected override int Render(in Block b)
    {
        block = b.Index;
        var n = b.Count;
        var s = state;
        Left.AsSpan(0, n).Clear();
        Right?.AsSpan(0, n).Clear();
        if (steps.Length == 0)
        {
            s.Clock += n;
            return n;
        }
        reset?.Fill(b, s.Clock, resets);
        var completeAt = s.Complete ? 0 : -1;
        var end = 0;
        if (mode == Mode.Chain)
            end = RenderChain(b, ref completeAt);
        else
        {
            if (mode == Mode.Trigger) trigger!.Fill(b, s.Clock, triggers);
            else
            {
                interval.Fill(b, s.Clock, intervals);
                swing.Fill(b, s.Clock, swings);
            }
            for (var i = 0; i < n; i++)
            {
                if (reset is not null && Edge(ref s.LastReset, resets[i])) Restart();
                if (s.Complete) continue;
                if (mode == Mode.Trigger)
                {
                    if (!Edge(ref s.LastTrigger, triggers[i])) continue;
                    end = Math.Max(end, RenderUpTo(b, i));
                    Fire(s.NextTrigger, i);
                    if (++s.NextTrigger >= steps.Length)
                    {
                        s.NextTrigger = 0;
                        if (++s.Repeat >= repeat) Completed(ref completeAt, i + 1);
                    }
                    continue;
                }
                if (!s.Fired)
                {
                    end = Math.Max(end, RenderUpTo(b, i));
                    Fire(s.Step, i);
                    s.Fired = true;
                }
                var sw = Math.Clamp(swings[i], -1f, 1f);
                var length = Math.Max(1, intervals[i] * sampleRate * (s.Step % 2 == 1 ? 1 + sw / 2 : 1 - sw / 2));
                s.TimeInStep += 1;
                if (s.TimeInStep + 1e-9 < length) continue;
                s.TimeInStep = Math.Max(0, s.TimeInStep - length);
                if (Advance()) Completed(ref completeAt, i + 1);
            }
            end = Math.Max(end, RenderUpTo(b, n));
        }
        s.Clock += n;
        if (!s.Complete || AnyActive()) return n;
        return Finish(b, Math.Max(end, completeAt));
    }

    /// <summary>Chain mode: renders the current item's voices; where they all end, the next item starts.
    /// A reset starts the first item on its frame (what rings goes on).</summary>
    int RenderChain(in Block b, ref int completeAt)
    {
        var s = state;
        var n = b.Count;
        var resetCount = 0;
        if (reset is not null)
            for (var i = 0; i < n; i++)
                if (Edge(ref s.LastReset, resets[i])) resetFrames[resetCount++] = i;
        var at = 0;
        var end = 0;
        var next = 0;
        for (var idle = 0; idle <= steps.Length;)
        {
            for (; next < resetCount && resetFrames[next] <= at; next++) Restart();
            var nextReset = next < resetCount ? resetFrames[next] : n;
            if (!s.Complete && !s.Fired)
            {
                Fire(s.Step, at);
                s.Fired = true;
            }
            end = Math.Max(end, RenderVoices(b, at, out var stepEnd));
            if (s.Complete || stepEnd < 0 || stepEnd >= nextReset)
            {
                if (nextReset >= n) break;
                at = nextReset;
                continue;
            }
            // The item ended (or was a rest) at stepEnd: the next starts there.
            idle = stepEnd == at ? idle + 1 : 0;
            at = stepEnd;
            if (Advance()) Completed(ref completeAt, at);
        }
        return end;
    }

    /// <summary>Moves to the next step; true when that completed the last pass.</summary>
    bool Advance()
    {
        var s = state;
        s.Fired = false;
        if (++s.Step < steps.Length) return false;
        s.Step = 0;
        return ++s.Repeat >= repeat;
    }

    void Completed(ref int completeAt, int frame)
    {
        state.Complete = true;
        if (completeAt < 0) completeAt = frame;
    }

    void Restart()
    {
        var s = state;
        (s.Step, s.NextTrigger, s.Repeat, s.TimeInStep, s.Complete, s.Fired) = (0, 0, 0, 0, false, false);
    }

    static bool Edge(ref float last, float value)
    {
        var rising = last < 0.5f && value >= 0.5f;
        last = value;
        return rising;
    }

    /// <summary>Starts the sounds of <paramref name="step"/> at frame <paramref name="at"/> of the block.</summary>
    void Fire(int step, int at)
    {
        var s = state;
        foreach (var p in steps[step])
        {
            if (Ringing() >= voices) Steal();
            VoicePool.Slot? free = null, quietest = null;
            foreach (var slot in pools[p].Slots)
            {
                // Chain mode renders a voice once per block: a slot started in it waits for the next.
                if (!slot.State.Active && (mode != Mode.Chain || slot.StartedInBlock != block))
                {
                    free = slot;
                    break;
                }
                if (mode != Mode.Chain && slot.State.FadeLeft > 0 && (quietest is null || slot.State.FadeLeft < quietest.State.FadeLeft))
                    quietest = slot;
            }
            // Every slot busy (starts faster than fades end): the fading voice nearest silence gives way.
            free ??= quietest;
            if (free is null) continue;
            free.Restart.Apply(s.Clock + at);
            var v = free.State;
            (v.Active, v.Order, v.Played, v.Lifetime, v.FadeLeft, v.FadeLength, v.Step, v.Repeat) =
                (true, ++s.Started, 0, pools[p].Lifetime, 0, 0, step, s.Repeat);
            free.StartedInBlock = block;
            free.Offset = at;
            (free.PartBlock, free.Done) = (block, at);
        }
    }

    int Ringing()
    {
        var count = 0;
        foreach (var pool in pools)
            foreach (var slot in pool.Slots)
                if (slot.State is { Active: true, FadeLeft: 0 }) count++;
        return count;
    }

    /// <summary>Fades out the oldest voice that is not fading yet, from the frame it was rendered up to.</summary>
    void Steal()
    {
        VoicePool.Slot? oldest = null;
        foreach (var pool in pools)
            foreach (var slot in pool.Slots)
                if (slot.State is { Active: true, FadeLeft: 0 } && (oldest is null || slot.State.Order < oldest.State.Order))
                    oldest = slot;
        if (oldest is null) return;
        (oldest.State.FadeLeft, oldest.State.FadeLength) = (stealFrames, stealFrames);
    }

    /// <summary>Steps and triggers: renders every ringing voice, oldest first, from where it stands in
    /// the block up to frame <paramref name="to"/>; returns the last frame any produced.</summary>
    int RenderUpTo(in Block b, int to)
    {
        var end = 0;
        SortByAge();
        foreach (var slot in byAge)
        {
            if (!slot.State.Active) continue;
            var from = slot.PartBlock == block ? slot.Done : 0;
            if (from >= to) continue;
            (slot.PartBlock, slot.Done) = (block, to);
            end = Math.Max(end, from + Play(b, slot, from, to));
        }
        return end;
    }

    bool AnyActive()
    {
        foreach (var pool in pools)
            foreach (var slot in pool.Slots)
                if (slot.State.Active) return true;
        return false;
    }

    /// <summary>Adds every ringing voice not yet rendered in this block; returns the last frame any
    /// produced. <paramref name="stepEnd"/>: the frame where the current step's voices have all ended
    /// (−1 while one rings on past the block).</summary>
    int RenderVoices(in Block b, int at0, out int stepEnd)
    {
        var s = state;
        var end = 0;
        stepEnd = at0;
        SortByAge();
        foreach (var slot in byAge)
        {
            var v = slot.State;
            if (!v.Active) continue;
            var current = v.Step == s.Step && v.Repeat == s.Repeat;
            if (slot.RenderedInBlock == block)
            {
                if (current) stepEnd = -1;
                continue;
            }
            slot.RenderedInBlock = block;
            var at = slot.StartedInBlock == block ? slot.Offset : 0;
            var got = Play(b, slot, at, b.Count);
            end = Math.Max(end, at + got);
            if (!current) continue;
            if (v.Active) stepEnd = -1;
            else if (stepEnd >= 0) stepEnd = Math.Max(stepEnd, at + got);
        }
        return end;
    }

    /// <summary>Insertion sort by start order: allocation-free, and linear when little changed.</summary>
    void SortByAge()
    {
        for (var i = 1; i < byAge.Length; i++)
        {
            var slot = byAge[i];
            var j = i - 1;
            for (; j >= 0 && byAge[j].State.Order > slot.State.Order; j--) byAge[j + 1] = byAge[j];
            byAge[j + 1] = slot;
        }
    }

    /// <summary>Renders one voice over frames [<paramref name="at"/>, <paramref name="to"/>) of the block
    /// into the output (a fade under way goes on from the first of them).</summary>
    int Play(in Block b, VoicePool.Slot slot, int at, int to)
    {
        var v = slot.State;
        var count = (int)Math.Min(to - at, v.Lifetime - v.Played);
        var part = at == 0 && to == b.Count ? b : mode == Mode.Chain ? new Block(b.Index, b.Frame + at, count, b.SwapFrame) : SubBlock.Of(b, at, count);
        var got = count <= 0 ? 0 : slot.Signal.Pull(part with { Count = count });
        var fadeFrom = v.FadeLeft > 0 ? 0 : int.MaxValue;
        var l = slot.Signal.Left;
        var r = slot.Signal.Right;
        var right = Right;
        var stop = got;
        for (var i = 0; i < got; i++)
        {
            var gain = 1f;
            if (i >= fadeFrom)
            {
                if (v.FadeLeft <= 0)
                {
                    stop = i;
                    break;
                }
                gain = (float)v.FadeLeft / v.FadeLength;
                v.FadeLeft--;
            }
            Left[at + i] += gain * l[i];
            if (right is not null) right[at + i] += gain * (r ?? l)[i];
        }
        v.Played += stop;
        if (stop < count || v.Played >= v.Lifetime || (v.FadeLeft <= 0 && fadeFrom != int.MaxValue)) v.Active = false;
        return stop;
    }

    public override IEnumerable<Signal> Children =>
        pools.SelectMany(p => p.Slots.Select(s => s.Signal))
            .Concat(interval.Children).Concat(swing.Children)
            .Concat(trigger?.Children ?? []).Concat(reset?.Children ?? []);
}
