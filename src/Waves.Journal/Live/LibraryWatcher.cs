using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;

namespace Waves.Journal.Live;

/// <summary>
/// Watches the sound folder and turns each save, whatever pattern the editor uses
/// (truncate+write, temp file renamed onto the target, delete+create, bursts), into one
/// <see cref="LibraryChange"/>: one reload per save.
/// </summary>
public static class LibraryWatcher
{
    /// <summary>
    /// The quiet time after the last event before a burst counts as finished. Editors finish a
    /// save within a few milliseconds (a truncate+write, or a temp write then a rename), so 50 ms
    /// of quiet reliably ends a save while keeping the edit-to-sound latency low.
    /// </summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// The quiet time after which a burst is previewed: a save's events come within a millisecond
    /// or two, so the file is most likely complete by then, and the rest of the window is time to
    /// load and compile it before the burst closes.
    /// </summary>
    public static readonly TimeSpan DefaultSettle = TimeSpan.FromMilliseconds(5);

    /// <summary>
    /// The raw events of <paramref name="folder"/> (not its subfolders). Every name is reported
    /// (filter <c>*</c>) so that temp files renamed onto a yaml are seen. The watcher is created on
    /// subscribe and disposed on unsubscribe. When the watcher loses events (buffer overflow) a
    /// <see cref="LibraryResyncEventArgs"/> is emitted and watching goes on; any other watcher
    /// error (the folder is gone, no inotify instances left) ends the sequence with OnError.
    /// Events arrive on the watcher's threads.
    /// </summary>
    public static IObservable<FileSystemEventArgs> Events(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        return Observable.Create<FileSystemEventArgs>(observer =>
        {
            var gate = new object();
            var watcher = new FileSystemWatcher(folder)
            {
                Filter = "*",
                IncludeSubdirectories = false,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite
                               | NotifyFilters.Size | NotifyFilters.CreationTime,
            };

            // The watcher may raise events from more than one thread: serialize them.
            void OnEvent(object? sender, FileSystemEventArgs e)
            {
                lock (gate) observer.OnNext(e);
            }

            void OnWatcherError(object? sender, ErrorEventArgs e)
            {
                var error = e.GetException();
                lock (gate)
                {
                    if (error is InternalBufferOverflowException)
                        observer.OnNext(new LibraryResyncEventArgs(folder, error));
                    else
                        observer.OnError(error);
                }
            }

            watcher.Created += OnEvent;
            watcher.Changed += OnEvent;
            watcher.Deleted += OnEvent;
            watcher.Renamed += OnEvent;
            watcher.Error += OnWatcherError;
            try
            {
                watcher.EnableRaisingEvents = true;
            }
            catch
            {
                watcher.Dispose();
                throw;
            }

            return Disposable.Create(() =>
            {
                watcher.EnableRaisingEvents = false;
                watcher.Created -= OnEvent;
                watcher.Changed -= OnEvent;
                watcher.Deleted -= OnEvent;
                watcher.Renamed -= OnEvent;
                watcher.Error -= OnWatcherError;
                watcher.Dispose();
            });
        });
    }

    /// <summary>
    /// Keeps the events that concern <c>*.yaml</c> files directly in the folder (a rename counts
    /// when its new or its old name is a yaml) and emits one <see cref="LibraryChange"/> after
    /// <paramref name="window"/> of quiet on <paramref name="scheduler"/> following the last of
    /// them, naming the distinct yaml paths touched in the burst. Events about other files (temp
    /// files alone, other extensions, subfolders) never produce a change. Completion of
    /// <paramref name="events"/> flushes a pending burst; an error drops it and is passed on.
    /// With <paramref name="settle"/> (shorter than the window), a burst quiet for that long is
    /// first announced by a <see cref="LibraryChange.Preview"/> change with the same paths.
    /// </summary>
    public static IObservable<LibraryChange> Coalesce(
        IObservable<FileSystemEventArgs> events, TimeSpan window, IScheduler scheduler, TimeSpan? settle = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, TimeSpan.Zero);
        return Observable.Create<LibraryChange>(observer =>
        {
            var coalescer = new BurstCoalescer(observer, window, scheduler, settle);
            var subscription = events.Subscribe(coalescer);
            return new CompositeDisposable(subscription, coalescer);
        });
    }

    /// <summary><see cref="Coalesce"/> applied to <see cref="Events"/> of <paramref name="folder"/>.</summary>
    public static IObservable<LibraryChange> Changes(string folder, TimeSpan window, IScheduler scheduler, TimeSpan? settle = null) =>
        Coalesce(Events(folder), window, scheduler, settle);
}
