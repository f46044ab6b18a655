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
    readonly AutoResetEvent consumed;
    readonly float[] left = new float[8192], right = new float[8192];
    readonly WdlResampler? resampler;
    long underruns, missing, delivered;
    volatile bool paused, finished;

    public OutputFeed(SampleRing ring, AutoResetEvent consumed, int sessionRate, int deviceRate)
    {
        this.ring = ring;
        this.consumed = consumed;
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
            // One warm-up pass so that the resampler's own buffers exist before the device starts.
            var warm = new float[2 * 4096];
            var need = resampler.ResamplePrepare(4096, 2, out var input);
            input[..(2 * need)].Clear();
            resampler.ResampleOut(warm, need, 4096, 2);
            resampler.Reset();
        }
    }

    public int SessionRate { get; }
    public int DeviceRate { get; }

    /// <summary>True when the device converts the session's rate (the feed resamples).</summary>
    public bool Converts => resampler is not null;

    /// <summary>Times the device asked for frames that were not there.</summary>
    public long Underruns => Interlocked.Read(ref underruns);

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
        consumed.Set();
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

    int Resample(Span<float> interleaved, int frames)
    {
        var r = resampler!;
        var done = 0;
        while (done < frames)
        {
            var want = Math.Min(frames - done, left.Length / 2);
            var need = r.ResamplePrepare(want, 2, out var input);
            need = (int)Math.Min(need, ring.Available);
            var n = ring.Read(left.AsSpan(0, need), right.AsSpan(0, need));
            for (var i = 0; i < n; i++)
            {
                input[2 * i] = left[i];
                input[2 * i + 1] = right[i];
            }
            var made = r.ResampleOut(interleaved.Slice(2 * done, 2 * want), n, want, 2);
            done += made;
            if (made < want) break;
        }
        return done;
    }
}
