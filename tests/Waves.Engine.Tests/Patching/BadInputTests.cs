using Waves.Engine.Patching;
using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Patching;

/// <summary>
/// Bad input is a message with file:line:column, never a crash (spec README, Fix 7). Each test
/// asserts the full formatted line; the YAML is written so that positions can be counted by hand
/// (lines and columns are 1-based; the key of a parameter is at column 5 under <c>  osc:</c>).
/// </summary>
public sealed class BadInputTests
{
    static string[] LibraryProblems(string yaml) =>
        [.. Patches.Library(yaml).Problems.Select(p => p.ToString())];

    // ---------------------------------------------------------------- YAML syntax

    [Fact]
    public void Yaml_WhenBracketIsClosedByABrace_ReportsSyntaxErrorAtTheBrace()
    {
        // col:    1234567890123456789^
        var yaml = "s:\n  osc: {freq: [1, 2}\n";

        Assert.Equal(["sounds/test.yaml:2:20: error: YAML syntax: While parsing a flow sequence, did not find expected ',' or ']'."], LibraryProblems(yaml));
        Assert.Empty(Patches.Library(yaml).Sounds);
    }

    [Fact]
    public void Yaml_WhenLineIsOverIndented_ReportsSyntaxErrorAtThatLine()
    {
        const string yaml = """
            s:
              osc:
                freq: 1
               amp: 2
            """;

        Assert.Equal(["sounds/test.yaml:4:4: error: YAML syntax: While parsing a block mapping, did not find expected key."], LibraryProblems(yaml));
    }

    [Fact]
    public void Yaml_WhenQuoteIsNeverClosed_ReportsSyntaxErrorAtTheQuote()
    {
        var yaml = "s:\n  osc:\n    freq: \"abc\n";

        Assert.Equal(["sounds/test.yaml:3:11: error: YAML syntax: While scanning a quoted scalar, found unexpected end of stream."], LibraryProblems(yaml));
    }

    /// <summary>A tab used as indentation on line 2: the message must point at line 2, column 1.</summary>
    [Fact]
    public void Yaml_WhenIndentedWithATab_ReportsSyntaxErrorAtTheTab()
    {
        var yaml = "s:\n\tosc: {}\n";

        Assert.Equal(["sounds/test.yaml:2:1: error: YAML syntax: While scanning a mapping, found invalid tab as indentation."], LibraryProblems(yaml));
    }

    /// <summary>An unclosed <c>[</c> followed by more lines: a YAML syntax error on the bracket's
    /// line, not an exception out of the reader; the other files still load.</summary>
    [Fact]
    public void Yaml_WhenBracketIsNeverClosed_ReportsSyntaxErrorInsteadOfThrowing()
    {
        const string yaml = """
            s:
              osc:
                freq: [1, 2
                amp: 3
            t:
              osc: {}
            """;
        SoundLibrary? lib = null;
        var thrown = Record.Exception(() => lib = SoundLibrary.FromTexts(
        [
            new("sounds/a.yaml", "good:\n  osc: {}\n"),
            new("sounds/b.yaml", yaml),
        ]));

        Assert.Null(thrown);
        var line = Assert.Single(lib!.Problems).ToString();
        Assert.StartsWith("sounds/b.yaml:3:", line);
        Assert.Contains(": error: YAML syntax: ", line);
        Assert.True(lib.Sounds.ContainsKey("good"));
    }

    // ---------------------------------------------------------------- nodes and parameters

    [Fact]
    public void Build_WhenRootNodeTypeUnknown_ReportsErrorAtTheType()
    {
        var problems = Patches.Problems("s:\n  oscc: {}\n");

        Assert.Equal(["sounds/test.yaml:2:3: error: unknown node type 'oscc' — did you mean 'osc'?"], problems);
    }

    /// <summary>A misspelt node type below the root is named as such (the original parsed every
    /// one-key mapping of a mapping as a node, so it said "not recognised" too), rather than being
    /// taken for a plain mapping and reported as "must be a node, got a mapping".</summary>
    [Fact]
    public void Build_WhenNodeTypeUnknown_ReportsErrorAtTheType()
    {
        var problems = Patches.Problems("s:\n  mix:\n    a:\n      oscc: {}\n");

        Assert.Equal(["sounds/test.yaml:4:7: error: unknown node type 'oscc' — did you mean 'osc'?"], problems);
    }

