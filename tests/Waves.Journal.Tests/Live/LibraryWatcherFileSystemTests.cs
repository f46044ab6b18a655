using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using Waves.Journal.Live;

namespace Waves.Journal.Tests.Live;

/// <summary>
/// The real watcher on a temp folder (inotify on Linux). Waits are bounded by timeouts on the
/// observable, never by sleeping for the result.
/// </summary>
public sealed class LibraryWatcherFileSystemTests : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("waves-watch-");

    [Fact]
    public async Task Changes_WhenYamlIsSavedQuicklyThenReplacedByRename_EmitsOneChangePerSave()
    {
        var folder = _folder.FullName;
        var target = Path.Combine(folder, "x.yaml");
        var changes = new ReplaySubject<LibraryChange>();
        using var subscription = LibraryWatcher.Changes(folder, Window, Scheduler.Default).Subscribe(changes);

        // Save 1: truncate+write three times in quick succession.
        var burst = System.Diagnostics.Stopwatch.StartNew();
        var longestGap = TimeSpan.Zero;
        for (var i = 0; i < 3; i++)
        {
            var before = burst.Elapsed;
            File.WriteAllText(target, $"pad:\n  osc: sine\n  freq: {220 + i}\n");
            Thread.Sleep(5);
            if (i > 0) longestGap = TimeSpan.FromTicks(Math.Max(longestGap.Ticks, (burst.Elapsed - before).Ticks));
        }

        var first = await changes.FirstAsync().Timeout(Patience);
        Assert.Equal([target], first.Paths);

        // Save 2: write a temp file, then rename it onto the target.
        var temp = Path.Combine(folder, "x.yaml.tmp");
        await File.WriteAllTextAsync(temp, "pad:\n  osc: saw\n");
        File.Move(temp, target, overwrite: true);

        var second = await changes.Skip(1).FirstAsync().Timeout(Patience);
        Assert.Equal([target], second.Paths);

        // Nothing else straggles in after the two saves (the three writes were one burst) — unless a
        // starved machine spread the writes wider than the window, when a second change is right.
        if (longestGap >= Window) return;
        var extra = await changes.Skip(2).Select(c => (LibraryChange?)c)
            .FirstOrDefaultAsync()
            .Timeout(TimeSpan.FromMilliseconds(500), Observable.Return<LibraryChange?>(null));
        Assert.Null(extra);
    }

    [Fact]
    public async Task Changes_WhenOnlyTextFileIsWritten_EmitsNothing()
    {
        var folder = _folder.FullName;
        var changes = new ReplaySubject<LibraryChange>();
        using var subscription = LibraryWatcher.Changes(folder, Window, Scheduler.Default).Subscribe(changes);

        await File.WriteAllTextAsync(Path.Combine(folder, "notes.txt"), "todo");
        await File.WriteAllTextAsync(Path.Combine(folder, ".x.yaml.swp"), "swap");

        var change = await changes.Select(c => (LibraryChange?)c)
            .FirstOrDefaultAsync()
            .Timeout(TimeSpan.FromMilliseconds(500), Observable.Return<LibraryChange?>(null));
        Assert.Null(change);
    }

    public void Dispose()
    {
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
