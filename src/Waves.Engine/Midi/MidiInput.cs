namespace Waves.Engine.Midi;

/// <summary>
/// The MIDI of one session, as the render thread sees it. Messages come from a schedule known in
/// advance (a MIDI file, a journal being replayed, persisted controller values) and from live
/// sources (a device thread, the computer keyboard), each through a bounded lock-free queue of its
/// own. At each block boundary the render thread takes every message stamped before the block's end
/// into the block's window, in frame order; a message stamped before the block (late) takes effect on its first frame. Every node
/// reads the whole window (none consumes it, so any number of <c>midi_in</c> and <c>midi_cc</c>
/// nodes hear the same messages) and applies each at its frame. The messages taken, with the frame
/// they took effect at, go back to the control thread through a second queue, for the journal.
/// </summary>
public sealed class MidiInput
{
    /// <summary>Most messages taking effect in one block; more wait for the next block (late).</summary>
    public const int WindowCapacity = 1024;

    /// <summary>Most input devices of a session (names beyond it share the last index).</summary>
    public const int MaxDevices = 32;

    /// <summary>Index of "any device" in the controller table.</summary>
    const int AnyDevice = MaxDevices;

    readonly Lock gate = new();
    readonly List<string> devices = [""];
    MidiMessage[] schedule = [];
    int scheduled;
    /// <summary>The live queues, one per source (each has one producer); filled in order, never removed.</summary>
    readonly MidiRing?[] lives = new MidiRing?[MaxLiveSources];
    MidiRing? applied;
    // Made when a source is attached: every compile has a session's inputs, most never hear MIDI.
    MidiMessage[] window = [];
    double[] clockSpans = [];
    readonly double[] clockIntervals = new double[24], clockSorted = new double[24];
    int clockCount;
    long lastClock = -1;
    int windowCount;
    sbyte[]? controllers;

    /// <summary>The index of the input named <paramref name="name"/> (null or empty: the unnamed default
    /// input, 0), added when new. Control side only.</summary>
    public byte Device(string? name)
    {
        if (string.IsNullOrEmpty(name)) return 0;
        lock (gate)
        {
            var i = devices.IndexOf(name);
            if (i < 0)
            {
                if (devices.Count >= MaxDevices) return MaxDevices - 1;
                devices.Add(name);
                i = devices.Count - 1;
            }
            return (byte)i;
        }
    }

    /// <summary>The name of device index <paramref name="index"/> ("" for the default input).</summary>
    public string DeviceName(byte index)
    {
        lock (gate) return index < devices.Count ? devices[index] : "";
    }

    /// <summary>Messages known in advance, in frame order (sorted here, stably). Set before rendering starts.</summary>
    public void Schedule(IEnumerable<MidiMessage> messages)
    {
        var sorted = messages.OrderBy(m => m.Frame).ToArray();
        schedule = sorted;
        scheduled = 0;
        Activate();
    }

    /// <summary>
    /// Messages from before the first rendered block, when a replay starts from a snapshot: the
    /// controller table and the clock's timing become what those messages had made them, and the
    /// devices are numbered in the order they first came, but nothing is played. Set before
    /// rendering starts, before <see cref="Schedule"/>.
    /// </summary>
    public void Recall(IEnumerable<MidiMessage> history)
    {
        foreach (var m in history.OrderBy(m => m.Frame))
        {
            Activate();
            if (m.IsControlChange)
            {
                controllers![Index(m.Device, m.Channel, m.Data1)] = (sbyte)m.Data2;
                controllers[Index(AnyDevice, m.Channel, m.Data1)] = (sbyte)m.Data2;
            }
            Clock(m);
        }
    }

    /// <summary>Most live sources of a session (a device client, the computer keyboard …).</summary>
    public const int MaxLiveSources = 4;

    /// <summary>A new live queue for one source, which writes into it from one thread (its single producer).</summary>
    public MidiRing Live(int capacity = 4096)
    {
        lock (gate)
        {
            var i = Array.IndexOf(lives, null);
            if (i < 0) throw new InvalidOperationException($"a session takes at most {MaxLiveSources} live MIDI sources");
            var ring = new MidiRing(capacity);
            Activate();
            Volatile.Write(ref lives[i], ring);
            return ring;
        }
    }

    /// <summary>Turns on the hand-back of applied messages (for a journal) and returns its queue: the
    /// control thread reads it. Without it, nothing is handed back.</summary>
    public MidiRing Applied()
    {
        lock (gate)
        {
            if (applied is null) Volatile.Write(ref applied, new MidiRing(1 << 16));
            return applied;
        }
    }

