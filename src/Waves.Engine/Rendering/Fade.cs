namespace Waves.Engine.Rendering;

/// <summary>
/// Fades a node in or out from the swap of a reload: a track added to a mix comes in over the
/// fade length, a removed one goes out over it (rendered on copies of its last states, taken at
/// the swap) and then ends. After a fade-in the node passes through unchanged.
/// </summary>
public sealed class Fade : Signal
{
    readonly Signal inner;
    readonly bool fadeIn;
    readonly int length;
    readonly (NodeState Live, NodeState Copy)[] copies;
    bool copied;

    /// <param name="stereo">The channels to output: a removed track fading out of a mono mix is mixed down.</param>
    public Fade(Signal inner, bool fadeIn, int length, (NodeState Live, NodeState Copy)[] copies, int maxBlock, bool? stereo = null)
        : base(inner.Spec, maxBlock, stereo ?? inner.IsStereo)
    {
        this.inner = inner;
        this.fadeIn = fadeIn;
        this.length = length;
        this.copies = copies;
    }

    protected override int Render(in Block block)
    {
        if (!copied)
        {
            foreach (var (live, copy) in copies) copy.CopyFrom(live);
            copied = true;
        }
        // Counted from the swap, like a crossfade, whether or not the track is pulled meanwhile.
        var done = block.SinceSwap;
        if (!fadeIn && done >= length) return Finish(block, 0);
        var got = inner.Pull(block);
        if (!fadeIn) got = (int)Math.Min(got, length - done);
        for (var i = 0; i < got; i++)
        {
            var k = done + i;
            var a = k < length ? (float)(k + 1) / (length + 1) : 1f;
            var gain = fadeIn ? a : 1f - a;
            if (Right is not null)
            {
                Left[i] = inner.Left[i] * gain;
                Right[i] = (inner.Right ?? inner.Left)[i] * gain;
            }
            else Left[i] = (inner.Right is null ? inner.Left[i] : (inner.Left[i] + inner.Right[i]) * 0.5f) * gain;
        }
        return Finish(block, got);
    }

    public override IEnumerable<Signal> Children => [inner];
}
