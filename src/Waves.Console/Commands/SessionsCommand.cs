using System.Globalization;
using Waves.Journal.Events;
using Waves.Journal.Storage;

namespace Waves.Console.Commands;

/// <summary><c>waves sessions</c> lists the journal's sessions; <c>waves log</c> prints one as a timeline.</summary>
static class SessionsCommand
{
    public static int List(string[] args)
    {
        var o = Options.Parse(args, new HashSet<string>());
        o.RequireOnly(["--journal"], positional: 0);
        var path = o.Get("--journal") ?? JournalFiles.DefaultPath;
        if (!File.Exists(path)) { System.Console.Error.WriteLine($"waves: no journal at {path}"); return 1; }
        using var journal = JournalFiles.Open(path);
        var inv = CultureInfo.InvariantCulture;
        foreach (var s in journal.Sessions())
        {
            var rate = journal.Read(s.Id).FirstOrDefault()?.Event is SessionStarted st ? st.SampleRate : 44100;
            System.Console.Out.WriteLine(string.Create(inv,
                $"{s.Id}  {s.Started.ToLocalTime():yyyy-MM-dd HH:mm:ss}  {s.Sound,-20} {s.Frames / (double)rate,9:0.000} s  {s.Edits} edits{(s.Ended ? "" : "  (not ended)")}"));
        }
        return 0;
    }

    public static int Log(string[] args)
    {
        var o = Options.Parse(args, new HashSet<string>());
        o.RequireOnly(["--journal"], positional: 1);
        var path = o.Get("--journal") ?? JournalFiles.DefaultPath;
        if (!File.Exists(path)) { System.Console.Error.WriteLine($"waves: no journal at {path}"); return 1; }
        using var journal = JournalFiles.Open(path);
        if (Find(journal, o.Positional.FirstOrDefault()) is not { } id) return 1;
        var events = journal.Read(id);
        var rate = events.FirstOrDefault()?.Event is SessionStarted st ? st.SampleRate : 44100;
        var texts = new Dictionary<string, string>();
        // A timeline: in frame order (events are journaled when seen, which can be a little after their frame).
        foreach (var e in events.OrderBy(e => e.Frame))
        {
            var time = (e.Frame / (double)rate).ToString("0.000", CultureInfo.InvariantCulture);
            System.Console.Out.WriteLine($"{e.Frame,10}  {time,9} s  {e.Type,-20} {Describe(e.Event)}");
            if (e.Event is SessionStarted s0)
                foreach (var f in s0.Files) texts[f.Path] = journal.GetText(f.Hash);
            if (e.Event is LibraryEdited edit)
                foreach (var f in edit.Files)
                {
                    var now = journal.GetText(f.Hash);
                    foreach (var line in TextDiff.Lines(texts.GetValueOrDefault(f.Path, ""), now))
                        System.Console.Out.WriteLine($"{"",24}{f.Path}: {line}");
                    texts[f.Path] = now;
                }
        }
        return 0;
    }

    /// <summary>A session id, or "last" / nothing for the newest one.</summary>
    public static string? Find(IJournal journal, string? wanted)
    {
        var sessions = journal.Sessions();
        if (sessions.Count == 0) { System.Console.Error.WriteLine("waves: the journal has no sessions"); return null; }
        if (wanted is null or "last") return sessions[^1].Id;
        var match = sessions.Where(s => s.Id.StartsWith(wanted, StringComparison.Ordinal)).ToList();
        if (match.Count == 1) return match[0].Id;
        System.Console.Error.WriteLine(match.Count == 0 ? $"waves: no session '{wanted}'" : $"waves: '{wanted}' matches several sessions");
        return null;
    }

    static string Describe(SessionEvent e) => e switch
    {
        SessionStarted s => $"{s.Sound} {string.Join(' ', s.Overrides)} ({s.SampleRate} Hz, block {s.BlockSize}, seed {s.Seed}, {s.Files.Count} files, {s.EngineVersion})",
        LibraryEdited l => l.Revision > 0 ? $"compiled as revision {l.Revision}" : "rejected",
        ReloadApplied r => $"revision {r.Revision}: " + string.Join("; ", new[] { ("added", r.Added), ("removed", r.Removed), ("retuned", r.Retuned) }
            .Where(x => x.Item2.Count > 0).Select(x => $"{x.Item1} {string.Join(", ", x.Item2)}")),
        ReloadRejected r => string.Join(" | ", r.Problems),
        StateReset r => r.Id ?? "every node",
        MasterGainChanged g => g.Gain.ToString(CultureInfo.InvariantCulture),
        TrackMuted m => $"{m.Track} {(m.Muted ? "muted" : "unmuted")}",
        TrackSoloed so => $"{so.Track} {(so.Soloed ? "soloed" : "unsoloed")}",
        Ticked t => string.Create(CultureInfo.InvariantCulture, $"load {t.Load:P0}, {t.Underruns} underruns"),
        OutputUnderran u => $"{u.Count} underruns so far, {u.MissingFrames} device frames of silence",
        RecordingStarted r => r.Path,
        RecordingStopped r => $"{r.Path} ({r.Frames} frames)",
        MidiReceived m => Midi.MidiText.Describe(m),
        InputOpened i => $"{i.Device} into {i.Path} ({i.Channels} channels, {i.SampleRate} Hz)",
        InputClosed i => $"{i.Frames} frames kept, {i.MissingFrames} late from the device",
        SessionEnded x => x.Reason,
        _ => "",
    };
}
