using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Waves.Console.Output.Native;

namespace Waves.Console.Output;

/// <summary>
/// A JACK client with two audio output ports, out_L and out_R, at the server's rate and period (the
/// feed converts the session's rate). It is opened, activated and connected here, so that its
/// latency is known and a wrong <c>--device</c> fails before the session starts; until
/// <see cref="Start"/> its process callback plays silence without taking frames from the feed, so
/// the first frame taken is the first one the connected ports receive.
/// </summary>
sealed class JackOutput : IAudioOutput
{
    /// <summary>Frames the callback can take per period without allocating; a bigger period allocates
    /// in JACK's buffer-size callback, before the first process call at that size.</summary>
    const int PreallocatedPeriod = 8192;

    /// <summary>The callback's buffers, swapped whole when the period grows.</summary>
    sealed class Buffers(int frames)
    {
        public readonly float[] Interleaved = new float[2 * frames], Left = new float[frames], Right = new float[frames],
            Silence = new float[frames];
        public int Frames => Left.Length;
    }

    readonly IntPtr client;
    readonly IntPtr outL, outR;
    readonly string name;
    readonly string[] destinations;
    // JACK holds only native entry points: the delegates must live as long as the client.
    readonly LibJack.ProcessCallback process;
    readonly LibJack.BufferSizeCallback bufferSize;
    readonly LibJack.ShutdownCallback shutdown;
    volatile Buffers buffers = new(PreallocatedPeriod);
    volatile OutputFeed? feed;
    volatile bool closed, lost;
    // 1 while a thread is inside feed.Read: the JACK callback and the after-shutdown pacer never read at once.
    int reading;
    long callbackErrors;
    Thread? pacer;

