using System.Text.RegularExpressions;

namespace Waves.Engine.Tests.Cli;

/// <summary><c>waves bench reload</c> end to end: the real file watcher, its settle preview and window on
/// the timer thread, the compile made during the window, and a clock-paced render thread.</summary>
[Collection("cli")]
public sealed class BenchReloadTests
{
    [Fact]
    public void BenchReload_HearsEverySave_AndCompilesThemDuringTheWindow()
    {
        var r = CliRun.Run("bench", "reload", "--saves", "6");

        Assert.True(r.Exit == 0, r.ToString());
        Assert.Matches(@"reload latency \(6 saves, 200-node patch\)", r.Out);
        Assert.Contains("0 missed, 0 extra reloads, 0 rejected", r.Out);
        // 3 warm-up saves and 6 measured ones; a save split by a busy machine may miss its preview.
        var ahead = Regex.Match(r.Out, @"done ahead for (\d+) of (\d+) saves");
        Assert.True(ahead.Success, r.ToString());
        Assert.Equal(9, int.Parse(ahead.Groups[2].Value));
        Assert.InRange(int.Parse(ahead.Groups[1].Value), 5, 9);
    }
}
