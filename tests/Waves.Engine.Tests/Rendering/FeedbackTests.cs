using Waves.Engine.Kernels;
using Waves.Engine.Patching;
using Waves.Engine.Rendering;
using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Rendering;

/// <summary>
/// Feedback: a node that reads itself, directly or through others. The loop is broken where it comes
/// back to a node that is rendering: that read gets the node's previous block (one block of delay,
/// so the output depends on the block size there, and only there); nothing renders twice in a block.
/// </summary>
public sealed class FeedbackTests
{
    const int Rate = 44100;
    /// <summary>The oscillator's fixed-point phase, advanced as the engine does it.</summary>
    static ulong Advance(ulong acc, float freq) => acc + OscKernels.Increment(freq, Rate);

    /// <summary>The oscillator's sine of a phase, shifted by <paramref name="radians"/> of phase modulation.</summary>
    static float Sin(ulong acc, float radians = 0) =>
        OscKernels.SineAt((uint)(acc >> 32) + OscKernels.CycleOffset(radians * (1 / (2 * Math.PI))));

    const string SelfYaml = "s:\n  osc: {id: x, freq: \"100 + 50 * $x\"}\n";

    /// <summary>x[n] = sin(φ[n]), φ advancing by 100 + 50·x[n − B] Hz, where B is the block size.</summary>
    static float[] SelfRecurrence(int frames, int block)
    {
        var x = new float[frames];
        ulong acc = 0;
        for (var n = 0; n < frames; n++)
        {
            var delayed = n >= block ? x[n - block] : 0f;
            acc = Advance(acc, (float)(100 + 50 * (double)delayed));
            x[n] = Sin(acc);
        }
        return x;
    }

    [Theory]
    [InlineData(64)]
    [InlineData(100)]
    public void NodeReadingItself_ReadsItsPreviousBlock(int block)
    {
        var frames = block * 40;
        var audio = Patches.Render(SelfYaml, frames / (double)Rate, block: block);
        Assert.Equal(SelfRecurrence(frames, block), audio.Left);
    }

    [Fact]
    public void NodeReadingItself_DependsOnTheBlockSize()
    {
        var a = Patches.Render(SelfYaml, 0.1, block: 64);
        var b = Patches.Render(SelfYaml, 0.1, block: 100);
        Assert.NotEqual(a.Left, b.Left);
    }

    [Fact]
    public void NodeReadingItself_IsReportedOnce_AsAWarningAtTheRead()
    {
        var result = Patches.Compile(SelfYaml, block: 64);
        Assert.True(result.Ok);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("sounds/test.yaml:2:34: warning: feedback through x, delayed by 64 frames", problem.ToString());
    }

    const string PairYaml = """
        s:
          mix:
            a: {osc: {id: a, freq: 220, phase: {reference: {ref: b}}}}
            b: {osc: {id: b, freq: 330, phase: {reference: {ref: a}}}}
        """;

    /// <summary>The mix renders a first; a reads b, which renders then and reads a while a is
    /// rendering: b gets a's previous block, a gets b's current one.</summary>
    static float[] PairRecurrence(int frames, int block)
    {
        var a = new float[frames];
        var output = new float[frames];
        ulong pa = 0, pb = 0;
        for (var n = 0; n < frames; n++)
        {
            pa = Advance(pa, 220);
            pb = Advance(pb, 330);
            var delayed = n >= block ? a[n - block] : 0f;
            var b = Sin(pb, delayed);
            a[n] = Sin(pa, b);
            output[n] = 0f + a[n] + b;
        }
        return output;
    }

    [Theory]
    [InlineData(64)]
    [InlineData(100)]
    public void TwoNodesReadingEachOther_DelayTheLoopByOneBlock_RenderingEachOnce_WhereTheOriginalRenderedTwice(int block)
    {
        var frames = block * 30;
        var patch = Patches.Patch(PairYaml, block: block);
        var audio = OfflineRender.ToArrays(patch, frames);
        Assert.Equal(PairRecurrence(frames, block), audio.Left);
        Assert.Equal(frames, patch.States["a"].Clock);
        Assert.Equal(frames, patch.States["b"].Clock);
        Assert.Empty(patch.Root.Faults());
    }

    [Fact]
    public void TwoNodesReadingEachOther_AreReportedOnce()
    {
        var problem = Assert.Single(Patches.Compile(PairYaml, block: 64).Problems);
        Assert.Equal("sounds/test.yaml:4:58: warning: feedback through a → b → a, delayed by 64 frames", problem.ToString());
    }

    [Fact]
    public void ReferenceToItself_IsSilentFeedback_NotARecursion()
    {
        var result = Patches.Compile("s:\n  mix:\n    a: {reference: {id: r, ref: r}}\n    b: {osc: {freq: 5}}\n");
        Assert.True(result.Ok);
        Assert.Contains(result.Problems, p => p.Message == "feedback through r, delayed by 256 frames");
        var audio = OfflineRender.ToArrays(result.Patch!, 2000);
        var alone = Patches.Render("s:\n  osc: {freq: 5}\n", 2000 / 44100.0);
        Assert.Equal(alone.Left, audio.Left);
    }

    /// <summary>A node read from inside its own subtree: the read comes back through its parent's
    /// tree edge (not a reference), and still gets the previous block.</summary>
    [Fact]
    public void LoopThroughAParent_ReadsThePreviousBlock_AndRendersEachNodeOnce()
    {
        var patch = Patches.Patch("""
            s:
              mix:
                first: {reference: {ref: x}}
                outer: {osc: {id: p, freq: 200, phase: {osc: {id: x, freq: "300 + 100 * $p"}}}}
            """, block: 64);
        OfflineRender.ToArrays(patch, 64 * 20);
        Assert.Equal(64 * 20, patch.States["p"].Clock);
        Assert.Equal(64 * 20, patch.States["x"].Clock);
        Assert.Empty(patch.Root.Faults());
    }

