using Waves.Engine.Expressions;
using Waves.Engine.Patching;

namespace Waves.Engine.Rendering;

/// <summary>
/// Reads the output of another node, by id: a <c>reference</c> node, or a <c>$id</c> in an
/// expression (mono: a stereo node is read as the mean of its sides). Its target is linked once the
/// whole tree is compiled, so it may be declared anywhere; pulling the target renders it (once per
/// block) before this reads it, after the contexts above the target whose variables it reads. The
/// target is not among <see cref="Signal.Children"/>: the tree stays a tree for walks, and the
/// compiler knows the edge (for render order and cycles) from the link.
/// </summary>
public class ReferenceReader(NodeSpec? spec, int maxBlock, bool stereo) : Signal(spec, maxBlock, stereo), ISignalSource
{
    /// <summary>The node read (null until linked; stays null for the old version of a node in a reload whose target is gone).</summary>
    public Signal? Target { get; private set; }

    Signal[] first = [];
    bool delayed;

    /// <summary>Links the reference: <paramref name="providers"/> render before the target (the contexts
    /// whose variables it reads); <paramref name="previous"/> when it reads the target's previous block
    /// (the loop back into a context's variables).</summary>
    internal void Link(Signal target, Signal[] providers, bool previous)
    {
        Target = target;
        first = providers;
        delayed = previous;
    }

    public ReadOnlySpan<float> Current => Left;

    protected override int Render(in Block block)
    {
        if (Target is null) return Finish(block, 0);
        // A part of a block (a voice starting inside it, a path of a select that switches inside it)
        // reads a node rendered in the same part as it is; a node of elsewhere as that node renders
        // for the whole block, once, from the part's offset.
        var whole = Outermost;
        var offset = 0;
        var read = block;
        if (block.Index != whole.Index && block.Frame >= whole.Frame && block.Frame + block.Count <= whole.Frame + whole.Count
            && !Target.IsBelow(PartRoot))
            (read, offset) = (whole, (int)(block.Frame - whole.Frame));
        // A node below a context that has ended is not played any more: it reads as ended too.
        var alive = read.Count;
        foreach (var p in first) alive = Math.Min(alive, p.PullUnlessRendering(read));
        int got;
        float[] left;
        float[]? right;
        if (delayed && Target.Feedback is { } fb)
            (got, left, right) = (fb.FramesFor(read.Count), fb.Left, Target.IsStereo ? fb.Right : null);
        else if (alive > offset)
            got = Math.Min(alive, Target.Read(read, out left, out right));
        else
            (got, left, right) = (0, Left, null);
        var n = Math.Clamp(got - offset, 0, block.Count);
        var l = left.AsSpan(offset, n);
        if (Right is null)
        {
            if (right is null) l.CopyTo(Left);
            else
            {
                var r = right.AsSpan(offset, n);
                for (var i = 0; i < n; i++) Left[i] = (l[i] + r[i]) * 0.5f;
            }
        }
        else
        {
            l.CopyTo(Left);
            (right ?? left).AsSpan(offset, n).CopyTo(Right);
        }
        return Finish(block, n);
    }
}
