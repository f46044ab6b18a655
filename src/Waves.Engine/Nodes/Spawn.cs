using Waves.Engine.Expressions;
using Waves.Engine.Patching;
using Waves.Engine.Rendering;

namespace Waves.Engine.Nodes;

public sealed class SpawnState : NodeState
{
    public float LastTrigger;
    /// <summary>Voices started so far: the age order that stealing goes by.</summary>
    public long Started;

    public override void CopyFrom(NodeState other)
    {
        base.CopyFrom(other);
        var o = (SpawnState)other;
        (LastTrigger, Started) = (o.LastTrigger, o.Started);
    }
}

/// <summary>One voice slot of a spawn: whether it sounds, when it started, and the frames left of
/// its fade-out when it was stolen (0: not fading).</summary>
public sealed class SpawnSlotState : NodeState, IVoiceOrdinal
{
    public bool Active;
    public long Order;
    public int FadeLeft;

    public override void CopyFrom(NodeState other)
    {
        base.CopyFrom(other);
        var o = (SpawnSlotState)other;
        (Active, Order, FadeLeft) = (o.Active, o.Order, o.FadeLeft);
    }

    public long Ordinal => Order;
}

/// <summary>
/// <c>spawn</c>: each rising edge of <c>trigger</c> through <c>threshold</c> starts a copy of
/// <c>signal</c> on that frame; copies play until they end, summed. At most <c>voices</c> play: a new
/// one fades the oldest out over 5 ms (the original cut it, with a click); two spare slots let the
/// faded voice ring out beside the new one; <c>rand</c> in a voice draws anew at each start. The
/// voices are compiled with the
/// patch (slot k's nodes have ids <c>…/signal/k/…</c> and keep their states across reloads, so a
/// reload neither cuts nor restarts them); starting one copies fresh values into its states and
/// allocates nothing. Inside a voice, <c>gate</c> is 1. Never ends.
/// </summary>
public sealed class Spawn : Signal
{
    public static readonly NodeInfo Info = new(
        "spawn", "starts a copy of its signal on each trigger edge", "mono, or stereo when the signal is",
        [
            new("trigger", ParamKind.Wave, "a rising edge through threshold starts a voice"),
            new("signal", ParamKind.Wave, "what each voice plays"),
            new("voices", ParamKind.Number, "most voices at once; the oldest fades out for a new one") { Default = 32, Min = 1, Max = MaxVoices },
            new("threshold", ParamKind.Number, "level the trigger rises through") { Default = 0.5 },
        ],
        ExtraKeys.Forbid,
        Compile);

    public const int MaxVoices = 256;

    /// <summary>Slots beyond <c>voices</c>, where stolen voices fade out.</summary>
    const int Spare = 2;

    const double StealSeconds = 0.005;

    sealed record Voice(Signal Signal, SpawnSlotState Slot, StateWrite Restart);

    readonly SpawnState state;
    readonly Wave trigger;
    readonly Voice[] voices;
    readonly float threshold;
    readonly float[] triggers;
    readonly int limit, stealFrames;

    Spawn(NodeSpec spec, CompileScope scope, SpawnState state, Wave trigger, Voice[] voices, int limit)
        : base(spec, scope.MaxBlock, voices.Length > 0 && voices[0].Signal.IsStereo)
    {
        this.limit = limit;
        stealFrames = Math.Max(1, (int)(StealSeconds * scope.SampleRate));
        this.state = state;
        this.trigger = trigger;
        this.voices = voices;
        threshold = spec.Get("threshold") is Value.Number t ? (float)t.V : 0.5f;
        triggers = new float[scope.MaxBlock];
    }

