using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Waves.Console.Output;
using Waves.Console.Output.Native;
using Waves.Engine.Rendering;

namespace Waves.Console.Input;

/// <summary>
/// A JACK client (<c>waves-in</c>) with two audio input ports, in_L and in_R, connected to the ports
/// <c>--input-device</c> names (else the first two physical capture ports). Its real-time process
/// callback copies each period into the input ring. JACK runs at the server's rate, which the session
/// must share (<c>--rate</c>): the input is not converted.
/// </summary>
sealed class JackCapture : IAudioCapture
{
    const int MaxPeriod = 16384;

    readonly IntPtr client;
    readonly IntPtr inL, inR;
    readonly string name;
    readonly string[] sources = [];
    readonly float[] left = new float[MaxPeriod], right = new float[MaxPeriod];
    readonly LibJack.ProcessCallback process;
    volatile AudioInput? target;
    bool closed;

    public JackCapture(CaptureRequest request)
    {
        try { client = JackOutput.Open(request.ClientName); }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            throw new InputUnavailableException("the JACK library (libjack.so.0) is not installed (Debian: apt install libjack-jackd2-0)");
        }
        catch (OutputUnavailableException e) { throw new InputUnavailableException(e.Message); }
        try
        {
            name = LibJack.ClientName(client);
            var rate = (int)LibJack.SampleRate(client);
            if (rate != request.Rate)
                throw new InputUnavailableException(string.Create(CultureInfo.InvariantCulture,
                    $"the JACK server runs at {rate} Hz and the session at {request.Rate} Hz: play with --rate {rate} to take its input"));
            inL = LibJack.PortRegister(client, "in_L", LibJack.AudioType, LibJack.PortIsInput, 0);
            inR = LibJack.PortRegister(client, "in_R", LibJack.AudioType, LibJack.PortIsInput, 0);
            if (inL == IntPtr.Zero || inR == IntPtr.Zero) throw new InputUnavailableException($"JACK refused to register the ports of client {name}");
            process = Process;
            if (LibJack.SetProcessCallback(client, process, IntPtr.Zero) != 0) throw new InputUnavailableException("JACK refused the process callback");
            if (LibJack.Activate(client) != 0) throw new InputUnavailableException($"JACK could not activate client {name}");
            sources = [.. Choose(request.Device)];
            Connect();
        }
        catch
        {
            Close();
            throw;
        }
    }

    public string Description => $"jack: client {name} ← {(sources.Length == 0 ? "(no capture ports: connect it yourself)" : string.Join(", ", sources))}";

    public void Start(AudioInput target) => this.target = target;

    public void Stop()
    {
        target = null;
        Close();
    }

    public void Dispose() => Stop();

    /// <summary>The ports to take from: those <paramref name="device"/> names (full names, or prefixes such as a
    /// client name, comma separated), else the first two physical capture ports.</summary>
    List<string> Choose(string? device)
    {
        var outputs = LibJack.Ports(client, null, LibJack.AudioType, LibJack.PortIsOutput);
        if (string.IsNullOrWhiteSpace(device))
            return [.. LibJack.Ports(client, null, LibJack.AudioType, LibJack.PortIsOutput | LibJack.PortIsPhysical).Take(2)];
        var chosen = new List<string>();
        foreach (var item in device.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            List<string> matches = outputs.Contains(item) ? [item]
                : [.. outputs.Where(p => p.StartsWith(item.Contains(':') ? item : item + ":", StringComparison.Ordinal))];
            if (matches.Count == 0)
                throw new InputUnavailableException($"no JACK capture port matches '{item}' (there are: {(outputs.Count == 0 ? "none" : string.Join(", ", outputs))})");
            chosen.AddRange(matches.Where(m => !chosen.Contains(m)));
        }
        return [.. chosen.Take(2)];
    }

    /// <summary>The first source to in_L, the last to in_R; returns once the running graph has the connections.</summary>
    void Connect()
    {
        if (sources.Length == 0) return;
        foreach (var (from, to) in new[] { (sources[0], LibJack.PortName(inL)), (sources[^1], LibJack.PortName(inR)) })
        {
            var r = LibJack.Connect(client, from, to);
            if (r != 0 && r != LibJack.AlreadyConnected) throw new InputUnavailableException($"JACK could not connect {from} to {to}");
        }
        var clock = Stopwatch.StartNew();
        while ((LibJack.PortConnected(inL) == 0 || LibJack.PortConnected(inR) == 0) && clock.Elapsed < TimeSpan.FromSeconds(2)) Thread.Sleep(1);
    }

    /// <summary>JACK's real-time thread: no allocation, no lock, and no exception may leave.</summary>
    int Process(uint nframes, IntPtr arg)
    {
        try
        {
            var n = (int)Math.Min(nframes, MaxPeriod);
            var l = LibJack.PortGetBuffer(inL, nframes);
            var r = LibJack.PortGetBuffer(inR, nframes);
            if (target is not { } t) return 0;
            Marshal.Copy(l, left, 0, n);
            Marshal.Copy(r, right, 0, n);
            t.Write(left.AsSpan(0, n), right.AsSpan(0, n));
        }
        catch (Exception) { }
        return 0;
    }

    void Close()
    {
        if (closed) return;
        closed = true;
        if (client == IntPtr.Zero) return;
        LibJack.Deactivate(client);
        LibJack.ClientClose(client);
    }

    /// <summary>The ports a JACK client can take audio from (outputs of other clients, physical ones first).</summary>
    public static IReadOnlyList<string> Devices()
    {
        IntPtr c;
        try { c = JackOutput.Open("waves-devices"); }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            throw new OutputUnavailableException("the JACK library (libjack.so.0) is not installed");
        }
        try
        {
            var physical = LibJack.Ports(c, null, LibJack.AudioType, LibJack.PortIsOutput | LibJack.PortIsPhysical);
            return [.. physical, .. LibJack.Ports(c, null, LibJack.AudioType, LibJack.PortIsOutput).Except(physical)];
        }
        finally { LibJack.ClientClose(c); }
    }
}
