using Waves.Engine.Rendering;
using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Nodes;

public sealed class ExpressionNodeTests
{
    /// <summary>A node whose output is the constant <paramref name="v"/>, for <paramref name="duration"/> seconds if given.</summary>
    static string Level(double v, double? duration = null) =>
        FormattableString.Invariant($"{{osc: {{type: none, range: [{v}, {v}]{(duration is { } d ? $", duration: {d}" : "")}}}}}");

    [Fact]
    public void Exp_CombinesNodeInputsPerSample()
    {
        var a = Patches.Render("""
            s:
              expression:
                exp: a * b * depth
                depth: 0.8
                a: {osc: {freq: 220}}
                b: {osc: {freq: 31}}
            """, 0.05);
        var x = Patches.Render("s:\n  osc: {freq: 220}\n", 0.05).Left;
        var y = Patches.Render("s:\n  osc: {freq: 31}\n", 0.05).Left;
        Assert.Equal(x.Length, a.Frames);
        for (var i = 0; i < a.Frames; i++) Assert.Equal(x[i] * y[i] * 0.8f, a.Left[i], 1e-6);
    }

    [Fact]
    public void ValueInputs_AreEvaluatedInOrder_EachSeeingTheEarlierOnes()
    {
        var a = Patches.Render("s:\n  expression: {a: 2, b: a * 10, c: b + t * 0, exp: a + b + c}\n", 0.01);
        Assert.All(a.Left, v => Assert.Equal(42f, v));
    }

    [Fact]
    public void ValueInputs_SeeNodeInputsWrittenAfterThem()
    {
        var a = Patches.Render($"s:\n  expression:\n    twice: x * 2\n    x: {Level(0.25)}\n    exp: twice\n", 0.01);
        Assert.All(a.Left, v => Assert.Equal(0.5f, v));
    }

    [Fact]
    public void ValueInput_ThatUsesALaterValueInput_IsAnError()
    {
        var problems = Patches.Problems("s:\n  expression: {a: b, b: 2, exp: a}\n");
        Assert.Equal(["sounds/test.yaml:2:19: error: unknown name 'b' in expression"], problems);
    }

    [Fact]
    public void T_IsPerSample_OnTheNodesClock_WhereTheOriginalHeldItForAChunk()
    {
        var a = Patches.Render("s:\n  expression: {exp: t * 1000}\n", 0.01, rate: 1000, block: 3);
        for (var i = 0; i < a.Frames; i++) Assert.Equal(i, a.Left[i], 1e-3);
    }

    [Fact]
    public void AnInputNamedT_ShadowsTheClock()
    {
        var a = Patches.Render("s:\n  expression: {t: 5, exp: t}\n", 0.01);
        Assert.All(a.Left, v => Assert.Equal(5f, v));
    }

    [Fact]
    public void StereoInput_IsFoldedToTheMeanOfItsSides()
    {
        var a = Patches.Render($"s:\n  expression:\n    x: {{track: {{pan: 1, signal: {Level(0.5)}}}}}\n    exp: x\n", 0.01);
        Assert.Null(a.Right);
        // Hard right: L = cos(π/2) ≈ 0, R = 0.5; the mean is 0.25.
        Assert.All(a.Left, v => Assert.Equal(0.25f, v, 1e-6));
    }

    [Fact]
    public void Output_IsMono_WhereTheOriginalPassedA2DResultThroughAsStereo()
    {
        var patch = Patches.Patch($"s:\n  expression:\n    x: {{track: {{pan: -1, signal: {Level(1)}}}}}\n    exp: x\n");
        Assert.Equal(1, patch.Channels);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(64)]
    [InlineData(4096)]
    public void Duration_EndsItAtTheExactFrame(int block)
    {
        var a = Patches.Render("s:\n  expression: {duration: 0.0123, exp: sin(t * 300)}\n", 1, block: block);
        Assert.Equal((int)(0.0123 * 44100), a.Frames);
    }