    [Fact]
    public void Reload_OfAPatchWithFeedback_CarriesOnAsWithoutTheReload()
    {
        const string start = "s:\n  mix:\n    loop: {osc: {id: x, freq: \"200 + 100 * $x\", amp: 0.5}}\n    other: {osc: {freq: 3, amp: 0.1}}\n";
        const string added = start + "    quiet: {osc: {freq: 50, amp: 0}}\n";
        var settings = new RenderSettings(Rate, 64, 1);
        var plain = Run(start, start, settings, reloadAt: -1);
        Assert.Equal(plain, Run(start, start, settings, reloadAt: 7));
        Assert.Equal(plain, Run(start, added, settings, reloadAt: 7));
    }

    static float[] Run(string first, string second, RenderSettings settings, int reloadAt, string feedbackId = "x")
    {
        var (session, _) = LiveSession.Start(Patches.Library(first), "s", settings, fadeFrames: 200);
        var left = new float[64];
        var right = new float[64];
        var output = new List<float>();
        for (var block = 0; block < 20; block++)
        {
            if (block == reloadAt)
            {
                var before = session!.Latest;
                Assert.True(session.Reload(Patches.Library(second)).Accepted);
                Assert.Same(before.States[feedbackId + "#feedback"], session.Latest.States[feedbackId + "#feedback"]);
            }
            session!.Renderer.RenderBlock(left, right, 64);
            output.AddRange(left);
        }
        return [.. output];
    }

    /// <summary>A context's variable reads a node of the context's own signal, which reads that
    /// variable: the variable gets the node's previous block (the node renders after the variables, with
    /// this block's), and a reload carries the loop on.</summary>
    [Fact]
    public void LoopThroughAContextsVariable_ReadsThePreviousBlock_AndSurvivesAReload()
    {
        const string yaml = """
            s:
              context:
                wobble: {osc: {freq: 3, phase: {reference: {ref: r1}}}}
                signal: {osc: {id: r1, freq: "620 + 232 * sin(t * wobble)"}}
            """;
        var problem = Assert.Single(Patches.Compile(yaml, block: 64).Problems);
        Assert.Equal("feedback through r1, delayed by 64 frames", problem.Message);
        var settings = new RenderSettings(Rate, 64, 1);
        Assert.Equal(Run(yaml, yaml, settings, reloadAt: -1, feedbackId: "r1"), Run(yaml, yaml, settings, reloadAt: 5, feedbackId: "r1"));
    }

    [Fact]
    public void Reload_ThatChangesANodeOfTheLoop_DeclicksWithoutRenderingItTwice()
    {
        const string before = "s:\n  osc: {id: x, freq: \"200 + 100 * $x\"}\n";
        const string after = "s:\n  osc: {id: x, freq: \"250 + 100 * $x\"}\n";
        var (session, _) = LiveSession.Start(Patches.Library(before), "s", new RenderSettings(Rate, 64, 1), fadeFrames: 300);
        var left = new float[64];
        var right = new float[64];
        for (var i = 0; i < 5; i++) session!.Renderer.RenderBlock(left, right, 64);
        var report = session!.Reload(Patches.Library(after));
        Assert.True(report.Accepted, string.Join("\n", report.Problems));
        Assert.Equal(["x"], report.Changes.Retuned);
        for (var i = 0; i < 10; i++) session.Renderer.RenderBlock(left, right, 64);
        Assert.Equal(15 * 64, session.Latest.States["x"].Clock);
        Assert.Empty(session.Latest.Root.Faults());
        Assert.All(left, v => Assert.True(float.IsFinite(v) && Math.Abs(v) <= 1));
    }

    [Fact]
    public void Snapshot_OfAPatchWithFeedback_RestoresTheLoop()
    {
        var patch = Patches.Patch(SelfYaml, block: 64);
        var renderer = new Renderer(patch);
        var left = new float[64];
        var right = new float[64];
        for (var i = 0; i < 10; i++) renderer.RenderBlock(left, right, 64);
        var snapshot = patch.Capture();
        var expected = new List<float>();
        for (var i = 0; i < 10; i++)
        {
            renderer.RenderBlock(left, right, 64);
            expected.AddRange(left);
        }
        var again = Patches.Patch(SelfYaml, block: 64);
        StateWrite.Restore(again, Waves.Journal.Sessions.StateCodec.Decode(Waves.Journal.Sessions.StateCodec.Encode(snapshot))).Apply(0);
        var other = new Renderer(again);
        var actual = new List<float>();
        for (var i = 0; i < 10; i++)
        {
            other.RenderBlock(left, right, 64);
            actual.AddRange(left);
        }
        Assert.Equal(expected, actual);
    }

    /// <summary>A delay at least a block long publishes its block before it reads its input, so a loop
    /// through it keeps the exact delay time: the echoes are the same for any block size.</summary>
    [Fact]
    public void LoopThroughADelayOfAtLeastABlock_HasNoExtraBlockOfDelay()
    {
        const string yaml = """
            s:
              mix:
                echo:
                  delay:
                    id: d
                    time: 0.01
                    signal:
                      mix:
                        dry: {osc: {freq: 1000, duration: 0.002}}
                        wet: {expression: {exp: "0.5 * $d"}}
            """;
        var a = Patches.Render(yaml, 0.1, block: 64);
        var b = Patches.Render(yaml, 0.1, block: 128);
        Assert.Equal(a.Left, b.Left);
        // The second echo comes 441 frames after the first.
        Assert.NotEqual(0f, a.Left[441 + 441 + 10]);
    }
}
