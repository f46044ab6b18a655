using Waves.Engine.Nodes;

namespace Waves.Console.Commands;

/// <summary><c>waves nodes [TYPE]</c> prints the node reference; <c>waves schema</c> the JSON schema.</summary>
static class NodesCommand
{
    public static int Run(string[] args)
    {
        var types = args.Length > 0 ? args : [.. NodeRegistry.Implemented.Keys.Order(StringComparer.Ordinal)];
        foreach (var t in types)
        {
            if (!NodeRegistry.Implemented.TryGetValue(t, out var info))
            {
                System.Console.Error.WriteLine(NodeRegistry.IsNodeType(t)
                    ? $"waves: node type '{t}' is not available in this version"
                    : $"waves: no node type '{t}'");
                return 1;
            }
            System.Console.Out.WriteLine(NodeDocs.Reference(info));
        }
        return 0;
    }

    public static int Schema()
    {
        System.Console.Out.WriteLine(NodeDocs.Schema().ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        return 0;
    }
}
