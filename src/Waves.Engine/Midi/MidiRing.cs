namespace Waves.Engine.Midi;

/// <summary>
/// A bounded single-producer single-consumer queue of MIDI messages: one thread writes, one reads,
/// neither locks nor allocates. A full ring refuses the message (the writer decides what to do);
/// it never grows.
/// </summary>
public sealed class MidiRing
{
    readonly MidiMessage[] items;
    readonly int mask;
    long head, tail;

    public MidiRing(int capacity)
    {
        var size = 1;
        while (size < Math.Max(2, capacity)) size <<= 1;
        items = new MidiMessage[size];
        mask = size - 1;
    }

    public int Capacity => items.Length;

    public int Count => (int)(Volatile.Read(ref tail) - Volatile.Read(ref head));

    public bool IsFull => Count >= items.Length;

    /// <summary>Producer: appends, or returns false when full.</summary>
    public bool TryWrite(in MidiMessage m)
    {
        var t = tail;
        if (t - Volatile.Read(ref head) >= items.Length) return false;
        items[t & mask] = m;
        Volatile.Write(ref tail, t + 1);
        return true;
    }

    /// <summary>Consumer: the oldest message without taking it.</summary>
    public bool TryPeek(out MidiMessage m)
    {
        var h = head;
        if (h == Volatile.Read(ref tail))
        {
            m = default;
            return false;
        }
        m = items[h & mask];
        return true;
    }

    /// <summary>Consumer: drops the message <see cref="TryPeek"/> returned.</summary>
    public void Skip() => Volatile.Write(ref head, head + 1);

    /// <summary>Consumer: takes the oldest message.</summary>
    public bool TryRead(out MidiMessage m)
    {
        if (!TryPeek(out m)) return false;
        Skip();
        return true;
    }
}
