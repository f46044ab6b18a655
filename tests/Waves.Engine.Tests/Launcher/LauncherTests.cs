using Waves.Engine.Tests.Support;
using System.Diagnostics;

namespace Waves.Engine.Tests.Launcher;

/// <summary>
/// The <c>./waves</c> launcher on a fresh copy of the sources: two launches at once build once
/// and both run; an unchanged tree is not rebuilt; a changed source is. The program it builds
/// (natively compiled where a C compiler is installed, as in CI) renders the bits this build renders
/// in process, and journals a session that replays to its recording.
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
        BuiltProgram_IsNativeWhereACompilerIs_RendersTheseBits_AndReplaysItsSession();
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

    void BuiltProgram_IsNativeWhereACompilerIs_RendersTheseBits_AndReplaysItsSession()
    {
        var program = File.ReadAllText(Path.Combine(dir, ".build", "program")).Trim();
        var compiler = new[] { "clang", "gcc" }.Any(Programs.Exists);
        Assert.True(!compiler || !program.EndsWith(".dll", StringComparison.Ordinal), $"built {program} although a C compiler is installed");

        // A render through the built program: the same samples as this build renders in process.
        var (code, output) = Finish(Start("render pluck -o pluck.wav --duration 1"));
        Assert.True(code == 0, output);
        var library = Engine.Patching.SoundLibrary.Load(Path.Combine(dir, "sounds"));
        var patch = Engine.Rendering.PatchCompiler.Compile(library, "pluck", new Engine.Rendering.RenderSettings()).Patch!;
        var expected = Engine.Rendering.OfflineRender.ToArrays(patch, 44100);
        var rendered = Engine.Audio.WavReader.Read(Path.Combine(dir, "pluck.wav"));
        Assert.Equal(expected.Left, rendered.Channels[0]);

        // A played session is journaled, and its replay is its recording, bit for bit.
        (code, output) = Finish(Start("play demo --duration 3 --record played.wav"));
        Assert.True(code == 0, output);
        (code, output) = Finish(Start("replay last -o replayed.wav"));
        Assert.True(code == 0, output);
        var played = Engine.Audio.WavReader.Read(Path.Combine(dir, "played.wav"));
        var replayed = Engine.Audio.WavReader.Read(Path.Combine(dir, "replayed.wav"));
        Assert.Equal(3 * 44100, played.Channels[0].Length);
        Assert.Equal(played.Channels[0], replayed.Channels[0]);
        Assert.Equal(played.Channels[1], replayed.Channels[1]);
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
