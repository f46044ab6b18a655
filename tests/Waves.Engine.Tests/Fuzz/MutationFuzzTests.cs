using System.Diagnostics;
using System.Text;
using Xunit.Abstractions;

namespace Waves.Engine.Tests.Fuzz;

/// <summary>
/// Mutation fuzzing of sound files: 10,000 mutated library files (corpus files and the demo with
/// bytes, lines and values changed, indentation broken, huge numbers, NaN, deep nesting …) go
/// through load, compile and a 0.05 s render of every sound. Never an unhandled exception or a hang
/// (a case over <see cref="HangLimit"/>), every problem with a position in the file and a message,
/// and only finite samples.
/// </summary>
/// <remarks>
/// Cases are numbered 0 … 9,999 in <see cref="Partitions"/> partitions; a case is rebuilt from its
/// number alone (<see cref="FuzzCase.Build"/>). A failure lists each distinct finding once with the
/// first case that showed it (number, Random seed, mutations and text) and writes the texts to
/// <c>$TMP/waves-fuzz/</c>. To rerun cases: <c>WAVES_FUZZ_CASES=123,456 dotnet test --filter
/// FullyQualifiedName~MutationFuzzReproduce</c>. The partitions are split over two test classes
/// because xunit runs the rows of one class one after another, and classes in parallel.
/// </remarks>
public abstract class MutationFuzzTestBase(ITestOutputHelper output)
{
    public const int Partitions = 10;
    public const int CasesPerPartition = 1000;
    public static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(5);

    /// <summary>Findings shown in full (with the case's text) in a failure message.</summary>
    const int DetailedFindings = 6;

    protected void RunPartition(int partition)
    {
        var watch = Stopwatch.StartNew();
        var findings = new Dictionary<string, List<(FuzzCase Case, Finding Finding)>>();
        var faults = new Dictionary<string, (int Count, int FirstCase)>();
        int cases = 0, sounds = 0, compiled = 0, rendered = 0, faultCount = 0;
        var slowest = (Index: -1, Ms: 0L);
        for (var i = 0; i < CasesPerPartition; i++)
        {
            var c = FuzzCase.Build(partition * CasesPerPartition + i);
            var caseWatch = Stopwatch.StartNew();
            // On a worker thread, so that a case that never returns is caught rather than waited for.
            var task = Task.Run(() => FuzzRunner.Run(c));
            if (!task.Wait(HangLimit))
            {
                Add(findings, c, new Finding($"hang: a case ran for more than {HangLimit.TotalSeconds} s",
                    "the partition stopped here (the stuck thread goes on running)"));
                break;
            }
            cases++;
            if (caseWatch.ElapsedMilliseconds > slowest.Ms) slowest = (c.Index, caseWatch.ElapsedMilliseconds);
            var r = task.Result;
            sounds += r.Sounds;
            compiled += r.Compiled;
            rendered += r.Rendered;
            faultCount += r.Faults.Count;
            foreach (var f in r.Faults)
            {
                var key = FaultKind(f);
                faults[key] = faults.TryGetValue(key, out var seen) ? (seen.Count + 1, seen.FirstCase) : (1, c.Index);
            }
            foreach (var f in r.Findings) Add(findings, c, f);
        }

        output.WriteLine($"partition {partition}: {cases} cases, {sounds} sounds compiled ({compiled} ok, {rendered} rendered) in {watch.Elapsed.TotalSeconds:F1} s; " +
                         $"slowest case #{slowest.Index}: {slowest.Ms} ms");
        output.WriteLine($"{faultCount} faults contained while rendering{(faults.Count == 0 ? "" : ":")}");
        foreach (var (kind, (n, first)) in faults.OrderByDescending(f => f.Value.Count).Take(10))
            output.WriteLine($"  {n} × {kind} (first in case #{first})");
        if (findings.Count > 0)
            Assert.Fail(Describe(partition, findings));
    }

    static void Add(Dictionary<string, List<(FuzzCase, Finding)>> findings, FuzzCase c, Finding f)
    {
        if (!findings.TryGetValue(f.Category, out var list)) findings[f.Category] = list = [];
        if (list.Count == 0 || list[^1].Item1.Index != c.Index) list.Add((c, f));
    }

    /// <summary>A fault line without its position and numbers, to count faults by kind.</summary>
    static string FaultKind(string fault)
    {
        var i = fault.IndexOf(": ", fault.IndexOf("yaml:", StringComparison.Ordinal) + 1, StringComparison.Ordinal);
        return i < 0 ? fault : fault[(i + 2)..];
    }

    static string Describe(int partition, Dictionary<string, List<(FuzzCase Case, Finding Finding)>> findings)
    {
        var dir = Path.Combine(Path.GetTempPath(), "waves-fuzz");
        Directory.CreateDirectory(dir);
        var sb = new StringBuilder();
        sb.AppendLine($"partition {partition}: {findings.Count} distinct findings in {findings.Values.Sum(l => l.Count)} cases");
        var n = 0;
        foreach (var (category, list) in findings.OrderByDescending(f => f.Value.Count))
        {
            var (c, f) = list[0];
            var file = Path.Combine(dir, $"case-{c.Index}.yaml");
            File.WriteAllText(file, c.Text);
            sb.AppendLine();
            sb.AppendLine($"[{list.Count} cases] {category}");
            sb.AppendLine($"  first: {c}");
            sb.AppendLine($"  {f.Detail.Replace("\n", "\n  ")}");
            if (list.Count > 1) sb.AppendLine($"  also cases {string.Join(", ", list.Skip(1).Take(12).Select(x => x.Case.Index))}{(list.Count > 13 ? " …" : "")}");
            sb.AppendLine($"  text: {file}");
            if (n++ < DetailedFindings)
            {
                var text = c.Text.Length <= 6000 ? c.Text : c.Text[..6000] + $"\n… ({c.Text.Length} chars; the whole text is in the file above)";
                sb.AppendLine("  ----8<----");
                sb.AppendLine(text);
                sb.AppendLine("  ---->8----");
            }
        }
        return sb.ToString();
    }
}

public sealed class MutationFuzzTests(ITestOutputHelper output) : MutationFuzzTestBase(output)
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void MutatedLibrary_LoadsCompilesAndRendersWithoutCrashOrHang(int partition) => RunPartition(partition);
}

public sealed class MutationFuzzTestsSecondHalf(ITestOutputHelper output) : MutationFuzzTestBase(output)
{
    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    public void MutatedLibrary_LoadsCompilesAndRendersWithoutCrashOrHang(int partition) => RunPartition(partition);
}

/// <summary>Reruns the cases named in <c>WAVES_FUZZ_CASES</c> (comma-separated numbers) and prints
/// their text and findings; passes without doing anything when the variable is not set.</summary>
public sealed class MutationFuzzReproduce(ITestOutputHelper output)
{
    [Fact]
    public void Cases_FromEnvironment()
    {
        var spec = Environment.GetEnvironmentVariable("WAVES_FUZZ_CASES");
        if (string.IsNullOrWhiteSpace(spec)) return;
        foreach (var part in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var c = FuzzCase.Build(int.Parse(part, System.Globalization.CultureInfo.InvariantCulture));
            output.WriteLine(c.ToString());
            output.WriteLine(c.Text);
            var r = FuzzRunner.Run(c);
            foreach (var f in r.Findings) output.WriteLine($"FINDING {f.Category}\n  {f.Detail}");
            foreach (var f in r.Faults) output.WriteLine($"FAULT {f}");
        }
    }
}
