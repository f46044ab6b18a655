using Waves.Engine.Nodes;
using Waves.Engine.Patching;

namespace Waves.Console.Commands;

/// <summary><c>waves nodes [TYPE] [--markdown]</c> prints the node reference; <c>waves schema</c> the JSON schema.</summary>
static class NodesCommand
{
    public static int Run(string[] args)
    {
        var o = Options.Parse(args, new HashSet<string> { "--markdown" });
        o.RequireOnly(["--markdown"], positional: int.MaxValue);
        if (o.Has("--markdown"))
        {
            if (o.Positional.Count > 0) throw new UsageException("nodes --markdown writes the whole reference; it takes no type");
            System.Console.Out.Write(NodeMarkdown.Reference());
            return 0;
        }
        var types = o.Positional.Count > 0 ? [.. o.Positional] : NodeRegistry.Implemented.Keys.Order(StringComparer.Ordinal).ToList();
        foreach (var t in types)
        {
            if (!NodeRegistry.Implemented.TryGetValue(t, out var info))
            {
                System.Console.Error.WriteLine(NodeRegistry.IsNodeType(t)
                    ? $"waves: node type '{t}' is not available in this version"
                    : $"waves: no node type '{t}'{Suggestions.DidYouMean(t, NodeRegistry.LanguageTypes)}");
                return 1;
            }
            System.Console.Out.WriteLine(NodeDocs.Reference(info));
        }
        return 0;
    }

    /// <summary>The schema with the sound folder's names as sub-patch node types (none when the
    /// folder does not exist).</summary>
    public static int Schema(string[] args)
    {
        var o = Options.Parse(args, new HashSet<string>());
        o.RequireOnly(["--sounds"], positional: 0);
        var folder = o.Get("--sounds") ?? "sounds";
        if (o.Get("--sounds") is not null && !Directory.Exists(folder)) throw new UsageException($"no sound folder {folder}");
        var names = Directory.Exists(folder) ? SoundLibrary.Load(folder).Sounds.Keys : [];
        System.Console.Out.Write(NodeSchema.Text(names));
        return 0;
    }
}
