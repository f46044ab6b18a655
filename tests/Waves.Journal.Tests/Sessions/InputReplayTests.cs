using Waves.Engine.Audio;
using Waves.Engine.Patching;
using Waves.Engine.Rendering;
using Waves.Journal.Events;
using Waves.Journal.Sessions;
using Waves.Journal.Storage;
using Waves.Journal.Tests.Storage;

namespace Waves.Journal.Tests.Sessions;

/// <summary>
/// A live session with audio input, driven block by block against a real LiteDB journal: the input
/// arrives now short, now in bursts, the frames the render thread used are stored in a WAV file beside
/// the journal (as <c>play</c> does), and the replay — whole, or from a snapshot later on — reads them
/// back into the same ring and gives the live samples bit for bit.
/// </summary>
public sealed class InputReplayTests
{
    const int Block = 128;
    const string Sound = "s:\n  mix:\n    dry: {input: {channel: stereo}}\n    ring: {expression: {exp: \"a * b\", a: {input: {channel: mix}}, b: {osc: {freq: 3}}}}\n";

    static SoundLibrary Library() => SoundLibrary.FromTexts([new SoundLibrary.SourceFile("sounds/s.yaml", Sound)]);

    /// <summary>Plays <paramref name="blocks"/> blocks with a scripted device; returns the output, the session and the input file.</summary>
    static (float[] Left, float[] Right, string Id, string InputPath) Live(IJournal journal, string folder, int blocks)
    {
        var audio = new AudioInput(44100, Block, keepUsed: true);
        var settings = new RenderSettings(44100, Block, 5) { Inputs = new SessionInputs { Audio = audio } };
        var (session, problems) = LiveSession.Start(Library(), "s", settings);
        Assert.True(session is not null, string.Join("\n", problems));
        var recorder = new SessionRecorder(journal, session, "sounds", _ => { }) { SnapshotEvery = 20 * Block };
        recorder.Begin([], false);
        var relative = Path.Combine("inputs", recorder.SessionId + ".wav");
        journal.Append(recorder.SessionId, 0, new InputOpened(relative, 2, 44100, "scripted"), DateTimeOffset.UtcNow);
        using var tape = new WavWriter(Path.Combine(folder, relative), 44100, 2, SampleFormat.F32);
        var (left, right) = (new List<float>(), new List<float>());
        var (l, r) = (new float[Block], new float[Block]);
        var (usedL, usedR) = (new float[4 * Block], new float[4 * Block]);
        var device = new Random(11);
        var phase = 0;
        for (var k = 0; k < blocks; k++)
        {
            // A device that delivers 0 to 3 blocks' worth at a time: late now and then, early at others.
            var n = device.Next(0, 3 * Block);
            var (dl, dr) = (new float[n], new float[n]);
            for (var i = 0; i < n; i++, phase++) (dl[i], dr[i]) = ((float)Math.Sin(phase * 0.05), (float)Math.Cos(phase * 0.011) * 0.5f);
            audio.Write(dl, dr);
            session.Renderer.RenderBlock(l, r, Block);
            left.AddRange(l);
            right.AddRange(r);
            for (int got; (got = audio.Used!.Read(usedL, usedR)) > 0;) tape.Write(usedL.AsSpan(0, got), usedR.AsSpan(0, got));
            recorder.Poll();
        }
        Assert.True(audio.MissingFrames > 0, "the scripted device was never late");
        recorder.End(left.Count, "ended");
        return ([.. left], [.. right], recorder.SessionId, Path.Combine(folder, relative));
    }

    static (float[] Left, float[] Right) Replay(IJournal journal, string id, long from = 0)
    {
        var (left, right) = (new List<float>(), new List<float>());
        Replayer.Run(journal, journal.Read(id), (l, r) => { left.AddRange(l.Span); right.AddRange(r.Span); }, fromFrame: from);
        return ([.. left], [.. right]);
    }

    [Fact]
    public void Replay_OfASessionWithInput_ReadsTheKeptInput_AndGivesTheLiveSamples()
    {
        using var folder = new TempFolder();
        using var journal = new LiteDbJournal(folder.File("journal.db"));
        var live = Live(journal, folder.FullName, 100);

        var kept = WavReader.Read(live.InputPath);
        Assert.Equal(100 * Block, kept.Frames);
        Assert.True(Math.Abs(kept.Channels[0].Max()) > 0.5f);
        var replay = Replay(journal, live.Id);
        Assert.Equal(live.Left, replay.Left);
        Assert.Equal(live.Right, replay.Right);
    }

    [Fact]
    public void Replay_FromALaterFrame_EqualsTheTailOfTheFullReplay()
    {
        using var folder = new TempFolder();
        using var journal = new LiteDbJournal(folder.File("journal.db"));
        var live = Live(journal, folder.FullName, 100);
        Assert.Contains(journal.Read(live.Id), e => e.Event is StateSnapshotted && e.Frame is > 0 and <= 70 * Block);

        const int from = 70 * Block + 5;
        var tail = Replay(journal, live.Id, from);
        Assert.Equal(live.Left[from..], tail.Left);
        Assert.Equal(live.Right[from..], tail.Right);
    }

    [Fact]
    public void Replay_WhenTheInputFileIsGone_SaysWhichFileItNeeds()
    {
        using var folder = new TempFolder();
        using var journal = new LiteDbJournal(folder.File("journal.db"));
        var live = Live(journal, folder.FullName, 10);
        File.Delete(live.InputPath);

        var e = Assert.Throws<InvalidDataException>(() => Replay(journal, live.Id));
        Assert.Contains(live.InputPath, e.Message);
        Assert.Contains("does not replay", e.Message);
    }
}
