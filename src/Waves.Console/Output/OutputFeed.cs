using NAudio.Dsp;
using Waves.Engine.Audio;

namespace Waves.Console.Output;

/// <summary>
/// The device side of the output ring: a device takes interleaved stereo frames from here, in
/// blocks of its own size, at its own rate. When the render thread has not produced enough, the
/// rest is silence and an underrun is counted; the engine's frames stay contiguous (the gap exists
/// only on the device). Paused or finished sessions give silence without counting. Reading never
/// allocates or locks, so a real-time callback (JACK) may call it.
/// </summary>
sealed class OutputFeed
{
    readonly SampleRing ring;
    readonly float[] left = new float[8192], right = new float[8192];
    readonly WdlResampler? resampler;
    // Converted frames made but not yet asked for: the resampler works in chunks of a fixed size.
    readonly float[] converted = new float[2 * ConvertChunk];
    int convertedAt, convertedCount;
    /// <summary>Device frames the resampler is asked for at a time. Always the same request, so that its
    /// input buffer keeps its size: it reallocates whenever a request outgrows it.</summary>
    const int ConvertChunk = 256;
    long underruns, missing, delivered;
    volatile bool paused, finished;

    public OutputFeed(SampleRing ring, int sessionRate, int deviceRate)
    {
        this.ring = ring;
        SessionRate = sessionRate;
        DeviceRate = deviceRate;
        if (sessionRate != deviceRate)
        {
            // NAudio's WDL resampler: band-limited (sinc) conversion, buffers sized once here.
            resampler = new WdlResampler();
            resampler.SetMode(true, 2, true, 32, 16);
            resampler.SetFilterParms();
            resampler.SetFeedMode(false);
            resampler.SetRates(sessionRate, deviceRate);
            // Warm-up passes so that the resampler's own buffers and filter exist before the device starts.
            for (var i = 0; i < 2; i++)
            {
                var need = resampler.ResamplePrepare(ConvertChunk, 2, out var input);
                input[..(2 * need)].Clear();
                resampler.ResampleOut(converted, need, ConvertChunk, 2);
            }
            resampler.Reset();
            // Reset empties the input buffer, and the first request after it is the largest (it primes
            // the filter): made here, that allocation is not the device's first read's.
            resampler.ResamplePrepare(ConvertChunk, 2, out _);
        }
    }

    public int SessionRate { get; }
    public int DeviceRate { get; }

    /// <summary>True when the device converts the session's rate (the feed resamples).</summary>
    public bool Converts => resampler is not null;

    /// <summary>Times the device asked for frames that were not there.</summary>
    public long Underruns => Interlocked.Read(ref underruns);

    /// <summary>Counts an underrun that only the device saw (an ALSA xrun: its thread was late although the
    /// ring had frames); how long the gap lasted is unknown, so <see cref="MissingFrames"/> stays as it is.</summary>
    public void CountDeviceUnderrun() => Interlocked.Increment(ref underruns);

    /// <summary>Device frames of silence played because of underruns.</summary>
    public long MissingFrames => Interlocked.Read(ref missing);

    /// <summary>Device frames handed to the device so far.</summary>
    public long Delivered => Interlocked.Read(ref delivered);

    /// <summary>Session frames waiting in the ring.</summary>
    public long Buffered => ring.Available;

    /// <summary>While paused the device plays silence and no underrun is counted.</summary>
    public bool Paused { get => paused; set => paused = value; }

    /// <summary>Set by the render thread when no more frames will come.</summary>
    public bool Finished { get => finished; set => finished = value; }

    /// <summary>True once the render side has finished and the device has taken every frame.</summary>
    public bool Drained => finished && ring.Available == 0;

    /// <summary>Fills <paramref name="interleaved"/> (stereo, device rate) completely.</summary>
    public void Read(Span<float> interleaved)
    {
        var frames = interleaved.Length / 2;
        var got = resampler is null ? Take(interleaved, frames) : Resample(interleaved, frames);
        if (got < frames)
        {
            interleaved[(2 * got)..].Clear();
            if (!paused && !finished)
            {
                Interlocked.Increment(ref underruns);
                Interlocked.Add(ref missing, frames - got);
            }
        }
        Interlocked.Add(ref delivered, frames);
    }

    /// <summary>Session frames straight from the ring; returns how many there were.</summary>
    int Take(Span<float> interleaved, int frames)
    {
        var done = 0;
        while (done < frames)
        {
            var n = ring.Read(left.AsSpan(0, Math.Min(left.Length, frames - done)), right.AsSpan(0, Math.Min(right.Length, frames - done)));
            if (n == 0) break;
            for (var i = 0; i < n; i++)
            {
                interleaved[2 * (done + i)] = left[i];
                interleaved[2 * (done + i) + 1] = right[i];
            }
            done += n;
        }
        return done;
    }

    /// <summary>Converted frames; returns how many there were. The resampler is only ever given all the
    /// input it asks for: given less, it flushes (allocating, and dropping the history that the next
    /// frames need). So a short ring leaves its last few frames there, to be converted once more
    /// arrive; at the end of the session they are completed with silence instead.</summary>
    int Resample(Span<float> interleaved, int frames)
    {
        var r = resampler!;
        var done = 0;
        while (done < frames)
        {
            if (convertedCount == 0)
            {
                var need = r.ResamplePrepare(ConvertChunk, 2, out var input);
                var end = finished; // read before the ring: every frame is in once it is set
                if (ring.Available < need && !end) break;
                // A chunk needs about ConvertChunk × the rate ratio session frames: far fewer than 8192.
                var n = ring.Read(left.AsSpan(0, Math.Min(need, left.Length)), right.AsSpan(0, Math.Min(need, right.Length)));
                for (var i = 0; i < n; i++)
                {
                    input[2 * i] = left[i];
                    input[2 * i + 1] = right[i];
                }
                input[(2 * n)..(2 * need)].Clear();
                convertedCount = r.ResampleOut(converted, need, ConvertChunk, 2);
                convertedAt = 0;
                if (convertedCount == 0) break;
            }
            var take = Math.Min(convertedCount, frames - done);
            converted.AsSpan(2 * convertedAt, 2 * take).CopyTo(interleaved[(2 * done)..]);
            convertedAt += take;
            convertedCount -= take;
            done += take;
        }
        return done;
    }
}
