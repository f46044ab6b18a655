using Waves.Console.Output;
using System.Collections.Concurrent;
using System.Diagnostics;
using Waves.Console.Live;
using Waves.Engine.Audio;
using Waves.Engine.Patching;
using Waves.Engine.Rendering;
using Waves.Journal.Live;

namespace Waves.Console.Bench;

/// <summary>
/// <c>waves bench reload</c>: the time from a save of a sound file to the render thread playing the
/// new patch, measured end to end with the parts <c>waves play</c> uses: the real file watcher with
/// its coalescing window, <see cref="ReloadAhead"/> (load and compile during the window) and
/// <see cref="LiveSession.Reload(PreparedReload)"/> in the subscriber, and a <see cref="PacedOutput"/> render thread paced by the wall clock. Each save
/// changes one number of the generated 200-node sound in a temporary folder; the latency runs from
/// the moment <see cref="File.WriteAllText(string, string?)"/> returns until the render thread swaps
/// the new revision in at a block boundary (its own timestamp, <see cref="Patch.AppliedAt"/>, read by a 1 ms poll).
/// </summary>
static class ReloadLatency
{
    /// <summary>Least time from one save to the next (so each save is its own burst for the watcher).</summary>
    public static readonly TimeSpan Spacing = TimeSpan.FromMilliseconds(150);

    /// <summary>How long one save may take to be heard before it counts as missed.</summary>
    public static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(5);

    /// <summary>What the render thread plays with: `waves play`'s default blocks at 44.1 kHz.</summary>
    public static readonly RenderSettings Settings = new(44100, RenderSettings.DefaultBlockSize);

    /// <summary>The output buffer: how far the render thread renders ahead of the device.</summary>
    public static readonly TimeSpan Buffer = TimeSpan.FromMilliseconds(50);

    /// <summary>Unmeasured saves first (JIT of the reload path, watcher start-up).</summary>
    public const int WarmupSaves = 3;

    public sealed record Result(int Saves, int Nodes, Timings Latency, Timings Published, Timings Noticed, Timings Load, Timings Compile,
        Timings Swap, Timings Heard, int Missed, int ExtraReloads, int Rejected, long Underruns, string? WatchError, int PreparedAhead);

    /// <summary>What the subscriber saw of one reload (timestamps from <see cref="Stopwatch.GetTimestamp"/>).</summary>
    sealed record Reloaded(long Noticed, long Loaded, long Published, TimeSpan CompileTime);

