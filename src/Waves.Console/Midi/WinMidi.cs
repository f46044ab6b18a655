using System.Diagnostics;
using System.Runtime.Versioning;
using NAudio;
using NAudio.Midi;
using Waves.Engine.Midi;
using Waves.Engine.Rendering;
using MidiMessage = Waves.Engine.Midi.MidiMessage;

namespace Waves.Console.Midi;

/// <summary>
/// MIDI devices on Windows through NAudio (winmm), chosen by name or by an alias of
/// <c>waves.config.yaml</c>. An incoming message is stamped with a session frame from its winmm
/// timestamp (milliseconds), mapped onto the session's frames a few blocks ahead of the render
/// thread as <see cref="JackMidi"/> maps JACK's frame times, so a played phrase keeps its timing; the
/// winmm callback is the session's live queue's single producer. <c>midi_out</c>'s messages are sent by
/// a thread of this class when their frame is heard (an output buffer after it was rendered).
/// </summary>
[SupportedOSPlatform("windows")]
sealed class WinMidi : IMidiPorts
{
    readonly MidiIn? input;
    readonly MidiOut? output;
    readonly Renderer renderer;
    readonly MidiRing? live, sending;
    readonly byte device;
    readonly long sessionRate, lead, heardDelay;
    readonly Thread? sender;
    long sessionAnchor, msAnchor;
    bool anchored;
    volatile bool closed;

    public string Description { get; }

    public WinMidi(string? inputName, string? outputName, MidiConfig config, LiveSession session, TimeSpan latency)
    {
        renderer = session.Renderer;
        var inputs = session.Settings.Inputs;
        sessionRate = session.Settings.SampleRate;
        lead = 3L * session.Settings.BlockSize;
        heardDelay = (long)Math.Round(latency.TotalSeconds * sessionRate);
        var lines = new List<string>();
        try
        {
            if (inputName is not null)
            {
                var names = Enumerable.Range(0, MidiIn.NumberOfDevices).Select(i => MidiIn.DeviceInfo(i).ProductName).ToList();
                var number = Find(names, config.Port(inputName), inputName, config, "input");
                device = inputs.Midi.Device(inputName);
                live = inputs.Midi.Live();
                input = new MidiIn(number);
                input.MessageReceived += Received;
                input.Start();
                lines.Add($"MIDI in: {names[number]}{(names[number] != inputName ? $" ('{inputName}')" : "")}");
            }
            if (outputName is not null)
            {
                var names = Enumerable.Range(0, MidiOut.NumberOfDevices).Select(i => MidiOut.DeviceInfo(i).ProductName).ToList();
                var number = Find(names, config.Port(outputName), outputName, config, "output");
                output = new MidiOut(number);
                sending = inputs.MidiOut.Open();
                sender = new Thread(Send) { IsBackground = true, Name = "waves midi out", Priority = ThreadPriority.Highest };
                sender.Start();
                lines.Add($"MIDI out: {names[number]}{(names[number] != outputName ? $" ('{outputName}')" : "")}");
            }
        }
        catch (MmException e)
        {
            Dispose();
            throw new UsageException($"MIDI: {e.Message}");
        }
        Description = string.Join("\n", lines);
    }

    /// <summary>The device a name stands for: exact, then the first whose name contains it; none is an
    /// error listing the devices and aliases.</summary>
    static int Find(List<string> names, string wanted, string given, MidiConfig config, string what)
    {
        var exact = names.FindIndex(n => string.Equals(n, wanted, StringComparison.OrdinalIgnoreCase));
        if (exact >= 0) return exact;
        var partial = names.FindIndex(n => n.Contains(wanted, StringComparison.OrdinalIgnoreCase));
        if (partial >= 0) return partial;
        var aliases = config.Devices.Count == 0 ? $"no aliases ({MidiConfig.FileName} beside the sound folder defines them)"
            : $"aliases in {config.Path}: {string.Join(", ", config.Devices.Select(kv => $"{kv.Key} = {kv.Value}"))}";
        throw new UsageException($"MIDI: no {what} device matches '{given}'{(wanted != given ? $" ('{wanted}')" : "")}; " +
            $"there are: {(names.Count == 0 ? "none" : string.Join(", ", names))}; {aliases}");
    }

    /// <summary>On winmm's callback thread: stamps the message and queues it for the render thread.</summary>
    void Received(object? sender, MidiInMessageEventArgs e)
    {
        if (closed) return;
        var raw = e.RawMessage;
        var status = (byte)(raw & 0xFF);
        if (status < 0x80 || status == 0xF0 || status == 0xF7) return;
        var frontier = renderer.Frame;
        var ms = (long)e.Timestamp.TotalMilliseconds;
        var frame = sessionAnchor + (ms - msAnchor) * sessionRate / 1000;
        // Anchored at the first message, and again when the mapping would make a message late.
        if (!anchored || frame < frontier + lead / 2)
        {
            (msAnchor, sessionAnchor, anchored) = (ms, frontier + lead, true);
            frame = sessionAnchor;
        }
        live!.TryWrite(new MidiMessage(frame, device, status, (byte)((raw >> 8) & 0x7F), (byte)((raw >> 16) & 0x7F)));
    }

    /// <summary>Sends each of <c>midi_out</c>'s messages once the frame it belongs to is heard.</summary>
    void Send()
    {
        while (!closed)
        {
            var heard = renderer.Frame - heardDelay;
            while (sending!.TryPeek(out var m) && m.Frame <= heard)
            {
                var size = m.Status >= 0xF0 ? 1 : (m.Status & 0xF0) is 0xC0 or 0xD0 ? 2 : 3;
                var raw = m.Status | (size > 1 ? m.Data1 << 8 : 0) | (size > 2 ? m.Data2 << 16 : 0);
                try { output!.Send(raw); } catch (MmException) { }
                sending.Skip();
            }
            Thread.Sleep(1);
        }
    }

    public void Dispose()
    {
        if (closed) return;
        // What the session sent last (a note off, say) is due an output buffer after it was rendered.
        var due = Stopwatch.StartNew();
        while (sending is { Count: > 0 } && due.Elapsed.TotalSeconds < (heardDelay + 2.0 * lead) / sessionRate + 0.2) Thread.Sleep(5);
        closed = true;
        sender?.Join(TimeSpan.FromSeconds(1));
        try { input?.Stop(); } catch (MmException) { }
        input?.Dispose();
        output?.Dispose();
    }
}
