using Waves.Engine.Tests.Support;
using System.Diagnostics;

namespace Waves.Engine.Tests.Launcher;

/// <summary>
/// The <c>./waves</c> launcher on a fresh copy of the sources: two launches at once build once
/// and both run; an unchanged tree is not rebuilt; a changed source is.
/// </summary>
public sealed class LauncherTests : IDisposable
{
    readonly string dir = Path.Combine(Path.GetTempPath(), "waves-launcher-" + Guid.NewGuid().ToString("N"));

    public LauncherTests()
    {
        var repo = RepoPaths.Root;
        Directory.CreateDirectory(dir);
        foreach (var f in new[] { "waves", "Directory.Build.props", "Directory.Packages.props" })
            File.Copy(Path.Combine(repo, f), Path.Combine(dir, f));
        CopyTree(Path.Combine(repo, "src"), Path.Combine(dir, "src"));
        CopyTree(Path.Combine(repo, "sounds"), Path.Combine(dir, "sounds"));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(Path.Combine(dir, "waves"), (UnixFileMode)Convert.ToInt32("755", 8));
    }

    public void Dispose()
    {
        try { Directory.Delete(dir, true); } catch (IOException) { }
    }

    [Fact]
    public void TwoLaunchesOnAFreshCopy_BuildOnce_AndAnUnchangedTreeIsNotRebuilt()
    {
        var a = Start("list");
        var b = Start("list");
        var (codeA, outA) = Finish(a);
        var (codeB, outB) = Finish(b);
        Assert.True(codeA == 0, outA);
        Assert.True(codeB == 0, outB);
        Assert.Contains("demo", outA);
        Assert.Contains("demo", outB);

        var stamp = Path.Combine(dir, ".build", "stamp");
        var built = File.GetLastWriteTimeUtc(stamp);
        var (code, output) = Finish(Start("list"));
        Assert.Equal(0, code);
        Assert.Contains("demo", output);
        Assert.Equal(built, File.GetLastWriteTimeUtc(stamp));

        // A changed source is rebuilt before running.
        var cli = Path.Combine(dir, "src", "Waves.Console", "Cli.cs");
        File.SetLastWriteTimeUtc(cli, DateTime.UtcNow.AddSeconds(5));
        (code, output) = Finish(Start("list"));
        Assert.True(code == 0, output);
        Assert.True(File.GetLastWriteTimeUtc(stamp) > built);
    }

    Process Start(string args)
    {
        var psi = new ProcessStartInfo(Path.Combine(dir, "waves"), args)
        {
            WorkingDirectory = dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        return Process.Start(psi)!;
    }

    static (int Code, string Output) Finish(Process p)
    {
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(4))) { p.Kill(true); return (-1, "timed out"); }
        p.WaitForExit();
        return (p.ExitCode, stdout.GetAwaiter().GetResult() + stderr.GetAwaiter().GetResult());
    }

    static void CopyTree(string from, string to)
    {
        foreach (var d in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(from, d);
            if (rel.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj")) continue;
            Directory.CreateDirectory(Path.Combine(to, rel));
        }
        Directory.CreateDirectory(to);
        foreach (var f in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(from, f);
            if (rel.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj")) continue;
            File.Copy(f, Path.Combine(to, rel));
        }
    }
}
