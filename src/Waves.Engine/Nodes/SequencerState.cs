using Waves.Engine.Expressions;
using Waves.Engine.Rendering;

namespace Waves.Engine.Nodes;

/// <summary>Where a sequencer is in its list: kept across reloads, so an edit goes on from the same step.</summary>
public sealed class SequencerState : NodeState
{
    /// <summary>The step playing (interval and chain modes) and the next step a trigger fires.</summary>
    public int Step, NextTrigger;
    /// <summary>Passes through the list so far.</summary>
    public long Repeat;
    /// <summary>Frames (with the fraction a step length left) since the current step began.</summary>
    public double TimeInStep;
    /// <summary>Whether the current step has started its sounds; whether every repeat is done.</summary>
    public bool Fired, Complete;
    public float LastTrigger, LastReset;
    /// <summary>Voices started so far: orders voices by age, for stealing the oldest.</summary>
    public long Started;

    public override void CopyFrom(NodeState other)
    {
        base.CopyFrom(other);
        var o = (SequencerState)other;
        (Step, NextTrigger, Repeat, TimeInStep, Fired, Complete, LastTrigger, LastReset, Started) =
            (o.Step, o.NextTrigger, o.Repeat, o.TimeInStep, o.Fired, o.Complete, o.LastTrigger, o.LastReset, o.Started);
    }
}

/// <summary>One voice slot of a sequencer: whether it rings, since when and until when. Keyed by the
/// sequencer's id and the slot, beside the states of the sound the slot plays, so a reload neither
/// cuts nor restarts a ringing voice.</summary>
public sealed class VoiceState : NodeState, IVoiceOrdinal
{
    public long Ordinal => Order;

    public bool Active;
    /// <summary>Start order (larger is younger).</summary>
    public long Order;
    /// <summary>Frames played, and the most it may play (the sound's declared duration, or 1 s).</summary>
    public long Played, Lifetime;
    /// <summary>Frames of fade-out left once stolen (0: not fading), of <see cref="FadeLength"/>.</summary>
    public int FadeLeft, FadeLength;
    /// <summary>The step (and pass) that started it: chain mode waits for the step's voices to end.</summary>
    public int Step;
    public long Repeat;

    public override void CopyFrom(NodeState other)
    {
        base.CopyFrom(other);
        var o = (VoiceState)other;
        (Active, Order, Played, Lifetime, FadeLeft, FadeLength, Step, Repeat) =
            (o.Active, o.Order, o.Played, o.Lifetime, o.FadeLeft, o.FadeLength, o.Step, o.Repeat);
    }
}
