using System.Diagnostics;
using System.Text.RegularExpressions;
using Waves.Engine.Tests.Support;
using Waves.Journal.Events;
using Waves.Journal.Storage;
using Xunit.Abstractions;

namespace Waves.Engine.Tests.Playback;

/// <summary>
/// <c>waves play</c> in a real terminal: tmux runs it in a detached 120×40 window, the test reads
/// the screen with <c>capture-pane</c>, saves the sound file and presses keys with <c>send-keys</c>,
/// then reads the journal the session wrote. Each test has a tmux server of its own (its own
/// socket), so parallel runs never share a window.
/// </summary>
public sealed class TerminalViewTests : IDisposable
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    readonly string dir = Directory.CreateTempSubdirectory("waves-tmux-").FullName;
    readonly string socket = $"waves-{Environment.ProcessId}-{Guid.NewGuid():N}"[..24];
    readonly ITestOutputHelper output;
    string lastScreen = "";

    public TerminalViewTests(ITestOutputHelper output)
    {
        this.output = output;
        Directory.CreateDirectory(Path.Combine(dir, "sounds"));
    }

    public void Dispose()
    {
        Tmux("kill-server");
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
    }

    /// <summary>A monitored sine in a track whose pitch is a context variable (line 4), and a bass track.</summary>
    static string Tone(string freq) => """
        tone:
          mix:
            lead:
              context: {pitch: 220, signal: {osc: {freq: FREQ, amp: 0.5, monitor: true}}}
            bass: {osc: {type: saw, freq: 55, amp: 0.2}}

        """.Replace("FREQ", freq, StringComparison.Ordinal);

    void Save(string yaml) => File.WriteAllText(Path.Combine(dir, "sounds", "x.yaml"), yaml);

    [RequiresProgramsFact("tmux")]
    public void TerminalView_InTmux_ShowsLevelsReloadsErrorsAndPause_AndTheSessionIsJournaled()
    {
        Save(Tone("pitch"));
        var dll = Path.Combine(AppContext.BaseDirectory, "waves.dll");
        var command = $"dotnet '{dll}' play tone --output null --journal j.db --sounds sounds; echo \"waves exited $?\"; sleep 600";
        Tmux("new-session", "-d", "-x", "120", "-y", "40", "-s", "waves", "-c", dir, command);

        var screen = WaitForScreen(s => s.Contains("revision 1") && s.Contains("── levels") && s.Contains("  mix ")
            && s.Contains("lead") && s.Contains("── monitors") && s.Contains("tone/mix/lead/context/signal/osc"));
        Assert.Contains("▶ playing", screen);
        Assert.Matches(@"lead .*▕█", screen);                     // the track's meter shows a level

        Save(Tone("pitch *"));
        screen = WaitForScreen(s => s.Contains("reload rejected"));
        var error = Regex.Match(screen, @"sounds/x\.yaml:4:(\d+): error");
        Assert.True(error.Success, screen);
        Assert.InRange(int.Parse(error.Groups[1].Value), Tone("pitch *").Split('\n')[3].IndexOf("pitch *", StringComparison.Ordinal) + 1, 80);
        Assert.Contains("still playing revision 1", screen);

        Save(Tone("pitch * 1.5"));
        screen = WaitForScreen(s => s.Contains("revision 2") && !s.Contains("✗ reload rejected"));

        Tmux("send-keys", "-t", "waves", "Space");
        WaitForScreen(s => s.Contains("PAUSED"));

        Tmux("send-keys", "-t", "waves", "q");
        // Back on the normal screen: the log of the session, then the shell's echo of the exit code.
        screen = WaitForScreen(s => s.Contains("waves exited"));
        Assert.Contains("waves exited 0", screen);
        Assert.Contains("(stopped), revision 2", screen);
        Assert.Contains("replay it with: waves replay", screen);

        using var journal = new LiteDbJournal(Path.Combine(dir, "j.db"));
        var events = journal.Read(journal.Sessions()[^1].Id);
        Assert.Single(events, e => e.Event is ReloadRejected);
        Assert.Contains(events, e => e.Event is ReloadApplied { Revision: 2 });
        Assert.Single(events, e => e.Event is Paused);
        Assert.Equal("stopped", Assert.IsType<SessionEnded>(events[^1].Event).Reason);
    }

    string WaitForScreen(Func<string, bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Patience)
        {
            lastScreen = Tmux("capture-pane", "-p", "-t", "waves");
            if (condition(lastScreen)) return lastScreen;
            Thread.Sleep(100);
        }
        output.WriteLine(lastScreen);
        Assert.Fail($"the screen did not show what was expected within {Patience}:\n{lastScreen}");
        return "";
    }

    string Tmux(params string[] args)
    {
        var info = new ProcessStartInfo("tmux")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-L");
        info.ArgumentList.Add(socket);
        foreach (var a in args) info.ArgumentList.Add(a);
        // tmux wants to know the terminal type even for a detached session (CI has none).
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("TERM"))) info.Environment["TERM"] = "xterm-256color";
        using var p = Process.Start(info)!;
        var text = p.StandardOutput.ReadToEndAsync();
        var errors = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(10_000)) p.Kill();
        p.WaitForExit();
        if (args[0] != "kill-server" && p.ExitCode != 0) Assert.Fail($"tmux {string.Join(' ', args)} failed: {errors.Result}\n{lastScreen}");
        return text.Result;
    }
}
