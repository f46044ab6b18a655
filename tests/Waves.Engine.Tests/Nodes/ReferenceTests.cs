using Waves.Engine.Rendering;
using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Nodes;

/// <summary><c>$id</c> in expressions and the <c>reference</c> node: a node read by id renders once
/// per block, before its readers, wherever it is declared.</summary>
public sealed class ReferenceTests
{
    /// <summary>The tone's frequency follows the lfo, read directly as a context variable: what a
    /// reference by id must give, sample for sample.</summary>
    const string Direct = """
        s:
          mix:
            tone:
              context:
                lfo: {osc: {freq: 3, amp: 0.5}}
                signal: {osc: {freq: "300 + 100 * lfo"}}
            lfo: {osc: {freq: 3, amp: 0.5}}
        """;

    static void AssertSame(RenderedAudio expected, RenderedAudio actual)
    {
        Assert.Equal(expected.Channels.Length, actual.Channels.Length);
        for (var c = 0; c < expected.Channels.Length; c++) Assert.Equal(expected.Channels[c], actual.Channels[c]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(64)]
    [InlineData(1000)]
    public void DollarId_DeclaredInALaterTrack_ReadsTheSameBlock_WhereTheOriginalReadThePreviousOne(int block)
    {
        const string forward = """
            s:
              mix:
                tone: {osc: {freq: "300 + 100 * $lfo"}}
                lfo: {osc: {id: lfo, freq: 3, amp: 0.5}}
            """;
        AssertSame(Patches.Render(Direct, 0.3, block: block), Patches.Render(forward, 0.3, block: block));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(64)]
    public void DollarId_DeclaredInAnEarlierTrack_ReadsTheSameBlock(int block)
    {
        const string backward = """
            s:
              mix:
                lfo: {osc: {id: lfo, freq: 3, amp: 0.5}}
                tone: {osc: {freq: "300 + 100 * $lfo"}}
            """;
        const string direct = """
            s:
              mix:
                lfo: {osc: {freq: 3, amp: 0.5}}
                tone:
                  context:
                    lfo: {osc: {freq: 3, amp: 0.5}}
                    signal: {osc: {freq: "300 + 100 * lfo"}}
            """;
        AssertSame(Patches.Render(direct, 0.3, block: block), Patches.Render(backward, 0.3, block: block));
    }

    [Fact]
    public void BareId_InAnExpression_MeansTheSameAsDollarId()
    {
        const string bare = "s:\n  mix:\n    tone: {osc: {freq: \"300 + 100 * lfo\"}}\n    lfo: {osc: {id: lfo, freq: 3, amp: 0.5}}\n";
        AssertSame(Patches.Render(Direct, 0.2), Patches.Render(bare, 0.2));
    }

    [Fact]
    public void ReadNode_RendersOncePerBlock_HoweverManyReadIt()
    {
        var patch = Patches.Patch("""
            s:
              mix:
                a: {reference: {ref: lfo}}
                b: {osc: {freq: "200 + 10 * $lfo"}}
                c: {osc: {id: lfo, freq: 3}}
                d: {reference: {ref: lfo}}
                e: {osc: {freq: "300 + lfo * $lfo"}}
            """, block: 100);
        OfflineRender.ToArrays(patch, 1000);
        Assert.Equal(1000, patch.States["lfo"].Clock);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    public void Reference_BeforeOrAfterItsNode_OutputsIt_WhereTheOriginalFailedBeforeIt(int block)
    {
        var twice = Patches.Render("s:\n  osc: {freq: 220, amp: 2}\n", 0.1, block: block);
        foreach (var yaml in new[]
        {
            "s:\n  mix:\n    a: {reference: {ref: x}}\n    b: {osc: {id: x, freq: 220}}\n",
            "s:\n  mix:\n    b: {osc: {id: x, freq: 220}}\n    a: {reference: {ref: x}}\n",
        })
        {
            var a = Patches.Render(yaml, 0.1, block: block);
            for (var i = 0; i < a.Frames; i++) Assert.Equal(twice.Left[i], a.Left[i], 1e-6);
        }
    }

    [Fact]
    public void Reference_ToAStereoNodeDeclaredLater_IsStereo()
    {
        var a = Patches.Render("""
            s:
              mix:
                copy: {reference: {ref: panned}}
                source: {track: {id: panned, pan: -1, signal: {osc: {freq: 220}}}}
            """, 0.05);
        Assert.NotNull(a.Right);
        var alone = Patches.Render("s:\n  track: {pan: -1, signal: {osc: {freq: 220}}}\n", 0.05);
        for (var i = 0; i < a.Frames; i++)
        {
            Assert.Equal(2 * alone.Left[i], a.Left[i], 1e-6);
            Assert.Equal(2 * alone.Right![i], a.Right![i], 1e-6);
        }
    }

    [Fact]
    public void Reference_ReachesIdsWithHyphens_AndPathIds()
    {
        var hyphen = Patches.Render("s:\n  mix:\n    a: {reference: {ref: my-lfo}}\n    b: {osc: {id: my-lfo, freq: 5, amp: 0}}\n", 0.05);
        Assert.All(hyphen.Left, v => Assert.Equal(0f, v));
        var path = Patches.Render("s:\n  mix:\n    a: {reference: {ref: s/mix/b/osc}}\n    b: {osc: {freq: 220}}\n", 0.05);
        var twice = Patches.Render("s:\n  osc: {freq: 220, amp: 2}\n", 0.05);
        for (var i = 0; i < path.Frames; i++) Assert.Equal(twice.Left[i], path.Left[i], 1e-6);
    }

    [Fact]
    public void Reference_ToAnUnknownId_IsAnErrorAtTheReference()
    {
        var problems = Patches.Problems("s:\n  mix:\n    a: {reference: {ref: nope}}\n    b: {osc: {id: lfo}}\n");
        var problem = Assert.Single(problems);
        Assert.StartsWith("sounds/test.yaml:3:26: error: unknown id 'nope'", problem);
    }

    [Fact]
    public void OneIdOnTwoNodes_IsAWarning_AndReferencesReadTheFirst()
    {
        var result = Patches.Compile("s:\n  mix:\n    a: {osc: {id: x, freq: 220}}\n    b: {osc: {id: x, freq: 330, amp: 0}}\n    c: {reference: {ref: x}}\n");
        Assert.True(result.Ok);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("sounds/test.yaml:4:19: warning: id 'x' is also given at sounds/test.yaml:3:19; an id names one node (a reference reads the first)", problem.ToString());
    }

    [Fact]
    public void Reference_WithoutRef_IsAnError()
    {
        var problems = Patches.Problems("s:\n  mix:\n    a: {reference: {}}\n");
        Assert.Contains(problems, p => p.Contains("error: 'reference' needs 'ref'"));
    }

    [Fact]
    public void DollarUnknownId_IsAnUnknownNameAtItsPosition()
    {
        var problems = Patches.Problems("s:\n  osc: {freq: \"100 + $nope\"}\n");
        Assert.Contains("sounds/test.yaml:2:22: error: unknown name 'nope' in expression", problems);
    }

    [Fact]
    public void NodeId_ShadowsAContextVariable_ButNotT()
    {
        // Precedence: built-ins < vars < parameters and context variables < node ids < t.
        var shadowed = Patches.Render("""
            s:
              mix:
                a: {context: {x: 1000, signal: {osc: {freq: "x", amp: 0}}}}
                b: {context: {x: 7, signal: "x"}}
                c: {osc: {id: x, type: none, range: [5, 5]}}
            """, 0.01);
        Assert.All(shadowed.Left, v => Assert.Equal(10f, v));
        var time = Patches.Render("s:\n  mix:\n    a: {osc: {id: t, type: none, range: [5, 5]}}\n    b: {context: {signal: \"t\"}}\n", 0.01, rate: 1000);
        Assert.Equal(5 + 9 / 1000f, time.Left[9], 1e-6);
    }

    /// <summary>The lfo's parent ends inside a block; the reference keeps the lfo running on its own
    /// time, without a gap where that block ends, so the output is the same for any block size.</summary>
    [Fact]
    public void ReadNode_WhoseParentEndsInsideABlock_RunsOnTheSameForAnyBlockSize()
    {
        const string yaml = """
            s:
              mix:
                short: {osc: {duration: 0.0123, freq: {osc: {id: lfo, freq: 30, range: [100, 300]}}}}
                long: {osc: {freq: "$lfo"}}
            """;
        var one = Patches.Render(yaml, 0.1, block: 1);
        foreach (var block in new[] { 64, 333, 4096 })
            AssertSame(one, Patches.Render(yaml, 0.1, block: block));
    }

    /// <summary>The node read lies inside a context: the reference renders the context first, so the
    /// node sees this block's variables, whether the reference comes before or after it.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(512)]
    public void Reference_IntoAContextDeclaredLater_SeesThatBlocksVariables(int block)
    {
        const string main = "main: {context: {depth: \"3.5 + 2.25 * cos(t * 13)\", signal: {osc: {id: r1, freq: \"620 + 232 * sin(t * depth)\"}}}}";
        var forward = Patches.Render($"s:\n  mix:\n    copy: {{reference: {{ref: r1}}}}\n    {main}\n", 0.05, block: block);
        var backward = Patches.Render($"s:\n  mix:\n    {main}\n    copy: {{reference: {{ref: r1}}}}\n", 0.05, block: block);
        AssertSame(backward, forward);
        AssertSame(Patches.Render($"s:\n  mix:\n    {main}\n    copy: {{reference: {{ref: r1}}}}\n", 0.05, block: 1), forward);
    }

    const string Voice = """
        voice:
          context:
            pitch: 220
            signal:
              mix:
                lfo: {osc: {id: wob, freq: 5, amp: 0.5}}
                tone: {osc: {id: tone, freq: "clip(pitch + 20 * $wob, 40, 1200)", amp: 0.3}}
                again: {reference: {ref: tone}}
        """;

    /// <summary>Parts of blocks: a select switching paths inside a block, voices starting inside one.
    /// A reference reads a node rendered in the same part as it is in that part, and any other node as
    /// it renders for the whole block, from the part's offset; each renders once.</summary>
    [Theory]
    [InlineData("s:\n  select:\n    test: \"floor(t * 5) % 3\"\n    \"0\": {voice: {}}\n    \"1\": {osc: {freq: 300}}\n")]
    [InlineData("s:\n  spawn:\n    trigger: {osc: {id: r1, type: sqr, freq: 20}}\n    voices: 3\n    signal: {envelope: {decay: 0.02, signal: {osc: {phase: \"0.7 * $r1\"}}}}\n")]
    [InlineData("s:\n  multiply:\n    number: 2\n    signal: {voice: {pitch: \"220 * i\"}}\n")]
    [InlineData("s:\n  spawn:\n    trigger: {osc: {type: sqr, freq: 20}}\n    voices: 2\n    signal: {envelope: {decay: 0.03, signal: {voice: {}}}}\n")]
    [InlineData("s:\n  sequencer:\n    interval: 0.0337\n    voices: 2\n    steps: [voice, {voice: {pitch: 300}}, ~]\n")]
    [InlineData("s:\n  sequencer:\n    interval: 0.05\n    steps: [~, {sequencer: {interval: 0.0137, steps: [{voice: {pitch: 80}}]}}]\n")]
    public void References_InsideAndAcrossPartsOfBlocks_AreTheSameForAnyBlockSize(string sound)
    {
        var yaml = Voice + "\n" + sound;
        var one = Patches.Render(yaml, 0.4, block: 1);
        Assert.Contains(one.Left, v => v != 0);
        foreach (var block in new[] { 7, 64, 441 })
            AssertSame(one, Patches.Render(yaml, 0.4, block: block));
    }

    [Fact]
    public void Render_WithReferencesAndFeedback_AllocatesNothing()
    {
        var patch = Patches.Patch("""
            s:
              mix:
                a: {osc: {freq: "200 + 50 * $lfo"}}
                b: {reference: {ref: wide}}
                c: {track: {id: wide, pan: 0.5, signal: {osc: {id: lfo, freq: 3}}}}
                d: {osc: {id: self, freq: "300 + 100 * $self", amp: 0.2}}
                e: {osc: {id: p, freq: 110, phase: {reference: {ref: q}}}}
                f: {osc: {id: q, freq: 220, phase: {reference: {ref: p}}}}
            """, block: 128);
        var renderer = new Renderer(patch);
        var left = new float[128];
        var right = new float[128];
        for (var i = 0; i < 4; i++) renderer.RenderBlock(left, right, 128);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 200; i++) renderer.RenderBlock(left, right, 128);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Empty(patch.Root.Faults());
    }
}
