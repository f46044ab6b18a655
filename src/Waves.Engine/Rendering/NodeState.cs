namespace Waves.Engine.Rendering;

/// <summary>
/// The persistent part of a node, kept by node id across reloads. Only the render thread
/// writes it; the compiler only hands an existing object to the new plan.
/// </summary>
public abstract class NodeState
{
    /// <summary>Frames this node has rendered since it started: its time, which survives reloads.</summary>
    public long Clock;
}
