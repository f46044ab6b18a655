using System.Diagnostics;

namespace Waves.Console.Bench;

/// <summary>
/// <c>waves bench peers</c>: runs the peer kit (../shared/bench-peers/run.sh: scsynth, Pd, Csound,
/// Faust … whichever are installed) with its <c>WAVES_CMD</c> hook set to this very program, so
/// that Waves renders patches A and B (bench/sounds) in the same session and under the same timer
/// as the peers. The kit's table goes to standard output.
/// </summary>
static class PeerRun
{
    /// <summary>The command the kit times: the real program (not the launcher, whose up-to-date check
    /// is not rendering), natively compiled or run by dotnet, 16-bit output like the peers'.</summary>
    public static string WavesCommand()
    {
        var process = Environment.ProcessPath ?? "dotnet";
        var program = Path.GetFileNameWithoutExtension(process) == "dotnet"
            ? $"dotnet {Quote(Path.Combine(AppContext.BaseDirectory, "waves.dll"))}"
            : Quote(process);
        return $"{program} render {{sound}} --sounds {{dir}} -o {{out}} --duration {{seconds}} --format s16";
    }

    static string Quote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    public static int Run(string root, string? kit, double seconds, int runs, string? engines, string? outDir)
    {
        var script = Path.Combine(kit ?? Path.Combine(root, "..", "shared", "bench-peers"), "run.sh");
        if (!File.Exists(script))
        {
            System.Console.Error.WriteLine($"waves: the peer kit is not at {script} (give its folder with --kit)");
            return 1;
        }
        var psi = new ProcessStartInfo("bash", [script, seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            WorkingDirectory = root,
            UseShellExecute = false,
        };
        if (outDir is not null) psi.ArgumentList.Add(Path.GetFullPath(outDir));
        psi.Environment["WAVES_CMD"] = WavesCommand();
        psi.Environment["WAVES_SOUNDS"] = Path.Combine(root, "bench", "sounds");
        psi.Environment["RUNS"] = runs.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (engines is not null) psi.Environment["ENGINES"] = engines;
        System.Console.Error.WriteLine($"waves: WAVES_CMD={psi.Environment["WAVES_CMD"]}");
        using var process = Process.Start(psi)!;
        process.WaitForExit();
        return process.ExitCode;
    }
}
