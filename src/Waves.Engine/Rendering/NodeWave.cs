namespace Waves.Engine.Rendering;

/// <summary>A node used as a control value: stereo is averaged to mono; after the node ends its
/// last value is held, so a parameter never falls to zero just because its source finished.</summary>
public sealed class NodeWave(Signal node) : Wave
{
    float last;

    public Signal Node => node;

    public override int Fill(in Block block, long clock, Span<float> dst)
    {
        var produced = node.Pull(block);
        var l = node.Left;
        if (node.Right is { } r)
            for (var i = 0; i < produced; i++) dst[i] = (l[i] + r[i]) * 0.5f;
        else
            l.AsSpan(0, produced).CopyTo(dst);
        if (produced > 0) last = dst[produced - 1];
        dst[produced..block.Count].Fill(last);
        return produced;
    }

    public override IEnumerable<Signal> Children => [node];
}
