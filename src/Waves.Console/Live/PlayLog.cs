using System.Globalization;
using Waves.Engine.Rendering;

namespace Waves.Console.Live;

/// <summary>Prints each reload when the render thread applies it, each rejected save once, and
/// each node that faulted or produced NaN once.</summary>
sealed class PlayLog(LiveSession session)
{
    int printedRevision = session.Renderer.Current.Revision;
    readonly HashSet<string> faults = [];
    readonly object gate = new();

    public void Rejected(ReloadReport report)
    {
        if (report.Accepted) return;
        lock (gate)
        {
            System.Console.Out.WriteLine($"reload rejected; still playing revision {report.Revision}:");
            foreach (var p in report.Problems) System.Console.Out.WriteLine($"  {p}");
        }
    }

    public void Report()
    {
        var current = session.Renderer.Current;
        lock (gate)
        {
            if (current.Revision != printedRevision && current.AppliedFrame >= 0)
            {
                printedRevision = current.Revision;
                var seconds = current.AppliedFrame / (double)current.Settings.SampleRate;
                System.Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"revision {current.Revision} applied at frame {current.AppliedFrame} ({seconds:0.000} s): {current.Changes}"));
            }
            foreach (var f in current.Root.Faults())
                if (faults.Add(f)) System.Console.Out.WriteLine($"  fault: {f}");
        }
        session.Renderer.TakeRetired();
    }
}