    /// <summary>The original returned a numeric <c>exp</c> before counting frames, so it never ended.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(256)]
    [InlineData(4096)]
    public void NumericExp_WithDuration_Ends_WhereTheOriginalNeverEnded(int block)
    {
        var a = Patches.Render("s:\n  expression: {duration: 0.5, exp: 0.25}\n", 2, rate: 1000, block: block);
        Assert.Equal(500, a.Frames);
        Assert.All(a.Left, v => Assert.Equal(0.25f, v));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    [InlineData(4096)]
    public void EndsAtTheFrameTheLastNodeInputEnds_WhereTheOriginalEndedAtAChunkBoundary(int block)
    {
        var a = Patches.Render($"""
            s:
              expression:
                a: {Level(0.25, 0.1)}
                b: {Level(0.5, 0.3)}
                exp: a + b + 1
            """, 1, rate: 1000, block: block);
        Assert.Equal(300, a.Frames);
        Assert.All(a.Left[..100], v => Assert.Equal(1.75f, v));
        Assert.All(a.Left[100..], v => Assert.Equal(1.5f, v));
    }

    [Fact]
    public void WithoutNodeInputs_NeverEndsByItself()
    {
        var a = Patches.Render("s:\n  expression: {exp: 1}\n", 2, rate: 1000);
        Assert.Equal(2000, a.Frames);
    }

    [Fact]
    public void NumericExp_EndsWithItsNodeInputs_WhereTheOriginalNeverRenderedThem()
    {
        var a = Patches.Render($"s:\n  expression:\n    a: {Level(1, 0.2)}\n    exp: 3\n", 1, rate: 1000);
        Assert.Equal(200, a.Frames);
    }

    [Fact]
    public void ListInput_IsAnInterpolationListOverTheDuration_WhereTheOriginalRejectedIt()
    {
        var a = Patches.Render("s:\n  expression: {duration: 1, ramp: [0, 1], exp: ramp}\n", 1, rate: 1000);
        Assert.Equal(1000, a.Frames);
        Assert.Equal(0.5, a.Left[500], 0.01);
    }

    [Fact]
    public void MissingExp_IsAnErrorAtTheNode()
    {
        Assert.Equal(["sounds/test.yaml:2:3: error: 'expression' needs 'exp': the formula it outputs"],
            Patches.Problems("s:\n  expression: {a: 1}\n"));
    }

    [Fact]
    public void BadInputs_AreErrorsWithPositions()
    {
        var problems = Patches.Problems("""
            s:
              expression:
                empty:
                map: {x: 1, y: 2}
                exp: nosuch + 1
            """);
        Assert.Equal([
            "sounds/test.yaml:3:5: error: input 'empty' of 'expression' has no value",
            "sounds/test.yaml:4:10: error: input 'map' of 'expression' must be a node, a number, an expression or a list, got a mapping",
            "sounds/test.yaml:5:10: error: unknown name 'nosuch' in expression",
        ], problems);
    }

    [Fact]
    public void InputThatIsNotAName_IsAWarning()
    {
        var r = Patches.Compile("s:\n  expression:\n    my-input: 1\n    exp: 2\n");
        Assert.True(r.Ok);
        Assert.Equal(["sounds/test.yaml:3:5: warning: input 'my-input' of 'expression' cannot be named in an expression (a name is letters, digits and _, not starting with a digit)"],
            r.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void ExpThatIsNotAnExpression_IsAnError()
    {
        Assert.Equal([
            "sounds/test.yaml:2:22: error: 'exp' of 'expression' must be an expression, got a 'osc' node",
            "sounds/test.yaml:2:3: error: 'expression' needs 'exp': the formula it outputs",
        ], Patches.Problems("s:\n  expression: {exp: {osc: {}}}\n"));
    }

    [Fact]
    public void Render_IsTheSameForAnyBlockSize()
    {
        const string yaml = """
            s:
              expression:
                duration: 0.3
                exp: clip(carrier * (0.5 + 0.5 * mod) * drive + rand(-0.1, 0.1), -1, 1)
                drive: "[1, 2, 4][t * 10]"
                carrier: {osc: {freq: 220, duration: 0.25}}
                mod: {envelope: {attack: 0.01, release: 0.05, duration: 0.12, signal: {osc: {freq: 3}}}}
            """;
        var reference = Patches.Render(yaml, 1, block: 4096).Left;
        Assert.Equal((int)(0.25 * 44100), reference.Length);
        foreach (var block in new[] { 1, 64, 1000 })
            Assert.Equal(reference, Patches.Render(yaml, 1, block: block).Left);
    }

    [Fact]
    public void Clock_SurvivesAReload()
    {
        var session = Reload.LiveRun.Start("s:\n  expression: {exp: t}\n", block: 100);
        var (left, _, reports) = Reload.LiveRun.Play(session, 1200, (500, "s:\n  expression: {exp: t * 2}\n"));
        Assert.True(reports[0].Accepted);
        Assert.Equal(1100 * 2 / 44100.0, left[1100], 1e-6);
    }

    [Fact]
    public void RenderBlock_AllocatesNothing()
    {
        var patch = Patches.Patch($$$$$"""
            s:
              mix:
                a:
                  expression:
                    exp: a * b + rand([0.1, 0.2]) + ramp + k
                    k: 2
                    ramp: "t * 3"
                    a: {track: {pan: {osc: {freq: 2}}, signal: {osc: {freq: 220}}}}
                    b: {{{{{Level(0.5, 0.5)}}}}}
                b:
                  expression: {duration: 1, exp: 0.5}
            """, block: 128);
        var renderer = new Renderer(patch);
        var left = new float[128];
        var right = new float[128];
        for (var i = 0; i < 4; i++) renderer.RenderBlock(left, right, 128);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 300; i++) renderer.RenderBlock(left, right, 128);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
