using System.Text.Json;
using System.Text.Json.Nodes;

namespace Waves.Engine.Nodes;

/// <summary>
/// The JSON schema (draft 07) of sound files, written from the registry at run time: every node
/// type with its parameters, kinds, defaults, ranges, choices and doc text. A node is written
/// <c>type: {parameters}</c> or with its parameters beside the type key, so each node type is one
/// branch that allows both. Sub-patches are the library's sound names: with them listed, an
/// unknown type such as <c>oscc</c> is rejected (a sound added later needs the schema again).
/// </summary>
public static class NodeSchema
{
    /// <summary>The URL-free file name editors are pointed at, beside the sound folder.</summary>
    public const string FileName = "waves.schema.json";

    /// <summary>The first line of a sound file that points yaml-language-server at the schema
    /// one folder up (the project root).</summary>
    public const string ModelineForSoundFolder = "# yaml-language-server: $schema=../" + FileName;

    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Text(IEnumerable<string> soundNames) => Build(soundNames).ToJsonString(Indented) + "\n";

    public static JsonObject Build(IEnumerable<string> soundNames)
    {
        var definitions = new JsonObject
        {
            ["wave"] = new JsonObject
            {
                ["description"] = "a number, an expression, an interpolation list or a node, applied per sample",
                ["anyOf"] = new JsonArray(
                    new JsonObject { ["type"] = new JsonArray("number", "boolean", "null") },
                    new JsonObject { ["type"] = "string", ["description"] = "an expression" },
                    new JsonObject { ["$ref"] = "#/definitions/list" },
                    new JsonObject { ["$ref"] = "#/definitions/node" }),
            },
            ["list"] = new JsonObject
            {
                ["type"] = "array",
                ["description"] = "an interpolation list: values (or [value, position] pairs) over the duration",
                ["items"] = new JsonObject { ["$ref"] = "#/definitions/wave" },
            },
        };
        var branches = new JsonArray();
        foreach (var info in NodeRegistry.Implemented.Values.OrderBy(i => i.Key, StringComparer.Ordinal))
        {
            var props = new JsonObject();
            // The type key's value is checked once, by the node's own properties below.
            var siblings = new JsonObject { [info.Key] = new JsonObject() };
            foreach (var p in info.Params.Concat(NodeRegistry.BaseParams))
            {
                props[p.Name] = ParamSchema(p);
                siblings[p.Name] = ParamSchema(p);
            }
            var body = new JsonObject
            {
                ["type"] = new JsonArray("object", "null"),
                ["description"] = info.Doc,
                ["properties"] = props,
            };
            var extra = Extra(info);
            if (extra is not null) body["additionalProperties"] = extra;
            definitions[info.Key] = body;
            var branch = new JsonObject
            {
                ["type"] = "object",
                ["description"] = info.Doc,
                ["required"] = new JsonArray(info.Key),
                ["properties"] = siblings,
            };
            if (Extra(info) is { } again) branch["additionalProperties"] = again;
            branches.Add((JsonNode)branch);
        }
        // Types of the language this build does not render still parse: a file using them is
        // reported by the engine, not by the editor.
        foreach (var type in NodeRegistry.LanguageTypes.Where(t => !NodeRegistry.Implemented.ContainsKey(t)).Order(StringComparer.Ordinal))
            branches.Add((JsonNode)new JsonObject
            {
                ["type"] = "object",
                ["description"] = $"'{type}': a node type of the language that this version does not render",
                ["required"] = new JsonArray(type),
            });
        foreach (var sound in soundNames.Distinct(StringComparer.Ordinal).Where(s => !NodeRegistry.IsNodeType(s)).Order(StringComparer.Ordinal))
            branches.Add((JsonNode)new JsonObject
            {
                ["type"] = "object",
                ["description"] = $"the sound '{sound}' used as a node; other keys override its root's parameters",
                ["required"] = new JsonArray(sound),
                ["properties"] = new JsonObject { [sound] = new JsonObject { ["type"] = new JsonArray("object", "null"), ["description"] = $"the sound '{sound}' of the library" } },
            });
        // The type key picks the branch (if/then), so a value is checked against its own node's
        // parameters only: a plain anyOf of branches grows exponentially with nesting.
        var known = new JsonArray();
        var picked = new JsonArray();
        foreach (var branch in branches.Select(b => b!.AsObject()))
        {
            var required = branch["required"]!.DeepClone();
            known.Add((JsonNode)new JsonObject { ["required"] = required.DeepClone() });
            picked.Add((JsonNode)new JsonObject { ["if"] = new JsonObject { ["required"] = required }, ["then"] = branch.DeepClone() });
        }
        // Every node type as a property, so that editors complete the names and show their docs.
        var typeKeys = new JsonObject();
        foreach (var key in NodeRegistry.Implemented.Keys.Order(StringComparer.Ordinal))
            typeKeys[key] = new JsonObject { ["$ref"] = $"#/definitions/{key}" };
        definitions["node"] = new JsonObject
        {
            ["type"] = "object",
            ["description"] = "a node: 'type: {parameters}', or a sound of the library used as one",
            ["properties"] = typeKeys,
            ["anyOf"] = known,
            ["allOf"] = picked,
        };
        return new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["title"] = "Waves sound file",
            ["description"] = "sound names mapped to nodes, and vars: names every expression can use",
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["vars"] = new JsonObject
                {
                    ["type"] = "object",
                    ["description"] = "names every expression can use",
                    ["additionalProperties"] = new JsonObject { ["$ref"] = "#/definitions/wave" },
                },
            },
            ["additionalProperties"] = new JsonObject { ["$ref"] = "#/definitions/node" },
            ["definitions"] = definitions,
        };
    }

    /// <summary>Keys that are not parameters: an error (false), the node's own content (a wave:
    /// tracks, variables), or ignored with a warning (anything).</summary>
    static JsonNode? Extra(NodeInfo info) => info.Extra switch
    {
        ExtraKeys.Forbid => false,
        ExtraKeys.Allow => new JsonObject { ["$ref"] = "#/definitions/wave" },
        _ => null,
    };

    /// <summary>The choices (completed by editors), and the same words in any case with spaces
    /// around them, which the engine accepts too (the original's patches write <c>SIN</c>).</summary>
    static JsonObject Choices(ParamInfo p)
    {
        var words = p.Choices.Concat(p.Aliases.Keys.Order(StringComparer.Ordinal)).ToList();
        var anyCase = string.Join("|", words.Select(w => string.Concat(w.Select(c =>
            char.IsLetter(c) ? $"[{char.ToLowerInvariant(c)}{char.ToUpperInvariant(c)}]" : System.Text.RegularExpressions.Regex.Escape(c.ToString())))));
        return new JsonObject
        {
            ["anyOf"] = new JsonArray(
                new JsonObject { ["enum"] = new JsonArray([.. words.Select(c => (JsonNode)c!)]) },
                new JsonObject { ["type"] = "string", ["pattern"] = $"^\\s*({anyCase})\\s*$" }),
        };
    }

    static JsonObject ParamSchema(ParamInfo p)
    {
        JsonObject s = p.Kind switch
        {
            ParamKind.Number => new JsonObject { ["type"] = new JsonArray("number", "null") },
            ParamKind.Bool => new JsonObject { ["type"] = new JsonArray("boolean", "number", "null") },
            ParamKind.Enum => Choices(p),
            ParamKind.String => new JsonObject { ["type"] = new JsonArray("string", "number", "null") },
            ParamKind.List => new JsonObject { ["type"] = new JsonArray("array", "null") },
            ParamKind.Node => new JsonObject { ["anyOf"] = new JsonArray(new JsonObject { ["$ref"] = "#/definitions/node" }, new JsonObject { ["type"] = "null" }) },
            ParamKind.Expression => new JsonObject { ["type"] = new JsonArray("string", "number", "boolean", "null") },
            ParamKind.Wave => new JsonObject { ["anyOf"] = new JsonArray(new JsonObject { ["$ref"] = "#/definitions/wave" }) },
            _ => [],
        };
        s["description"] = p.Doc;
        if (p.Default is { } d) s["default"] = d;
        else if (p.DefaultText is { } dt) s["default"] = dt;
        if (p.Kind is ParamKind.Number)
        {
            if (p.Min is { } lo) s["minimum"] = lo;
            if (p.Max is { } hi) s["maximum"] = hi;
        }
        return s;
    }
}
