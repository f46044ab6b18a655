using System.Diagnostics;
using System.Runtime.InteropServices;
using Waves.Console.Output;
using Waves.Console.Output.Native;
using Waves.Engine.Midi;
using Waves.Engine.Rendering;

namespace Waves.Console.Midi;

/// <summary>
/// A JACK client with a MIDI input port (<c>--midi-in</c>) and a MIDI output port (<c>--midi-out</c>).
/// Its process callback, on JACK's real-time thread, stamps each incoming message with a session
/// frame — the frame time of the event within the period, mapped onto the session's frames at the
/// session's rate, three blocks ahead of the render thread so that messages are rarely late — and
/// writes it into the session's live queue (its single producer); it never allocates or locks. The
/// mapping is anchored at the first period and again whenever it would make a message late or runs
/// ahead by more than the output buffer (a pause, clocks that differ). <c>midi_out</c>'s messages go out in the period in which
/// their frame is heard.
/// </summary>
sealed class JackMidi : IMidiPorts
{
    readonly IntPtr client;
    readonly IntPtr inPort, outPort;
    readonly LibJack.ProcessCallback process;
    readonly Renderer renderer;
    readonly MidiRing? live, sending;
    readonly byte device;
    readonly long sessionRate, jackRate, lead, margin, drift, heardDelay;
    readonly byte[] data = new byte[3];
    long sessionAnchor;
    uint jackAnchor;
    bool anchored;
    long dropped;
    volatile bool closed;

    public string Description { get; }

    /// <summary>Messages that found the session's queue full (a burst beyond its 4096 places).</summary>
    public long Dropped => Interlocked.Read(ref dropped);

