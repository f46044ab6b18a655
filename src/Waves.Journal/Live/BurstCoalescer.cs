using System.Collections.Immutable;
using System.Reactive.Concurrency;
using System.Reactive.Disposables;

namespace Waves.Journal.Live;

/// <summary>
/// A debounce that accumulates: collects the yaml paths of relevant events and, once
/// <c>window</c> has passed on the scheduler without another relevant event, emits them as one
/// <see cref="LibraryChange"/>. Each relevant event restarts the wait, so a long burst whose
/// events are each within the window of the previous one still gives a single change.
/// </summary>
/// <remarks>
/// Written by hand rather than as <c>Buffer(Throttle)</c> or <c>GroupByUntil(Throttle)</c>: those
/// compose two subscriptions to the same source, which can race (an event arriving on the watcher
/// thread while the quiet timer closes the burst on the scheduler) or emit an empty buffer on
/// completion. Here one lock guards the burst and serializes every call to the observer.
/// Like <c>Throttle</c>: completion flushes a pending burst at once; an error drops it.
/// With a <c>settle</c> time, a burst quiet for that long is also announced as a preview.
/// </remarks>
internal sealed class BurstCoalescer(IObserver<LibraryChange> observer, TimeSpan window, IScheduler scheduler, TimeSpan? settle = null)
    : IObserver<FileSystemEventArgs>, IDisposable
{
    private readonly object _gate = new();
    private readonly SortedSet<string> _paths = new(StringComparer.Ordinal);
    private readonly SerialDisposable _timer = new();
    private readonly SerialDisposable _settleTimer = new();
    private bool _pending;
    private bool _resync;
    private DateTimeOffset _lastEventAt;
    private long _burstVersion;
    private bool _stopped;

    public void OnNext(FileSystemEventArgs value)
    {
        var resync = value is LibraryResyncEventArgs;
        var paths = YamlEventFilter.YamlPathsOf(value).ToList();
        if (!resync && paths.Count == 0) return;

        lock (_gate)
        {
            if (_stopped) return;
            _paths.UnionWith(paths);
            _resync |= resync;
            _pending = true;
            _lastEventAt = scheduler.Now;
            var version = ++_burstVersion;
            _timer.Disposable = scheduler.Schedule(window, () => OnQuiet(version));
            if (settle is { } s && s < window) _settleTimer.Disposable = scheduler.Schedule(s, () => OnSettled(version));
        }
    }

    public void OnError(Exception error)
    {
        lock (_gate)
        {
            if (_stopped) return;
            Stop();
            observer.OnError(error);
        }
    }

    public void OnCompleted()
    {
        lock (_gate)
        {
            if (_stopped) return;
            Stop();
            EmitPending();
            observer.OnCompleted();
        }
    }

    public void Dispose()
    {
        lock (_gate) Stop();
    }

    private void OnQuiet(long version)
    {
        lock (_gate)
        {
            // A later event rescheduled the timer; this callback was already running or queued.
            if (_stopped || version != _burstVersion) return;
            EmitPending();
        }
    }

    private void OnSettled(long version)
    {
        lock (_gate)
        {
            if (_stopped || version != _burstVersion || !_pending) return;
            observer.OnNext(new LibraryChange(_paths.ToImmutableArray(), _lastEventAt, _resync, version, Preview: true));
        }
    }

    private void EmitPending()
    {
        if (!_pending) return;
        var change = new LibraryChange(_paths.ToImmutableArray(), _lastEventAt, _resync, _burstVersion);
        _paths.Clear();
        _resync = false;
        _pending = false;
        observer.OnNext(change);
    }

    private void Stop()
    {
        _stopped = true;
        _timer.Dispose();
        _settleTimer.Dispose();
    }
}
