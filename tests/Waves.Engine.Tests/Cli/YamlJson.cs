using System.Globalization;
using System.Text.Json.Nodes;
using Waves.Engine.Patching;

namespace Waves.Engine.Tests.Cli;

/// <summary>A sound file as the JSON an editor validates against the schema: read by the
/// engine's own YAML reader (YamlDotNet), plain scalars typed as the engine types them.</summary>
static class YamlJson
{
    public static JsonNode? Read(string text, string file = "sounds/test.yaml")
    {
        var problems = new List<Problem>();
        var raw = YamlReader.Read(text, file, problems);
        Assert.True(problems.All(p => !p.IsError), string.Join("\n", problems));
        return raw is null ? null : Convert(raw);
    }

    static JsonNode? Convert(RawNode raw) => raw switch
    {
        RawMapping m => Object(m),
        RawSequence s => new JsonArray([.. s.Items.Select(Convert)]),
        RawScalar s when YamlScalars.IsNull(s) => null,
        RawScalar s when YamlScalars.AsBool(s) is { } b => JsonValue.Create(b),
        RawScalar s when YamlScalars.AsNumber(s) is { } n && double.IsFinite(n) => JsonValue.Create(n),
        RawScalar s when s.Plain && double.TryParse(s.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) && double.IsFinite(f) => JsonValue.Create(f),
        RawScalar s => JsonValue.Create(s.Text),
        _ => null,
    };

    // A key given twice: the later one wins, as in the engine (which warns).
    static JsonObject Object(RawMapping m)
    {
        var o = new JsonObject();
        foreach (var e in m.Entries) o[e.Key.Text] = Convert(e.Value);
        return o;
    }
}
