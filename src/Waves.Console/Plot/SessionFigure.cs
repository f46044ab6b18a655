using ScottPlot;
using Waves.Journal.Events;
using Waves.Journal.Storage;

namespace Waves.Console.Plot;

/// <summary>The picture of a journaled session: its levels over time (from replaying it, which gives
/// what was heard), the render load from its ticks, and its reloads, errors and transport actions.</summary>
static class SessionFigure
{
    /// <summary>Lanes of the timeline, top to bottom.</summary>
    static readonly (string Name, Color Color)[] Lanes =
    [
        ("reloads", Colors.SeaGreen),
        ("errors", Colors.Crimson),
        ("transport", Colors.SteelBlue),
        ("recording", Colors.DarkOrange),
        ("MIDI", Colors.Purple),
    ];

    static int? Lane(SessionEvent e) => e switch
    {
        ReloadApplied => 0,
        ReloadRejected => 1,
        Paused or Resumed or MasterGainChanged or TrackMuted or TrackSoloed or StateReset => 2,
        RecordingStarted or RecordingStopped => 3,
        MidiReceived => 4,
        _ => null,
    };

    public static void Save(string path, string title, IReadOnlyList<EventEnvelope> events, int sampleRate,
        (double[] Peak, double[] Rms, double WindowSeconds)? levels, int width, int height)
    {
        var end = Math.Max(events.Count == 0 ? 0 : events.Max(e => e.Frame), 1) / (double)sampleRate;

        var level = Figure.Panel($"{title}: level", "dBFS");
        if (levels is { } l)
        {
            var peak = level.Add.Signal(l.Peak, l.WindowSeconds);
            peak.LegendText = "peak";
            peak.Color = Colors.Crimson;
            var rms = level.Add.Signal(l.Rms, l.WindowSeconds);
            rms.LegendText = "RMS";
            rms.Color = Colors.SeaGreen;
            level.ShowLegend(Alignment.LowerRight);
        }
        level.Axes.SetLimits(0, end, AudioAnalysis.FloorDb, 6);

        var ticks = events.Where(e => e.Event is Ticked).ToList();
        var load = Figure.Panel("render load (ticks)", "% of real time");
        if (ticks.Count > 0)
        {
            var xs = ticks.Select(t => t.Frame / (double)sampleRate).ToArray();
            var line = load.Add.ScatterLine(xs, ticks.Select(t => ((Ticked)t.Event).Load * 100).ToArray());
            line.Color = Colors.SteelBlue;
            line.LegendText = "load";
            var under = load.Add.ScatterLine(xs, ticks.Select(t => (double)((Ticked)t.Event).Underruns).ToArray());
            under.Color = Colors.Crimson;
            under.LegendText = "underruns so far";
            load.ShowLegend(Alignment.UpperRight);
        }
        load.Axes.SetLimits(0, end, 0, Math.Max(100, ticks.Count == 0 ? 0 : ticks.Max(t => Math.Max(((Ticked)t.Event).Load * 100, ((Ticked)t.Event).Underruns)) * 1.1));

        var timeline = Figure.Panel("events", "");
        for (var lane = 0; lane < Lanes.Length; lane++)
        {
            var at = events.Where(e => Lane(e.Event) == lane).Select(e => e.Frame / (double)sampleRate).ToArray();
            var y = Lanes.Length - 1 - lane;
            if (at.Length > 0)
            {
                var marks = timeline.Add.ScatterPoints(at, [.. at.Select(_ => (double)y)]);
                marks.Color = Lanes[lane].Color;
                marks.MarkerSize = 9;
                marks.MarkerShape = MarkerShape.FilledDiamond;
                marks.LegendText = $"{Lanes[lane].Name} ({at.Length})";
                // The same moments on the level panel, where their effect shows.
                if (lane < 2)
                    foreach (var x in at)
                    {
                        var v = level.Add.VerticalLine(x);
                        v.Color = Lanes[lane].Color.WithAlpha(0.6);
                        v.LineWidth = 1;
                    }
            }
        }
        timeline.Axes.Left.SetTicks([.. Enumerable.Range(0, Lanes.Length).Select(i => (double)(Lanes.Length - 1 - i))], [.. Lanes.Select(x => x.Name)]);
        timeline.Axes.SetLimits(0, end, -0.7, Lanes.Length - 0.3);

        Figure.Save(path, width, height, level, load, timeline);
    }
}
