namespace Waves.Engine.Rendering;

/// <summary>
/// The player's controls: master gain and the muted and soloed tracks of the sound's mix.
/// Immutable; a change is a new value handed to the renderer, which applies it at a block
/// boundary and notes the frame (so it can be journaled and replayed there).
/// </summary>
public sealed record Transport(double Gain, string[] Muted, string[] Soloed)
{
    public static Transport Default => new(1, [], []);

    /// <summary>A changed copy (<c>with</c>) is a new request: it has not been applied yet.</summary>
    Transport(Transport original)
    {
        Gain = original.Gain;
        Muted = original.Muted;
        Soloed = original.Soloed;
        appliedFrame = -1; // field initialisers do not run in a record's copy constructor
    }

    long appliedFrame = -1;

    /// <summary>Session frame at which the renderer applied it (−1 until then).</summary>
    public long AppliedFrame
    {
        get => Interlocked.Read(ref appliedFrame);
        internal set => Interlocked.Exchange(ref appliedFrame, value);
    }

    public Transport WithMute(string track, bool on) =>
        new(Gain, on ? [.. Muted.Where(t => t != track), track] : [.. Muted.Where(t => t != track)], Soloed);

    public Transport WithSolo(string track, bool on) =>
        new(Gain, Muted, on ? [.. Soloed.Where(t => t != track), track] : [.. Soloed.Where(t => t != track)]);

    /// <summary>The gain of a track: 0 when muted, or when others are soloed and it is not.</summary>
    public float TrackGain(string track)
    {
        foreach (var m in Muted)
            if (m == track) return 0;
        if (Soloed.Length == 0) return 1;
        foreach (var s in Soloed)
            if (s == track) return 1;
        return 0;
    }
}
