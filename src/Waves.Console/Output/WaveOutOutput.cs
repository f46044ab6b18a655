using System.Runtime.Versioning;
using NAudio.Wave;

namespace Waves.Console.Output;

/// <summary>Windows' WaveOut through NAudio (on a thread of its own): the system mixer converts the session's rate.</summary>
[SupportedOSPlatform("windows")]
sealed class WaveOutOutput : IAudioOutput
{
    readonly WaveOut player;
    readonly string name;

    public WaveOutOutput(OutputRequest request)
    {
        if (WaveOut.DeviceCount == 0) throw new OutputUnavailableException("no WaveOut device");
        var number = -1; // the WAVE_MAPPER: the system's default device
        if (request.Device is { } wanted)
        {
            number = Enumerable.Range(0, WaveOut.DeviceCount)
                .FirstOrDefault(i => WaveOut.GetCapabilities(i).ProductName.Contains(wanted, StringComparison.OrdinalIgnoreCase), -2);
            if (number == -2) throw new OutputUnavailableException($"no WaveOut device matches '{wanted}' (waves devices lists them)");
        }
        name = number < 0 ? "default device" : WaveOut.GetCapabilities(number).ProductName;
        DeviceRate = request.Rate;
        player = new WaveOut { DeviceNumber = number, BufferMilliseconds = Math.Max(10, (int)request.Latency.TotalMilliseconds / 3), NumberOfBuffers = 3 };
    }

    public string Description => $"waveout: {name}";
    public int DeviceRate { get; }
    public TimeSpan Latency => TimeSpan.FromMilliseconds(player.BufferMilliseconds * player.NumberOfBuffers);

    public void Start(OutputFeed feed)
    {
        player.Init(new FeedWaveProvider(feed));
        player.Play();
    }

    public void Stop() => player.Stop();

    public void Dispose() => player.Dispose();

    public static IReadOnlyList<string> Devices() =>
        [.. Enumerable.Range(0, WaveOut.DeviceCount).Select(i => WaveOut.GetCapabilities(i).ProductName)];
}
