using Waves.Engine.Nodes;

namespace Waves.Engine.Rendering;

/// <summary>Where a reloaded patch is swapped in: at the next block, or held for the next beat or
/// bar of the played sound's top-level tempo (at the next block when it has none).</summary>
public enum ReloadAt { Block, Beat, Bar }

public sealed partial class Renderer
{
    long heldDivision = -1;

    /// <summary>Where a published patch is swapped in (set before playing; a replay leaves it at
    /// <see cref="ReloadAt.Block"/>, as it publishes each reload at the frame the session swapped it).</summary>
    public ReloadAt ReloadAt { get; set; }

    /// <summary>
    /// Whether the pending patch is swapped in at this block boundary: always by block; by beat or
    /// bar, at the first boundary on or after the start of the next division, so the swap lands on
    /// the beat (or up to a block after it) and the journaled frame is a block boundary that a replay
    /// reproduces. Allocation-free: it walks the root's pass-through chain.
    /// </summary>
    bool SwapDue()
    {
        if (ReloadAt == ReloadAt.Block || TopTempo(current.Root) is not { } tempo) return true;
        var beats = ReloadAt == ReloadAt.Bar ? 4 : 1;
        var division = tempo.Division(beats);
        if (tempo.OnDivision(beats) || heldDivision >= 0 && division > heldDivision)
        {
            heldDivision = -1;
            return true;
        }
        if (heldDivision < 0) heldDivision = division;
        return false;
    }

    static Tempo? TopTempo(Signal root)
    {
        for (Signal? s = root; s is not null; s = s is Crossfade c ? c.New : s.PassThrough)
            if (s is Tempo t) return t;
        return null;
    }
}
