using Waves.Engine.Audio;
using Waves.Engine.Rendering;

namespace Waves.Console.Live;

/// <summary>
/// Each track of the sound's root mix, block by block, for stem recording: the render thread
/// copies every track into a ring of its own (a slot, given to a track name the first time it is
/// heard; no allocation), writing silence for a slot whose track is gone, so every slot stays
/// frame-aligned from the frame it was first heard (<see cref="Start"/>).
/// </summary>
sealed class StemTap
{
    readonly SampleRing[] rings;
    readonly string?[] names;
    readonly long[] starts;
    readonly bool[] seen;
    readonly float[] zeros;
    int slots;

    public StemTap(int capacityFrames, int blockSize, int maxTracks = 32)
    {
        rings = new SampleRing[maxTracks];
        for (var i = 0; i < maxTracks; i++) rings[i] = new SampleRing(capacityFrames);
        names = new string?[maxTracks];
        starts = new long[maxTracks];
        seen = new bool[maxTracks];
        zeros = new float[blockSize];
    }

    /// <summary>Slots in use.</summary>
    public int Slots => Volatile.Read(ref slots);

    public string Name(int slot) => names[slot]!;

    /// <summary>Session frame of the slot's first frame.</summary>
    public long Start(int slot) => starts[slot];

    public SampleRing Ring(int slot) => rings[slot];

    /// <summary>Render thread: the tracks of the block just rendered, which began at <paramref name="frame"/>.</summary>
    public void Write(Patch patch, long frame, int count)
    {
        if (count <= 0) return;
        var used = slots;
        Array.Clear(seen, 0, used);
        if (patch.StemMix is { } mix)
        {
            var list = mix.Tracks;
            for (var i = 0; i < list.Count; i++)
            {
                var t = list[i];
                if (t.Name.EndsWith(" (removed)", StringComparison.Ordinal)) continue;
                var slot = Find(t.Name, used);
                if (slot < 0)
                {
                    if (used == rings.Length) continue;
                    slot = used++;
                    names[slot] = t.Name;
                    starts[slot] = frame;
                    Volatile.Write(ref slots, used);
                }
                if (seen[slot]) continue;
                seen[slot] = true;
                var s = t.Signal;
                var n = Math.Min(count, s.Left.Length);
                rings[slot].Write(s.Left.AsSpan(0, n), s.Right is { } r ? r.AsSpan(0, n) : s.Left.AsSpan(0, n));
            }
        }
        for (var slot = 0; slot < used; slot++)
            if (!seen[slot]) rings[slot].Write(zeros.AsSpan(0, count), zeros.AsSpan(0, count));
    }

    int Find(string name, int used)
    {
        for (var i = 0; i < used; i++)
            if (string.Equals(names[i], name, StringComparison.Ordinal)) return i;
        return -1;
    }
}
