using Waves.Engine.Rendering;

namespace Waves.Engine.Nodes;

/// <summary>
/// A delay's line and heads. The line is made when the delay is compiled (never on the render
/// thread); a reload that needs a longer line hands the delay a new one, into which it copies the
/// most recent contents before its first block (<see cref="Delay"/>).
/// </summary>
public sealed class DelayState : NodeState
{
    /// <summary>Samples written, left (or only) channel and right channel (empty when mono).</summary>
    public float[] Line = [], LineRight = [];

    /// <summary>Index of the next write (both lines).</summary>
    public int Write;

    /// <summary>Tape mode: the distance of the read head behind the write head, in frames (0 before the first frame).</summary>
    public double Head;

    /// <summary>True once the input has ended, and once the delay itself has ended (for good).</summary>
    public bool InputEnded, Ended;

    /// <summary>Frames since the input ended whose written values were all silent (a loud one restarts the count).</summary>
    public long Quiet;

    /// <summary>Copies without allocating when the lines have the same length (a declick's copy, a
    /// restore) or the other's are empty (a reset: the lines are cleared); a line of another length
    /// keeps the most recent samples that fit. Only a state without a line yet (a clone, a capture
    /// into a fresh state) gets a new line.</summary>
    public override void CopyFrom(NodeState other)
    {
        base.CopyFrom(other);
        var o = (DelayState)other;
        (Head, InputEnded, Ended, Quiet) = (o.Head, o.InputEnded, o.Ended, o.Quiet);
        if (Line.Length == 0)
        {
            Line = (float[])o.Line.Clone();
            LineRight = (float[])o.LineRight.Clone();
            Write = o.Write;
            return;
        }
        var write = CopyLine(o.Line, o.Write, Line);
        if (LineRight.Length > 0) CopyLine(o.LineRight.Length > 0 ? o.LineRight : o.Line, o.Write, LineRight);
        Write = write;
    }

    /// <summary>An empty state with lines of the same length, for a snapshot the render thread fills
    /// (copying into it then allocates nothing).</summary>
    public override NodeState Blank() => new DelayState { Line = new float[Line.Length], LineRight = new float[LineRight.Length] };

    /// <summary>Copies a line into one of the same or another length, keeping the most recent samples
    /// in order; returns the write index that follows them in <paramref name="to"/>.</summary>
    public static int CopyLine(float[] from, int fromWrite, float[] to)
    {
        if (from.Length == to.Length)
        {
            Array.Copy(from, to, to.Length);
            return fromWrite;
        }
        var m = Math.Min(from.Length, to.Length);
        // The m samples before fromWrite, oldest first, go to to[0..m).
        var start = fromWrite - m;
        if (start < 0) start += from.Length;
        var first = Math.Min(m, from.Length - start);
        Array.Copy(from, start, to, 0, first);
        Array.Copy(from, 0, to, first, m - first);
        Array.Clear(to, m, to.Length - m);
        return to.Length == 0 ? 0 : m % to.Length;
    }
}
