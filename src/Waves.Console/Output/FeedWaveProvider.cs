using System.Runtime.InteropServices;
using NAudio.Wave;

namespace Waves.Console.Output;

/// <summary>The feed as NAudio's wave provider (stereo IEEE float at the device rate), for NAudio's Windows outputs.</summary>
sealed class FeedWaveProvider(OutputFeed feed) : IWaveProvider
{
    public WaveFormat WaveFormat { get; } = WaveFormat.CreateIeeeFloatWaveFormat(feed.DeviceRate, 2);

    public int Read(Span<byte> buffer)
    {
        var frames = buffer.Length / 8;
        feed.Read(MemoryMarshal.Cast<byte, float>(buffer[..(frames * 8)]));
        return frames * 8;
    }
}
