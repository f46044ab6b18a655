using System.Runtime.InteropServices;
using NAudio.Wave;
using Waves.Engine.Rendering;
using Waves.Journal.Events;
using Waves.Journal.Storage;

namespace Waves.Journal.Sessions;

/// <summary>
/// The audio input of a journaled session, for its replay: the frames the live render thread used,
/// read from the file that <see cref="InputOpened"/> names and written, block by block, into the same
/// <see cref="AudioInput"/> ring that live capture fills — so replay takes the input through the same
/// path. A session without input gets <see cref="SessionInputs.None"/>.
/// </summary>
public sealed class InputReplay : IDisposable
{
    readonly WaveFileReader? reader;
    readonly AudioInput? audio;
    readonly long openedAt;
    readonly byte[] bytes = [];
    readonly float[] left = [], right = [];
    readonly int channels;
    long position = -1;

    InputReplay() => Inputs = SessionInputs.None;

    InputReplay(string path, long openedAt, SessionStarted started)
    {
        try { reader = new WaveFileReader(path); }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"the session's audio input {path} cannot be read ({e.Message}); without it the session does not replay", e);
        }
        var f = reader.WaveFormat;
        if (f.BitsPerSample != 32 || f.Encoding is not (WaveFormatEncoding.IeeeFloat or WaveFormatEncoding.Extensible) || f.Channels is < 1 or > 2)
        {
            reader.Dispose();
            throw new InvalidDataException($"the session's audio input {path} is not a mono or stereo 32-bit float WAV");
        }
        if (f.SampleRate != started.SampleRate)
        {
            reader.Dispose();
            throw new InvalidDataException($"the session's audio input {path} is at {f.SampleRate} Hz, the session at {started.SampleRate} Hz");
        }
        channels = f.Channels;
        this.openedAt = openedAt;
        audio = new AudioInput(started.SampleRate, started.BlockSize, keepUsed: false);
        bytes = new byte[started.BlockSize * channels * sizeof(float)];
        left = new float[started.BlockSize];
        right = new float[started.BlockSize];
        Inputs = new SessionInputs { Audio = audio };
    }

    /// <summary>What the replay's patch is compiled with.</summary>
    public SessionInputs Inputs { get; }

    /// <summary>The input of a session (none when it had no <see cref="InputOpened"/>); a relative path is
    /// the journal's folder's (<paramref name="journalFolder"/>, else the current folder).</summary>
    public static InputReplay Open(IReadOnlyList<EventEnvelope> events, SessionStarted started, string? journalFolder)
    {
        if (events.FirstOrDefault(e => e.Event is InputOpened) is not { Event: InputOpened opened } at) return new InputReplay();
        var path = Path.IsPathRooted(opened.Path) ? opened.Path : Path.Combine(journalFolder ?? ".", opened.Path);
        return new InputReplay(path, at.Frame, started);
    }

    /// <summary>The folder a journal's relative input paths are in.</summary>
    public static string? FolderOf(IJournal journal) =>
        journal is LiteDbJournal lite ? Path.GetDirectoryName(Path.GetFullPath(lite.Path)) : null;

    /// <summary>Hands the input of session frames <paramref name="frame"/> … + <paramref name="count"/> to the
    /// ring, before the block that renders them: silence before the input opened and past the file's end.</summary>
    public void Feed(long frame, int count)
    {
        if (audio is null || reader is null) return;
        var l = left.AsSpan(0, count);
        var r = right.AsSpan(0, count);
        l.Clear();
        r.Clear();
        var at = frame - openedAt;
        var skip = (int)Math.Clamp(-at, 0, count);
        at += skip;
        if (skip < count && at * channels * sizeof(float) < reader.Length)
        {
            if (position != at) reader.Position = at * channels * sizeof(float);
            var want = (count - skip) * channels * sizeof(float);
            var got = 0;
            for (int n; got < want && (n = reader.Read(bytes, got, want - got)) > 0;) got += n;
            var frames = got / (channels * sizeof(float));
            var samples = MemoryMarshal.Cast<byte, float>(bytes.AsSpan(0, frames * channels * sizeof(float)));
            for (var i = 0; i < frames; i++)
            {
                l[skip + i] = samples[i * channels];
                r[skip + i] = samples[i * channels + channels - 1];
            }
            position = at + frames;
        }
        audio.Write(l, r);
    }

    public void Dispose() => reader?.Dispose();
}
