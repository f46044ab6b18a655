using System.Reactive.Concurrency;
using System.Reactive.Subjects;
using Waves.Journal.Live;

namespace Waves.Journal.Tests.Live;

/// <summary>
/// Virtual-time rig for <see cref="LibraryWatcher.Coalesce"/>: events are scheduled at given
/// milliseconds on a <see cref="HistoricalScheduler"/>, fed through a subject, and each emitted
/// change is recorded with the virtual time at which it came out.
/// </summary>
internal sealed class CoalesceHarness : IDisposable
{
    public static readonly string Folder = Path.Combine(Path.GetTempPath(), "waves-sounds");
    public static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(50);

    private readonly Subject<FileSystemEventArgs> _events = new();
    private readonly IDisposable _subscription;

    public CoalesceHarness(TimeSpan? settle = null)
    {
        _subscription = LibraryWatcher.Coalesce(_events, Window, Scheduler, settle)
            .Subscribe(
                change => Emitted.Add((Scheduler.Now - Start, change)),
                error => Error = error,
                () => Completed = true);
    }

    public HistoricalScheduler Scheduler { get; } = new(Start);
    public List<(TimeSpan At, LibraryChange Change)> Emitted { get; } = [];
    public Exception? Error { get; private set; }
    public bool Completed { get; private set; }

    public static string PathOf(string name) => Path.Combine(Folder, name);
    public static TimeSpan Ms(double ms) => TimeSpan.FromMilliseconds(ms);

    public static FileSystemEventArgs Created(string name) => new(WatcherChangeTypes.Created, Folder, name);
    public static FileSystemEventArgs Changed(string name) => new(WatcherChangeTypes.Changed, Folder, name);
    public static FileSystemEventArgs Deleted(string name) => new(WatcherChangeTypes.Deleted, Folder, name);
    public static FileSystemEventArgs Renamed(string oldName, string newName) =>
        new RenamedEventArgs(WatcherChangeTypes.Renamed, Folder, newName, oldName);

    /// <summary>Schedules <paramref name="e"/> to be raised at <paramref name="ms"/> milliseconds.</summary>
    public CoalesceHarness At(double ms, FileSystemEventArgs e)
    {
        Scheduler.ScheduleAbsolute(Start + Ms(ms), () => _events.OnNext(e));
        return this;
    }

    public CoalesceHarness CompleteAt(double ms)
    {
        Scheduler.ScheduleAbsolute(Start + Ms(ms), _events.OnCompleted);
        return this;
    }

    /// <summary>Runs virtual time until nothing is left to do.</summary>
    public CoalesceHarness Run()
    {
        Scheduler.Start();
        return this;
    }

    public void Unsubscribe() => _subscription.Dispose();

    public void Dispose()
    {
        _subscription.Dispose();
        _events.Dispose();
    }
}
