using Waves.Engine.Patching;
using Waves.Engine.Tests.Support;
using static Waves.Engine.Tests.Cli.CliRun;

namespace Waves.Engine.Tests.Cli;

/// <summary>Problems as the commands print them: the fixed first line, then the offending YAML line
/// with a caret under the column, and the closest known name.</summary>
[Collection("cli")]
public sealed class ErrorMessageTests : IDisposable
{
    const string Broken = "s:\n  mix:\n    a:\n      oscc: {freq: 3}\n    b:\n      osc: {freqq: 2, duration: 0.1}\n";

    readonly CliFolder folder = new();

    public void Dispose() => folder.Dispose();

    static string X => Path.Combine("sounds", "x.yaml");

    /// <summary>The two problems of <see cref="Broken"/>, each with its line and caret.</summary>
    static void AssertCarets(string text)
    {
        Assert.Contains($"{X}:4:7: error: unknown node type 'oscc' — did you mean 'osc'?\n  4 |       oscc: {{freq: 3}}\n    |       ^~~~\n", text);
        Assert.Contains($"{X}:6:13: error: unknown parameter 'freqq' for 'osc' — did you mean 'freq'? (parameters: ", text);
        Assert.Contains("\n  6 |       osc: {freqq: 2, duration: 0.1}\n    |             ^~~~~\n", text);
    }

    [Fact]
    public void Check_UnknownNodeAndParameter_ShowsLineCaretAndSuggestion()
    {
        folder.Write("sounds/x.yaml", Broken);

        var r = Run("check");

        Assert.Equal(1, r.Exit);
        AssertCarets(r.Out);
    }

    [Fact]
    public void Render_UnknownNodeAndParameter_ShowsLineCaretAndSuggestion()
    {
        folder.Write("sounds/x.yaml", Broken);

        var r = Run("render", "s");

        Assert.Equal(1, r.Exit);
        AssertCarets(r.Err);
        Assert.False(Directory.Exists("output") && Directory.EnumerateFiles("output").Any());
    }

    [Fact]
    public void Play_UnknownNodeAndParameter_ShowsLineCaretAndSuggestion()
    {
        folder.Write("sounds/x.yaml", Broken);

        var r = Run("play", "s", "--output", "null", "--no-ui", "--duration", "0.1");

        Assert.Equal(1, r.Exit);
        AssertCarets(r.Err);
    }

    [Fact]
    public void Play_SaveWithAnUnknownNode_PrintsTheLineWithACaretAndPlaysOn()
    {
        folder.Write("sounds/x.yaml", "s: {osc: {freq: 440, amp: 0.2}}\n");
        using var play = WavesProcess.Start(folder.Path, null, "play", "s", "--output", "null", "--no-ui", "--duration", "20");
        Assert.True(play.WaitForOutput("edit sounds", TimeSpan.FromSeconds(30)), play.ToString());

        // Saved again until seen: the folder watcher starts a moment after the banner.
        var seen = false;
        for (var i = 0; i < 20 && !seen; i++)
        {
            File.WriteAllText(Path.Combine(folder.Path, "sounds", ".x.tmp"), $"s:\n  mix:\n    a:\n      oscc: {{freq: 3}}\n#{i}\n");
            File.Move(Path.Combine(folder.Path, "sounds", ".x.tmp"), Path.Combine(folder.Path, "sounds", "x.yaml"), overwrite: true);
            seen = play.WaitForOutput("^~~~", TimeSpan.FromSeconds(1));
        }
        Assert.True(seen, play.ToString());
        play.Type("stop");
        Assert.Equal(0, play.Wait(TimeSpan.FromSeconds(30)));

        Assert.Contains("reload rejected; still playing revision 1:\n" +
            $"  {X}:4:7: error: unknown node type 'oscc' — did you mean 'osc'?\n" +
            "    4 |       oscc: {freq: 3}\n" +
            "      |       ^~~~\n", play.Out.Replace("\r\n", "\n"));
    }

    [Fact]
    public void RenderAndPlay_MisspeltSound_SuggestTheClosestName()
    {
        folder.Write("sounds/x.yaml", "pluck: {osc: {freq: 440, duration: 0.1}}\n");

        Assert.Contains("waves: no sound named 'plunk' in sounds — did you mean 'pluck'?", Run("render", "plunk").Err);
        Assert.Contains("waves: no sound named 'plunk' in sounds — did you mean 'pluck'?", Run("play", "plunk", "--output", "null", "--no-ui").Err);
        Assert.DoesNotContain("did you mean", Run("render", "zzzzzz").Err);
    }

    [Fact]
    public void Check_MisspeltSequencerStep_SuggestsTheSound()
    {
        folder.Write("sounds/x.yaml", "kick: {osc: {freq: 60, duration: 0.1}}\nbeat: {sequencer: {interval: 0.25, steps: [kick, kik]}}\n");

        var r = Run("check");

        Assert.Equal(1, r.Exit);
        Assert.Contains("error: unknown sound 'kik' in a sequencer step — did you mean 'kick'?", r.Out);
    }

    [Fact]
    public void Format_ExpressionErrorMidLine_PutsTheCaretUnderItsColumn()
    {
        var files = new[] { new SoundLibrary.SourceFile("sounds/a.yaml", "s:\n  osc: {freq: 440 * nope}\n") };
        var library = SoundLibrary.FromTexts(files);
        var problem = Problem.Error(new SourcePos("sounds/a.yaml", 2, 21), "unknown name 'nope'");

        Assert.Equal("sounds/a.yaml:2:21: error: unknown name 'nope'\n  2 |   osc: {freq: 440 * nope}\n    |                     ^~~~", ProblemText.Format(problem, library));
        Assert.Equal("sounds/b.yaml:1:1: error: x", ProblemText.Format(Problem.Error(new SourcePos("sounds/b.yaml", 1, 1), "x"), library));
    }

    [Theory]
    [InlineData("oscc", "osc")]
    [InlineData("envelop", "envelope")]
    [InlineData("fitler", "filter")]
    [InlineData("sequencr", "sequencer")]
    [InlineData("zzz", null)]
    [InlineData("oscillator", null)]
    public void Suggestions_Misspelling_FindsTheClosestNodeType(string typed, string? expected) =>
        Assert.Equal(expected, Suggestions.Closest(typed, Waves.Engine.Nodes.NodeRegistry.LanguageTypes));

    [Fact]
    public void Suggestions_VeryLongName_SuggestsNothingQuickly()
    {
        var name = new string('a', 100_000);
        Assert.Null(Suggestions.Closest(name, [name + "b", "osc"]));
    }
}
