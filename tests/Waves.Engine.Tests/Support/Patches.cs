using Waves.Engine.Patching;
using Waves.Engine.Rendering;

namespace Waves.Engine.Tests.Support;

/// <summary>Builds, compiles and renders sounds written inline in a test.</summary>
public static class Patches
{
    public static SoundLibrary Library(string yaml, string file = "sounds/test.yaml") =>
        SoundLibrary.FromTexts([new SoundLibrary.SourceFile(file, yaml)]);

    public static CompileResult Compile(string yaml, string sound = "s", int rate = 44100, int block = 256, ulong seed = 1) =>
        PatchCompiler.Compile(Library(yaml), sound, new RenderSettings(rate, block, seed));

    public static Patch Patch(string yaml, string sound = "s", int rate = 44100, int block = 256, ulong seed = 1)
    {
        var r = Compile(yaml, sound, rate, block, seed);
        Assert.True(r.Ok, string.Join("\n", r.Problems));
        return r.Patch!;
    }

    public static RenderedAudio Render(string yaml, double seconds, string sound = "s", int rate = 44100, int block = 256, ulong seed = 1) =>
        OfflineRender.ToArrays(Patch(yaml, sound, rate, block, seed), (long)Math.Round(seconds * rate));

    /// <summary>All problems of compiling a sound, one formatted line each.</summary>
    public static string[] Problems(string yaml, string sound = "s") =>
        [.. Compile(yaml, sound).Problems.Select(p => p.ToString())];
}

public static class Signals
{
    public static double Rms(ReadOnlySpan<float> x)
    {
        double s = 0;
        foreach (var v in x) s += (double)v * v;
        return Math.Sqrt(s / x.Length);
    }

    public static float Peak(ReadOnlySpan<float> x)
    {
        float p = 0;
        foreach (var v in x) p = Math.Max(p, Math.Abs(v));
        return p;
    }

    /// <summary>Frequency from rising zero crossings (x ≥ 0 after x &lt; 0) over the whole signal.</summary>
    public static double Frequency(ReadOnlySpan<float> x, int rate)
    {
        int first = -1, last = -1, count = 0;
        for (var i = 1; i < x.Length; i++)
            if (x[i - 1] < 0 && x[i] >= 0)
            {
                if (first < 0) first = i; else count++;
                last = i;
            }
        return count == 0 ? 0 : count * (double)rate / (last - first);
    }

    public static double Mean(ReadOnlySpan<float> x)
    {
        double s = 0;
        foreach (var v in x) s += v;
        return s / x.Length;
    }
}
