using System.Runtime.Versioning;
using NAudio.Wave;
using Waves.Engine.Rendering;

namespace Waves.Console.Input;

/// <summary>Windows' WaveIn through NAudio: 16-bit stereo at the session's rate (the system's mapper
/// converts), handed to the input ring from NAudio's capture thread.</summary>
[SupportedOSPlatform("windows")]
sealed class WaveInCapture : IAudioCapture
{
    readonly WaveIn recorder;
    readonly string name;
    float[] left = new float[4096], right = new float[4096];
    AudioInput? target;

    public WaveInCapture(CaptureRequest request)
    {
        if (WaveIn.DeviceCount == 0) throw new InputUnavailableException("no WaveIn device");
        var number = -1; // the WAVE_MAPPER: the system's default device
        if (request.Device is { } wanted)
        {
            number = Enumerable.Range(0, WaveIn.DeviceCount)
                .FirstOrDefault(i => WaveIn.GetCapabilities(i).ProductName.Contains(wanted, StringComparison.OrdinalIgnoreCase), -2);
            if (number == -2) throw new InputUnavailableException($"no WaveIn device matches '{wanted}' (waves devices lists them)");
        }
        name = number < 0 ? "default device" : WaveIn.GetCapabilities(number).ProductName;
        recorder = new WaveIn { DeviceNumber = number, WaveFormat = new WaveFormat(request.Rate, 16, 2), BufferMilliseconds = 10, NumberOfBuffers = 4 };
        recorder.DataAvailable += Received;
    }

    public string Description => $"wavein: {name}";

    void Received(object? sender, WaveInEventArgs e)
    {
        if (target is not { } t) return;
        var frames = e.BytesRecorded / 4;
        if (frames > left.Length) (left, right) = (new float[frames], new float[frames]);
        for (var i = 0; i < frames; i++)
        {
            left[i] = BitConverter.ToInt16(e.Buffer, 4 * i) / 32768f;
            right[i] = BitConverter.ToInt16(e.Buffer, 4 * i + 2) / 32768f;
        }
        t.Write(left.AsSpan(0, frames), right.AsSpan(0, frames));
    }

    public void Start(AudioInput target)
    {
        this.target = target;
        recorder.StartRecording();
    }

    public void Stop()
    {
        target = null;
        recorder.StopRecording();
    }

    public void Dispose()
    {
        Stop();
        recorder.Dispose();
    }

    public static IReadOnlyList<string> Devices() =>
        [.. Enumerable.Range(0, WaveIn.DeviceCount).Select(i => WaveIn.GetCapabilities(i).ProductName)];
}
