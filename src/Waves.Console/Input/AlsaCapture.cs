using Waves.Console.Output.Native;
using Waves.Engine.Rendering;

namespace Waves.Console.Input;

/// <summary>
/// An ALSA capture PCM (a card, or a plugin such as <c>pulse</c>): float32 stereo, interleaved, at
/// the session's rate (ALSA's resampler converts when the device cannot). A capture thread reads
/// periods of about 5 ms with the blocking <c>snd_pcm_readi</c>; an overrun is recovered.
/// </summary>
sealed class AlsaCapture : IAudioCapture
{
    readonly IntPtr pcm;
    readonly int periodFrames;
    volatile bool stop;
    bool stopped;
    Thread? worker;

    public AlsaCapture(CaptureRequest request)
    {
        var device = request.Device ?? "default";
        periodFrames = Math.Max(32, request.Rate / 200);
        int result;
        try { result = LibAsound.PcmOpen(out pcm, device, LibAsound.StreamCapture, 0); }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            throw new InputUnavailableException($"libasound is not installed ({e.Message})");
        }
        if (result < 0) throw new InputUnavailableException($"cannot open ALSA capture device '{device}': {LibAsound.Error(result)}");
        result = LibAsound.PcmSetParams(pcm, LibAsound.FormatFloatLe, LibAsound.AccessRwInterleaved, 2, (uint)request.Rate, 1, 50_000);
        if (result < 0)
        {
            LibAsound.PcmClose(pcm);
            throw new InputUnavailableException($"ALSA device '{device}' cannot capture float stereo at {request.Rate} Hz: {LibAsound.Error(result)}");
        }
        Description = $"alsa: {device}";
    }

    public string Description { get; }

    public void Start(AudioInput target)
    {
        if (worker is not null || stopped) return;
        worker = new Thread(() => Run(target)) { IsBackground = true, Name = "waves alsa input" };
        worker.Start();
    }

    void Run(AudioInput target)
    {
        Output.Native.Scheduling.RaiseCurrentThread(realtimePriority: 30);
        var data = new float[2 * periodFrames];
        var (l, r) = (new float[periodFrames], new float[periodFrames]);
        while (!stop)
        {
            var got = LibAsound.PcmReadi(pcm, data, (nuint)periodFrames);
            if (got < 0)
            {
                if (LibAsound.PcmRecover(pcm, (int)got, 1) < 0)
                {
                    System.Console.Error.WriteLine($"waves: alsa input: {LibAsound.Error((int)got)}; the input is silent from here on");
                    return;
                }
                continue;
            }
            var n = (int)got;
            Deinterleave.Stereo(data, l.AsSpan(0, n), r.AsSpan(0, n));
            target.Write(l.AsSpan(0, n), r.AsSpan(0, n));
        }
    }

    public void Stop()
    {
        if (stopped) return;
        stopped = true;
        stop = true;
        if (worker is not null && !worker.Join(TimeSpan.FromSeconds(2))) return;
        LibAsound.PcmClose(pcm);
    }

    public void Dispose() => Stop();
}
