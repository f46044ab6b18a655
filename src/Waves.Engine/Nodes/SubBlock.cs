using Waves.Engine.Rendering;

namespace Waves.Engine.Nodes;

/// <summary>
/// Part of a block rendered on its own: a voice that starts inside a block, a path selected for a
/// run of frames. A node renders once per block index, so each part gets an index of its own
/// (negative, never a block's), and a node rendered part by part advances exactly by the parts.
/// </summary>
internal static class SubBlock
{
    static long next = long.MinValue;

    public static Block Of(in Block block, int offset, int count) =>
        offset == 0 && count == block.Count
            ? block
            : new Block(Interlocked.Increment(ref next), block.Frame + offset, count, block.SwapFrame);
}
