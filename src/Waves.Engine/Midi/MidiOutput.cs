namespace Waves.Engine.Midi;

/// <summary>
/// What the session's <c>midi_out</c> nodes send: the render thread stamps each message with the
/// frame it belongs to and writes it into a bounded lock-free queue that an output backend (a JACK
/// port) reads. Without a backend nothing is queued, so an offline render sends nothing.
/// </summary>
public sealed class MidiOutput
{
    readonly Lock gate = new();
    readonly List<string> devices = [""];
    MidiRing? queue;
    long dropped;

    /// <summary>The index of the output named <paramref name="name"/> (null or empty: the default output, 0).</summary>
    public byte Device(string? name)
    {
        if (string.IsNullOrEmpty(name)) return 0;
        lock (gate)
        {
            var i = devices.IndexOf(name);
            if (i < 0)
            {
                if (devices.Count >= MidiInput.MaxDevices) return MidiInput.MaxDevices - 1;
                devices.Add(name);
                i = devices.Count - 1;
            }
            return (byte)i;
        }
    }

    public string DeviceName(byte index)
    {
        lock (gate) return index < devices.Count ? devices[index] : "";
    }

    /// <summary>The queue a backend reads (its single consumer); made on first call, which turns sending on.</summary>
    public MidiRing Open()
    {
        lock (gate)
        {
            if (queue is null) Volatile.Write(ref queue, new MidiRing(1 << 14));
            return queue;
        }
    }

    /// <summary>Messages refused because the backend fell behind.</summary>
    public long Dropped => Interlocked.Read(ref dropped);

    /// <summary>Render thread: queues a message, if a backend listens.</summary>
    public void Send(in MidiMessage m)
    {
        if (Volatile.Read(ref queue) is { } q && !q.TryWrite(m)) Interlocked.Increment(ref dropped);
    }
}