    [Fact]
    public void Build_WhenNodeTypeOfAParameterUnknown_ReportsErrorAtTheType()
    {
        var problems = Patches.Problems("s:\n  osc:\n    freq:\n      oscc: {freq: 2}\n");

        Assert.Equal(["sounds/test.yaml:4:7: error: unknown node type 'oscc' — did you mean 'osc'?"], problems);
    }

    [Fact]
    public void Build_WhenParamUnknown_ReportsErrorAtKey()
    {
        var problems = Patches.Problems("s:\n  osc:\n    freq: 2\n    freqq: 2\n");

        Assert.Equal(["sounds/test.yaml:4:5: error: unknown parameter 'freqq' for 'osc' — did you mean 'freq'? (parameters: type, freq, amp, phase, pulse_width, attack, release, scale, seed, range, freq_interpolation, amp_interpolation, duration, id, is_pass_through, monitor)"], problems);
    }

    [Fact]
    public void Build_WhenNumberParamIsText_ReportsErrorAtTheValue()
    {
        // col:    123456789012345
        var problems = Patches.Problems("s:\n  osc:\n    duration: abc\n");

        Assert.Equal(["sounds/test.yaml:3:15: error: 'duration' of 'osc' must be a number, got text 'abc'"], problems);
    }

    [Fact]
    public void Build_WhenEnumValueUnknown_ReportsErrorAtTheValueWithTheChoices()
    {
        var problems = Patches.Problems("s:\n  osc:\n    type: sawx\n");

        Assert.Equal(["sounds/test.yaml:3:11: error: 'type' of 'osc' must be one of sin, cos, tri, sqr, saw, ramp, noise, perlin, wander, none, got text 'sawx'"], problems);
    }

    [Fact]
    public void Build_EnumValue_IsCaseInsensitive()
    {
        var r = Patches.Compile("s:\n  osc:\n    type: SAW\n");

        Assert.True(r.Ok);
        Assert.Empty(r.Problems);
    }

    [Fact]
    public void Build_WhenMixTrackIsANumber_ReportsErrorAtTheValue()
    {
        // col:    12345678
        var problems = Patches.Problems("s:\n  mix:\n    a: 3\n    b:\n      osc: {}\n");

        Assert.Equal(["sounds/test.yaml:3:8: error: track 'a' must be a node, got number 3"], problems);
    }

    [Fact]
    public void Build_WhenMixTrackIsText_ReportsErrorAtTheValue()
    {
        var problems = Patches.Problems("s:\n  mix:\n    a: osc\n");

        Assert.Equal(["sounds/test.yaml:3:8: error: track 'a' must be a node, got text 'osc'"], problems);
    }

    [Fact]
    public void Build_WhenSoundIsNotANode_ReportsErrorAtTheValue()
    {
        var problems = Patches.Problems("s: 3\n");

        Assert.Equal(["sounds/test.yaml:1:4: error: sound 's' must be a node ('type: {parameters}'), got '3'"], problems);
    }

    // ---------------------------------------------------------------- expressions

    [Fact]
    public void Compile_WhenExpressionNameUnknown_PointsAtTheNameInsideTheLine()
    {
        // col:    123456789012345
        var problems = Patches.Problems("s:\n  osc:\n    freq: 2 * tune\n");

        Assert.Equal(["sounds/test.yaml:3:15: error: unknown name 'tune' in expression"], problems);
    }

    [Fact]
    public void Compile_WhenExpressionIsQuoted_ColumnCountsTheQuote()
    {
        // col:    1234567890123456
        var problems = Patches.Problems("s:\n  osc:\n    freq: \"2 * tune\"\n");

        Assert.Equal(["sounds/test.yaml:3:16: error: unknown name 'tune' in expression"], problems);
    }

    [Fact]
    public void Compile_WhenExpressionSyntaxIsWrong_PointsAtTheEnd()
    {
        // col:    1234567890123456789
        var problems = Patches.Problems("s:\n  osc:\n    freq: 2 * (3 +\n");

        Assert.Equal(["sounds/test.yaml:3:19: error: syntax error in expression '2 * (3 +': unexpected end"], problems);
    }

