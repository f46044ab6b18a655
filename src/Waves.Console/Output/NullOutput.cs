using System.Diagnostics;

namespace Waves.Console.Output;

/// <summary>
/// The output for machines with no audio device: a thread that takes one period of frames each
/// period by the wall clock, as a sound card would, and discards them.
/// </summary>
sealed class NullOutput(int rate, TimeSpan period) : IAudioOutput
{
    volatile bool stop;
    Thread? worker;

    public string Description => "null: no audio device, paced by the clock";
    public int DeviceRate => rate;
    public TimeSpan Latency => TimeSpan.Zero;

    public void Start(OutputFeed feed)
    {
        worker = new Thread(() => Run(feed)) { IsBackground = true, Name = "waves null output" };
        worker.Start();
    }

    void Run(OutputFeed feed)
    {
        // Above the render thread: the device must be fed even when rendering is busy.
        Native.Scheduling.RaiseCurrentThread(realtimePriority: 30);
        var frames = Math.Max(16, (int)(rate * period.TotalSeconds));
        var buffer = new float[2 * frames];
        var clock = Stopwatch.StartNew();
        long taken = 0;
        while (!stop)
        {
            var wait = TimeSpan.FromSeconds(taken / (double)rate) - clock.Elapsed;
            if (wait > TimeSpan.Zero) Thread.Sleep(wait);
            feed.Read(buffer);
            taken += frames;
        }
    }

    public void Stop()
    {
        stop = true;
        if (worker is not null && worker != Thread.CurrentThread) worker.Join();
    }

    public void Dispose() => Stop();
}