    public JackOutput(OutputRequest request)
    {
        try { client = Open(request.ClientName); }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            throw new OutputUnavailableException("the JACK library (libjack.so.0) is not installed (Debian: apt install libjack-jackd2-0)");
        }
        try
        {
            name = LibJack.ClientName(client);
            DeviceRate = (int)LibJack.SampleRate(client);
            Period = (int)LibJack.BufferSize(client);
            if (Period > PreallocatedPeriod) buffers = new Buffers(Period);
            outL = LibJack.PortRegister(client, "out_L", LibJack.AudioType, LibJack.PortIsOutput, 0);
            outR = LibJack.PortRegister(client, "out_R", LibJack.AudioType, LibJack.PortIsOutput, 0);
            if (outL == IntPtr.Zero || outR == IntPtr.Zero) throw new OutputUnavailableException($"JACK refused to register the ports of client {name}");
            process = Process;
            bufferSize = BufferSizeChanged;
            shutdown = ShutDown;
            if (LibJack.SetProcessCallback(client, process, IntPtr.Zero) != 0 || LibJack.SetBufferSizeCallback(client, bufferSize, IntPtr.Zero) != 0)
                throw new OutputUnavailableException("JACK refused the process callback");
            LibJack.OnShutdown(client, shutdown, IntPtr.Zero);
            // Ports can only be connected once the client is active.
            if (LibJack.Activate(client) != 0) throw new OutputUnavailableException($"JACK could not activate client {name}");
            destinations = [.. Choose(request.Device)];
            Connect();
            Latency = TimeSpan.FromSeconds(DestinationLatency() / (double)DeviceRate);
        }
        catch
        {
            Close();
            throw;
        }
    }

    /// <summary>The server's period, in frames.</summary>
    public int Period { get; private set; }

    public int DeviceRate { get; }

    /// <summary>The playback latency JACK reports for the ports ours feed (what it propagates to ours): from
    /// our port buffers to the sound. Two periods for the dummy backend's ports, 0 for a recorder's.</summary>
    public TimeSpan Latency { get; }

    public string Description => string.Create(CultureInfo.InvariantCulture,
        $"jack: client {name} {(destinations.Length == 0 ? "(no playback ports: connect it yourself)" : "→ " + string.Join(", ", destinations))} ({DeviceRate} Hz, period {Period})");

    public void Start(OutputFeed feed) => this.feed = feed;

    public void Stop()
    {
        if (closed) return;
        // The last period taken is still on its way to the destination ports: let it get there.
        if (feed is not null && !lost) Thread.Sleep(TimeSpan.FromSeconds(2.0 * Period / DeviceRate) + Latency);
        feed = null;
        Close();
        if (pacer is not null && pacer != Thread.CurrentThread) pacer.Join();
        if (Interlocked.Read(ref callbackErrors) is > 0 and var errors)
            System.Console.Error.WriteLine($"waves: {errors} JACK periods were played as silence after an error in the process callback");
    }

    public void Dispose() => Stop();

    static readonly LibJack.MessageCallback keepMessage = message => lastMessage = Marshal.PtrToStringUTF8(message);
    static volatile string? lastMessage;
    static int quieted;

    /// <summary>Opens a client without starting a server; JACK's own messages are kept, not printed.</summary>
    internal static IntPtr Open(string clientName)
    {
        // libjack prints its complaints ("Cannot connect to server socket …") on stderr, which garbles
        // the terminal and repeats what the exception says; the last one is kept for the exception.
        if (Interlocked.Exchange(ref quieted, 1) == 0)
        {
            LibJack.SetErrorFunction(keepMessage);
            LibJack.SetInfoFunction(keepMessage);
        }
        lastMessage = null;
        var handle = LibJack.ClientOpen(clientName, LibJack.NoStartServer, out var status);
        if (handle != IntPtr.Zero) return handle;
        var server = Environment.GetEnvironmentVariable("JACK_DEFAULT_SERVER");
        var named = string.IsNullOrEmpty(server) || server == "default" ? "" : $" named '{server}' (JACK_DEFAULT_SERVER)";
        if ((status & LibJack.StatusServerFailed) != 0)
            throw new OutputUnavailableException($"no JACK server{named} running (start one with: jackd -d alsa; without a sound card: jackd --no-realtime -d dummy -r 48000)");
        var why = (status & LibJack.StatusVersionError) != 0 ? "the server speaks another protocol version"
            : (status & LibJack.StatusShmFailure) != 0 ? "no access to the server's shared memory"
            : (status & LibJack.StatusServerError) != 0 ? "the server refused the client"
            : lastMessage ?? "unknown reason";
        throw new OutputUnavailableException(string.Create(CultureInfo.InvariantCulture, $"cannot open a JACK client ({why}; status 0x{status:x})"));
    }

    /// <summary>The ports to feed: those <paramref name="device"/> names (full names, or prefixes such as a
    /// client name, comma separated), else the first two physical playback ports, if any.</summary>
    List<string> Choose(string? device)
    {
        var inputs = LibJack.Ports(client, null, LibJack.AudioType, LibJack.PortIsInput);
        if (string.IsNullOrWhiteSpace(device))
            return [.. LibJack.Ports(client, null, LibJack.AudioType, LibJack.PortIsInput | LibJack.PortIsPhysical).Take(2)];
        var chosen = new List<string>();
        foreach (var item in device.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // A full name, else a client's ports ("system" → system:…), else any name that starts so.
            List<string> matches = inputs.Contains(item) ? [item]
                : [.. inputs.Where(p => p.StartsWith(item.Contains(':') ? item : item + ":", StringComparison.Ordinal))];
            if (matches.Count == 0) matches = [.. inputs.Where(p => p.StartsWith(item, StringComparison.Ordinal))];
            if (matches.Count == 0)
                throw new OutputUnavailableException($"no JACK playback port matches '{item}' (there are: {(inputs.Count == 0 ? "none" : string.Join(", ", inputs))})");
            chosen.AddRange(matches.Where(m => !chosen.Contains(m)));
        }
        return [.. chosen.Take(2)];
    }

    /// <summary>out_L to the first destination, out_R to the second (to the first too when there is one:
    /// JACK sums what reaches an input port). Returns once the running graph has the connections.</summary>
    void Connect()
    {
        if (destinations.Length == 0) return;
        var portL = LibJack.PortName(outL);
        var portR = LibJack.PortName(outR);
        foreach (var (from, to) in new[] { (portL, destinations[0]), (portR, destinations[^1]) })
        {
            var r = LibJack.Connect(client, from, to);
            if (r != 0 && r != LibJack.AlreadyConnected)
                throw new OutputUnavailableException($"JACK could not connect {from} to {to}{(lastMessage is { } m ? $" ({m})" : "")}");
        }
        // The server switches to a changed graph at the start of a cycle: once the ports show their
        // connections, every later period reaches the destinations.
        var clock = Stopwatch.StartNew();
        while ((LibJack.PortConnected(outL) == 0 || LibJack.PortConnected(outR) == 0) && clock.Elapsed < TimeSpan.FromSeconds(2)) Thread.Sleep(1);
    }

    /// <summary>The largest playback latency of the destination ports, in frames: what JACK propagates to ours.</summary>
    uint DestinationLatency()
    {
        uint frames = 0;
        foreach (var d in destinations)
        {
            var port = LibJack.PortByName(client, d);
            if (port == IntPtr.Zero) continue;
            LibJack.PortGetLatencyRange(port, LibJack.PlaybackLatency, out var range);
            frames = Math.Max(frames, range.Max);
        }
        return frames;
    }

    /// <summary>JACK's real-time thread: no allocation, no lock, and no exception may leave (it would end the process).</summary>
    int Process(uint nframes, IntPtr arg)
    {
        try
        {
            var frames = (int)nframes;
            var b = buffers;
            var left = LibJack.PortGetBuffer(outL, nframes);
            var right = LibJack.PortGetBuffer(outR, nframes);
            if (frames > b.Frames) return 0; // cannot happen: the buffer-size callback comes first
            var f = feed;
            if (f is null || lost || Interlocked.CompareExchange(ref reading, 1, 0) != 0)
            {
                Marshal.Copy(b.Silence, 0, left, frames);
                Marshal.Copy(b.Silence, 0, right, frames);
                return 0;
            }
            try { f.Read(b.Interleaved.AsSpan(0, 2 * frames)); }
            finally { Volatile.Write(ref reading, 0); }
            for (var i = 0; i < frames; i++)
            {
                b.Left[i] = b.Interleaved[2 * i];
                b.Right[i] = b.Interleaved[2 * i + 1];
            }
            Marshal.Copy(b.Left, 0, left, frames);
            Marshal.Copy(b.Right, 0, right, frames);
        }
        catch (Exception)
        {
            Interlocked.Increment(ref callbackErrors);
        }
        return 0;
    }

    int BufferSizeChanged(uint nframes, IntPtr arg)
    {
        try
        {
            if (nframes > buffers.Frames) buffers = new Buffers((int)nframes);
            Period = (int)nframes;
        }
        catch (Exception) { return 1; }
        return 0;
    }

    /// <summary>The server went away: the session goes on, unheard, paced by the clock as the null output
    /// is, so that it still ends when it should and its journal stays whole.</summary>
    void ShutDown(IntPtr arg)
    {
        lost = true;
        try
        {
            System.Console.Error.WriteLine("waves: the JACK server shut down; the session goes on unheard");
            pacer = new Thread(Pace) { IsBackground = true, Name = "waves jack lost" };
            pacer.Start();
        }
        catch (Exception) { }
    }

    void Pace()
    {
        var frames = Math.Max(16, Period);
        var buffer = new float[2 * frames];
        var clock = Stopwatch.StartNew();
        long taken = 0;
        while (!closed)
        {
            var wait = TimeSpan.FromSeconds(taken / (double)DeviceRate) - clock.Elapsed;
            if (wait > TimeSpan.Zero) Thread.Sleep(wait);
            if (feed is { } f && Interlocked.CompareExchange(ref reading, 1, 0) == 0)
            {
                try { f.Read(buffer); }
                finally { Volatile.Write(ref reading, 0); }
            }
            taken += frames;
        }
    }

    void Close()
    {
        if (closed) return;
        closed = true;
        if (client == IntPtr.Zero) return;
        if (!lost) LibJack.Deactivate(client);
        LibJack.ClientClose(client);
    }

    /// <summary>The ports a JACK client can play to (inputs of other clients, physical ones first).</summary>
    public static IReadOnlyList<string> Devices()
    {
        IntPtr c;
        try { c = Open("waves-devices"); }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            throw new OutputUnavailableException("the JACK library (libjack.so.0) is not installed");
        }
        try
        {
            var physical = LibJack.Ports(c, null, LibJack.AudioType, LibJack.PortIsInput | LibJack.PortIsPhysical);
            return [.. physical, .. LibJack.Ports(c, null, LibJack.AudioType, LibJack.PortIsInput).Except(physical)];
        }
        finally { LibJack.ClientClose(c); }
    }
}
