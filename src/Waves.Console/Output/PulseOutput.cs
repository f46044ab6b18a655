using System.ComponentModel;
using System.Diagnostics;
using Waves.Console.Output.Native;

namespace Waves.Console.Output;

/// <summary>
/// A PulseAudio (or pipewire-pulse) playback stream through the blocking simple API: float32
/// stereo at the session's rate (the server converts to the sink's rate), with a server-side
/// buffer (tlength) of the requested latency. A device thread takes a period (a quarter of the
/// buffer, at least 5 ms) from the feed and writes it; the write blocks until the server has room,
/// which paces the thread.
/// </summary>
sealed class PulseOutput : IAudioOutput
{
    readonly IntPtr stream;
    readonly int rate;
    readonly TimeSpan buffer;
    readonly int periodFrames;
    volatile bool stop;
    bool stopped, freed;
    Thread? worker;
    long latencyMicroseconds;

    public PulseOutput(OutputRequest request)
    {
        rate = request.Rate;
        buffer = request.Latency;
        var period = TimeSpan.FromTicks(Math.Max(TimeSpan.FromMilliseconds(5).Ticks, request.Latency.Ticks / 4));
        periodFrames = Math.Max(16, (int)(rate * period.TotalSeconds));
        Description = request.Device is null ? "pulse: default sink" : $"pulse: sink {request.Device}";
        var spec = new LibPulse.SampleSpec { Format = LibPulse.SampleFloat32Le, Rate = (uint)rate, Channels = 2 };
        var attr = new LibPulse.BufferAttr
        {
            MaxLength = uint.MaxValue,
            TLength = (uint)Math.Max(2 * periodFrames, rate * request.Latency.TotalSeconds) * 8,
            PreBuf = uint.MaxValue,
            MinReq = uint.MaxValue,
            FragSize = uint.MaxValue,
        };
        int error;
        try
        {
            stream = LibPulse.SimpleNew(null, request.ClientName, LibPulse.StreamPlayback, request.Device, "playback",
                ref spec, IntPtr.Zero, ref attr, out error);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            throw new OutputUnavailableException($"libpulse is not installed ({e.Message})");
        }
        if (stream == IntPtr.Zero)
            throw new OutputUnavailableException(error == LibPulse.ErrorNoEntity
                ? $"cannot play to sink '{request.Device}': {LibPulse.Error(error)} (waves devices lists the sinks)"
                : $"cannot connect to a PulseAudio server: {LibPulse.Error(error)}");
    }

    public string Description { get; }
    public int DeviceRate => rate;

    /// <summary>What the server reports: the audio written but not yet heard, plus the sink's own latency
    /// (so zero until the device thread has written: the stream has not started).</summary>
    public TimeSpan Latency
    {
        get
        {
            // Before the device thread runs nobody else uses the stream; afterwards it keeps the value current.
            if (worker is null && !freed) Update();
            return TimeSpan.FromTicks(Interlocked.Read(ref latencyMicroseconds) * 10);
        }
    }

    void Update()
    {
        var us = LibPulse.SimpleGetLatency(stream, out _);
        if (us != ulong.MaxValue) Interlocked.Exchange(ref latencyMicroseconds, (long)us);
    }

    public void Start(OutputFeed feed)
    {
        if (worker is not null || stopped) return;
        worker = new Thread(() => Run(feed)) { IsBackground = true, Name = "waves pulse output" };
        worker.Start();
    }

    void Run(OutputFeed feed)
    {
        // Above the render thread: the device must be fed even when rendering is busy.
        Native.Scheduling.RaiseCurrentThread(realtimePriority: 30);
        var data = new float[2 * periodFrames];
        var bytes = (nuint)(data.Length * sizeof(float));
        var period = TimeSpan.FromSeconds(periodFrames / (double)rate);
        while (!stop)
        {
            // The server still holds most of its buffer when the ring runs short for a moment (the render
            // thread was descheduled): waiting up to a period then costs nothing, whereas reading at once
            // would play a gap and count an underrun.
            var waited = Stopwatch.StartNew();
            while (feed.Buffered < periodFrames && !feed.Finished && !feed.Paused && !stop && waited.Elapsed < period) Thread.Sleep(1);
            feed.Read(data);
            if (LibPulse.SimpleWrite(stream, data, bytes, out var error) < 0)
            {
                System.Console.Error.WriteLine($"waves: pulse: {LibPulse.Error(error)}; the rest of the session is not heard");
                Discard(feed, data);
                return;
            }
            Update();
        }
        // Let the server play what it holds (Stop bounds how long this may take).
        LibPulse.SimpleDrain(stream, out _);
    }

    /// <summary>After the server went away: takes frames at the clock's pace, so that the session still ends.</summary>
    void Discard(OutputFeed feed, float[] data)
    {
        var clock = Stopwatch.StartNew();
        for (long taken = 0; !stop; taken += periodFrames)
        {
            var wait = TimeSpan.FromSeconds(taken / (double)rate) - clock.Elapsed;
            if (wait > TimeSpan.Zero) Thread.Sleep(wait);
            feed.Read(data);
        }
    }

    public void Stop()
    {
        if (stopped) return;
        stopped = true;
        stop = true;
        // Joined within the buffer plus a margin; a thread stuck in a call to a hung server keeps the
        // stream (freeing it under the call would crash), which the process exit then releases.
        if (worker is not null && worker != Thread.CurrentThread && !worker.Join(buffer + TimeSpan.FromSeconds(2))) return;
        LibPulse.SimpleFree(stream);
        freed = true;
    }

    public void Dispose() => Stop();

    /// <summary>The server's sinks, by name (from <c>pactl</c>; just "default" when it is not installed).</summary>
    public static (string Backend, IReadOnlyList<string> Devices, string? Problem) Devices() => Listed("sinks");

    /// <summary>The names of the server's <paramref name="what"/> (<c>sinks</c> or <c>sources</c>) from
    /// <c>pactl list short</c>; just "default" when pactl is not installed.</summary>
    internal static (string Backend, IReadOnlyList<string> Devices, string? Problem) Listed(string what)
    {
        var info = new ProcessStartInfo("pactl", ["list", "short", what])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try { process = Process.Start(info)!; }
        catch (Win32Exception) { return ("pulse", ["default"], null); }
        using (process)
        {
            var err = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                process.Kill();
                return ("pulse", [], "pactl did not answer within 5 s");
            }
            if (process.ExitCode != 0)
                return ("pulse", [], err.Result.Trim() is { Length: > 0 } message ? message : $"pactl exited with {process.ExitCode}");
            return ("pulse", [.. output.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => line.Split('\t')).Where(columns => columns.Length > 1).Select(columns => columns[1])], null);
        }
    }
}
