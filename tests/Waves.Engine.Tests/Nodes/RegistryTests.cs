using System.Text.Json.Nodes;
using Waves.Engine.Nodes;

namespace Waves.Engine.Tests.Nodes;

public sealed class RegistryTests
{
    [Fact]
    public void EveryImplementedType_IsALanguageType()
    {
        Assert.All(NodeRegistry.Implemented.Keys, k => Assert.True(NodeRegistry.IsNodeType(k), k));
        Assert.Equal(32, NodeRegistry.LanguageTypes.Count);
    }

    [Fact]
    public void Schema_DescribesEveryParameterOfEveryNode()
    {
        var defs = NodeDocs.Schema()["definitions"]!.AsObject();
        foreach (var info in NodeRegistry.Implemented.Values)
        {
            var props = defs[info.Key]!["properties"]!.AsObject();
            foreach (var p in info.Params.Concat(NodeRegistry.BaseParams))
                Assert.True(props.ContainsKey(p.Name), $"{info.Key}.{p.Name}");
            var extra = defs[info.Key]!["additionalProperties"];
            Assert.Equal(info.Extra == ExtraKeys.Forbid, extra is JsonValue v && !v.GetValue<bool>());
        }
        var oscType = defs["osc"]!["properties"]!["type"]!["anyOf"]![0]!["enum"]!.AsArray().Select(n => n!.GetValue<string>());
        Assert.Equal(Oscillator.Info.Param("type")!.Choices, oscType);
    }

    [Fact]
    public void Reference_ListsParametersDefaultsAndChoices()
    {
        var text = NodeDocs.Reference(Oscillator.Info);
        foreach (var p in Oscillator.Info.Params) Assert.Contains($"  {p.Name} ", text);
        Assert.Contains("sin|cos|tri|sqr|saw|ramp|noise|perlin|wander|none", text);
        Assert.Contains("pulse_width", text);
        Assert.Contains("default 0.5, range 0…1", text);
    }
}
