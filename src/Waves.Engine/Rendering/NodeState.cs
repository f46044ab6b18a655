using System.Diagnostics.CodeAnalysis;

namespace Waves.Engine.Rendering;

/// <summary>
/// The persistent part of a node, kept by node id across reloads. Only the render thread
/// writes it; the compiler only hands an existing object to the new plan.
/// The annotation keeps every state type's public fields and constructor in trimmed, natively
/// compiled builds (the journal reads and writes the fields; Clone and Fresh construct).
/// </summary>
[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)]
public abstract class NodeState
{
    /// <summary>Frames this node has rendered since it started: its time, which survives reloads.</summary>
    public long Clock;

    /// <summary>Copies every field of <paramref name="other"/> (a state of the same type) into this one,
    /// without allocating: used at a block boundary for fades, snapshots and resets.</summary>
    public virtual void CopyFrom(NodeState other) => Clock = other.Clock;

    /// <summary>A new state of the same type holding the same values (allocates: not for the render thread).</summary>
    public NodeState Clone()
    {
        var copy = (NodeState)Activator.CreateInstance(GetType())!;
        copy.CopyFrom(this);
        return copy;
    }

    /// <summary>A fresh state of the same type, as a new node would start with.</summary>
    public NodeState Fresh() => (NodeState)Activator.CreateInstance(GetType())!;

    /// <summary>An empty state shaped like this one (its buffers of the same sizes), made off the render
    /// thread for a snapshot that the render thread then fills without allocating.</summary>
    public virtual NodeState Blank() => Fresh();
}
