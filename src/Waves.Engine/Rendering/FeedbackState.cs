namespace Waves.Engine.Rendering;

/// <summary>
/// The previous block of a node in a feedback cycle: what a read of the node from inside its own
/// rendering gets. Kept by id (<c>&lt;id&gt;#feedback</c>) like every state, so feedback carries on
/// across reloads, state snapshots and replays from a snapshot. Sized when compiled.
/// </summary>
public sealed class FeedbackState : NodeState
{
    public float[] Left = [];

    /// <summary>Empty for a mono node.</summary>
    public float[] Right = [];

    /// <summary>Frames the node produced in that block.</summary>
    public int Frames;

    /// <summary>True when the node ended in that block (it produced fewer frames than asked).</summary>
    public bool Ended;

    /// <summary>Gives a new state its buffers (compile time; a state adopted from the running patch
    /// already has them, the block size being fixed for a session).</summary>
    internal void Size(int maxBlock, bool stereo)
    {
        if (Left.Length < maxBlock) Left = new float[maxBlock];
        if (stereo && Right.Length < maxBlock) Right = new float[maxBlock];
    }

    /// <summary>Keeps the block just rendered (frames past <paramref name="frames"/> read as silence).</summary>
    internal void Keep(float[] left, float[]? right, int frames, int asked)
    {
        frames = Math.Min(frames, Left.Length);
        left.AsSpan(0, frames).CopyTo(Left);
        Left.AsSpan(frames).Clear();
        if (right is not null && Right.Length > 0)
        {
            right.AsSpan(0, frames).CopyTo(Right);
            Right.AsSpan(frames).Clear();
        }
        Frames = frames;
        Ended = frames < asked;
    }

    /// <summary>Frames a read of <paramref name="count"/> gets: all of them, silence included, unless
    /// the node ended in that block.</summary>
    internal int FramesFor(int count) => Ended ? Math.Min(Frames, count) : count;

    public override void CopyFrom(NodeState other)
    {
        base.CopyFrom(other);
        var o = (FeedbackState)other;
        (Frames, Ended) = (o.Frames, o.Ended);
        Copy(o.Left, ref Left);
        Copy(o.Right, ref Right);
    }

    // Only a copy made off the render thread (a clone, a decoded snapshot) grows; live states and
    // the blanks the render thread fills are sized already, and a fresh (empty) source clears.
    static void Copy(float[] from, ref float[] to)
    {
        if (to.Length < from.Length) to = new float[from.Length];
        from.CopyTo(to, 0);
        to.AsSpan(from.Length).Clear();
    }

    /// <summary>An empty state with buffers of the same size, for a snapshot the render thread fills.</summary>
    public override NodeState Blank() => new FeedbackState { Left = new float[Left.Length], Right = new float[Right.Length] };
}
