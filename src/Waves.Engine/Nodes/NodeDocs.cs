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

    /// <summary>A JSON schema (draft 07) for sound files, for editors.</summary>
    public static JsonObject Schema()
    {
        var wave = new JsonObject
        {
            ["anyOf"] = new JsonArray(
                new JsonObject { ["type"] = "number" },
                new JsonObject { ["type"] = "boolean" },
                new JsonObject { ["type"] = "string", ["description"] = "an expression" },
                new JsonObject { ["type"] = "array", ["description"] = "an interpolation list" },
                new JsonObject { ["$ref"] = "#/definitions/node" }),
        };
        var definitions = new JsonObject { ["wave"] = wave };
        var nodeKinds = new JsonArray();
        foreach (var info in NodeRegistry.Implemented.Values.OrderBy(i => i.Key, StringComparer.Ordinal))
        {
            var props = new JsonObject();
            foreach (var p in info.Params.Concat(NodeRegistry.BaseParams))
                props[p.Name] = ParamSchema(p);
            var body = new JsonObject
            {
                ["type"] = new JsonArray("object", "null"),
                ["description"] = info.Doc,
                ["properties"] = props,
            };
            if (info.Extra == ExtraKeys.Forbid) body["additionalProperties"] = false;
            else if (info.Extra == ExtraKeys.Allow) body["additionalProperties"] = new JsonObject { ["$ref"] = "#/definitions/wave" };
            definitions[info.Key] = body;
            nodeKinds.Add(new JsonObject
            {
                ["type"] = "object",
                ["required"] = new JsonArray(info.Key),
                ["properties"] = new JsonObject { [info.Key] = new JsonObject { ["$ref"] = $"#/definitions/{info.Key}" } },
            });
        }
        nodeKinds.Add(new JsonObject { ["type"] = "object", ["description"] = "a sound of the library used as a node (sub-patch)", ["minProperties"] = 1 });
        definitions["node"] = new JsonObject { ["anyOf"] = nodeKinds };
        return new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["title"] = "Waves sound file",
            ["type"] = "object",
            ["properties"] = new JsonObject { ["vars"] = new JsonObject { ["type"] = "object", ["description"] = "names every expression can use" } },
            ["additionalProperties"] = new JsonObject { ["$ref"] = "#/definitions/node" },
            ["definitions"] = definitions,
        };
    }

    static JsonObject ParamSchema(ParamInfo p)
    {
        JsonObject s = p.Kind switch
        {
            ParamKind.Number => new JsonObject { ["type"] = "number" },
            ParamKind.Bool => new JsonObject { ["type"] = "boolean" },
            ParamKind.Enum => new JsonObject { ["enum"] = new JsonArray([.. p.Choices.Select(c => (JsonNode)c!)]) },
            ParamKind.String => new JsonObject { ["type"] = new JsonArray("string", "number") },
            ParamKind.List => new JsonObject { ["type"] = "array" },
            ParamKind.Node => new JsonObject { ["$ref"] = "#/definitions/node" },
            ParamKind.Expression => new JsonObject { ["type"] = new JsonArray("string", "number") },
            ParamKind.Wave => new JsonObject { ["$ref"] = "#/definitions/wave" },
            _ => [],
        };
        s["description"] = p.Doc;
        if (p.Default is { } d && p.Kind is ParamKind.Number) s["default"] = d;
        if (p.Min is { } lo && p.Kind is ParamKind.Number) s["minimum"] = lo;
        if (p.Max is { } hi && p.Kind is ParamKind.Number) s["maximum"] = hi;
        return s;
    }
}
