using Waves.Engine.Rendering;
using Waves.Engine.Tests.Reload;
using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Nodes;

public sealed class SequencerTests
{
    /// <summary>A click: 1 for one frame, then it ends.</summary>
    const string Library = """
        click:
          expression: {exp: 1, duration: 0.001}
        tone:
          osc: {freq: 100, amp: 0.5, duration: 0.05}
        scaled:
          expression: {exp: v, duration: 0.001}

        """;

    static List<int> Onsets(float[] x)
    {
        var at = new List<int>();
        for (var i = 0; i < x.Length; i++)
            if (x[i] != 0 && (i == 0 || x[i - 1] == 0)) at.Add(i);
        return at;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(64)]
    [InlineData(512)]
    [InlineData(4096)]
    public void IntervalSteps_AtTempoNames_StartOnTheTickFrames_ForAnyBlockSize(int block)
    {
        var a = Patches.Render(Library + """
            s:
              tempo:
                bpm: 120
                signal:
                  sequencer: {interval: beat / 4, steps: [click, ~, click, click]}
            """, 1.1, block: block, rate: 44100);
        // A sixteenth at 120 bpm is 5512.5 frames: steps 0, 2, 3, 4, 6, 7 start on the first frame at or after n·5512.5.
        Assert.Equal([0, 11025, 16538, 22050, 33075, 38588], Onsets(a.Left).Take(6));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(64)]
    [InlineData(4096)]
    public void TriggerMode_FiresOnEachRisingEdge_AtItsFrame(int block)
    {
        var a = Patches.Render(Library + """
            s:
              tempo:
                bpm: 120
                signal:
                  sequencer: {trigger: beat_tick, repeat: 1, steps: [click, click, ~, click]}
            """, 3, block: block);
        Assert.Equal([0, 22050, 66150], Onsets(a.Left));
        Assert.Equal(66150 + 44, a.Frames); // complete after the last step, ends with its voice
    }

    [Fact]
    public void StepForms_NamesNodeStringsChordsRestsInlineNodesAndFlowMaps()
    {
        var a = Patches.Render(Library + """
            s:
              sequencer:
                interval: 0.01
                repeat: 1
                steps:
                  - click
                  - scaled v2
                  - [click, scaled v.5]
                  - "click, click"
                  - ~
                  -
                  - expression: {exp: 3, duration: 0.001}
                  - {click: {exp: 5}}
                  - []
                  - "scaled v=4"
            """, 1, rate: 1000);
        var left = a.Left;
        var heard = Enumerable.Range(0, 10).Select(step => left[step * 10]).ToArray();
        // click, scaled v2, [click, scaled v.5], "click, click", ~, empty, inline node, flow map with an override, [], v=4
        Assert.Equal([1f, 2f, 1.5f, 2f, 0f, 0f, 3f, 5f, 0f, 4f], heard);
        Assert.Equal(100, a.Frames); // complete once the last step's interval is over
    }

    [Fact]
    public void UnknownStepSound_IsAnErrorAtTheStep()
    {
        var problems = Patches.Problems("s:\n  sequencer: {interval: 1, steps: [nope]}\n");
        Assert.Contains(problems, p => p.Contains("test.yaml:2:") && p.Contains("unknown sound 'nope'"));
    }

    [Fact]
    public void Chain_StartsEachItemOnTheFrameThePreviousEnded()
    {
        var a = Patches.Render(Library + """
            s:
              sequencer: {repeat: 1, chain: [tone, click, tone]}
            """, 1, block: 64, rate: 1000);
        // tone lasts 50 frames, click 1.
        var tone = Patches.Render(Library, 1, sound: "tone", block: 64, rate: 1000).Left;
        Assert.Equal(tone, a.Left[..50]);
        Assert.Equal(tone, a.Left[51..101]);
        Assert.Equal(1f, a.Left[50]);
        Assert.Equal(101, a.Frames);
    }

    [Fact]
    public void Voices_AreBounded_TheOldestFadesOutWhenStolen()
    {
        var a = Patches.Render(Library + """
            long:
              expression: {exp: 1, duration: 1}
            s:
              sequencer: {interval: 0.1, voices: 2, steps: [long]}
            """, 0.35, rate: 1000);
        Assert.Equal(1f, a.Left[50], 4);
        Assert.Equal(2f, a.Left[150], 4);
        // The third start steals the first: it fades over 5 ms, so two ring after it.
        Assert.InRange(a.Left[201], 2f, 3f);
        Assert.Equal(2f, a.Left[250], 4);
    }

