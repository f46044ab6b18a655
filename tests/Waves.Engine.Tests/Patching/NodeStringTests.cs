using Waves.Engine.Patching;
using Waves.Engine.Rendering;
using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Patching;

/// <summary>Node-string notation (spec §1.6) on the command line and in sequencer steps.</summary>
public sealed class NodeStringTests
{
    static readonly SourcePos At = new("sounds/seq.yaml", 7, 12);

    static (string Key, double? Value)[] Pairs(NodeString.Parsed p) =>
        [.. p.Overrides.Entries.Select(e => (e.Key.Text, YamlScalars.AsNumber((RawScalar)e.Value)))];

    [Theory]
    [InlineData("kick_tom warp1", "kick_tom", "warp", 1)]
    [InlineData("hihat v.2", "hihat", "v", 0.2)]
    [InlineData("x f-2.5", "x", "f", -2.5)]
    [InlineData("x amp.5", "x", "amp", 0.5)]
    [InlineData("x f-.5", "x", "f", -0.5)]
    [InlineData("x cc16", "x", "cc", 16)]
    [InlineData("x under_score3", "x", "under_score", 3)]
    public void Parse_CompactToken_IsNameAndNumber(string text, string name, string key, double value)
    {
        var parsed = NodeString.Parse(text);
        Assert.Equal(name, parsed.Name);
        Assert.Equal([(key, (double?)value)], Pairs(parsed));
        Assert.Empty(parsed.Problems);
    }

    /// <summary>The original read values with float(); YAML 1.1 would read 010 as octal 8.</summary>
    [Theory]
    [InlineData("f010", 10)]
    [InlineData("f08", 8)]
    [InlineData("f+.25", 0.25)]
    [InlineData("f007.5", 7.5)]
    public void Parse_CompactValue_IsDecimal_NotYamlOctal(string token, double value) =>
        Assert.Equal([("f", (double?)value)], Pairs(NodeString.Parse($"x {token}")));

    [Fact]
    public void Parse_HihatWithTwoParameters_KeepsBoth()
    {
        var parsed = NodeString.Parse("hihat v.2 f440");
        Assert.Equal([("v", (double?)0.2), ("f", 440)], Pairs(parsed));
    }

    [Theory]
    [InlineData("x1e3", "a compact value has no exponent; write x=1e3")]
    [InlineData("f2.5E-3", "a compact value has no exponent; write f=2.5E-3")]
    [InlineData("f440.", "a number cannot end with a dot; write f440")]
    [InlineData("loud", "'loud' has no value: write the number right after the name (loud1) or loud=value")]
    [InlineData("=3", "the name is missing before '='")]
    [InlineData("f=", "the value is missing after '='")]
    [InlineData("1f", "a parameter is a name of letters and underscores followed by a number (warp1, v.2, f-2.5), or name=value")]
    [InlineData("f4-4", "a parameter is a name of letters and underscores followed by a number (warp1, v.2, f-2.5), or name=value")]
    [InlineData("f٣", "a parameter is a name of letters and underscores followed by a number (warp1, v.2, f-2.5), or name=value")]
    public void Parse_MalformedToken_IsReportedWithTheReason_NotDropped(string token, string reason)
    {
        var parsed = NodeString.Parse(["kick", "a1", token, "b2"]);
        Assert.Equal([token], parsed.Rejected);
        Assert.Equal(["a", "b"], parsed.Overrides.Entries.Select(e => e.Key.Text));
        var problem = Assert.Single(parsed.Problems);
        Assert.Equal($"<command line>:1:3: error: cannot read parameter '{token}' of 'kick': {reason}", problem.ToString());
        Assert.Equal(reason, NodeString.Explain(token));
    }

    [Fact]
    public void Parse_TextInAFile_PositionsEachTokenAtItsColumn()
    {
        var parsed = NodeString.Parse("kick  f440 bad a0.5", At);
        Assert.Equal("kick", parsed.Name);
        Assert.Equal(new SourcePos("sounds/seq.yaml", 7, 18), parsed.Overrides.Get("f")!.Pos);
        Assert.Equal(new SourcePos("sounds/seq.yaml", 7, 27), parsed.Overrides.Get("a")!.Pos);
        Assert.Equal(["sounds/seq.yaml:7:23: error: cannot read parameter 'bad' of 'kick': 'bad' has no value: write the number right after the name (bad1) or bad=value"],
            parsed.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void ParseStep_CommaSeparated_GivesEachSound()
    {
        var sounds = NodeString.ParseStep("kick f440 a0.5, hat v0.5", At);
        Assert.Equal(["kick", "hat"], sounds.Select(s => s.Name));
        Assert.Equal([("f", (double?)440), ("a", 0.5)], Pairs(sounds[0]));
        Assert.Equal([("v", (double?)0.5)], Pairs(sounds[1]));
        Assert.Equal(new SourcePos("sounds/seq.yaml", 7, 32), sounds[1].Overrides.Get("v")!.Pos);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" , ,")]
    public void ParseStep_Empty_IsARest(string text) => Assert.Empty(NodeString.ParseStep(text, At));

    [Fact]
    public void ParseStep_OneSound_IsTheSameAsParse()
    {
        var step = Assert.Single(NodeString.ParseStep("kick_tom warp1", At));
        Assert.Equal("kick_tom", step.Name);
        Assert.Equal([("warp", (double?)1)], Pairs(step));
    }

    [Fact]
    public void Overrides_FromANodeString_RenderLikeTheSameYamlOverrides()
    {
        const string yaml = "voice:\n  context: {f: 1, a: 1, signal: f * a}\ns:\n  voice: {f: 440, a: 0.5}\n";
        var lib = Patches.Library(yaml);
        var settings = new RenderSettings(44100, 64, 1);
        var viaString = PatchCompiler.Compile(lib, "voice", settings, NodeString.ParseStep("voice f440 a0.5", At)[0].Overrides);
        var viaYaml = PatchCompiler.Compile(lib, "s", settings);
        Assert.Equal(OfflineRender.ToArrays(viaYaml.Patch!, 100).Left, OfflineRender.ToArrays(viaString.Patch!, 100).Left);
    }
}
