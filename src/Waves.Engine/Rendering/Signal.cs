using Waves.Engine.Patching;

namespace Waves.Engine.Rendering;

/// <summary>
/// A compiled node: an immutable plan holding preallocated output buffers, bound to its keyed
/// state. <see cref="Pull"/> renders at most once per block, so a node read from several places
/// advances its state once.
/// </summary>
public abstract partial class Signal
{
    long lastBlock = -1;
    int lastCount;

    protected Signal(NodeSpec? spec, int maxBlock, bool stereo)
    {
        Spec = spec;
        left = ownLeft = new float[maxBlock];
        right = ownRight = stereo ? new float[maxBlock] : null;
    }

    /// <summary>The spec this node was compiled from (null for values that are not nodes).</summary>
    public NodeSpec? Spec { get; }

    /// <summary>Left channel (while the node is read from inside its own rendering: its previous block).</summary>
    public float[] Left => left;

    /// <summary>Right channel; null when the node is mono (fixed when compiled).</summary>
    public float[]? Right => right;

    public bool IsStereo => Right is not null;

    /// <summary>Last exception caught while rendering, for the host to report once.</summary>
    public Exception? Fault { get; private set; }

    /// <summary>
    /// Renders the block (once) and returns how many frames the node produced: fewer than
    /// <see cref="Block.Count"/> means it ended during the block, 0 that it has ended.
    /// Frames past the returned count are zero.
    /// </summary>
    public int Pull(in Block block)
    {
        if (block.Index == lastBlock)
        {
            // Read from inside its own rendering (feedback): the block published early, else the previous one.
            if (rendering && !OutputIsReady) return Reentered(block.Count, swap: true);
            return Math.Min(lastCount, block.Count);
        }
        var caller = current;
        if (caller is null) (outermost, blockEnd) = (block, block.Frame + block.Count);
        var own = WholeBlock && block.Index == outermost.Index ? ToBlockEnd(block) : block;
        lastBlock = block.Index;
        OutputIsReady = false;
        rendering = true;
        this.caller = caller;
        current = this;
        try
        {
            lastCount = Render(own);
            if (!RenderedFinite && (!AllFinite(ownLeft, own.Count) | (ownRight is not null && !AllFinite(ownRight, own.Count))))
                NonFinite = true;
            Monitor?.Record(ownLeft, ownRight, own.Count);
        }
        catch (Exception e)
        {
            // Contain the fault: silence for the rest of this block, the music goes on.
            Fault ??= e;
            ownLeft.AsSpan(0, own.Count).Clear();
            ownRight?.AsSpan(0, own.Count).Clear();
            lastCount = own.Count;
        }
        finally
        {
            current = caller;
            rendering = false;
            if (swapped) Unswap();
        }
        // Back in the caller's own rendering: what read the caller from inside this node is done.
        if (caller is { swapped: true }) caller.Unswap();
        Feedback?.Keep(ownLeft, ownRight, lastCount, own.Count);
        return Math.Min(lastCount, block.Count);
    }

    /// <summary>Levels of each block for a node written with <c>monitor:</c> (set when compiled).</summary>
    internal NodeMonitor? Monitor { get; set; }

    /// <summary>True once this node produced a NaN or an infinity (replaced by silence, never passed on).</summary>
    public bool NonFinite { get; private set; }

    /// <summary>Replaces non-finite samples by 0; false when there were any.</summary>
    static bool AllFinite(float[] buffer, int count) => Kernels.SpanMath.ZeroNonFinite(buffer.AsSpan(0, count));

    protected abstract int Render(in Block block);

    /// <summary>Set by <see cref="Render"/> when its block cannot hold NaN or infinity (a bounded
    /// waveform times a finite constant), so the check of every sample is skipped for it.</summary>
    protected bool RenderedFinite { get; set; }

    /// <summary>For a node whose output for the block is complete before it reads its inputs (a delay at
    /// least a block long): a read of this node from inside those inputs (feedback) then gets this
    /// block's <paramref name="count"/> frames rather than a delayed copy.</summary>
    protected void OutputReady(int count)
    {
        lastCount = count;
        OutputIsReady = true;
    }

    /// <summary>True from <see cref="OutputReady"/> until the next block starts rendering.</summary>
    protected internal bool OutputIsReady { get; private set; }

    /// <summary>Zeroes the frames from <paramref name="produced"/> to the end of the block.</summary>
    protected int Finish(in Block block, int produced)
    {
        if (produced < block.Count)
        {
            Left.AsSpan(produced, block.Count - produced).Clear();
            Right?.AsSpan(produced, block.Count - produced).Clear();
        }
        return produced;
    }

    /// <summary>The signal a pass-through node forwards (context …), else null.</summary>
    public virtual Signal? PassThrough => null;

    /// <summary>Every signal this one reads directly (for diagnostics and stems).</summary>
    public virtual IEnumerable<Signal> Children => [];
}

public static class SignalTree
{
    /// <summary>Every node of a compiled tree, depth first.</summary>
    public static IEnumerable<Signal> Walk(this Signal root)
    {
        yield return root;
        foreach (var c in root.Children)
            foreach (var s in c.Walk()) yield return s;
    }

    /// <summary>Faults caught while rendering, and nodes that produced NaN or infinity, one line each with the node's position.</summary>
    public static IEnumerable<string> Faults(this Signal root) =>
        root.Walk().Where(s => s.Fault is not null || s.NonFinite)
            .Select(s => $"{s.Spec?.Pos.ToString() ?? "?"}: {s.Spec?.Type ?? "value"}: " +
                (s.Fault is { } f ? f.Message : "produced NaN or infinity; silenced"));
}
