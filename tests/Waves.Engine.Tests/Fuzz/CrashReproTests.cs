using System.Diagnostics;
using System.Text;

namespace Waves.Engine.Tests.Fuzz;

/// <summary>
/// Inputs that end the process rather than throw — a stack overflow, or memory and time exhausted by
/// exponential expansion — cannot be fuzzed in the test process: one such case would take every other
/// test down with it. Each is run here by the <c>waves</c> command in a child process (killed after
/// <see cref="Limit"/>; the heap capped at 768 MB for the exponential ones, so that they fail fast
/// instead of taking the machine's memory), which must exit normally (0, or 1 with the problems
/// printed) instead of crashing or hanging.
/// </summary>
/// <remarks>
/// The sizes are well past what a thread of the default 1.5 MB stack survives (where <c>waves play</c>
/// loads, compiles and renders, and where <c>waves render</c> renders), and the YAML depth also past
/// the 8 MB main thread where <c>waves check</c> reads the files.
/// </remarks>
public sealed class CrashReproTests
{
    static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public static TheoryData<string> Inputs() => [.. Cases.Keys];

    static readonly Dictionary<string, (Func<string> Yaml, string[] Args, bool CapHeap)> Cases = new()
    {
        // YamlReader.ReadNode recurses once per level: 7,000 levels overflow a 1.5 MB stack.
        ["yaml nested 100000 levels"] = (
            () => "s:\n  osc:\n    freq: " + Repeat("{a: ", 100_000) + "1" + new string('}', 100_000) + "\n",
            ["check", "--sounds", "sounds"], false),
        // A comparison chain is one level for the parser's and compiler's depth limits, but a
        // nested evaluator per comparison: evaluation recurses once per '<'.
        ["comparison chain of 200000"] = (
            () => "s:\n  osc:\n    freq: " + string.Join("<", Enumerable.Repeat("t", 200_001)) + "\n",
            ["render", "s", "--sounds", "sounds", "-o", "out.wav", "--duration", "0.01"], false),
        // max/min of many arguments nest one evaluator per argument in the same way.
        ["max of 200000 arguments"] = (
            () => "s:\n  osc:\n    freq: max(" + string.Join(", ", Enumerable.Repeat("t", 200_000)) + ")\n",
            ["render", "s", "--sounds", "sounds", "-o", "out.wav", "--duration", "0.01"], false),
        // Aliases are shared when read but copied when built: 10 uses per level, 7 levels = 10^7 nodes from 700 bytes.
        ["alias fan-out 10^7"] = (() => AliasFanOut(10, 7), ["check", "--sounds", "sounds"], true),
        // The same with sub-patches: each sound uses the one below it 10 times.
        ["sub-patch fan-out 10^7"] = (() => SubPatchFanOut(10, 7), ["check", "--sounds", "sounds"], true),
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Input_EndsWithProblemsOrSound_NotCrashOrHang(string input)
    {
        var (yaml, args, capHeap) = Cases[input];
        var r = RunWaves(yaml(), args, capHeap);
        var shown = r.Output.Length > 3000 ? r.Output[..3000] + " …" : r.Output;
        Assert.False(r.Exit is null, $"{input}: 'waves {string.Join(' ', args)}' still running after {Limit.TotalSeconds} s (killed)\n{shown}");
        Assert.True(r.Exit is 0 or 1 && !r.Output.Contains("Stack overflow", StringComparison.Ordinal) &&
                    !r.Output.Contains("Unhandled exception", StringComparison.Ordinal),
            $"{input}: 'waves {string.Join(' ', args)}' ended with exit code {r.Exit} after {r.Elapsed.TotalSeconds:F1} s\n{shown}");
        if (r.Exit == 1)
            Assert.Matches(@"sounds/x\.yaml:\d+:\d+: error: ", r.Output);
    }

    static string Repeat(string s, int n) => new StringBuilder(s.Length * n).Insert(0, s, n).ToString();

    static string AliasFanOut(int width, int depth)
    {
        var sb = new StringBuilder("vars:\n  n0: &n0 {osc: {freq: 1}}\n");
        for (var k = 1; k < depth; k++)
            sb.Append($"  n{k}: &n{k} {{mix: {{{string.Join(", ", Enumerable.Range(0, width).Select(j => $"t{j}: *n{k - 1}"))}}}}}\n");
        sb.Append($"s: *n{depth - 1}\n");
        return sb.ToString();
    }

    static string SubPatchFanOut(int width, int depth)
    {
        var sb = new StringBuilder("n0: {osc: {freq: 1}}\n");
        for (var k = 1; k < depth; k++)
            sb.Append($"n{k}: {{mix: {{{string.Join(", ", Enumerable.Range(0, width).Select(j => $"t{j}: {{n{k - 1}: {{}}}}"))}}}}}\n");
        return sb.ToString();
    }

    sealed record Run(int? Exit, string Output, TimeSpan Elapsed);

    /// <summary>Runs the <c>waves</c> command (from the test's output folder) in a temporary folder
    /// holding <c>sounds/x.yaml</c>; <see cref="Run.Exit"/> is null when it was killed.</summary>
    static Run RunWaves(string yaml, string[] args, bool capHeap)
    {
        var dir = Directory.CreateTempSubdirectory("waves-crash-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "sounds"));
            File.WriteAllText(Path.Combine(dir, "sounds", "x.yaml"), yaml);
            var psi = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
            {
                WorkingDirectory = dir,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "waves.dll"));
            foreach (var a in args) psi.ArgumentList.Add(a);
            if (capHeap) psi.Environment["DOTNET_GCHeapHardLimit"] = "0x30000000";
            psi.Environment["DOTNET_DbgEnableMiniDump"] = "0";
            psi.Environment["DOTNET_EnableCrashReport"] = "0";
            var watch = Stopwatch.StartNew();
            using var p = Process.Start(psi)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            int? exit = null;
            if (p.WaitForExit(Limit)) exit = p.ExitCode;
            else
            {
                p.Kill(entireProcessTree: true);
                p.WaitForExit();
            }
            var output = stdout.GetAwaiter().GetResult() + stderr.GetAwaiter().GetResult();
            return new Run(exit, output, watch.Elapsed);
        }
        finally
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }
}
