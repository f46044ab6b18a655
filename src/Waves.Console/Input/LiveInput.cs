using System.Globalization;
using Waves.Engine.Nodes;
using Waves.Engine.Rendering;
using Waves.Journal.Events;
using Waves.Journal.Storage;

namespace Waves.Console.Input;

/// <summary>
/// <c>play</c>'s audio input: the capture device writing into the session's <see cref="AudioInput"/>,
/// and the tape that keeps what the render thread used, in <c>inputs/&lt;session&gt;.wav</c> beside the
/// journal, announced by an <see cref="InputOpened"/> event at frame 0 and closed by <see cref="InputClosed"/>.
/// </summary>
sealed class LiveInput(IAudioCapture capture, AudioInput audio) : IDisposable
{
    InputTape? tape;

    public string Description => capture.Description;

    /// <summary>The input ring a session is compiled with, unless <c>--input none</c>.</summary>
    public static AudioInput? Prepare(string? name, RenderSettings settings)
    {
        if (name is not null && !Captures.Names.Contains(name))
            throw new UsageException($"--input expects one of {string.Join(", ", Captures.Names)}");
        return name == "none" ? null : new AudioInput(settings.SampleRate, settings.BlockSize, keepUsed: true);
    }

    /// <summary>Opens the capture device <c>--input</c> names; by default (no <c>--input</c>) the first that
    /// opens when the played sound has an <c>input</c> node, else none. Null when there is none.</summary>
    /// <exception cref="InputUnavailableException">The backend named could not be opened.</exception>
    public static LiveInput? Open(string? name, string? device, string output, LiveSession session, List<string> notes)
    {
        if (session.Settings.Inputs.Audio is not { } audio) return null;
        var wanted = name ?? (HasInputNode(session.Latest) ? "auto" : "none");
        if (wanted == "none") return null;
        var capture = Captures.OpenAuto(wanted, output, new CaptureRequest(device, session.Settings.SampleRate), notes);
        if (capture is null) return null;
        notes.Add($"input from {capture.Description}");
        return new LiveInput(capture, audio);
    }

    static bool HasInputNode(Patch patch) =>
        SpecComparer.ById(patch.Spec).Values.Any(s => s.Type == Engine.Nodes.Input.Info.Key) || patch.Root.Walk().Any(s => s is Engine.Nodes.Input);

    /// <summary>Before the first block: opens the tape beside the journal, journals it and starts capturing.</summary>
    public void Begin(IJournal journal, string journalPath, string sessionId, int rate)
    {
        var relative = Path.Combine("inputs", sessionId + ".wav");
        var folder = Path.GetDirectoryName(Path.GetFullPath(journalPath))!;
        tape = new InputTape(audio, Path.Combine(folder, relative));
        journal.Append(sessionId, 0, new InputOpened(relative.Replace('\\', '/'), 2, rate, capture.Description), DateTimeOffset.UtcNow);
        journal.Flush();
        capture.Start(audio);
    }

    /// <summary>Control thread: stores what the render thread used since the last call.</summary>
    public void Drain() => tape?.Drain();

    /// <summary>After the render thread stopped: the rest of the tape, and the input's account in the journal.</summary>
    public string? End(IJournal journal, string sessionId, long frame)
    {
        capture.Stop();
        if (tape is null) return null;
        tape.Dispose();
        journal.Append(sessionId, frame, new InputClosed(tape.Frames, audio.MissingFrames, audio.DroppedFrames), DateTimeOffset.UtcNow);
        var lost = tape.Lost > 0 ? string.Create(CultureInfo.InvariantCulture, $"; {tape.Lost} frames were not kept (the disk fell behind), so a replay differs") : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"input kept in {tape.Path} ({tape.Frames} frames, {audio.MissingFrames} late from the device){lost}");
    }

    public void Dispose()
    {
        capture.Dispose();
        tape?.Dispose();
    }
}
