using Waves.Engine.Nodes;

namespace Waves.Engine.Patching;

/// <summary>
/// Every <c>*.yaml</c> file of a sound folder: one namespace of sound names across files (a
/// later file, in name order, wins, with a warning), <c>vars:</c> from any file, and the
/// problems found while reading. Immutable: a reload reads a new library and swaps it whole.
/// </summary>
public sealed class SoundLibrary
{
    SoundLibrary(string folder, IReadOnlyDictionary<string, SoundDef> sounds, IReadOnlyDictionary<string, RawNode> vars,
        IReadOnlyList<Problem> problems, IReadOnlyList<SourceFile> files)
    {
        Folder = folder;
        Sounds = sounds;
        Vars = vars;
        Problems = problems;
        Files = files;
    }

    public sealed record SourceFile(string Path, string Text);

    /// <summary>The sound folder.</summary>
    public string Folder { get; }

    /// <summary>The folder that holds the sound folder: relative sample paths resolve against it first.</summary>
    public string ProjectRoot => Path.GetDirectoryName(Path.GetFullPath(Folder).TrimEnd(Path.DirectorySeparatorChar)) ?? ".";

    public IReadOnlyDictionary<string, SoundDef> Sounds { get; }
    public IReadOnlyDictionary<string, RawNode> Vars { get; }

    /// <summary>Problems of the files themselves (YAML syntax, duplicates); a sound's own problems
    /// come with <see cref="Build"/>.</summary>
    public IReadOnlyList<Problem> Problems { get; }

    /// <summary>The texts this library was read from (what a journal records).</summary>
    public IReadOnlyList<SourceFile> Files { get; }

    public static SoundLibrary Load(string folder)
    {
        if (!Directory.Exists(folder))
            return FromTexts([], folder, [Problem.Error(new SourcePos(folder, 0, 0), "sound folder not found")]);
        var files = new List<SourceFile>();
        var unreadable = new List<Problem>();
        foreach (var f in Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var path = Path.Combine(folder, Path.GetFileName(f));
            try { files.Add(new SourceFile(path, File.ReadAllText(f))); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A file can vanish or be locked between listing and reading while an editor saves.
                unreadable.Add(Problem.Error(new SourcePos(path, 1, 1), $"cannot read the file: {e.Message}"));
            }
        }
        return FromTexts(files, folder, unreadable);
    }

    public static SoundLibrary FromTexts(IEnumerable<SourceFile> files, string folder = "sounds", IEnumerable<Problem>? extra = null)
    {
        var problems = new List<Problem>(extra ?? []);
        var sounds = new Dictionary<string, SoundDef>(StringComparer.Ordinal);
        var vars = new Dictionary<string, RawNode>(StringComparer.Ordinal);
        var list = files.ToList();
        foreach (var file in list)
        {
            var root = YamlReader.Read(file.Text, file.Path, problems);
            if (root is null) continue;
            if (root is not RawMapping map)
            {
                problems.Add(Problem.Error(root.Pos, "a sound file is a mapping of sound names to nodes"));
                continue;
            }
            foreach (var e in map.Entries)
            {
                var name = e.Key.Text;
                if (name == "vars")
                {
                    if (e.Value is RawMapping vm)
                        foreach (var v in vm.Entries)
                        {
                            if (vars.ContainsKey(v.Key.Text))
                                problems.Add(Problem.Warning(v.Key.Pos, $"var '{v.Key.Text}' is defined again; this one wins"));
                            vars[v.Key.Text] = v.Value;
                        }
                    else problems.Add(Problem.Error(e.Value.Pos, "'vars' is a mapping of names to values"));
                    continue;
                }
                if (NodeRegistry.IsNodeType(name))
                    problems.Add(Problem.Warning(e.Key.Pos, $"sound '{name}' has the name of a node type; the node type wins wherever it is used"));
                if (sounds.TryGetValue(name, out var earlier))
                    problems.Add(Problem.Warning(e.Key.Pos, $"sound '{name}' is also defined at {earlier.Pos}; this one wins"));
                sounds[name] = new SoundDef(name, file.Path, e.Value, e.Key.Pos);
            }
        }
        return new SoundLibrary(folder, sounds, vars, problems, list);
    }

    /// <summary>Builds the spec tree of a sound; <paramref name="overrides"/> go onto its root
    /// like a sub-patch's parameters.</summary>
    public BuildResult Build(string sound, RawMapping? overrides = null)
    {
        var problems = new List<Problem>();
        var spec = new SpecBuilder(this, problems).BuildSound(sound, overrides);
        return new BuildResult(spec, problems);
    }

    /// <summary>Resolves a sample path: against the project root first, then the sound folder.</summary>
    public string ResolvePath(string path)
    {
        if (Path.IsPathRooted(path)) return path;
        var fromRoot = Path.Combine(ProjectRoot, path);
        if (File.Exists(fromRoot) || Directory.Exists(fromRoot)) return fromRoot;
        var fromFolder = Path.Combine(Folder, path);
        return File.Exists(fromFolder) || Directory.Exists(fromFolder) ? fromFolder : fromRoot;
    }
}
