namespace Waves.Engine.Rendering;

/// <summary>
/// How a node is read from several places, references and feedback included. A node renders once
/// per block, at its first pull. A pull of a node that is rendering (it was re-entered through a
/// cycle) does not render it again: it gets the block the node published early with
/// <see cref="OutputReady"/> (a delay at least a block long), else the node's previous block, kept
/// in its <see cref="FeedbackState"/> (given when compiled to the nodes of cycles that can be
/// re-entered). Until the re-entering pull returns to the node's own rendering, <see cref="Left"/>
/// and <see cref="Right"/> show that previous block; the node itself keeps writing its own buffers.
/// </summary>
public abstract partial class Signal
{
    readonly float[] ownLeft;
    readonly float[]? ownRight;
    float[] left;
    float[]? right;
    bool rendering, swapped;

    /// <summary>The node whose rendering pulled this one, in its last render.</summary>
    Signal? caller;

    /// <summary>This node's span in a depth-first walk of the compiled tree (set when compiled), to
    /// tell whether a node lies below another.</summary>
    internal (int Enter, int Exit) Span { get; set; } = (-1, -1);

    /// <summary>The outermost node being rendered with the same part of a block as this one (a voice,
    /// a path of a select that switches inside the block), while this renders.</summary>
    internal Signal PartRoot
    {
        get
        {
            var root = this;
            while (root.caller is { rendering: true } c && c.lastBlock == lastBlock) root = c;
            return root;
        }
    }

    internal bool IsBelow(Signal other) =>
        other.Span.Enter >= 0 && Span.Enter >= other.Span.Enter && Span.Exit <= other.Span.Exit;

    /// <summary>The node rendering now on this thread (the one whose pull is innermost).</summary>
    [ThreadStatic] static Signal? current;

    /// <summary>The block the outermost pull of this thread asked for, and the session frame just past it.</summary>
    [ThreadStatic] static Block outermost;
    [ThreadStatic] static long blockEnd;

    /// <summary>The block being rendered, of which a node may be rendering a part (a voice that starts inside it).</summary>
    internal static Block Outermost => outermost;

    static readonly InvalidOperationException UnbrokenCycle =
        new("read from inside its own rendering, in a cycle not found when compiling; read as silence");

    /// <summary>The previous block, for a node of a feedback cycle that can be re-entered (set when compiled).</summary>
    internal FeedbackState? Feedback { get; set; }

    /// <summary>Set when compiled for a node that references read: it renders up to the end of the
    /// outermost block even when its parent asks for less (a parent that ends inside the block), so
    /// that its time runs on without a gap that would depend on where blocks end. A part of a block
    /// (a voice) is rendered as asked: its renderer plays the rest as parts of their own.</summary>
    internal bool WholeBlock { get; set; }

    /// <summary>True for a node that publishes its block with <see cref="OutputReady"/> before reading its
    /// inputs, whatever they are (known when compiled): a cycle through it has no extra block of delay.</summary>
    protected internal virtual bool PublishesEarly => false;

    Block ToBlockEnd(in Block block)
    {
        var want = blockEnd - block.Frame;
        return want > block.Count && want <= ownLeft.Length ? block with { Count = (int)want } : block;
    }

    int Reentered(int count, bool swap)
    {
        if (Feedback is not { } fb)
        {
            Fault ??= UnbrokenCycle;
            return 0;
        }
        if (swap && !swapped)
        {
            left = fb.Left;
            if (ownRight is not null) right = fb.Right;
            swapped = true;
        }
        return fb.FramesFor(count);
    }

    void Unswap()
    {
        left = ownLeft;
        right = ownRight;
        swapped = false;
    }

    /// <summary>Renders the block now unless the node is rendering already (it then filled what is
    /// read below it, as far as it got); returns the frames it produced (all, while rendering).</summary>
    internal int PullUnlessRendering(in Block block) => rendering ? block.Count : Pull(block);

    /// <summary>A pull for a reader that copies the block at once (a reference): the arrays hold this
    /// block's output, or, for a node re-entered through a cycle, its previous block.</summary>
    internal int Read(in Block block, out float[] l, out float[]? r)
    {
        if (block.Index == lastBlock && rendering && !OutputIsReady)
        {
            var n = Reentered(block.Count, swap: false);
            l = Feedback?.Left ?? ownLeft;
            r = ownRight is null ? null : Feedback?.Right ?? ownRight;
            return n;
        }
        var got = Pull(block);
        (l, r) = (left, right);
        return got;
    }
}
