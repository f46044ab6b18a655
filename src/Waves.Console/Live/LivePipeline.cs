using Waves.Console.Output;
using Waves.Engine.Audio;
using Waves.Engine.Rendering;

namespace Waves.Console.Live;

/// <summary>
/// A session wired to a device: the render thread fills the output ring up to the buffer the user
/// asked for, the device drains it through the feed (converting the rate when it must), and every
/// rendered block also goes to the tap (recording, scope), the meters and, when asked, the stems.
/// </summary>
sealed class LivePipeline
{
    readonly SampleRing output;

    public LivePipeline(LiveSession session, IAudioOutput device, TimeSpan buffer, long maxFrames, bool stems)
    {
        var s = session.Settings;
        Device = device;
        BufferFrames = Math.Max(s.BlockSize, (int)(buffer.TotalSeconds * s.SampleRate));
        output = new SampleRing(BufferFrames + 2 * s.BlockSize + s.SampleRate);
        Tap = new SampleRing(s.SampleRate * 4);
        Feed = new OutputFeed(output, s.SampleRate, device.DeviceRate);
        Meters = new Meters(s.SampleRate);
        Stems = stems ? new StemTap(s.SampleRate * 4, s.BlockSize) : null;
        Render = new RenderLoop(session, output, Tap, Feed, BufferFrames, maxFrames, Meters, Stems);
    }

    public IAudioOutput Device { get; }
    public OutputFeed Feed { get; }
    public RenderLoop Render { get; }
    public SampleRing Tap { get; }
    public Meters Meters { get; }
    public StemTap? Stems { get; }

    /// <summary>Session frames the render thread keeps ahead of the device.</summary>
    public int BufferFrames { get; }

    /// <summary>Starts rendering, waits (up to 2 s) until the buffer is full so that the device's first
    /// read is not an underrun, then starts the device.</summary>
    public void Start(bool loop, long maxFrames)
    {
        Render.Start(loop);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (output.Available < Math.Min(BufferFrames, maxFrames) && !Render.Finished && clock.Elapsed < TimeSpan.FromSeconds(2)) Thread.Sleep(1);
        Device.Start(Feed);
    }

    /// <summary>Stops the render thread, then the device.</summary>
    public void Stop()
    {
        Render.Stop();
        Render.Join();
        Device.Stop();
    }
}
