namespace Waves.Engine.Rendering;

/// <summary>
/// Declicks a node whose parameters changed in a reload: for the first frames after the swap it
/// blends the old version (rendered on copies of the states, taken at the swap, so the live
/// state never advances twice) into the new one, linearly; then it is the new node alone.
/// The fade runs from the swap's frame, whether or not the node is pulled meanwhile, so it is as
/// deterministic as the swap and over at the same frame in a live session and in any replay.
/// </summary>
public sealed class Crossfade : Signal
{
    readonly Signal oldSignal, newSignal;
    readonly (NodeState Live, NodeState Copy)[] copies;
    readonly int length;
    bool copied;

    public Crossfade(Signal oldSignal, Signal newSignal, (NodeState Live, NodeState Copy)[] copies, int length, int maxBlock)
        : base(newSignal.Spec, maxBlock, newSignal.IsStereo)
    {
        this.oldSignal = oldSignal;
        this.newSignal = newSignal;
        this.copies = copies;
        this.length = length;
    }

    public Signal New => newSignal;

    protected override int Render(in Block block)
    {
        if (!copied)
        {
            foreach (var (live, copy) in copies) copy.CopyFrom(live);
            copied = true;
        }
        var done = block.SinceSwap;
        var gotNew = newSignal.Pull(block);
        if (done >= length)
        {
            Copy(newSignal, Left, Right, gotNew);
            return Finish(block, gotNew);
        }
        var gotOld = oldSignal.Pull(block);
        var produced = Math.Max(gotNew, gotOld);
        // The output keeps the new version's channels, so the patch's layout is the same as
        // without the fade (an old stereo version is mixed down for a mono new one).
        var oldL = oldSignal.Left;
        var oldR = oldSignal.Right ?? oldSignal.Left;
        for (var i = 0; i < produced; i++)
        {
            var a = done + i < length ? (float)(done + i + 1) / (length + 1) : 1f;
            var b = 1f - a;
            if (Right is null)
            {
                var old = oldSignal.Right is null ? oldL[i] : (oldL[i] + oldR[i]) * 0.5f;
                Left[i] = old * b + newSignal.Left[i] * a;
            }
            else
            {
                Left[i] = oldL[i] * b + newSignal.Left[i] * a;
                Right[i] = oldR[i] * b + newSignal.Right![i] * a;
            }
        }
        return Finish(block, produced);
    }

    static void Copy(Signal from, float[] left, float[]? right, int count)
    {
        from.Left.AsSpan(0, count).CopyTo(left);
        if (right is not null) (from.Right ?? from.Left).AsSpan(0, count).CopyTo(right);
    }

    public override Signal? PassThrough => newSignal;
    public override IEnumerable<Signal> Children => [newSignal];
}
