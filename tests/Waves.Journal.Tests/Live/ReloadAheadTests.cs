using Waves.Engine.Patching;
using Waves.Engine.Rendering;
using Waves.Journal.Live;

namespace Waves.Journal.Tests.Live;

/// <summary>A save loaded and compiled during its coalescing window, and published when it closes.</summary>
public sealed class ReloadAheadTests : IDisposable
{
    readonly string sounds = Directory.CreateTempSubdirectory("waves-ahead-").FullName;
    string File_ => Path.Combine(sounds, "s.yaml");

    public void Dispose()
    {
        try { Directory.Delete(sounds, true); } catch (IOException) { }
    }

    static string Tone(int freq) => $"s:\n  osc: {{freq: {freq}}}\n";

    LiveSession Start()
    {
        File.WriteAllText(File_, Tone(220));
        var (session, problems) = LiveSession.Start(SoundLibrary.Load(sounds), "s", new RenderSettings(44100, 128, 1));
        Assert.True(session is not null, string.Join("\n", problems));
        return session;
    }

    LibraryChange Change(long sequence, bool preview) => new([File_], DateTimeOffset.UnixEpoch, false, sequence, preview);

    static string TextOf(PreparedReload p) => Assert.Single(p.Library.Files).Text;

    [Fact]
    public void ClosingChange_OfThePreviewedBurst_TakesTheCompileMadeAhead()
    {
        var session = Start();
        var ahead = new ReloadAhead(session, sounds);
        File.WriteAllText(File_, Tone(330));

        ahead.Preview(Change(7, preview: true));
        var prepared = ahead.Take(Change(7, preview: false));

        Assert.Equal((1, 0), (ahead.Hits, ahead.Misses));
        Assert.Equal(Tone(330), TextOf(prepared));
        Assert.Same(session.Renderer.Current, prepared.Basis);
        Assert.NotNull(prepared.Compiled.Patch);
        var report = session.Reload(prepared);
        Assert.True(report.Accepted);
        Assert.Same(prepared.Library, session.Library);
    }

    [Fact]
    public void ClosingChange_OfABurstThatWentOn_ReadsTheFolderAgain()
    {
        var session = Start();
        var ahead = new ReloadAhead(session, sounds);
        File.WriteAllText(File_, Tone(330));
        ahead.Preview(Change(7, preview: true));
        File.WriteAllText(File_, Tone(440));           // saved again: the burst's last event is a later one

        var prepared = ahead.Take(Change(9, preview: false));

        Assert.Equal((0, 1), (ahead.Hits, ahead.Misses));
        Assert.Equal(Tone(440), TextOf(prepared));
        Assert.True(session.Reload(prepared).Accepted);
    }

    [Fact]
    public void APreparation_IsTakenOnce()
    {
        var session = Start();
        var ahead = new ReloadAhead(session, sounds);
        ahead.Preview(Change(7, preview: true));
        ahead.Take(Change(7, preview: false));
        File.WriteAllText(File_, Tone(550));

        var again = ahead.Take(Change(7, preview: false));

        Assert.Equal((1, 1), (ahead.Hits, ahead.Misses));
        Assert.Equal(Tone(550), TextOf(again));
    }

    [Fact]
    public void ClosingChange_WithoutAPreview_LoadsAndCompilesThen()
    {
        var session = Start();
        var ahead = new ReloadAhead(session, sounds);
        File.WriteAllText(File_, "s:\n  osc: {freq: }\n  bad: [\n");

        var prepared = ahead.Take(Change(3, preview: false));

        Assert.Equal((0, 1), (ahead.Hits, ahead.Misses));
        Assert.Null(prepared.Compiled.Patch);
        var report = session.Reload(prepared);
        Assert.False(report.Accepted);
        Assert.Equal(1, session.Renderer.Current.Revision);
        Assert.Contains(report.Errors, p => p.Pos.File.EndsWith("s.yaml", StringComparison.Ordinal));
    }
}
