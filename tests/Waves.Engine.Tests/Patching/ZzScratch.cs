using Waves.Engine.Patching;
using Waves.Engine.Tests.Support;
using Xunit.Abstractions;
using YamlDotNet.Core;

namespace Waves.Engine.Tests.Patching;

public sealed class ZzScratch(ITestOutputHelper o)
{
    void Y(string yaml)
    {
        o.WriteLine("=== " + yaml.Replace("\n", "\\n").Replace("\t", "\\t"));
        foreach (var p in Patches.Library(yaml).Problems) o.WriteLine("LIB " + p);
        try { var parser = new Parser(new StringReader(yaml)); while (parser.MoveNext()) { } }
        catch (YamlException e) { o.WriteLine($"  start {e.Start} end {e.End} :: {e.Message}"); }
    }
    [Fact]
    public void Dump()
    {
        Y("s:\n\tosc: {}\n");
        Y("s:\n  osc:\n\tfreq: 2\n");
        Y("s:\n  osc:\n    freq: 1\n\tamp: 2\n");
        Y("s:\n  osc: {freq: [1, 2}\n");
        Y("s:\n  osc:\n    freq: [1, 2\n    amp: 3\n");
        Y("s:\n  osc: {freq: 1\n");
        Y("s:\n  osc:\n    freq: \"abc\n");
        Y("s:\n  osc:\n   freq: 1\n  amp: 2\n");
        Y("s:\n  osc:\n    freq: 1\n   amp: 2\n");
    }
}
