using System.Diagnostics;
using Waves.Console.Live;
using Waves.Console.Output;
using Waves.Engine.Rendering;

namespace Waves.Console.Bench;

/// <summary>
/// Plays the generated 200-node patch through a real output for a while, as <c>waves play</c>
/// would, and counts what the device missed: underruns at a given buffer on this machine.
/// </summary>
static class OutputRun
{
    public sealed record Result(string Device, TimeSpan ReportedLatency, double Seconds, long Underruns, long MissingFrames,
        int DeviceRate, double MeanLoad, double MaxLoad, IReadOnlyList<string> Notes);

    public static Result Run(string output, string? device, TimeSpan buffer, double seconds, TextWriter? progress)
    {
        var library = BenchPatches.Library();
        var settings = new RenderSettings();
        var (session, problems) = LiveSession.Start(library, BenchPatches.Sound, settings);
        if (session is null) throw new InvalidOperationException("the generated bench patch does not compile:\n" + string.Join("\n", problems));
        var notes = new List<string>();
        using var audio = Outputs.OpenAuto(output, new OutputRequest(device, settings.SampleRate, buffer, "waves-bench"), notes);
        var frames = (long)(seconds * settings.SampleRate);
        var pipeline = new LivePipeline(session, audio, buffer, frames, stems: false);
        var tap = new float[8192];
        pipeline.Start(loop: false, frames);
        var clock = Stopwatch.StartNew();
        double sum = 0, max = 0;
        var samples = 0;
        while (!pipeline.Feed.Drained && clock.Elapsed < TimeSpan.FromSeconds(seconds + 10))
        {
            Thread.Sleep(100);
            while (pipeline.Tap.Read(tap, tap) > 0) { }   // nobody records here
            session.Renderer.TakeRetired();
            var load = pipeline.Render.Load;
            (sum, max, samples) = (sum + load, Math.Max(max, load), samples + 1);
            if (progress is not null && samples % 10 == 0) progress.Write($"\r  {clock.Elapsed.TotalSeconds:0} / {seconds:0} s, {pipeline.Feed.Underruns} underruns");
        }
        progress?.Write("\r");
        var latency = audio.Latency;   // while the stream still exists
        pipeline.Stop();
        return new Result(audio.Description, latency, pipeline.Render.Played / (double)settings.SampleRate, pipeline.Feed.Underruns,
            pipeline.Feed.MissingFrames, audio.DeviceRate, sum / Math.Max(1, samples), max, notes);
    }
}
