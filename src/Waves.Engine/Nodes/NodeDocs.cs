using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Waves.Engine.Nodes;

/// <summary>The node reference and the JSON schema of sound files, both written from the registry.</summary>
public static class NodeDocs
{
    static string Num(double v) => v.ToString("0.######", CultureInfo.InvariantCulture);

    public static string Reference(NodeInfo info)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"{info.Key}: {info.Doc}");
        sb.AppendLine($"  output: {info.Output}");
        foreach (var p in info.Params.Concat(NodeRegistry.BaseParams))
        {
            var extra = new List<string> { p.Kind.ToString().ToLowerInvariant() };
            if (p.Default is { } d) extra.Add($"default {Num(d)}");
            if (p.DefaultText is { } dt) extra.Add($"default {dt}");
            if (p.Min is not null || p.Max is not null)
                extra.Add($"range {(p.Min is { } lo ? Num(lo) : "…")}…{(p.Max is { } hi ? Num(hi) : "")}");
            if (!p.Choices.IsEmpty) extra.Add(string.Join("|", p.Choices));
            sb.AppendLine($"  {p.Name,-18} {p.Doc} ({string.Join(", ", extra)})");
        }
        sb.AppendLine(info.Extra switch
        {
            ExtraKeys.Allow => "  other keys: " + (info.Key == "mix" ? "tracks" : "variables"),
            ExtraKeys.Ignore => "  other keys: ignored, with a warning",
            _ => "  other keys: an error",
        });
        return sb.ToString();
    }

    /// <summary>A JSON schema (draft 07) for sound files, for editors, without sub-patch names
    /// (<see cref="NodeSchema.Build"/> takes a library's).</summary>
    public static JsonObject Schema() => NodeSchema.Build([]);
}
