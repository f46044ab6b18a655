using System.Diagnostics;
using Waves.Console.Output;
using Waves.Engine.Audio;
using Waves.Engine.Rendering;

namespace Waves.Console.Live;

/// <summary>
/// The render thread: renders blocks ahead into the output ring until it holds the buffer the user
/// asked for, then waits for the device to take some. Each block also goes to the tap ring (for the
/// recording and the view) and to the meters. It stops at the end of the sound (unless looping),
/// after <c>maxFrames</c>, or when asked; a render error stops it too and is kept for the caller.
/// </summary>
sealed class RenderLoop(LiveSession session, SampleRing output, SampleRing tap, OutputFeed feed,
    int bufferFrames, long maxFrames, Meters? meters, StemTap? stems)
{
    volatile bool stop;
    Thread? worker;
    long played;
    double load;

    /// <summary>Session frames rendered so far.</summary>
    public long Played => Interlocked.Read(ref played);

    /// <summary>True once the loop has ended (see <see cref="Error"/>).</summary>
    public bool Finished { get; private set; }

    /// <summary>True when the sound itself ended (or the duration was reached).</summary>
    public bool Ended { get; private set; }

    /// <summary>What stopped the render thread, when it was an error.</summary>
    public Exception? Error { get; private set; }

    /// <summary>Render time over the audio's duration, smoothed over about 50 blocks (1: just real time).</summary>
    public double Load => Volatile.Read(ref load);

    public void Start(bool loop)
    {
        session.Renderer.Loop = loop;
        // A deep patch renders by recursion: give the render thread room (limits: YAML depth, expression length).
        worker = new Thread(Run, 16 << 20) { IsBackground = true, Name = "waves render", Priority = ThreadPriority.Highest };
        worker.Start();
    }

    public void Stop() => stop = true;

    public void Join() => worker?.Join();

    /// <summary>The render thread's scheduling ("real-time", "nice -10" or "normal"), once started.</summary>
    public string? Scheduling { get; private set; }

    void Run()
    {
        Scheduling = Output.Native.Scheduling.RaiseCurrentThread(realtimePriority: 20);
        try { Loop(); }
        catch (Exception e) { Error = e; }
        finally
        {
            feed.Finished = true;
            Finished = true;
        }
    }

    void Loop()
    {
        var block = session.Settings.BlockSize;
        var left = new float[block];
        var right = new float[block];
        long done = 0;
        while (!stop && done < maxFrames)
        {
            feed.Paused = session.Paused;
            if (session.Paused || output.Available >= bufferFrames)
            {
                // Polled, not signalled: the device side (a real-time callback) must not touch a
                // wait handle, which takes a lock inside the runtime.
                Thread.Sleep(1);
                continue;
            }
            var count = (int)Math.Min(block, maxFrames - done);
            var started = Stopwatch.GetTimestamp();
            var produced = session.Renderer.RenderBlock(left, right, count);
            var patch = session.Renderer.Current;
            meters?.Update(patch, left, right, produced);
            stems?.Write(patch, done, produced);
            var busy = Stopwatch.GetElapsedTime(started).TotalSeconds * session.Settings.SampleRate / Math.Max(1, produced);
            Volatile.Write(ref load, load + 0.02 * (busy - load));
            output.Write(left.AsSpan(0, produced), right.AsSpan(0, produced));
            tap.Write(left.AsSpan(0, produced), right.AsSpan(0, produced));
            done += produced;
            Interlocked.Exchange(ref played, done);
            if (produced < count) break; // ended (a looping sound starts again inside the renderer)
        }
        Ended = !stop;
    }
}
