using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Waves.Engine.Nodes;
using Waves.Engine.Patching;
using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Cli;

/// <summary>The JSON schema of sound files: written from the registry, shipped beside the default
/// sound folder, and checked with a real validator (JsonSchema.Net) against real files.</summary>
public sealed class SchemaTests
{
    /// <summary>Corpus sounds the schema rejects, each for a reason the engine rejects too.</summary>
    static readonly Dictionary<string, string> KnownInvalid = new(StringComparer.Ordinal)
    {
    };

    static JsonSchema Schema(IEnumerable<string> sounds) =>
        JsonSchema.FromText(NodeSchema.Text(sounds), new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    static EvaluationResults Evaluate(JsonSchema schema, JsonNode? instance) =>
        schema.Evaluate(JsonSerializer.SerializeToElement(instance), new EvaluationOptions { OutputFormat = OutputFormat.Flag });

    /// <summary>The validator's errors, in detail (evaluated again: only failures need it).</summary>
    static string Errors(JsonSchema schema, JsonNode? instance)
    {
        var r = schema.Evaluate(JsonSerializer.SerializeToElement(instance), new EvaluationOptions { OutputFormat = OutputFormat.List });
        return string.Join("\n", (r.Details ?? []).Where(d => d.Errors is { Count: > 0 } && !d.Errors.ContainsKey("required")).Take(12)
            .Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}"));
    }

    [Fact]
    public void ShippedSchema_ComparedWithRegistry_IsCurrent()
    {
        var path = Path.Combine(RepoPaths.Root, NodeSchema.FileName);
        var expected = NodeSchema.Text(SoundLibrary.Load(Path.Combine(RepoPaths.Root, "sounds")).Sounds.Keys);
        Assert.True(File.Exists(path) && File.ReadAllText(path) == expected,
            $"{NodeSchema.FileName} is not what the node registry and sounds/ give now; regenerate it with: ./waves schema > {NodeSchema.FileName}");
    }

    [Fact]
    public void DefaultSoundFiles_FirstLine_PointsEditorsAtTheSchema()
    {
        var files = Directory.GetFiles(Path.Combine(RepoPaths.Root, "sounds"), "*.yaml");
        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.True(File.ReadLines(f).First() == NodeSchema.ModelineForSoundFolder,
            $"{f} does not start with the line that points editors at the schema: {NodeSchema.ModelineForSoundFolder}"));
    }

    [Fact]
    public void DefaultSoundFiles_ValidatedAgainstShippedSchema_AreValid()
    {
        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(RepoPaths.Root, NodeSchema.FileName)),
            new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        foreach (var f in Directory.GetFiles(Path.Combine(RepoPaths.Root, "sounds"), "*.yaml"))
        {
            var json = YamlJson.Read(File.ReadAllText(f), f);
            Assert.True(Evaluate(schema, json).IsValid, $"{f}:\n{Errors(schema, json)}");
        }
    }

    [Fact]
    public void CorpusSounds_ValidatedOneByOne_AreValidExceptTheNamedOnes()
    {
        var library = CorpusFiles.Library;
        var schema = Schema(library.Sounds.Keys);
        var checkedCount = 0;
        var failures = new List<string>();
        foreach (var file in Directory.GetFiles(CorpusFiles.Sounds, "*.yaml").Order(StringComparer.Ordinal))
        {
            var json = YamlJson.Read(File.ReadAllText(file), file)!.AsObject();
            foreach (var (name, value) in json)
            {
                var one = new JsonObject { [name] = value?.DeepClone() };
                var r = Evaluate(schema, one);
                checkedCount++;
                if (r.IsValid == KnownInvalid.ContainsKey(name))
                    failures.Add(r.IsValid ? $"{name}: expected invalid ({KnownInvalid[name]}) but valid" : $"{Path.GetFileName(file)} {name}:\n{Errors(schema, one)}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        Assert.True(checkedCount >= 90, $"only {checkedCount} corpus sounds");
    }

    [Fact]
    public void Schema_UnknownNodeType_IsRejected()
    {
        var schema = Schema(["pluck"]);

        Assert.True(Evaluate(schema, YamlJson.Read("s:\n  osc: {freq: 440}\n")).IsValid);
        Assert.True(Evaluate(schema, YamlJson.Read("s:\n  pluck: {pitch: 3}\n")).IsValid);
        Assert.False(Evaluate(schema, YamlJson.Read("s:\n  oscc: {freq: 440}\n")).IsValid);
        Assert.False(Evaluate(schema, YamlJson.Read("s:\n  mix:\n    a:\n      oscc: {}\n")).IsValid);
    }

    [Fact]
    public void Schema_UnknownParameter_IsRejectedInsideAndBesideTheTypeKey()
    {
        var schema = Schema([]);

        Assert.True(Evaluate(schema, YamlJson.Read("s:\n  osc: {freq: 440, amp: 0.5}\n")).IsValid);
        Assert.True(Evaluate(schema, YamlJson.Read("s:\n  osc: {}\n  freq: 440\n")).IsValid);
        Assert.False(Evaluate(schema, YamlJson.Read("s:\n  osc: {freqq: 440}\n")).IsValid);
        Assert.False(Evaluate(schema, YamlJson.Read("s:\n  osc: {}\n  freqq: 440\n")).IsValid);
    }

    [Fact]
    public void Schema_WrongValueKinds_AreRejected()
    {
        var schema = Schema([]);

        Assert.True(Evaluate(schema, YamlJson.Read("s: {osc: {type: saw}}\n")).IsValid);
        Assert.False(Evaluate(schema, YamlJson.Read("s: {osc: {type: sawtooth}}\n")).IsValid);
        Assert.False(Evaluate(schema, YamlJson.Read("s: {osc: {duration: soon}}\n")).IsValid);
    }

    [Fact]
    public void Schema_EveryParameter_CarriesItsDocAndDefault()
    {
        var defs = NodeSchema.Build([])["definitions"]!.AsObject();
        foreach (var info in NodeRegistry.Implemented.Values)
        {
            Assert.Equal(info.Doc, defs[info.Key]!["description"]!.GetValue<string>());
            foreach (var p in info.Params.Concat(NodeRegistry.BaseParams))
            {
                var ps = defs[info.Key]!["properties"]![p.Name]!;
                Assert.Equal(p.Doc, ps["description"]!.GetValue<string>());
                if (p.Default is { } d) Assert.Equal(d, ps["default"]!.GetValue<double>());
            }
        }
    }
}
