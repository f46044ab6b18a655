using Waves.Engine.Patching;
using Waves.Engine.Rendering;
using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Patching;

/// <summary>
/// Explicit ids inside a sub-patch: each use has its own (the use's path prefixes them), while the
/// sound being played keeps its ids as written; a bare id written inside a sub-patch means that
/// use's node first, then one of the whole sound. The original shared one state among every use.
/// </summary>
public sealed class SubPatchIdTests
{
    const string Voice = """
        voice:
          context:
            pitch: 220
            signal: {osc: {id: v, freq: pitch, amp: 0.3}}
        """;

    [Fact]
    public void ExplicitIdInsideASubPatch_UsedTwice_GetsAStatePerUse_UnlikeTheOriginal()
    {
        var patch = Patches.Patch(Voice + """

            s:
              mix:
                low: {voice: {pitch: 220}}
                high: {voice: {pitch: 330}}
            """, block: 100);
        var audio = OfflineRender.ToArrays(patch, 1000);
        Assert.Equal(1000, patch.States["s/mix/low/voice/v"].Clock);
        Assert.Equal(1000, patch.States["s/mix/high/voice/v"].Clock);
        Assert.DoesNotContain("v", patch.States.Keys);
        var low = Patches.Render("s:\n  osc: {freq: 220, amp: 0.3}\n", 1000 / 44100.0, block: 100).Left;
        var high = Patches.Render("s:\n  osc: {freq: 330, amp: 0.3}\n", 1000 / 44100.0, block: 100).Left;
        for (var i = 0; i < 1000; i++) Assert.Equal(0f + low[i] + high[i], audio.Left[i]);
    }

    [Fact]
    public void ExplicitIdsOfThePlayedSound_StayAsWritten()
    {
        var patch = Patches.Patch(Voice + "\ns:\n  mix:\n    a: {osc: {id: lead}}\n    b: {voice: {}}\n");
        Assert.Contains("lead", patch.States.Keys);
        Assert.Contains("s/mix/b/voice/v", patch.States.Keys);
        Assert.Contains("v", Patches.Patch(Voice, "voice").States.Keys);
    }

    const string Wobble = """
        wobble:
          context:
            rate: 3
            signal:
              mix:
                lfo: {osc: {id: lfo, freq: rate}}
                tone: {osc: {freq: "200 + 50 * $lfo", amp: 0.2}}
                copy: {reference: {ref: lfo}}
        """;

    [Fact]
    public void BareIdInsideASubPatch_MeansThatUsesNode()
    {
        var both = Patches.Render(Wobble + "\ns:\n  mix:\n    a: {wobble: {rate: 3}}\n    b: {wobble: {rate: 70}}\n", 0.2);
        var a = Patches.Render(Wobble + "\ns:\n  mix:\n    a: {wobble: {rate: 3}}\n", 0.2);
        var b = Patches.Render(Wobble + "\ns:\n  mix:\n    b: {wobble: {rate: 70}}\n", 0.2);
        for (var i = 0; i < both.Frames; i++) Assert.Equal(0f + a.Left[i] + b.Left[i], both.Left[i]);
    }

    [Fact]
    public void BareIds_InAStepOfASequencerInASpawnVoice_MeanThatVoicesNodes()
    {
        // Inside a spawn voice, explicit ids carry the voice's #k after the use's path; the
        // sequencer's own voices move them from under that path, so `$tone` (read by the node itself)
        // and `$lfo` still mean the copies of that voice.
        const string Loop = """
            loop:
              context:
                rate: 200
                signal:
                  mix:
                    lfo: {osc: {id: lfo, freq: 3}}
                    tone: {osc: {id: tone, freq: "clip(rate + 80 * $tone + 20 * $lfo, 40, 1200)", amp: 0.3}}
            """;
        const string Steps = "sequencer: {steps: [{loop: {rate: 154}}, {loop: {rate: 300}}], interval: 0.05}";
        var spawned = Patches.Compile(Loop + $"\ns:\n  spawn: {{trigger: {{osc: {{type: sqr, freq: 1}}}}, voices: 1, signal: {{{Steps}}}}}\n");
        Assert.True(spawned.Patch is not null, string.Join("\n", spawned.Problems));
        var alone = Patches.Render(Loop + $"\ns:\n  {Steps}\n", 0.3);
        var voice = OfflineRender.ToArrays(spawned.Patch, alone.Frames);
        Assert.Equal(alone.Left, voice.Left);
    }

    [Fact]
    public void BareIdInsideASubPatch_NotDefinedThere_MeansTheSoundsNode()
    {
        const string yaml = """
            follower:
              osc: {freq: "200 + 100 * $master"}

            s:
              mix:
                m: {osc: {id: master, freq: 2}}
                f: {follower: {}}
            """;
        const string direct = """
            s:
              mix:
                m: {osc: {freq: 2}}
                f: {context: {master: {osc: {freq: 2}}, signal: {osc: {freq: "200 + 100 * master"}}}}
            """;
        Assert.Equal(Patches.Render(direct, 0.1).Left, Patches.Render(yaml, 0.1).Left);
    }

    [Fact]
    public void NestedUses_ResolveTheInnermostFirst()
    {
        const string yaml = """
            inner:
              mix:
                x: {osc: {id: x, type: none, range: [1, 1]}}
                read: {reference: {ref: x}}
            outer:
              mix:
                x: {osc: {id: x, type: none, range: [100, 100]}}
                nested: {inner: {}}
                read: {reference: {ref: x}}
            s:
              outer: {}
            """;
        // inner: 1 + 1; outer: 100 + (1 + 1) + 100.
        var audio = Patches.Render(yaml, 0.01);
        Assert.All(audio.Left, v => Assert.Equal(202f, v));
        var ids = Patches.Patch(yaml).States.Keys;
        Assert.Contains("s/outer/x", ids);
        Assert.Contains("s/outer/mix/nested/inner/x", ids);
    }

    [Fact]
    public void SpecIds_InsideAUse_CarryTheUsePath()
    {
        var library = Patches.Library(Voice + "\nsong:\n  mix:\n    a: {voice: {}}\n");
        var spec = library.Build("song").Spec!;
        var osc = spec.Descendants().Single(d => d.Type == "osc");
        Assert.Equal(("song/mix/a/voice/v", true), (osc.Id, osc.ExplicitId));
    }
}
