using Waves.Engine.Audio;
using Waves.Engine.Rendering;

namespace Waves.Console.Input;

/// <summary>
/// The control thread's side of the input the render thread used: drains <see cref="AudioInput.Used"/>
/// into a stereo float WAV beside the journal, one frame per session frame, so that the session replays
/// bit for bit. The header is rewritten at every drain, so a killed process leaves a readable file.
/// </summary>
sealed class InputTape(AudioInput input, string path) : IDisposable
{
    readonly float[] l = new float[8192], r = new float[8192];
    readonly WavWriter writer = Create(path, input.SampleRate);

    public string Path => writer.Path;

    public long Frames => writer.FramesWritten;

    static WavWriter Create(string path, int rate)
    {
        if (System.IO.Path.GetDirectoryName(path) is { Length: > 0 } folder) Directory.CreateDirectory(folder);
        return new WavWriter(path, rate, 2, SampleFormat.F32);
    }

    /// <summary>Writes what the render thread has handed over since the last drain.</summary>
    public void Drain()
    {
        var any = false;
        int n;
        while ((n = input.Used!.Read(l, r)) > 0)
        {
            writer.Write(l.AsSpan(0, n), r.AsSpan(0, n));
            any = true;
        }
        if (any) writer.Flush();
    }

    /// <summary>Frames the render thread could not hand over because the control thread fell behind (the file is then short).</summary>
    public long Lost => input.Used!.Dropped;

    public void Dispose()
    {
        Drain();
        writer.Dispose();
    }
}
