using System.Text.RegularExpressions;
using Waves.Engine.Nodes;
using Waves.Engine.Tests.Support;
using static Waves.Engine.Tests.Cli.CliRun;

namespace Waves.Engine.Tests.Cli;

/// <summary>The documentation: the reference is the registry's, and every <c>./waves …</c> command
/// shown in README.md and docs/*.md names a real command with real options; the cheap ones are run.</summary>
[Collection("cli")]
public sealed partial class DocsTests
{
    /// <summary>Commands that are run (in a temporary copy of the default library); the others
    /// play in real time or need a journal, and are checked against the usage only.</summary>
    static readonly HashSet<string> Cheap = ["render", "check", "list", "nodes", "new", "plot", "schema"];

    /// <summary>Sounds the docs name that are not in the default library, and what they stand for.</summary>
    static readonly Dictionary<string, string> OtherLibraries = new()
    {
        ["kick_tom"] = "a sound of the original's library (../shared/corpus)",
        ["midi-synth"] = "a user's sound with a midi_in node, played from a MIDI file",
    };

    static string Root => RepoPaths.Root;

    static IEnumerable<string> DocFiles() =>
        [Path.Combine(Root, "README.md"), .. Directory.GetFiles(Path.Combine(Root, "docs"), "*.md").Order(StringComparer.Ordinal)];

    [Fact]
    public void Reference_RegeneratedFromRegistry_EqualsDocsReference()
    {
        var path = Path.Combine(Root, "docs", "reference.md");
        Assert.True(File.Exists(path) && File.ReadAllText(path) == NodeMarkdown.Reference(),
            $"docs/reference.md is not what the node registry gives now; regenerate it with: {NodeMarkdown.RegenerateCommand}");
    }

    [Fact]
    public void Reference_NodesMarkdownCommand_PrintsTheReference()
    {
        var r = Run("nodes", "--markdown");

        Assert.Equal(0, r.Exit);
        Assert.Equal(NodeMarkdown.Reference(), r.Out);
        foreach (var info in NodeRegistry.Implemented.Values)
        {
            Assert.Contains($"\n## {info.Key}\n", r.Out);
            foreach (var p in info.Params) Assert.Contains($"| `{p.Name}` |", r.Out);
        }
    }