    public JackMidi(string? input, string? output, MidiConfig config, LiveSession session, TimeSpan latency)
    {
        renderer = session.Renderer;
        var inputs = session.Settings.Inputs;
        try { client = JackOutput.Open("waves-midi"); }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            throw new UsageException("MIDI needs the JACK library (libjack.so.0; Debian: apt install libjack-jackd2-0) and a running JACK server");
        }
        catch (OutputUnavailableException e)
        {
            throw new UsageException($"MIDI: {e.Message}");
        }
        try
        {
            sessionRate = session.Settings.SampleRate;
            jackRate = LibJack.SampleRate(client);
            // The render thread's frontier moves in whole blocks, and in bursts when the device takes a lot at once: three blocks and a period ahead of it a message is rarely late.
            lead = 3L * session.Settings.BlockSize + LibJack.BufferSize(client) * sessionRate / jackRate;
            margin = lead - 2L * session.Settings.BlockSize;
            heardDelay = (long)Math.Round(latency.TotalSeconds * sessionRate);
            drift = heardDelay + 2 * lead + sessionRate / 10;
            var lines = new List<string>();
            string? source = null, destination = null;
            if (input is not null)
            {
                source = Find(input, config, LibJack.PortIsOutput, "source");
                inPort = LibJack.PortRegister(client, "midi_in", LibJack.MidiType, LibJack.PortIsInput, 0);
                // A patch's 'device:' names the alias (or the name) given, not JACK's port name.
                device = inputs.Midi.Device(input);
                live = inputs.Midi.Live();
            }
            if (output is not null)
            {
                destination = Find(output, config, LibJack.PortIsInput, "destination");
                outPort = LibJack.PortRegister(client, "midi_out", LibJack.MidiType, LibJack.PortIsOutput, 0);
                sending = inputs.MidiOut.Open();
            }
            if ((input is not null && inPort == IntPtr.Zero) || (output is not null && outPort == IntPtr.Zero))
                throw new UsageException("MIDI: JACK refused to register the MIDI ports");
            process = Process;
            if (LibJack.SetProcessCallback(client, process, IntPtr.Zero) != 0) throw new UsageException("MIDI: JACK refused the process callback");
            if (LibJack.Activate(client) != 0) throw new UsageException("MIDI: JACK could not activate the MIDI client");
            var name = LibJack.ClientName(client);
            if (source is not null)
            {
                if (LibJack.Connect(client, source, $"{name}:midi_in") is not (0 or LibJack.AlreadyConnected))
                    throw new UsageException($"MIDI: cannot connect {source} to {name}:midi_in");
                lines.Add($"MIDI in: {source}{(source != input ? $" ('{input}')" : "")} → {name}:midi_in");
            }
            if (destination is not null)
            {
                if (LibJack.Connect(client, $"{name}:midi_out", destination) is not (0 or LibJack.AlreadyConnected))
                    throw new UsageException($"MIDI: cannot connect {name}:midi_out to {destination}");
                lines.Add($"MIDI out: {name}:midi_out → {destination}{(destination != output ? $" ('{output}')" : "")}");
            }
            Description = string.Join("\n", lines);
        }
        catch
        {
            Close();
            throw;
        }
    }

    /// <summary>The JACK MIDI port a name or an alias stands for: a full port name, or the first port of a
    /// client ("system" → system:…); none is an error listing what exists.</summary>
    string Find(string name, MidiConfig config, ulong direction, string what)
    {
        var wanted = config.Port(name);
        var ports = LibJack.Ports(client, null, LibJack.MidiType, direction);
        var match = ports.FirstOrDefault(p => p == wanted)
            ?? ports.FirstOrDefault(p => p.StartsWith(wanted.Contains(':') ? wanted : wanted + ":", StringComparison.Ordinal));
        if (match is not null) return match;
        var aliases = config.Devices.Count == 0 ? $"no aliases ({MidiConfig.FileName} beside the sound folder defines them)"
            : $"aliases in {config.Path}: {string.Join(", ", config.Devices.Select(kv => $"{kv.Key} = {kv.Value}"))}";
        throw new UsageException($"MIDI: no JACK MIDI {what} port matches '{name}'{(wanted != name ? $" ('{wanted}')" : "")}; " +
            $"there are: {(ports.Count == 0 ? "none" : string.Join(", ", ports))}; {aliases}");
    }

    int Process(uint frames, IntPtr arg)
    {
        if (closed) return 0;
        try
        {
            var start = LibJack.LastFrameTime(client);
            var frontier = renderer.Frame;
            // Anchored afresh when the mapping comes within a block and a period of the render thread (the block
            // being rendered is past taking messages): at its start, after a burst of a busy device; or when it runs
            // far ahead (a pause, clocks that drift). A jump now and then, and no message late.
            if (!anchored || SessionFrame(start) < frontier + margin || SessionFrame(start) - (frontier + lead) > drift)
                (jackAnchor, sessionAnchor, anchored) = (start, frontier + lead, true);
            // Before the session renders its first block there is nothing to play a message in: it would only come late.
            if (inPort != IntPtr.Zero && frontier > 0) Receive(start, frames);
            if (outPort != IntPtr.Zero) Send(start, frames);
        }
        catch (Exception)
        {
            // A message lost, never the JACK thread.
        }
        return 0;
    }

    /// <summary>The session frame a JACK frame time maps to.</summary>
    long SessionFrame(uint jackFrame) => sessionAnchor + (long)unchecked(jackFrame - jackAnchor) * sessionRate / jackRate;

    void Receive(uint start, uint frames)
    {
        var buffer = LibJack.PortGetBuffer(inPort, frames);
        var count = LibJack.MidiEventCount(buffer);
        for (uint i = 0; i < count; i++)
        {
            if (LibJack.MidiEventGet(out var e, buffer, i) != 0 || e.Size == 0) continue;
            var status = Marshal.ReadByte(e.Buffer);
            if (status < 0x80 || status == 0xF0 || status == 0xF7) continue;   // running status and sysex are not kept
            var d1 = e.Size > 1 ? Marshal.ReadByte(e.Buffer, 1) & 0x7F : 0;
            var d2 = e.Size > 2 ? Marshal.ReadByte(e.Buffer, 2) & 0x7F : 0;
            var m = new MidiMessage(SessionFrame(unchecked(start + e.Time)), device, status, (byte)d1, (byte)d2);
            if (!live!.TryWrite(m)) Interlocked.Increment(ref dropped);
        }
    }

    void Send(uint start, uint frames)
    {
        var buffer = LibJack.PortGetBuffer(outPort, frames);
        LibJack.MidiClearBuffer(buffer);
        uint last = 0;
        while (sending!.TryPeek(out var m))
        {
            // A frame is heard an output buffer after the render thread reached it (the mapping puts the
            // frontier a lead behind it): through the same mapping as the input, so clocks keep their spacing.
            var offset = (m.Frame + heardDelay + lead - sessionAnchor) * jackRate / sessionRate - unchecked(start - jackAnchor);
            if (offset >= frames) break;
            var time = (uint)Math.Max(last, Math.Max(0, offset));
            data[0] = m.Status;
            data[1] = m.Data1;
            data[2] = m.Data2;
            var size = m.Status >= 0xF0 ? 1 : (m.Status & 0xF0) is 0xC0 or 0xD0 ? 2 : 3;
            if (LibJack.MidiEventWrite(buffer, time, data, (nuint)size) != 0) break;   // the period's buffer is full
            last = time;
            sending.Skip();
        }
    }

    void Close()
    {
        if (closed || client == IntPtr.Zero) return;
        // What the session sent last (a note off, say) is due an output buffer after it was rendered.
        var due = Stopwatch.StartNew();
        while (sending is { Count: > 0 } && due.Elapsed.TotalSeconds < (heardDelay + 2.0 * lead) / sessionRate + 0.2) Thread.Sleep(5);
        closed = true;
        LibJack.Deactivate(client);
        LibJack.ClientClose(client);
    }

    public void Dispose() => Close();
}
