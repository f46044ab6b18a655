using Waves.Console.Live;
using Waves.Console.Output;
using Waves.Engine.Rendering;
using Waves.Journal.Sessions;

namespace Waves.Console.View;

/// <summary>Everything a view reads while a session plays; each part is safe to read from the control thread.</summary>
sealed class LiveStatus
{
    public required LiveSession Session { get; init; }
    public required SessionRecorder Journal { get; init; }
    public required RenderLoop Render { get; init; }
    public required OutputFeed Feed { get; init; }
    public required IAudioOutput Output { get; init; }
    public required Recorder Recording { get; init; }
    public required Meters Meters { get; init; }
    public required Scope Scope { get; init; }
    public required string SoundFolder { get; init; }
    public required string JournalPath { get; init; }

    /// <summary>Seconds played so far (session frames; pauses do not count).</summary>
    public double Elapsed => Session.Renderer.Frame / (double)Session.Settings.SampleRate;
}
