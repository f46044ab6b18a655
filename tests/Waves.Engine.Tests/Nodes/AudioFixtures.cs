using Waves.Engine.Audio;
using Waves.Engine.Rendering;

namespace Waves.Engine.Tests.Nodes;

/// <summary>A temporary project folder (sounds/ and samples/ side by side) with WAV files written by the
/// test, and helpers shared by the tests of nodes that read audio.</summary>
public sealed class AudioFixtures : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("waves-audio-").FullName;

    public string Sounds => Path.Combine(Root, "sounds");

    /// <summary>Writes a float WAV under the project root and returns its full path.</summary>
    public string Wav(string relative, int rate, float[] left, float[]? right = null)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var w = new WavWriter(path, rate, right is null ? 1 : 2, SampleFormat.F32))
            w.Write(left, right ?? []);
        return path;
    }

    /// <summary>Writes sounds/s.yaml.</summary>
    public void Sound(string yaml)
    {
        Directory.CreateDirectory(Sounds);
        File.WriteAllText(Path.Combine(Sounds, "s.yaml"), yaml);
    }

    public Patch Compile(string sound = "s", int block = 256, int rate = 44100)
    {
        var r = PatchCompiler.Compile(Waves.Engine.Patching.SoundLibrary.Load(Sounds), sound, new RenderSettings(rate, block, 1));
        Assert.True(r.Ok, string.Join("\n", r.Problems));
        return r.Patch!;
    }

    public RenderedAudio Render(double seconds, string sound = "s", int block = 256, int rate = 44100) =>
        OfflineRender.ToArrays(Compile(sound, block, rate), (long)Math.Round(seconds * rate));

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
    }

    /// <summary>0, 1/n, 2/n …: a ramp whose value says which frame it is.</summary>
    public static float[] Ramp(int n, float scale = 1) => [.. Enumerable.Range(0, n).Select(i => scale * i / n)];

    public static float[] Sine(double freq, int rate, int n, float amp = 0.5f) =>
        [.. Enumerable.Range(0, n).Select(i => (float)(amp * Math.Sin(2 * Math.PI * freq * i / rate)))];

    /// <summary>Renders at two block sizes and asserts the same samples.</summary>
    public static void AssertSameForBlocks(Func<int, RenderedAudio> render, params int[] blocks)
    {
        var a = render(blocks[0]);
        foreach (var b in blocks.Skip(1))
        {
            var other = render(b);
            Assert.Equal(a.Channels.Length, other.Channels.Length);
            for (var c = 0; c < a.Channels.Length; c++) Assert.Equal(a.Channels[c], other.Channels[c]);
        }
    }
}
