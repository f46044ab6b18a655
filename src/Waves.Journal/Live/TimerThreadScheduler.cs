using System.Diagnostics;
using System.Reactive.Concurrency;

namespace Waves.Journal.Live;

/// <summary>
/// An Rx scheduler with a thread of its own that sleeps until the next item is due and runs it
/// there. It ends a coalescing window on time: Rx's task-pool and event-loop schedulers wake
/// through the runtime's timer queue and then the thread pool, which on a busy 2-core machine
/// adds 1–7 ms to every reload; this thread's wait is off by a fraction of a millisecond. Items
/// run one at a time in due order (equal due times in scheduling order).
/// </summary>
public sealed class TimerThreadScheduler : LocalScheduler, IDisposable
{
    readonly object gate = new();
    readonly PriorityQueue<IScheduledItem<long>, (long Due, long Order)> queue = new();
    readonly Thread thread;
    long order;
    bool disposed;

    public TimerThreadScheduler(string name)
    {
        thread = new Thread(Run) { IsBackground = true, Name = name };
        thread.Start();
    }

    public override IDisposable Schedule<TState>(TState state, TimeSpan dueTime, Func<IScheduler, TState, IDisposable> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var due = Stopwatch.GetTimestamp() + (long)(Scheduler.Normalize(dueTime).TotalSeconds * Stopwatch.Frequency);
        var item = new ScheduledItem<long, TState>(this, state, action, due);
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            queue.Enqueue(item, (due, order++));
            Monitor.Pulse(gate);
        }
        return item;
    }

    void Run()
    {
        while (Next() is { } item) item.Invoke();
    }

    /// <summary>Waits for the next due item that was not cancelled; null once disposed.</summary>
    IScheduledItem<long>? Next()
    {
        lock (gate)
        {
            while (!disposed)
            {
                if (!queue.TryPeek(out var item, out var at))
                {
                    Monitor.Wait(gate);
                    continue;
                }
                if (item is ScheduledItem<long> { IsCanceled: true })
                {
                    queue.Dequeue();
                    continue;
                }
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), at.Due);
                if (wait <= TimeSpan.Zero) return queue.Dequeue();
                Monitor.Wait(gate, wait);
            }
            return null;
        }
    }

    /// <summary>Stops the thread; items not yet run are dropped.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            queue.Clear();
            Monitor.Pulse(gate);
        }
        if (Thread.CurrentThread != thread) thread.Join();
    }
}
