namespace Waves.Engine.Audio;

/// <summary>Decoded audio: <c>Channels[c][frame]</c>, full scale at ±1.</summary>
public sealed record WavData(int SampleRate, float[][] Channels)
{
    public int ChannelCount => Channels.Length;

    public int Frames => Channels.Length == 0 ? 0 : Channels[0].Length;
}
