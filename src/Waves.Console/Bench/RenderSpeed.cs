using System.Diagnostics;
using Waves.Engine.Patching;
using Waves.Engine.Rendering;

namespace Waves.Console.Bench;

/// <summary><c>waves bench render</c>: how many times faster than real time a patch renders offline.</summary>
static class RenderSpeed
{
    public sealed record Result(string What, double Seconds, TimeSpan Elapsed)
    {
        public double RealtimeFactor => Seconds / Elapsed.TotalSeconds;
    }

    /// <summary>Renders <paramref name="seconds"/> of <paramref name="sound"/> (after three one-second warm-up
    /// renders of separate compiles, each followed by a pause), discarding the samples.</summary>
    public static Result Run(SoundLibrary library, string sound, string what, double seconds)
    {
        var settings = new RenderSettings();
        Patch Compile() => PatchCompiler.Compile(library, sound, settings) is { Patch: { } p } ? p
            : throw new InvalidOperationException($"'{sound}' does not compile:\n" + string.Join("\n", PatchCompiler.Compile(library, sound, settings).Problems));
        // Pauses let the runtime finish optimising the hot loops on its background thread.
        for (var round = 0; round < 3; round++)
        {
            OfflineRender.Run(Compile(), settings.SampleRate, static (_, _) => { });
            Thread.Sleep(250);
        }
        var patch = Compile();
        var frames = (long)Math.Round(seconds * settings.SampleRate);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var clock = Stopwatch.StartNew();
        var rendered = OfflineRender.Run(patch, frames, static (_, _) => { });
        clock.Stop();
        return new Result(what, rendered / (double)settings.SampleRate, clock.Elapsed);
    }
}
