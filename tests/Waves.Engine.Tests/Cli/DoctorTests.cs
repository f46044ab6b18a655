using Waves.Engine.Tests.Playback;
using Waves.Engine.Tests.Support;
using Xunit.Abstractions;

namespace Waves.Engine.Tests.Cli;

/// <summary><c>waves doctor</c> as a real process against the private PulseAudio server the
/// playback tests start, and against nothing at all.</summary>
[Collection(PulseCollection.Name)]
public sealed class DoctorTests(PulseServer server, ITestOutputHelper output) : IDisposable
{
    readonly string dir = Directory.CreateTempSubdirectory("waves-doctor-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
    }

    string Doctor(IReadOnlyDictionary<string, string> environment)
    {
        using var doctor = WavesProcess.Start(dir, environment, "doctor");
        Assert.True(doctor.Wait(TimeSpan.FromSeconds(60)) == 0, doctor.ToString());
        output.WriteLine(doctor.ToString());
        Assert.Equal("", doctor.Error);
        return doctor.Out;
    }

    [RequiresProgramsFact("pulseaudio")]
    public void Doctor_WithAPulseServer_SaysPulseWorksAndPlayUsesIt()
    {
        Directory.CreateDirectory(Path.Combine(dir, "sounds"));
        File.WriteAllText(Path.Combine(dir, "sounds", "a.yaml"), "tone: {osc: {freq: 440, duration: 0.2}}\nbad: {oscc: {}}\n");

        var text = Doctor(server.Environment);

        Assert.Matches(@"(?m)^version  waves \S+ \(waves render \d+\), \.NET 10\.", text);
        Assert.Contains("audio    pulse: works (pulse: default sink, ", text);
        Assert.Contains("play uses: pulse", text);
        Assert.Contains("null: works", text);
        Assert.Contains("sounds   sounds: 2 sounds in 1 files, 1 errors, 0 warnings (waves check shows them)", text);
        Assert.Contains("schema   ", text);
        Assert.Contains($"journal  {Path.Combine(".waves", "journal.db")}: none yet", text);
        Assert.Contains("midi     JACK MIDI: ", text);
    }

    [RequiresProgramsFact("pulseaudio")]
    public void Doctor_AfterASession_CountsTheJournalsSessions()
    {
        Directory.CreateDirectory(Path.Combine(dir, "sounds"));
        File.WriteAllText(Path.Combine(dir, "sounds", "a.yaml"), "tone: {osc: {freq: 440, duration: 0.2}}\n");
        using (var play = WavesProcess.Start(dir, server.Environment, "play", "tone", "--output", "null", "--no-ui"))
            Assert.True(play.Wait(TimeSpan.FromSeconds(60)) == 0, play.ToString());

        var text = Doctor(server.Environment);

        Assert.Matches(@"journal  \.waves/journal\.db: 1 sessions, \d+ kB, last \S+ \(tone\)", text);
    }

    [RequiresProgramsFact("pulseaudio")]
    public void Doctor_WithNoServerAndNoDevice_SaysWhyAndThatPlayUsesNull()
    {
        File.WriteAllText(Path.Combine(dir, "empty-asound.conf"), "");
        var nowhere = new Dictionary<string, string>
        {
            ["PULSE_SERVER"] = $"unix:{Path.Combine(dir, "no-server", "native")}",
            ["PULSE_RUNTIME_PATH"] = Path.Combine(dir, "no-server"),
            ["JACK_DEFAULT_SERVER"] = $"waves-test-nowhere-{Guid.NewGuid():N}",
            ["JACK_NO_START_SERVER"] = "1",
            ["ALSA_CONFIG_PATH"] = Path.Combine(dir, "empty-asound.conf"),
        };

        var text = Doctor(nowhere);

        Assert.Contains("audio    pulse: unavailable: cannot connect to a PulseAudio server", text);
        Assert.Contains("jack: unavailable: no JACK server", text);
        Assert.Contains("alsa: unavailable: ", text);
        Assert.Contains("play uses: null (no audio device works here)", text);
        Assert.Contains("midi     JACK MIDI: unavailable: no JACK server", text);
        Assert.Contains("sounds   sounds: not found", text);
    }
}

/// <summary><c>waves doctor</c> against the test JACK server (dummy driver): JACK audio and MIDI reachable.</summary>
[Collection("jack")]
public sealed class DoctorJackTests(JackServer server, ITestOutputHelper output)
{
    [RequiresProgramsFact("jackd", "jack_wait")]
    public void Doctor_WithAJackServer_SaysJackAndJackMidiWork()
    {
        using var doctor = WavesProcess.Start(Path.GetTempPath(), server.Environment, "doctor");
        Assert.True(doctor.Wait(TimeSpan.FromSeconds(60)) == 0, doctor.ToString());
        output.WriteLine(doctor.ToString());

        Assert.Contains("jack: works (jack", doctor.Out);
        Assert.Matches(@"midi     JACK MIDI: reachable, \d+ MIDI ports", doctor.Out);
    }
}