    [Fact]
    public void HotReload_DuringARingingVoice_KeepsItRinging()
    {
        const string yaml = """
            pad:
              osc: {freq: 220, duration: 2}
            s:
              mix:
                a:
                  sequencer: {interval: 1, steps: [pad]}
                b:
                  osc: {freq: 3}
            """;
        var plain = LiveRun.Play(LiveRun.Start(yaml), 44100);
        var edited = yaml.Replace("freq: 3", "freq: 5");
        var reloaded = LiveRun.Play(LiveRun.Start(yaml, fadeFrames: 0), 44100, (20480, edited));
        // Track a (left of an equal-power mix: both channels hold a + b) is the same: compare a alone.
        var sessionA = LiveRun.Play(LiveRun.Start(yaml.Replace("osc: {freq: 3}", "osc: {freq: 3, amp: 0}")), 44100);
        var sessionB = LiveRun.Play(LiveRun.Start(yaml.Replace("osc: {freq: 3}", "osc: {freq: 3, amp: 0}"), fadeFrames: 0), 44100,
            (20480, edited.Replace("osc: {freq: 5}", "osc: {freq: 5, amp: 0}")));
        Assert.Equal(-1, LiveRun.FirstDifference(sessionA.Left, sessionB.Left));
        Assert.Equal(-1, LiveRun.FirstDifference(plain.Left[..20480], reloaded.Left[..20480]));
    }

    [Fact]
    public void EditedStepSound_IsHeardAtItsNextTrigger()
    {
        const string yaml = """
            hit:
              expression: {exp: 1, duration: 0.01}
            s:
              sequencer: {interval: 0.5, steps: [hit]}
            """;
        var run = LiveRun.Play(LiveRun.Start(yaml), 44100, (10240, yaml.Replace("exp: 1", "exp: 0.25")));
        Assert.Equal(1f, run.Left[10]);
        Assert.Equal(0.25f, run.Left[22050 + 10]);
    }

    [Fact]
    public void Rendering_WithVoicesStartingAndStealing_AllocatesNothing()
    {
        var bytes = RenderAllocations.Of(() => Patches.Patch(Library + """
            s:
              tempo:
                bpm: 480
                signal:
                  mix:
                    a: {sequencer: {interval: sixteenth, voices: 3, steps: [tone, "scaled v.5", [tone, click], ~]}}
                    b: {sequencer: {trigger: beat_tick, steps: [tone]}}
                    c: {sequencer: {chain: [click, tone, ~]}}
            """, block: 128), 400);
        Assert.Equal(0, bytes);
    }

    [Fact]
    public void Tempo_Rendering_AllocatesNothing()
    {
        var bytes = RenderAllocations.Of(() => Patches.Patch("s:\n  tempo: {bpm: {osc: {freq: 1, range: [100, 400]}}, signal: beat_tick + bar_number + beat}\n", block: 128), 200);
        Assert.Equal(0, bytes);
    }

    [Fact]
    public void RandInAStepSound_DrawsAnewAtEachStart_WhereASlotReplayedItsFirstDraw()
    {
        var x = Patches.Render("s:\n  sequencer: {interval: 0.01, repeat: 8, steps: [{expression: {exp: \"rand()\", duration: 0.005}}]}\n", 0.08, rate: 1000).Left;
        var draws = Enumerable.Range(0, 8).Select(k => x[k * 10 + 2]).ToArray();
        Assert.All(draws, d => Assert.InRange(d, 0f, 1f));
        Assert.True(draws.Distinct().Count() >= 7, string.Join(", ", draws));
    }

    [Fact]
    public void OverlappingVoicesEndingInsideBlocks_GiveTheSameBitsForAnyBlockSize()
    {
        // Voices end mid-block while the next starts: a large block finds another slot free than a
        // small one. Draws follow the start, not the slot, and voices are summed oldest first.
        const string yaml = "s:\n  sequencer:\n    interval: 0.0237\n    steps:\n      - osc: {type: sin, freq: \"rand(200, 900)\", amp: \"rand(0.1, 0.3)\", duration: 0.061}\n";
        var a = Patches.Render(yaml, 0.5, block: 1).Left;
        Assert.Equal(a, Patches.Render(yaml, 0.5, block: 4096).Left);
        Assert.Equal(a, Patches.Render(yaml, 0.5, block: 333).Left);
    }

    [Fact]
    public void StartsFasterThanStolenVoicesFade_AreTheSameForAnyBlockSize()
    {
        // No interval: a step every frame, so every start steals and the spare slots are always
        // fading. Each start finds the voices as they are on its frame (they are rendered up to it).
        const string yaml = "s:\n  sequencer:\n    steps: [{osc: {type: perlin, freq: 620, amp: 0.852, duration: 0.058}}]\n";
        var a = Patches.Render(yaml, 0.1, block: 1).Left;
        Assert.Contains(a, v => v != 0);
        foreach (var block in new[] { 7, 64, 4096 })
            Assert.Equal(a, Patches.Render(yaml, 0.1, block: block).Left);
    }

    [Theory]
    [InlineData("", false)]
    [InlineData(", seed: 7", true)]
    public void NoiseInAStepSound_IsNewAtEachStart_UnlessItHasItsOwnSeed(string seed, bool same)
    {
        var x = Patches.Render($"s:\n  sequencer: {{interval: 0.01, repeat: 3, steps: [{{osc: {{type: noise, duration: 0.005{seed}}}}}]}}\n", 0.03, rate: 1000).Left;
        Assert.Contains(x, v => v != 0);
        Assert.Equal(same, x.AsSpan(0, 5).SequenceEqual(x.AsSpan(10, 5)));
        Assert.Equal(same, x.AsSpan(10, 5).SequenceEqual(x.AsSpan(20, 5)));
    }
}
