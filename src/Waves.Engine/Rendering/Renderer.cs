namespace Waves.Engine.Rendering;

/// <summary>
/// The block loop. Takes a new patch from a single-slot mailbox at a block boundary (only the
/// newest is kept), renders whole blocks and counts session frames. Allocates nothing and takes
/// no lock per block.
/// </summary>
public sealed class Renderer(Patch patch)
{
    Patch current = patch;
    Patch? pending;
    long blockIndex;

    public Patch Current => current;

    /// <summary>Session frame of the next block.</summary>
    public long Frame { get; private set; }

    /// <summary>Hands a patch to the render thread; it is swapped in at the next block.</summary>
    public void Publish(Patch next) => Interlocked.Exchange(ref pending, next);

    /// <summary>
    /// Renders up to <paramref name="count"/> frames (at most the block size) into the channel
    /// spans (right may be empty for a mono patch: then only left is written). Returns the frames
    /// the sound produced; fewer than asked means it ended.
    /// </summary>
    public int RenderBlock(Span<float> left, Span<float> right, int count)
    {
        if (Volatile.Read(ref pending) is not null && Interlocked.Exchange(ref pending, null) is { } next)
            current = next;
        var root = current.Root;
        var block = new Block(blockIndex++, Frame, count);
        var produced = root.Pull(block);
        root.Left.AsSpan(0, count).CopyTo(left);
        if (!right.IsEmpty) (root.Right ?? root.Left).AsSpan(0, count).CopyTo(right);
        Frame += count;
        return produced;
    }
}