    public static Result Run(int saves, TextWriter? progress = null)
    {
        var folder = Directory.CreateTempSubdirectory("waves-bench-").FullName;
        try
        {
            return Measure(folder, saves, progress);
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    static Result Measure(string folder, int saves, TextWriter? progress)
    {
        var path = Path.Combine(folder, BenchPatches.FileName);
        File.WriteAllText(path, BenchPatches.Yaml(0));
        var settings = Settings;
        var library = SoundLibrary.Load(folder);
        var nodes = BenchPatches.CountNodes(library, BenchPatches.Sound);
        var (session, problems) = LiveSession.Start(library, BenchPatches.Sound, settings, null,
            (int)Math.Round(LiveSession.DefaultFadeMilliseconds * settings.SampleRate / 1000));
        if (session is null) throw new InvalidOperationException("the generated bench patch does not compile:\n" + string.Join("\n", problems));

        // Played as `waves play` plays: a render thread 50 ms ahead of a clock-paced device.
        var pipeline = new LivePipeline(session, new NullOutput(settings.SampleRate, TimeSpan.FromMilliseconds(10)),
            Buffer, long.MaxValue, stems: false);
        var (output, feed) = (pipeline.Render, pipeline.Feed);
        var drain = new Recorder(pipeline.Tap, null, settings.SampleRate, null);
        var reloads = new ConcurrentDictionary<int, Reloaded>();
        var rejected = 0;
        string? watchError = null;

        pipeline.Start(loop: false, long.MaxValue);
        // Wired as `waves play` wires it: a settled burst is loaded and compiled ahead, and the change
        // that closes it publishes that compile (or loads and compiles when the burst went on).
        var ahead = new ReloadAhead(session, folder);
        using var watchClock = new TimerThreadScheduler("waves watcher");
        using (LibraryWatcher.Changes(folder, LibraryWatcher.DefaultWindow, watchClock, LibraryWatcher.DefaultSettle)
            .Subscribe(change =>
            {
                if (change.Preview)
                {
                    ahead.Preview(change);
                    return;
                }
                var noticed = Stopwatch.GetTimestamp();
                var prepared = ahead.Take(change);
                var read = Stopwatch.GetTimestamp();
                var report = session.Reload(prepared);
                var published = Stopwatch.GetTimestamp();
                if (report.Accepted) reloads[report.Revision] = new Reloaded(noticed, read, published, report.CompileTime);
                else Interlocked.Increment(ref rejected);
            }, e => watchError = e.Message))
        {
            Thread.Sleep(200); // let the watcher settle; nothing has changed yet
            var latency = new Timings();
            var publishedT = new Timings();
            var noticedT = new Timings();
            var loadT = new Timings();
            var compileT = new Timings();
            var swapT = new Timings();
            var heardT = new Timings();
            var missed = 0;
            var lastWrite = Stopwatch.GetTimestamp() - (long)(Spacing.TotalSeconds * Stopwatch.Frequency);
            var startRevision = session.Renderer.Current.Revision;
            for (var i = -WarmupSaves; i < saves && watchError is null && !output.Finished; i++)
            {
                var expected = session.Renderer.Current.Revision + 1;
                while (Stopwatch.GetElapsedTime(lastWrite) < Spacing) Thread.Sleep(1);
                File.WriteAllText(path, BenchPatches.Yaml(i + WarmupSaves + 1));
                var written = Stopwatch.GetTimestamp();
                lastWrite = written;
                long applied, appliedFrame = 0;
                while (true)
                {
                    var current = session.Renderer.Current;
                    if (current.Revision >= expected && current.AppliedFrame >= 0)
                    {
                        applied = current.AppliedAt;
                        appliedFrame = current.AppliedFrame;
                        break;
                    }
                    if (Stopwatch.GetElapsedTime(written) > GiveUp || watchError is not null)
                    {
                        applied = -1;
                        break;
                    }
                    drain.Drain();
                    Thread.Sleep(1);
                }
                // Heard: the device takes the first frame of the new revision (the rates are equal here).
                while (applied >= 0 && feed.Delivered <= appliedFrame && Stopwatch.GetElapsedTime(written) < GiveUp)
                {
                    drain.Drain();
                    Thread.Sleep(1);
                }
                var heard = Stopwatch.GetTimestamp();
                if (i < 0) continue;
                if (applied < 0)
                {
                    missed++;
                    continue;
                }
                latency.AddTicks(written, applied);
                heardT.AddTicks(written, heard);
                if (reloads.TryGetValue(expected, out var r))
                {
                    publishedT.AddTicks(written, r.Published);
                    noticedT.AddTicks(written, r.Noticed);
                    loadT.AddTicks(r.Noticed, r.Loaded);
                    compileT.Add(r.CompileTime);
                    swapT.AddTicks(r.Published, applied);
                }
                if (progress is not null && (i + 1) % 10 == 0) progress.Write($"\r  {i + 1}/{saves} saves");
            }
            progress?.Write("\r");
            // Let a late duplicate reload of the last save show itself before counting.
            Thread.Sleep((int)(LibraryWatcher.DefaultWindow.TotalMilliseconds * 3));
            var extra = session.Renderer.Current.Revision - startRevision - (saves + WarmupSaves - missed);
            pipeline.Stop();
            return new Result(saves, nodes, latency, publishedT, noticedT, loadT, compileT, swapT, heardT, missed, Math.Max(0, extra),
                rejected, feed.Underruns, watchError, ahead.Hits);
        }
    }
}
