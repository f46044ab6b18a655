namespace Waves.Engine.Rendering;

/// <summary>Stands in for a node that could not be compiled; the patch carrying it is never played.</summary>
public sealed class SilenceSignal(int maxBlock) : Signal(null, maxBlock, false)
{
    protected override int Render(in Block block) => Finish(block, 0);
}