    static Signal Compile(NodeSpec spec, CompileScope scope)
    {
        var state = scope.Bind<SpawnState>(spec);
        var children = scope.WithDuration(spec.Duration);
        if (spec.Get("trigger") is null or Value.Null)
            scope.Env.Error(spec.Pos, "'spawn' needs 'trigger': the edges that start voices");
        var trigger = children.CompileWave(spec.Get("trigger"), 0, spec, "trigger");
        var count = spec.Get("voices") is Value.Number v ? (int)Math.Clamp(v.V, 1, MaxVoices) : 32;
        var inner = children.WithName("gate", new NameBinding.Number(1));
        var voices = new Voice[count + Spare];
        for (var k = 0; k < voices.Length; k++)
        {
            var prefix = $"{spec.Id}/signal/{k}";
            var value = spec.Get("signal") is Value.Node node ? new Value.Node(VoiceSpecs.ForSlot(node.Spec, spec.Id, "signal", k)) : spec.Get("signal");
            var slot = scope.Env.States.Bind<SpawnSlotState>(prefix + "#slot");
            var signal = inner.WithVoiceSlot(slot, prefix, $"{spec.Id}/signal", k).CompileSignal(value, slot);
            // A start begins every state of the voice afresh: those under the slot's path, and those of
            // its explicit ids (`x#k`), which live outside it.
            var ids = value is Value.Node voiceNode ? VoiceSpecs.Ids(voiceNode.Spec).ToHashSet(StringComparer.Ordinal) : [];
            var fresh = scope.Env.States.Bound
                .Where(kv => kv.Value != slot && (kv.Key.StartsWith(prefix + "/", StringComparison.Ordinal)
                    || kv.Key.StartsWith(prefix + "#", StringComparison.Ordinal) || OfVoice(kv.Key, ids)))
                .Select(kv => (kv.Value, kv.Value.Fresh()))
                .Append((slot, new SpawnSlotState { Active = true }))
                .ToArray();
            voices[k] = new Voice(signal, slot, new StateWrite(fresh));
        }
        if (voices.Select(x => x.Signal.IsStereo).Distinct().Count() > 1)
            scope.Env.Error(spec.Pos, "the voices of 'spawn' must all be mono or all stereo");
        return new Spawn(spec, scope, state, trigger, voices, count);
    }

    static bool OfVoice(string key, HashSet<string> ids)
    {
        if (ids.Contains(key)) return true;
        var cut = key.IndexOf('#');
        while (cut > 0)
        {
            if (ids.Contains(key[..cut])) return true;
            cut = key.IndexOf('#', cut + 1);
        }
        return false;
    }

    protected override int Render(in Block block)
    {
        var n = block.Count;
        var clock = state.Clock;
        trigger.Fill(block, clock, triggers);
        Left.AsSpan(0, n).Clear();
        Right?.AsSpan(0, n).Clear();
        var from = 0;
        var last = state.LastTrigger;
        for (var i = 0; i < n; i++)
        {
            var t = triggers[i];
            if (last < threshold && t >= threshold)
            {
                Play(block, from, i);
                Start(block.Frame + i);
                from = i;
            }
            last = t;
        }
        Play(block, from, n);
        state.LastTrigger = last;
        state.Clock = clock + n;
        return n;
    }

    /// <summary>Starts a voice in a free slot; beyond the limit the oldest ringing voice starts
    /// fading. With every slot busy the fading voice closest to silence is cut.</summary>
    void Start(long frame)
    {
        Voice? oldest = null, free = null, quietest = null;
        var ringing = 0;
        foreach (var v in voices)
        {
            var slot = v.Slot;
            if (!slot.Active) free ??= v;
            else if (slot.FadeLeft > 0)
            {
                if (quietest is null || slot.FadeLeft < quietest.Slot.FadeLeft) quietest = v;
            }
            else
            {
                ringing++;
                if (oldest is null || slot.Order < oldest.Slot.Order) oldest = v;
            }
        }
        if (ringing >= limit && oldest is not null) oldest.Slot.FadeLeft = stealFrames;
        var pick = free ?? quietest ?? oldest;
        if (pick is null) return;
        pick.Restart.Apply(frame);
        pick.Slot.Order = state.Started++;
    }

    /// <summary>Renders every sounding voice over frames [from, to) of the block.</summary>
    void Play(in Block block, int from, int to)
    {
        if (to <= from) return;
        foreach (var v in voices)
        {
            var slot = v.Slot;
            if (!slot.Active) continue;
            var got = v.Signal.Pull(SubBlock.Of(block, from, to - from));
            var l = v.Signal.Left;
            var r = Right is null ? null : v.Signal.Right ?? l;
            var ended = got < to - from;
            for (var j = 0; j < got; j++)
            {
                var fading = slot.FadeLeft > 0;
                var gain = fading ? (float)slot.FadeLeft-- / stealFrames : 1f;
                Left[from + j] += gain * l[j];
                if (r is not null) Right![from + j] += gain * r[j];
                if (fading && slot.FadeLeft == 0)
                {
                    ended = true;
                    break;
                }
            }
            if (ended) slot.Active = false;
        }
    }

    public override IEnumerable<Signal> Children => trigger.Children.Concat(voices.Select(v => v.Signal));
}
