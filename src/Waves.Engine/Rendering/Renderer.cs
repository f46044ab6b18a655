namespace Waves.Engine.Rendering;

/// <summary>
/// The block loop. At each block boundary it takes what the control side handed over through
/// single-slot mailboxes — a new patch (only the newest is kept), a state write (reset or
/// restore), a capture request — then renders the block. It never waits, locks or allocates;
/// the patch it leaves is handed back through <see cref="TakeRetired"/> to be let go elsewhere.
/// </summary>
public sealed class Renderer(Patch patch)
{
    Patch current = patch;
    Patch? pending, retired;
    StateWrite? pendingWrite;
    StateSnapshot? pendingCapture;
    long blockIndex;
    long frame;

    /// <summary>The patch rendering now.</summary>
    public Patch Current => Volatile.Read(ref current);

    /// <summary>Session frame of the next block.</summary>
    public long Frame => Volatile.Read(ref frame);

    /// <summary>Hands a patch to the render thread; it is swapped in at the next block. A patch
    /// published before the previous one was swapped in replaces it.</summary>
    public void Publish(Patch next) => Interlocked.Exchange(ref pending, next);

    /// <summary>Copies state values at the next block boundary (after any swap).</summary>
    public void Write(StateWrite write) => Interlocked.Exchange(ref pendingWrite, write);

    /// <summary>Fills <paramref name="target"/> (see <see cref="StateSnapshot.ShapedLike"/>) with the live
    /// states at the next block boundary; its <see cref="StateSnapshot.Frame"/> is set when done.</summary>
    public void RequestCapture(StateSnapshot target) => Interlocked.Exchange(ref pendingCapture, target);

    /// <summary>The last patch swapped out, once; the caller lets it go off the render thread.</summary>
    public Patch? TakeRetired() => Interlocked.Exchange(ref retired, null);

    /// <summary>
    /// Renders up to <paramref name="count"/> frames (at most the block size) into the channel
    /// spans (right may be empty for a mono patch: then only left is written). Returns the frames
    /// the sound produced; fewer than asked means it ended.
    /// </summary>
    public int RenderBlock(Span<float> left, Span<float> right, int count)
    {
        if (Volatile.Read(ref pending) is not null && Interlocked.Exchange(ref pending, null) is { } next)
        {
            Volatile.Write(ref retired, current);
            next.AppliedFrame = frame;
            Volatile.Write(ref current, next);
        }
        if (Volatile.Read(ref pendingWrite) is not null && Interlocked.Exchange(ref pendingWrite, null) is { } write)
            write.Apply(frame);
        if (Volatile.Read(ref pendingCapture) is not null && Interlocked.Exchange(ref pendingCapture, null) is { } capture)
        {
            foreach (var (id, copy) in capture.States)
                if (current.States.TryGetValue(id, out var live) && live.GetType() == copy.GetType()) copy.CopyFrom(live);
            capture.Frame = frame;
        }
        var root = current.Root;
        var block = new Block(blockIndex++, frame, count);
        var produced = root.Pull(block);
        root.Left.AsSpan(0, count).CopyTo(left);
        if (!right.IsEmpty) (root.Right ?? root.Left).AsSpan(0, count).CopyTo(right);
        Volatile.Write(ref frame, frame + count);
        return produced;
    }
}
