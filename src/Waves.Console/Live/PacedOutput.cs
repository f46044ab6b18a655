using System.Diagnostics;
using Waves.Engine.Audio;
using Waves.Engine.Rendering;

namespace Waves.Console.Live;

/// <summary>
/// The output used when there is no audio device: a render thread paced by the wall clock, one
/// block per block-duration, handing what it renders to a ring (for the recording). It stops when
/// the sound ends (or restarts it, when looping) or when asked to.
/// </summary>
sealed class PacedOutput(LiveSession session, SampleRing ring, long maxFrames, bool loop)
{
    volatile bool stop;
    Thread? worker;

    /// <summary>Frames played (and handed to the recording) so far.</summary>
    public long Played => Interlocked.Read(ref played);

    long played;

    public bool Finished { get; private set; }

    /// <summary>Blocks that were rendered later than their time.</summary>
    public long LateBlocks { get; private set; }

    long renderTicks, lastRenderTicks, lastWallTicks;

    /// <summary>Share of wall-clock time spent rendering since the last call (control thread).</summary>
    public double TakeLoad()
    {
        var now = System.Diagnostics.Stopwatch.GetTimestamp();
        var busy = Interlocked.Read(ref renderTicks);
        var load = lastWallTicks == 0 ? 0 : (busy - lastRenderTicks) / (double)Math.Max(1, now - lastWallTicks);
        (lastRenderTicks, lastWallTicks) = (busy, now);
        return load;
    }

    public void Start()
    {
        session.Renderer.Loop = loop;
        // A deep patch renders by recursion: give the render thread room (limits: YAML depth, expression length).
        worker = new Thread(Run, 16 << 20) { IsBackground = true, Name = "waves render", Priority = ThreadPriority.AboveNormal };
        worker.Start();
    }

    public void Stop() => stop = true;

    public void Join() => worker?.Join();

    void Run()
    {
        var block = session.Settings.BlockSize;
        var rate = (double)session.Settings.SampleRate;
        var left = new float[block];
        var right = new float[block];
        var clock = Stopwatch.StartNew();
        long done = 0;
        var pausedFor = TimeSpan.Zero;
        while (!stop && done < maxFrames)
        {
            if (session.Paused)
            {
                // Nothing is rendered while paused; the pacing clock stops with it.
                var from = clock.Elapsed;
                while (session.Paused && !stop) Thread.Sleep(5);
                pausedFor += clock.Elapsed - from;
                continue;
            }
            var count = (int)Math.Min(block, maxFrames - done);
            var started = Stopwatch.GetTimestamp();
            var produced = session.Renderer.RenderBlock(left, right, count);
            Interlocked.Add(ref renderTicks, Stopwatch.GetTimestamp() - started);
            ring.Write(left.AsSpan(0, produced), right.AsSpan(0, produced));
            done += produced;
            Interlocked.Exchange(ref played, done);
            if (produced < count) break; // ended (a looping sound starts again inside the renderer)
            var due = TimeSpan.FromSeconds(done / rate);
            var wait = due - (clock.Elapsed - pausedFor);
            if (wait > TimeSpan.Zero) Thread.Sleep(wait);
            else if (wait < -TimeSpan.FromSeconds(block / rate)) LateBlocks++;
        }
        Finished = true;
    }
}
