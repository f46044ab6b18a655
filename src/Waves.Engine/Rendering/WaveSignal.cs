namespace Waves.Engine.Rendering;

/// <summary>A value used where a signal is expected (<c>signal: 0.5</c>): mono, never ends,
/// timed by the owning node's clock.</summary>
public sealed class WaveSignal(Wave wave, NodeState owner, int maxBlock) : Signal(null, maxBlock, false)
{
    protected override int Render(in Block block)
    {
        wave.Fill(block, owner.Clock, Left);
        return block.Count;
    }

    public override IEnumerable<Signal> Children => wave.Children;
}
