using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reactive.Concurrency;
using Waves.Journal.Live;

namespace Waves.Journal.Tests.Live;

public sealed class TimerThreadSchedulerTests
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public void Items_RunInDueOrder_NotBeforeTheirTime_OnTheSchedulersThread()
    {
        using var scheduler = new TimerThreadScheduler("test clock");
        var ran = new ConcurrentQueue<(string Name, TimeSpan At, string? Thread)>();
        var clock = Stopwatch.StartNew();
        using var done = new CountdownEvent(4);
        void Add(string name, int ms) => scheduler.Schedule(TimeSpan.FromMilliseconds(ms), () =>
        {
            ran.Enqueue((name, clock.Elapsed, Thread.CurrentThread.Name));
            done.Signal();
        });
        Add("c", 60);
        Add("a", 20);
        Add("b", 40);
        Add("a2", 20);

        Assert.True(done.Wait(Timeout));
        Assert.Equal(["a", "a2", "b", "c"], ran.Select(r => r.Name));
        Assert.All(ran, r => Assert.Equal("test clock", r.Thread));
        var due = new Dictionary<string, int> { ["a"] = 20, ["a2"] = 20, ["b"] = 40, ["c"] = 60 };
        Assert.All(ran, r => Assert.True(r.At >= TimeSpan.FromMilliseconds(due[r.Name]), $"{r.Name} ran at {r.At}"));
    }

    [Fact]
    public void ACancelledItem_DoesNotRun_AndAnEarlierOneScheduledLaterRunsFirst()
    {
        using var scheduler = new TimerThreadScheduler("test clock");
        var ran = new ConcurrentQueue<string>();
        using var done = new ManualResetEventSlim();
        var cancelled = scheduler.Schedule(TimeSpan.FromMilliseconds(30), () => ran.Enqueue("cancelled"));
        scheduler.Schedule(TimeSpan.FromMilliseconds(80), () => { ran.Enqueue("last"); done.Set(); });
        scheduler.Schedule(TimeSpan.FromMilliseconds(10), () => ran.Enqueue("first"));
        cancelled.Dispose();

        Assert.True(done.Wait(Timeout));
        Assert.Equal(["first", "last"], ran);
    }

    [Fact]
    public void AnItem_CanScheduleTheNext()
    {
        using var scheduler = new TimerThreadScheduler("test clock");
        var count = 0;
        using var done = new ManualResetEventSlim();
        scheduler.Schedule(TimeSpan.FromMilliseconds(1), self =>
        {
            if (++count == 5) done.Set();
            else self(TimeSpan.FromMilliseconds(1));
        });

        Assert.True(done.Wait(Timeout));
        Assert.Equal(5, count);
    }

    [Fact]
    public void Dispose_DropsWhatIsPending_AndRefusesMore()
    {
        var scheduler = new TimerThreadScheduler("test clock");
        var ran = false;
        scheduler.Schedule(TimeSpan.FromMilliseconds(100), () => ran = true);
        scheduler.Dispose();
        Thread.Sleep(200);

        Assert.False(ran);
        Assert.Throws<ObjectDisposedException>(() => scheduler.Schedule(TimeSpan.Zero, () => { }));
    }
}
