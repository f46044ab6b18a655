using System.Diagnostics;
using Waves.Engine.Patching;
using Waves.Engine.Rendering;
using Waves.Journal.Events;
using Waves.Journal.Sessions;
using Waves.Journal.Storage;

namespace Waves.Console.Bench;

/// <summary>
/// Journal costs: appends per second to a LiteDB file, the size of an hour of a typical session
/// (a tick a second, an edit every 30 s), and the replay speed of a minute with six edits.
/// </summary>
static class JournalBench
{
    public sealed record Result(double AppendsPerSecond, long HourBytes, int HourEvents, double ReplaySeconds, double ReplayElapsed);

    public static Result Run(string sounds)
    {
        var dir = Directory.CreateTempSubdirectory("waves-bench-journal-").FullName;
        try
        {
            var library = SoundLibrary.Load(sounds);
            var text = library.Files[0].Text;

            // Appends per second (each one durable when it returns).
            double rate;
            using (var journal = new LiteDbJournal(Path.Combine(dir, "appends.db")))
            {
                var id = Start(journal, library);
                for (var i = 0; i < 100; i++) journal.Append(id, i, new Ticked(DateTimeOffset.UtcNow, 0.1, 0), DateTimeOffset.UtcNow);
                const int n = 2000;
                var clock = Stopwatch.StartNew();
                for (var i = 0; i < n; i++) journal.Append(id, i * 512L, new Ticked(DateTimeOffset.UtcNow, 0.1, 0), DateTimeOffset.UtcNow);
                rate = n / clock.Elapsed.TotalSeconds;
            }

            // An hour: a tick each second, an edit (a changed number) every 30 s, applied a block later.
            var hourPath = Path.Combine(dir, "hour.db");
            var events = 1;
            using (var journal = new LiteDbJournal(hourPath))
            {
                var id = Start(journal, library);
                for (var s = 1; s <= 3600; s++)
                {
                    long frame = s * 44100L;
                    journal.Append(id, frame, new Ticked(DateTimeOffset.UtcNow, 0.05, 0), DateTimeOffset.UtcNow);
                    events++;
                    if (s % 30 != 0) continue;
                    var edited = text.Replace("root: 55", $"root: {55 + s % 7}");
                    var files = new[] { new FileRef(library.Files[0].Path, journal.PutText(edited)) };
                    journal.Append(id, frame, new LibraryEdited(files, s / 30 + 1), DateTimeOffset.UtcNow);
                    journal.Append(id, frame + 512, new ReloadApplied(s / 30 + 1, [], [], ["demo/context"]), DateTimeOffset.UtcNow);
                    events += 2;
                }
                journal.Append(id, 3600 * 44100L, new SessionEnded("ended"), DateTimeOffset.UtcNow);
                journal.Flush();
            }
            var hourBytes = new FileInfo(hourPath).Length;

            // Replay of a minute of the demo with six edits.
            using var memory = new InMemoryJournal();
            var (session, _) = LiveSession.Start(library, "demo", new RenderSettings(), fadeFrames: 441);
            var recorder = new SessionRecorder(memory, session!, sounds, _ => { });
            recorder.Begin([], loop: true);
            var block = new float[512];
            var right = new float[512];
            for (var b = 0; b < 60 * 44100 / 512; b++)
            {
                if (b % 860 == 430) recorder.Edit(SoundLibrary.FromTexts([library.Files[0] with { Text = text.Replace("root: 55", $"root: {50 + b % 11}") }], sounds));
                session!.Renderer.RenderBlock(block, right, 512);
                recorder.Poll();
            }
            recorder.End(session!.Renderer.Frame, "ended");
            var replayClock = Stopwatch.StartNew();
            var frames = Replayer.Run(memory, memory.Read(recorder.SessionId), (_, _) => { });
            return new Result(rate, hourBytes, events, frames / 44100.0, replayClock.Elapsed.TotalSeconds);
        }
        finally
        {
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }

    static string Start(IJournal journal, SoundLibrary library) =>
        journal.StartSession(new SessionStarted("demo", [], 44100, 512, 1, 441, false, Waves.Engine.EngineInfo.Version, library.Folder,
            [.. library.Files.Select(f => new FileRef(f.Path, journal.PutText(f.Text)))]), DateTimeOffset.UtcNow);
}
