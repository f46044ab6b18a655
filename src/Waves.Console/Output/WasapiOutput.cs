using System.Runtime.Versioning;
using NAudio.CoreAudioApi;
using NAudio.Wave;

namespace Waves.Console.Output;

/// <summary>
/// Windows' shared-mode WASAPI through NAudio: plays at the endpoint's mix rate (the feed converts
/// the session's rate), event-driven, with the buffer the user asked for.
/// </summary>
[SupportedOSPlatform("windows")]
sealed class WasapiOutput : IAudioOutput
{
    readonly MMDevice device;
    readonly WasapiPlayer player;
    readonly int latencyMs;

    public WasapiOutput(OutputRequest request)
    {
        using var devices = new MMDeviceEnumerator();
        try
        {
            device = request.Device is null
                ? devices.GetDefaultAudioEndpoint(DataFlow.Render, Role.Multimedia)
                : devices.EnumerateAudioEndPoints(DataFlow.Render, DeviceState.Active)
                    .FirstOrDefault(d => d.FriendlyName.Contains(request.Device, StringComparison.OrdinalIgnoreCase))
                  ?? throw new OutputUnavailableException($"no WASAPI device matches '{request.Device}' (waves devices lists them)");
        }
        catch (System.Runtime.InteropServices.COMException e)
        {
            throw new OutputUnavailableException($"no WASAPI output device: {e.Message}");
        }
        latencyMs = Math.Max(10, (int)request.Latency.TotalMilliseconds);
        using (var client = device.CreateAudioClient()) DeviceRate = client.MixFormat.SampleRate;
        player = new WasapiPlayerBuilder().WithDevice(device).WithSharedMode().WithEventSync().WithLatency(latencyMs).Build();
    }

    public string Description => $"wasapi: {device.FriendlyName}";
    public int DeviceRate { get; }
    public TimeSpan Latency => TimeSpan.FromMilliseconds(latencyMs);

    public void Start(OutputFeed feed)
    {
        player.Init(new FeedWaveProvider(feed));
        player.Play();
    }

    public void Stop() => player.Stop();

    public void Dispose()
    {
        player.Dispose();
        device.Dispose();
    }

    public static IReadOnlyList<string> Devices()
    {
        using var devices = new MMDeviceEnumerator();
        return [.. devices.EnumerateAudioEndPoints(DataFlow.Render, DeviceState.Active).Select(d => d.FriendlyName)];
    }
}
