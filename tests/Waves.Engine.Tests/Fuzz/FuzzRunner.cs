using System.Text.RegularExpressions;
using Waves.Engine.Patching;
using Waves.Engine.Rendering;

namespace Waves.Engine.Tests.Fuzz;

/// <summary>Something wrong found by a case. <see cref="Category"/> groups findings that are
/// (probably) the same bug: the check, the stage and a normalised message or top stack frame.</summary>
public sealed record Finding(string Category, string Detail);

public sealed class CaseReport
{
    public List<Finding> Findings { get; } = [];

    /// <summary>Exceptions contained while rendering (<see cref="SignalTree.Faults"/>): not a crash,
    /// but counted and reported.</summary>
    public List<string> Faults { get; } = [];

    public int Sounds { get; set; }
    public int Compiled { get; set; }
    public int Rendered { get; set; }
}

/// <summary>
/// Runs a case the way a host does: load the library, then for every sound (at most
/// <see cref="MaxSounds"/>) compile it and, if it compiles, render <see cref="Frames"/> frames in
/// blocks of 256. Nothing may throw; every problem must carry a position in the fuzzed file and a
/// message; the output must be finite.
/// </summary>
public static partial class FuzzRunner
{
    public const int MaxSounds = 20;

    /// <summary>0.05 s at 44.1 kHz.</summary>
    public const int Frames = 2205;

    public static readonly RenderSettings Settings = new(44100, 256, 1);

    public static CaseReport Run(FuzzCase c)
    {
        var report = new CaseReport();
        var lines = YamlLines(c.Text);
        SoundLibrary library;
        try
        {
            library = SoundLibrary.FromTexts([new SoundLibrary.SourceFile(FuzzCase.FilePath, c.Text)]);
        }
        catch (Exception e)
        {
            report.Findings.Add(Thrown("load", "", e));
            return report;
        }
        CheckProblems(library.Problems, "load", "", lines, report);

        var names = library.Sounds.Keys.ToList();
        if (names.Count > MaxSounds)
        {
            var pick = new Random(c.Seed ^ 0x2545F491);
            names = [.. names.OrderBy(_ => pick.Next()).Take(MaxSounds)];
        }
        report.Sounds = names.Count;
        foreach (var name in names)
        {
            CompileResult result;
            try
            {
                result = PatchCompiler.Compile(library, name, Settings);
            }
            catch (Exception e)
            {
                report.Findings.Add(Thrown("compile", name, e));
                continue;
            }
            CheckProblems(result.Problems, "compile", name, lines, report);
            if (!result.Ok)
            {
                if (!result.Problems.Any(p => p.IsError))
                    report.Findings.Add(new("compile failed without reporting an error", $"sound '{name}'"));
                continue;
            }
            report.Compiled++;
            var patch = result.Patch!;
            RenderedAudio audio;
            try
            {
                audio = OfflineRender.ToArrays(patch, Frames);
            }
            catch (Exception e)
            {
                report.Findings.Add(Thrown("render", name, e));
                continue;
            }
            report.Rendered++;
            CheckAudio(audio, name, report);
            try
            {
                foreach (var fault in patch.Root.Faults()) report.Faults.Add($"sound '{name}': {fault}");
            }
            catch (Exception e)
            {
                report.Findings.Add(Thrown("listing faults", name, e));
            }
        }
        return report;
    }

    static void CheckAudio(RenderedAudio audio, string sound, CaseReport report)
    {
        if (audio.Frames > Frames)
            report.Findings.Add(new("render produced more frames than asked", $"sound '{sound}': {audio.Frames} frames"));
        for (var ch = 0; ch < audio.Channels.Length; ch++)
        {
            var samples = audio.Channels[ch];
            for (var i = 0; i < samples.Length; i++)
                if (!float.IsFinite(samples[i]))
                {
                    report.Findings.Add(new("non-finite sample in the rendered output",
                        $"sound '{sound}': channel {ch}, frame {i} is {samples[i]}"));
                    return;
                }
        }
    }

    static void CheckProblems(IReadOnlyList<Problem> problems, string stage, string sound, IReadOnlyList<int> lines, CaseReport report)
    {
        var where = sound.Length == 0 ? stage : $"{stage} of '{sound}'";
        foreach (var p in problems)
        {
            var kind = p.Pos.File != FuzzCase.FilePath ? "problem in another file than the one loaded"
                : p.Pos.Line < 1 || p.Pos.Column < 1 ? "problem without a position (line or column below 1)"
                : p.Pos.Line > lines.Count ? "problem after the last line of the file"
                : p.Pos.Column > lines[p.Pos.Line - 1] + 1 ? "problem after the end of its line"
                : string.IsNullOrWhiteSpace(p.Message) ? "problem without a message"
                : null;
            if (kind is not null)
                report.Findings.Add(new($"{kind} ({stage}): {Normalize(p.Message)}", $"{where}: {p}"));
        }
    }

    static Finding Thrown(string stage, string sound, Exception e)
    {
        var where = sound.Length == 0 ? stage : $"{stage} of '{sound}'";
        var text = e.ToString();
        return new($"exception escaped {stage}: {e.GetType().FullName} at {TopFrame(e)}",
            $"{where}: {(text.Length > 4000 ? text[..4000] + " …" : text)}");
    }

    /// <summary>The first frame of the engine's own code (the throwing BCL frame says little).</summary>
    static string TopFrame(Exception e)
    {
        var frames = (e.StackTrace ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("at ", StringComparison.Ordinal))
            .Select(l => l[3..]).ToList();
        var frame = frames.FirstOrDefault(f => f.Contains("Waves.Engine", StringComparison.Ordinal)) ?? frames.FirstOrDefault() ?? "?";
        var cut = frame.IndexOf(" in ", StringComparison.Ordinal);
        return cut > 0 ? frame[..cut] : frame;
    }

    /// <summary>A message with its quoted parts and numbers blanked, for grouping.</summary>
    static string Normalize(string message)
    {
        var m = Quoted().Replace(message, "'…'");
        m = Digits().Replace(m, "N");
        return m.Length > 100 ? m[..100] + "…" : m;
    }

    [GeneratedRegex(@"'[^']*'")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\d+(\.\d+)?")]
    private static partial Regex Digits();

    /// <summary>The length of every line as YAML counts lines: \r\n, \r, \n and the Unicode line
    /// breaks NEL, LS and PS all end one. A position may be one column after the end of a line (the
    /// end of the text is on the line after the last break).</summary>
    public static IReadOnlyList<int> YamlLines(string text)
    {
        var lengths = new List<int>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (ch is not ('\r' or '\n' or '\u0085' or '\u2028' or '\u2029')) continue;
            lengths.Add(i - start);
            if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            start = i + 1;
        }
        lengths.Add(text.Length - start);
        return lengths;
    }
}
