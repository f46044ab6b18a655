using Waves.Console.Output.Native;
using Waves.Engine.Rendering;

namespace Waves.Console.Input;

/// <summary>
/// A PulseAudio record stream through the blocking simple API: float32 stereo at the session's rate
/// (the server converts), in fragments of about 5 ms. A capture thread reads a fragment at a time —
/// the read blocks until the server has one, which paces it — and writes it into the input ring.
/// </summary>
sealed class PulseCapture : IAudioCapture
{
    readonly IntPtr stream;
    readonly int fragmentFrames;
    volatile bool stop;
    bool stopped;
    Thread? worker;

    public PulseCapture(CaptureRequest request)
    {
        fragmentFrames = Math.Max(32, request.Rate / 200);
        Description = request.Device is null ? "pulse: default source" : $"pulse: source {request.Device}";
        var spec = new LibPulse.SampleSpec { Format = LibPulse.SampleFloat32Le, Rate = (uint)request.Rate, Channels = 2 };
        var attr = new LibPulse.BufferAttr
        {
            MaxLength = uint.MaxValue,
            TLength = uint.MaxValue,
            PreBuf = uint.MaxValue,
            MinReq = uint.MaxValue,
            FragSize = (uint)fragmentFrames * 8,
        };
        int error;
        try
        {
            stream = LibPulse.SimpleNew(null, request.ClientName, LibPulse.StreamRecord, request.Device, "capture",
                ref spec, IntPtr.Zero, ref attr, out error);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            throw new InputUnavailableException($"libpulse is not installed ({e.Message})");
        }
        if (stream == IntPtr.Zero)
            throw new InputUnavailableException(error == LibPulse.ErrorNoEntity
                ? $"cannot record from source '{request.Device}': {LibPulse.Error(error)} (waves devices lists the sources)"
                : $"cannot connect to a PulseAudio server: {LibPulse.Error(error)}");
    }

    public string Description { get; }

    public void Start(AudioInput target)
    {
        if (worker is not null || stopped) return;
        worker = new Thread(() => Run(target)) { IsBackground = true, Name = "waves pulse input" };
        worker.Start();
    }

    void Run(AudioInput target)
    {
        Output.Native.Scheduling.RaiseCurrentThread(realtimePriority: 30);
        var data = new float[2 * fragmentFrames];
        var (l, r) = (new float[fragmentFrames], new float[fragmentFrames]);
        var bytes = (nuint)(data.Length * sizeof(float));
        while (!stop)
        {
            if (LibPulse.SimpleRead(stream, data, bytes, out var error) < 0)
            {
                System.Console.Error.WriteLine($"waves: pulse input: {LibPulse.Error(error)}; the input is silent from here on");
                return;
            }
            Deinterleave.Stereo(data, l, r);
            target.Write(l, r);
        }
    }

    public void Stop()
    {
        if (stopped) return;
        stopped = true;
        stop = true;
        // A read returns within a fragment; a thread stuck in a hung server keeps the stream, which the exit releases.
        if (worker is not null && !worker.Join(TimeSpan.FromSeconds(2))) return;
        LibPulse.SimpleFree(stream);
    }

    public void Dispose() => Stop();
}