    [Fact]
    public void Compile_WhenInterpolationListHasNoDuration_ReportsErrorAtTheList()
    {
        // col:    12345678901
        var problems = Patches.Problems("s:\n  osc:\n    freq: [100, 200]\n");

        Assert.Equal(["sounds/test.yaml:3:11: error: an interpolation list needs a duration: set 'duration' on this node or a node above it"], problems);
    }

    [Fact]
    public void Compile_WhenInterpolationListHasADuration_Compiles()
    {
        var r = Patches.Compile("s:\n  osc:\n    duration: 1\n    freq: [100, 200]\n");

        Assert.True(r.Ok);
        Assert.Empty(r.Problems);
    }

    // ---------------------------------------------------------------- several problems, warnings

    [Fact]
    public void Compile_WhenTwoNamesAreUnknown_ReportsBoth()
    {
        // col:    123456789012345
        var problems = Patches.Problems("s:\n  osc:\n    freq: x + y\n    amp: depth\n");

        Assert.Equal(
        [
            "sounds/test.yaml:3:11: error: unknown name 'x' in expression",
            "sounds/test.yaml:3:15: error: unknown name 'y' in expression",
            "sounds/test.yaml:4:10: error: unknown name 'depth' in expression",
        ], problems);
    }

    [Fact]
    public void Build_WhenSeveralThingsAreWrong_ReportsEveryOne()
    {
        const string yaml = """
            s:
              mix:
                a:
                  osc:
                    freqq: 1
                    type: sawx
                b:
                  osc:
                    duration: abc
            """;

        Assert.Equal(
        [
            "sounds/test.yaml:5:9: error: unknown parameter 'freqq' for 'osc' — did you mean 'freq'? (parameters: type, freq, amp, phase, pulse_width, attack, release, scale, seed, range, freq_interpolation, amp_interpolation, duration, id, is_pass_through, monitor)",
            "sounds/test.yaml:6:15: error: 'type' of 'osc' must be one of sin, cos, tri, sqr, saw, ramp, noise, perlin, wander, none, got text 'sawx'",
            "sounds/test.yaml:9:19: error: 'duration' of 'osc' must be a number, got text 'abc'",
        ], Patches.Problems(yaml));
    }

    [Fact]
    public void Compile_WhenThereAreOnlyWarnings_TheSoundCompilesAndRenders()
    {
        const string yaml = """
            pluck:
              context:
                pitch: 220
                signal:
                  osc: {type: none, range: [pitch, pitch]}
            s:
              mix:
                a:
                  pluck: {pitch: 110, tone: 3}
                b:
                  envelope:
                    bogus: 1
                    signal: 0.25
            """;

        var r = Patches.Compile(yaml);

        Assert.True(r.Ok);
        Assert.Equal(
        [
            "sounds/test.yaml:9:27: warning: 'tone' is not a parameter of sound 'pluck' (a 'context' node); ignored",
            "sounds/test.yaml:12:9: warning: 'bogus' is not a parameter of 'envelope'; ignored",
        ], r.Problems.Select(p => p.ToString()));
        var x = Patches.Render(yaml, 10.0 / 44100).Left;
        Assert.Equal(110.25f, x[0]);
    }

    [Fact]
    public void Library_WhenAKeyIsDuplicated_WarnsButTheSoundCompiles()
    {
        const string yaml = """
            s:
              osc:
                freq: 1
                freq: 2
            """;

        Assert.Equal(["sounds/test.yaml:4:5: warning: duplicate key 'freq' (first at line 3); the last one wins"], LibraryProblems(yaml));
        Assert.True(Patches.Compile(yaml).Ok);
    }

    [Fact]
    public void Compile_WhenSoundIsUnknown_SaysSo()
    {
        var r = Patches.Compile("s:\n  osc: {}\n", "nope");

        Assert.False(r.Ok);
        Assert.Equal(["<none>:0:0: error: unknown sound 'nope'"], r.Problems.Select(p => p.ToString()));
    }
}
