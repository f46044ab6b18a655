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
        try { foreach (var p in Patches.Library(yaml).Problems) o.WriteLine("LIB " + p); } catch (Exception ex) { o.WriteLine("THROWS " + ex.GetType().Name); }
        try { var parser = new Parser(new StringReader(yaml)); while (parser.MoveNext()) { } }
        catch (YamlException e) { o.WriteLine($"  start {e.Start} end {e.End} :: {e.Message}"); }
        catch (Exception e) { o.WriteLine($"  start {e.GetType().Name}"); }
    }
    [Fact]
    public void Dump()
    {
        Y("s:\n  osc:\n    freq: [1, 2\n    amp: 3\n");
        Y("s:\n  osc:\n    freq: [1, 2\n");
        Y("s:\n  osc:\n    freq: [1, 2");
        Y("s:\n  osc: {freq: 1\n");
        Y("s:\n  osc: {freq: 1\nt:\n  osc: {}\n");
        Y("s:\n  osc:\n    freq: \"abc\n");
        Y("s:\n  osc:\n   freq: 1\n  amp: 2\n");
        Y("s:\n  osc:\n    freq: 1\n   amp: 2\n");
        Y("s:\n  osc:\n    freq: 1\n  - 2\n");
        Y("s:\n  osc:\n    freq: ]\n");
        Y("s:\n  osc:\n    freq: {a: [1, 2}\n");
        Y("s:\n  osc: {freq: [1, 2}\n");
        Y("s:\n  osc:\n    freq: [1, 2}\n");
        Y("s:\n  osc:\n    amp: 1\n\tfreq: 2\n");
        Y("s:\n  osc:\n    amp: {}\n\tfreq: 2\n");
    }
}
