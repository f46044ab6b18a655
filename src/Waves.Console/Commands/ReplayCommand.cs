using System.Diagnostics;
using System.Globalization;
using Waves.Engine.Audio;
using Waves.Journal.Events;
using Waves.Journal.Sessions;
using Waves.Console.Live;

namespace Waves.Console.Commands;

/// <summary><c>waves replay</c>: renders a journaled session offline; the output equals what was played.</summary>
static class ReplayCommand
{
    public static int Run(string[] args)
    {
        var o = Options.Parse(args, new HashSet<string> { "--force", "--stems" });
        o.RequireOnly(["--journal", "-o", "--output", "--from", "--to", "--force", "--stems"], positional: 1);
        using var session = JournaledSession.Open(o);
        if (session is null) return 1;
        var (journal, id, events, started) = (session.Journal, session.Id, session.Events, session.Started);
        var output = CommandInputs.OutputPath(o, $"{started.Sound}_replay");
        long? to = o.Number("--to") is { } s ? (long)Math.Round(s * started.SampleRate) : null;
        var from = o.Number("--from") is { } f ? (long)Math.Round(f * started.SampleRate) : 0;
        if (from < 0) throw new UsageException("--from expects seconds ≥ 0");
        var total = to ?? events[^1].Frame;
        var bar = new ProgressBar(total, started.SampleRate);
        var clock = Stopwatch.StartNew();
        long frames;
        var stemPaths = new List<string>();
        using (var writer = new WavWriter(output, started.SampleRate, 2, SampleFormat.F32))
        using (var stems = o.Has("--stems") ? new StemWriters(output, started.SampleRate) : null)
        {
            try
            {
                frames = Replayer.Run(journal, events, (l, r) => writer.Write(l.Span, r.Span), to, bar.Update, fromFrame: from,
                    afterBlock: stems is null ? null : stems.Write) - from;
                stemPaths.AddRange(stems?.Paths ?? []);
            }
            catch (InvalidDataException e)
            {
                bar.Done();
                System.Console.Error.WriteLine($"waves: cannot replay session {id}: {e.Message}");
                return 1;
            }
            bar.Done();
        }
        clock.Stop();
        var seconds = frames / (double)started.SampleRate;
        System.Console.Out.WriteLine($"wrote {output}");
        foreach (var p in stemPaths) System.Console.Out.WriteLine($"wrote {p}");
        System.Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"replayed session {id}: {seconds:0.000} s ({frames} frames) in {clock.Elapsed.TotalSeconds:0.000} s, {seconds / Math.Max(clock.Elapsed.TotalSeconds, 1e-9):0.0}x realtime"));
        return 0;
    }
}
