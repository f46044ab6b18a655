using Waves.Console.Output.Native;

namespace Waves.Console.Output;

/// <summary>
/// An ALSA PCM (a card, or a plugin such as <c>pulse</c>): float32 stereo, interleaved, at the
/// session's rate (ALSA's resampler converts when the device cannot), with a buffer of the
/// requested latency. A device thread writes periods (a quarter of the buffer, at least 5 ms)
/// with the blocking <c>snd_pcm_writei</c>, which paces it; an xrun is recovered and counted.
/// </summary>
sealed class AlsaOutput : IAudioOutput
{
    readonly IntPtr pcm;
    readonly string device;
    readonly int rate;
    readonly TimeSpan buffer;
    readonly int periodFrames;
    readonly long bufferFrames;
    volatile bool stop;
    bool stopped;
    Thread? worker;
    long delayFrames = -1;

    public AlsaOutput(OutputRequest request)
    {
        device = request.Device ?? "default";
        rate = request.Rate;
        buffer = request.Latency;
        var period = TimeSpan.FromTicks(Math.Max(TimeSpan.FromMilliseconds(5).Ticks, request.Latency.Ticks / 4));
        periodFrames = Math.Max(16, (int)(rate * period.TotalSeconds));
        int result;
        try { result = LibAsound.PcmOpen(out pcm, device, LibAsound.StreamPlayback, 0); }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            throw new OutputUnavailableException($"libasound is not installed ({e.Message})");
        }
        if (result < 0) throw new OutputUnavailableException($"cannot open ALSA device '{device}': {LibAsound.Error(result)} (waves devices lists the names)");
        result = LibAsound.PcmSetParams(pcm, LibAsound.FormatFloatLe, LibAsound.AccessRwInterleaved, 2, (uint)rate, 1,
            (uint)Math.Max(1000, request.Latency.TotalMicroseconds));
        if (result < 0)
        {
            LibAsound.PcmClose(pcm);
            throw new OutputUnavailableException($"ALSA device '{device}' cannot play float stereo at {rate} Hz: {LibAsound.Error(result)}");
        }
        bufferFrames = LibAsound.PcmGetParams(pcm, out var size, out _) == 0 ? (long)size : 0;
        Description = $"alsa: {device}";
    }

    public string Description { get; }
    public int DeviceRate => rate;

    /// <summary>
    /// <c>snd_pcm_delay</c> while playing (frames written but not yet heard); before the first write,
    /// the buffer that ALSA granted, which is what the delay settles at.
    /// </summary>
    public TimeSpan Latency
    {
        get
        {
            var frames = Interlocked.Read(ref delayFrames);
            return TimeSpan.FromSeconds((frames < 0 ? bufferFrames : frames) / (double)rate);
        }
    }

    public void Start(OutputFeed feed)
    {
        if (worker is not null || stopped) return;
        worker = new Thread(() => Run(feed)) { IsBackground = true, Name = "waves alsa output" };
        worker.Start();
    }

    void Run(OutputFeed feed)
    {
        // Above the render thread: the device must be fed even when rendering is busy.
        Native.Scheduling.RaiseCurrentThread(realtimePriority: 30);
        var data = new float[2 * periodFrames];
        var rest = new float[2 * periodFrames];
        var period = TimeSpan.FromSeconds(periodFrames / (double)rate);
        while (!stop)
        {
            // As in PulseOutput: the device still holds most of its buffer when the ring is short for a
            // moment, so a short wait avoids playing a gap.
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (feed.Buffered < periodFrames && !feed.Finished && !feed.Paused && !stop && waited.Elapsed < period) Thread.Sleep(1);
            feed.Read(data);
            if (!Write(feed, data, rest))
            {
                Discard(feed, data);
                return;
            }
            if (LibAsound.PcmDelay(pcm, out var delay) == 0) Interlocked.Exchange(ref delayFrames, delay);
        }
        LibAsound.PcmDrain(pcm);
    }

    /// <summary>After the device failed: takes frames at the clock's pace, so that the session still ends.</summary>
    void Discard(OutputFeed feed, float[] data)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (long taken = 0; !stop; taken += periodFrames)
        {
            var wait = TimeSpan.FromSeconds(taken / (double)rate) - clock.Elapsed;
            if (wait > TimeSpan.Zero) Thread.Sleep(wait);
            feed.Read(data);
        }
    }

    /// <summary>Writes a whole period, recovering from xruns; false when the device failed for good.</summary>
    bool Write(OutputFeed feed, float[] data, float[] rest)
    {
        var done = 0;
        while (done < periodFrames && !stop)
        {
            var chunk = data;
            if (done > 0)
            {
                // writei takes the start of an array; a partial write (after a signal) goes on from a copy.
                data.AsSpan(2 * done).CopyTo(rest);
                chunk = rest;
            }
            var n = LibAsound.PcmWritei(pcm, chunk, (nuint)(periodFrames - done));
            if (n >= 0)
            {
                done += (int)n;
                continue;
            }
            var error = (int)n;
            // The device ran dry although the ring had frames (the thread was late): a gap was heard.
            if (error == LibAsound.ErrorPipe) feed.CountDeviceUnderrun();
            if (LibAsound.PcmRecover(pcm, error, 1) < 0)
            {
                System.Console.Error.WriteLine($"waves: alsa: {LibAsound.Error(error)}; the rest of the session is not heard");
                return false;
            }
        }
        return true;
    }

    public void Stop()
    {
        if (stopped) return;
        stopped = true;
        stop = true;
        // As in PulseOutput: a thread stuck in the device keeps the handle rather than have it closed under it.
        if (worker is not null && worker != Thread.CurrentThread && !worker.Join(buffer + TimeSpan.FromSeconds(2))) return;
        LibAsound.PcmClose(pcm);
    }

    public void Dispose() => Stop();

    /// <summary>The PCM names ALSA knows (its configuration's and the cards').</summary>
    public static (string Backend, IReadOnlyList<string> Devices, string? Problem) Devices()
    {
        try { return ("alsa", LibAsound.PlaybackPcmNames(), null); }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return ("alsa", [], $"libasound is not installed ({e.Message})");
        }
    }
}