    /// <summary>True once a source was attached (a schedule or a live queue): until then blocks cost nothing.</summary>
    public bool Active => active;

    volatile bool active;

    void Activate()
    {
        if (active) return;
        window = new MidiMessage[WindowCapacity];
        clockSpans = new double[WindowCapacity];
        controllers = Fill(new sbyte[(MaxDevices + 1) * 16 * 128]);
        active = true;
    }

    /// <summary>First frame of the current block (the frame <see cref="Controller"/> values are from).</summary>
    public long WindowStart { get; private set; }

    /// <summary>The messages taking effect in the current block, in frame order.</summary>
    public ReadOnlySpan<MidiMessage> Window => window.AsSpan(0, windowCount);

    /// <summary>The last value (0–127) of controller <paramref name="cc"/> on <paramref name="channel"/>
    /// before the current block, from <paramref name="device"/> (null: any device); −1 if none came yet.</summary>
    public int Controller(byte? device, int channel, int cc)
    {
        if (controllers is null) return -1;
        return controllers[Index(device ?? AnyDevice, channel, cc)];
    }

    static int Index(int device, int channel, int cc) => (device * 16 + (channel & 15)) * 128 + (cc & 127);

    /// <summary>Render thread, at a block boundary: fills the window with the block's messages.</summary>
    public void BeginBlock(long frame, int count)
    {
        if (!active || controllers is null) return;
        foreach (var m in Window)
            if (m.IsControlChange)
            {
                controllers[Index(m.Device, m.Channel, m.Data1)] = (sbyte)m.Data2;
                controllers[Index(AnyDevice, m.Channel, m.Data1)] = (sbyte)m.Data2;
            }
        windowCount = 0;
        WindowStart = frame;
        var end = frame + count;
        var back = Volatile.Read(ref applied);
        var room = back is null ? WindowCapacity : Math.Min(WindowCapacity, back.Capacity - back.Count);
        var plan = schedule;
        while (windowCount < room && scheduled < plan.Length && plan[scheduled].Frame < end)
            Take(plan[scheduled++], frame);
        for (var q = 0; q < lives.Length; q++)
            if (Volatile.Read(ref lives[q]) is { } queue)
                while (windowCount < room && queue.TryPeek(out var m) && m.Frame < end)
                {
                    queue.Skip();
                    Take(m, frame);
                }
        // Insertion sort, stable: messages of one frame keep their arrival order.
        for (var i = 1; i < windowCount; i++)
        {
            var m = window[i];
            var j = i - 1;
            while (j >= 0 && window[j].Frame > m.Frame)
            {
                window[j + 1] = window[j];
                j--;
            }
            window[j + 1] = m;
        }
        if (back is not null)
            foreach (var m in Window) back.TryWrite(m);
        for (var i = 0; i < windowCount; i++) clockSpans[i] = Clock(window[i]);
    }

    /// <summary>After the clock message at <paramref name="index"/> of the window: the frames between
    /// clocks over the last 24 (once 12 have been timed), else 0. The median, where the original took
    /// the mean: one clock that came late (and the short period after it) does not move the tempo.</summary>
    public double ClockSpan(int index) => index < windowCount ? clockSpans[index] : 0;

    /// <summary>Times a 24-ppqn clock (a start begins afresh), as the original's input manager did.</summary>
    double Clock(in MidiMessage m)
    {
        if (m.Status == MidiMessage.Start) (lastClock, clockCount) = (-1, 0);
        if (m.Status != MidiMessage.Clock) return 0;
        if (lastClock >= 0)
        {
            clockIntervals[clockCount % clockIntervals.Length] = m.Frame - lastClock;
            clockCount++;
        }
        lastClock = m.Frame;
        if (clockCount < 12) return 0;
        var n = Math.Min(clockCount, clockIntervals.Length);
        Array.Copy(clockIntervals, clockSorted, n);
        Array.Sort(clockSorted, 0, n);
        return n % 2 == 1 ? clockSorted[n / 2] : (clockSorted[n / 2 - 1] + clockSorted[n / 2]) / 2;
    }

    void Take(in MidiMessage m, long blockStart) =>
        window[windowCount++] = m.Frame < blockStart ? m with { Frame = blockStart } : m;

    static sbyte[] Fill(sbyte[] table)
    {
        Array.Fill(table, (sbyte)-1);
        return table;
    }
}