    [Fact]
    public void Docs_Pages_ExistAndLinkFromTheReadme()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        foreach (var page in new[] { "reference.md", "getting-started.md", "live-performance.md", "journal-and-replay.md" })
        {
            Assert.True(File.Exists(Path.Combine(Root, "docs", page)), page);
            Assert.Contains($"docs/{page}", readme);
        }
    }

    /// <summary>Each <c>./waves …</c> line of a code block, and each inline <c>`./waves …`</c>, with
    /// its file; comments after <c>#</c> dropped.</summary>
    static List<(string File, string Command)> Commands()
    {
        var found = new List<(string, string)>();
        foreach (var file in DocFiles())
        {
            var text = File.ReadAllText(file);
            var inBlock = false;
            foreach (var line in text.Split('\n'))
            {
                if (line.TrimStart().StartsWith("```", StringComparison.Ordinal)) { inBlock = !inBlock; continue; }
                if (inBlock)
                {
                    var t = line.Trim();
                    if (t.StartsWith("./waves ", StringComparison.Ordinal)) found.Add((file, Comment().Replace(t, "").Trim()));
                }
                else
                    foreach (Match m in Inline().Matches(line)) found.Add((file, m.Groups[1].Value.Trim()));
            }
        }
        return found;
    }

    static string[] Words(string command) => command.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A usage line (<c>SOUND</c>, <c>[options]</c>, <c>S</c>) rather than an example to run.</summary>
    static bool IsUsage(string[] words) => words.Skip(1).Any(w => w.Contains('[') || w.Contains('|') || Placeholder().IsMatch(w));

    [Fact]
    public void Commands_InReadmeAndDocs_NameRealCommandsAndOptions()
    {
        var commands = Commands();
        Assert.True(commands.Count >= 30, $"only {commands.Count} commands found");
        var usage = Waves.Console.Cli.Usage;
        var problems = new List<string>();
        foreach (var (file, command) in commands)
        {
            var words = Words(command);
            if (words.Length < 2) { problems.Add($"{file}: '{command}' has no command"); continue; }
            if (!Regex.IsMatch(usage, $@"(?m)^\s+{Regex.Escape(words[1])}\b"))
                problems.Add($"{Path.GetFileName(file)}: '{command}': no command '{words[1]}' in waves --help");
            foreach (var w in words.Skip(2).Select(w => w.Trim('[', ']', '(', ')', ',')).TakeWhile(w => w != ">"))
                if (w.StartsWith('-') && w.Length > 1 && !char.IsDigit(w[1]) && !Regex.IsMatch(usage, $@"(?<![\w-]){Regex.Escape(w)}(?![\w-])"))
                    problems.Add($"{Path.GetFileName(file)}: '{command}': no option {w} in waves --help");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Commands_InReadmeAndDocs_CheapOnesRunInACopyOfTheDefaultLibrary()
    {
        using var folder = new CliFolder();
        foreach (var f in Directory.GetFiles(Path.Combine(Root, "sounds"), "*.yaml"))
            File.Copy(f, Path.Combine(Directory.CreateDirectory(Path.Combine(folder.Path, "sounds")).FullName, Path.GetFileName(f)));
        var library = Waves.Engine.Patching.SoundLibrary.Load("sounds");
        var ran = new List<string>();
        foreach (var (file, command) in Commands().DistinctBy(c => c.Command))
        {
            var words = Words(command);
            if (words.Length < 2 || !Cheap.Contains(words[1]) || IsUsage(words)) continue;
            if (words[1] is "render" or "plot" && !library.Sounds.ContainsKey(words[2]))
            {
                Assert.True(OtherLibraries.ContainsKey(words[2]), $"{Path.GetFileName(file)}: '{command}': no sound '{words[2]}' in sounds/");
                continue;
            }
            var redirect = Array.IndexOf(words, ">");
            var args = (redirect < 0 ? words[1..] : words[1..redirect]).Select(w => w.Trim('"')).ToArray();
            var r = Run(args);
            Assert.True(r.Exit == 0, $"{Path.GetFileName(file)}: '{command}'\n{r}");
            if (redirect >= 0)
            {
                var target = words[redirect + 1];
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
                File.WriteAllText(target, r.Out);
                Assert.True(r.Out.Length > 1000, $"'{command}' printed {r.Out.Length} characters");
            }
            ran.Add(command);
        }
        Assert.Contains(ran, c => c.StartsWith("./waves render demo", StringComparison.Ordinal));
        Assert.Contains(ran, c => c.StartsWith("./waves new ", StringComparison.Ordinal));
        Assert.Contains(ran, c => c.StartsWith("./waves plot ", StringComparison.Ordinal));
        Assert.True(File.Exists("output/demo.wav"));
    }

    [Fact]
    public void YamlExamples_InReadmeAndDocs_CompileWithoutErrors()
    {
        var checkedBlocks = 0;
        foreach (var file in DocFiles())
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                // A sound file, unless the text just before introduces the project's config file.
                if (lines[i].Trim() != "```yaml" || string.Join(" ", lines[Math.Max(0, i - 3)..i]).Contains("waves.config.yaml", StringComparison.Ordinal)) continue;
                var block = string.Join("\n", lines.Skip(i + 1).TakeWhile(l => l.Trim() != "```")) + "\n";
                var library = Waves.Engine.Patching.SoundLibrary.FromTexts([new($"{Path.GetFileName(file)}@{i + 2}", block)]);
                var problems = library.Problems.Concat(library.Sounds.Keys.SelectMany(name =>
                    Waves.Engine.Rendering.PatchCompiler.Compile(library, name, new Waves.Engine.Rendering.RenderSettings()).Problems)).Where(p => p.IsError).ToList();
                Assert.True(problems.Count == 0, string.Join("\n", problems));
                Assert.NotEmpty(library.Sounds);
                checkedBlocks++;
            }
        }
        Assert.True(checkedBlocks >= 2, $"{checkedBlocks} yaml examples");
    }

    [Fact]
    public void GettingStarted_ErrorExample_IsWhatCheckPrintsForThatMistake()
    {
        var page = File.ReadAllText(Path.Combine(Root, "docs", "getting-started.md"));
        var example = Regex.Match(page, @"written `oscc`\)[^`]*```\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("did you mean 'osc'?", example);
        using var folder = new CliFolder();
        var demo = File.ReadAllText(Path.Combine(Root, "sounds", "demo.yaml"));
        var kick = demo.IndexOf("        kick:\n          osc:", StringComparison.Ordinal);
        Assert.True(kick >= 0, "demo.yaml no longer has the kick the page edits");
        folder.Write("sounds/demo.yaml", demo.Remove(kick, "        kick:\n          osc:".Length).Insert(kick, "        kick:\n          oscc:"));

        var r = Run("check");

        Assert.Equal(1, r.Exit);
        Assert.Contains(example, r.Out);
    }

    [GeneratedRegex(@"\s+#\s.*$")]
    private static partial Regex Comment();

    [GeneratedRegex(@"`(\./waves [^`]+)`")]
    private static partial Regex Inline();

    /// <summary>An upper-case placeholder word such as SOUND, DIR, FILE.wav, MS or S.</summary>
    [GeneratedRegex(@"^[A-Z][A-Z_]*(\.\w+)?$")]
    private static partial Regex Placeholder();
}
