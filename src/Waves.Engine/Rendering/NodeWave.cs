namespace Waves.Engine.Rendering;

/// <summary>The value a control node held when it ended, kept with the states so that it survives
/// reloads and state snapshots.</summary>
public sealed class HeldValueState : NodeState
{
    public float Last;

    public override void CopyFrom(NodeState other)
    {
        base.CopyFrom(other);
        Last = ((HeldValueState)other).Last;
    }
}

/// <summary>A node used as a control value: stereo is averaged to mono; after the node ends its
/// last value is held, so a parameter never falls to zero just because its source finished.</summary>
public sealed class NodeWave(Signal node, HeldValueState held) : Wave
{
    public Signal Node => node;

    public override int Fill(in Block block, long clock, Span<float> dst)
    {
        var produced = node.Pull(block);
        var l = node.Left;
        if (node.Right is { } r)
            for (var i = 0; i < produced; i++) dst[i] = (l[i] + r[i]) * 0.5f;
        else
            l.AsSpan(0, produced).CopyTo(dst);
        if (produced > 0) held.Last = dst[produced - 1];
        dst[produced..block.Count].Fill(held.Last);
        return produced;
    }

    public override IEnumerable<Signal> Children => [node];
}
