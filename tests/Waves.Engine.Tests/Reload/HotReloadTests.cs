using Waves.Engine.Rendering;
using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Reload;

public sealed class HotReloadTests
{
    // Track a is hard left, track b hard right: each channel shows one track alone.
    const string TwoTracks = """
        s:
          mix:
            a: {track: {pan: -1, signal: {osc: {type: saw, freq: 220, amp: [0.5, 1], duration: 3}}}}
            b: {track: {pan: 1, signal: {envelope: {attack: 0.05, decay: 0.3, sustain: 0.4, signal: {osc: {freq: 330}}}}}}
        """;

    static string With(string from, string to) => TwoTracks.Replace(from, to);

    /// <summary>Largest sample-to-sample step between two frames.</summary>
    static float MaxStep(float[] x, int from, int to)
    {
        float m = 0;
        for (var i = from + 1; i < to; i++) m = Math.Max(m, Math.Abs(x[i] - x[i - 1]));
        return m;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(12800)]
    [InlineData(30000)]
    public void Reload_OfUnchangedText_LeavesTheOutputBitIdentical(long frame)
    {
        var plain = LiveRun.Play(LiveRun.Start(TwoTracks), 44100);
        var moved = "# a comment moves every line\n\n" + TwoTracks;
        var reloaded = LiveRun.Play(LiveRun.Start(TwoTracks), 44100, (frame, TwoTracks), (frame + 640, moved));
        Assert.All(reloaded.Reports, r => Assert.True(r.Accepted && r.Changes.IsEmpty, r.Changes.ToString()));
        Assert.Equal(-1, LiveRun.FirstDifference(plain.Left, reloaded.Left));
        Assert.Equal(-1, LiveRun.FirstDifference(plain.Right, reloaded.Right));
    }

    [Fact]
    public void Reload_ChangingOneNode_LeavesTheOthersBitIdentical_AndKeepsItsPhase()
    {
        var plain = LiveRun.Play(LiveRun.Start(TwoTracks), 44100);
        var session = LiveRun.Start(TwoTracks, fadeFrames: 0);
        const long at = 12800;
        var edited = LiveRun.Play(session, 44100, (at, With("freq: 330", "freq: 440")));
        Assert.Equal(["s/mix/b/track/signal/envelope/signal/osc"], edited.Reports[0].Changes.Retuned);
        Assert.Equal(-1, LiveRun.FirstDifference(plain.Left, edited.Left));     // track a untouched
        Assert.Equal(-1, LiveRun.FirstDifference(plain.Right[..(int)at], edited.Right[..(int)at]));
        // Phase continuity: the osc goes on from the phase it had reached, now at 440 Hz.
        var phaseAtSwap = 2 * Math.PI * 330 * at / 44100;
        var env = edited.Right[(int)at] / Math.Sin(phaseAtSwap + 2 * Math.PI * 440 / 44100);
        var next = Math.Sin(phaseAtSwap + 2 * Math.PI * 440 * 2 / 44100) * env;
        Assert.Equal(next, edited.Right[(int)at + 1], 2e-3);
        Assert.NotEqual(plain.Right[(int)at + 100], edited.Right[(int)at + 100]);
    }

    [Fact]
    public void Reload_AddingATrack_KeepsTheOtherTracksState()
    {
        var plain = LiveRun.Play(LiveRun.Start(TwoTracks), 44100);
        var added = TwoTracks.Replace("    a: {track:", "    c: {track: {pan: -1, signal: {osc: {type: tri, freq: 110, amp: 0.2}}}}\n    a: {track:");
        var edited = LiveRun.Play(LiveRun.Start(TwoTracks), 44100, (10240, added));
        Assert.Contains("s/mix/c/track", edited.Reports[0].Changes.Added);
        Assert.Empty(edited.Reports[0].Changes.Removed);
        Assert.Equal(-1, LiveRun.FirstDifference(plain.Right, edited.Right));   // b keeps its envelope and phase
        Assert.Equal(-1, LiveRun.FirstDifference(plain.Left[..10240], edited.Left[..10240]));
    }

    [Fact]
    public void Reload_RemovingThenReAddingANode_GivesItFreshState()
    {
        var withoutB = """
            s:
              mix:
                a: {track: {pan: -1, signal: {osc: {type: saw, freq: 220, amp: [0.5, 1], duration: 3}}}}
            """;
        var edited = LiveRun.Play(LiveRun.Start(TwoTracks), 44100, (8192, withoutB), (20480, TwoTracks));
        Assert.Contains("s/mix/b/track/signal/envelope", edited.Reports[0].Changes.Removed);
        Assert.Contains("s/mix/b/track/signal/envelope", edited.Reports[1].Changes.Added);
        // b starts again from the beginning of its attack at frame 20480, as a new sound would
        // (after the fade-in that brings a new track in).
        var fresh = LiveRun.Play(LiveRun.Start(TwoTracks), 4410);
        for (var i = 441; i < 4410; i++) Assert.Equal(fresh.Right[i], edited.Right[20480 + i]);
        Assert.True(Math.Abs(edited.Right[20480 + 100]) <= Math.Abs(fresh.Right[100]));
    }

    [Fact]
    public void Reload_ChangingANodesType_GivesItFreshState()
    {
        const string before = "s:\n  mix:\n    x: {osc: {id: voice, freq: 100}}\n";
        const string after = "s:\n  mix:\n    x: {envelope: {id: voice, attack: 0.01, signal: 0.5}}\n";
        var edited = LiveRun.Play(LiveRun.Start(before, fadeFrames: 0), 8192, (4096, after));
        Assert.Equal(["voice"], edited.Reports[0].Changes.Added);
        Assert.Equal(["voice"], edited.Reports[0].Changes.Removed);
        Assert.Equal(0f, edited.Left[4096]);                         // the new envelope starts its attack at 0
        Assert.Equal(0.5f, edited.Left[4096 + 441], 1e-6f);
    }

    [Fact]
    public void Reload_ChangingAFrequency_DoesNotClick()
    {
        const string a = "s:\n  osc: {freq: 220}\n";
        const string b = "s:\n  osc: {freq: 880}\n";
        var edited = LiveRun.Play(LiveRun.Start(a), 20000, (8192, b));
        // The largest step a unit sine at 880 Hz makes between samples.
        var sineStep = (float)(2 * Math.Sin(Math.PI * 880 / 44100));
        Assert.True(MaxStep(edited.Left, 8000, 9000) <= sineStep * 1.01f, $"{MaxStep(edited.Left, 8000, 9000)} > {sineStep}");
    }

    [Fact]
    public void Reload_ChangingTheWaveform_IsCrossfadedOverTheFadeLength()
    {
        // At 5 Hz the square does not flip during the fade: any jump would be the swap's.
        const string a = "s:\n  osc: {type: sqr, freq: 5}\n";
        const string b = "s:\n  osc: {type: sin, freq: 5}\n";
        var faded = LiveRun.Play(LiveRun.Start(a, fadeFrames: 441), 12000, (8192, b)).Left;
        var cut = LiveRun.Play(LiveRun.Start(a, fadeFrames: 0), 12000, (8192, b)).Left;
        Assert.True(MaxStep(cut, 8190, 8194) > 0.5f);                  // without a fade: a jump
        Assert.True(MaxStep(faded, 8190, 8192 + 441) < 0.05f);          // with one: smooth
        Assert.Equal(cut[9000], faded[9000]);                           // after the fade: the new sound exactly
    }

    [Fact]
    public void Reload_WithErrors_KeepsTheOldPatchPlaying_AndSaysWhere()
    {
        var plain = LiveRun.Play(LiveRun.Start(TwoTracks), 30000);
        string[] broken =
        [
            TwoTracks.Replace("freq: 330}", "freq: [330}"),           // YAML
            TwoTracks.Replace("osc: {freq: 330}", "osx: {freq: 330}"), // unknown node
            TwoTracks.Replace("freq: 330", "frq: 330"),                // unknown parameter
            TwoTracks.Replace("freq: 330", "freq: 330 * nope"),        // unknown name
            TwoTracks.Replace("freq: 330", "freq: 330 *"),             // expression syntax
            TwoTracks.Replace("    b: {track:", "    b: {trak:"),              // unknown node type in a track
        ];
        var edits = broken.Select((text, i) => (Frame: 4096L * (i + 1), text)).ToArray();
        var run = LiveRun.Play(LiveRun.Start(TwoTracks), 30000, edits);
        Assert.All(run.Reports, r =>
        {
            Assert.False(r.Accepted);
            var e = Assert.Single(r.Errors.Take(1));
            Assert.Matches(@"^sounds/test\.yaml:[1-9]\d*:[1-9]\d*: error: ", e.ToString());
        });
        Assert.Equal(-1, LiveRun.FirstDifference(plain.Left, run.Left));
        Assert.Equal(-1, LiveRun.FirstDifference(plain.Right, run.Right));
    }

    [Fact]
    public void Reload_NextGoodSave_Recovers()
    {
        var session = LiveRun.Start(TwoTracks);
        var run = LiveRun.Play(session, 20000, (4096, "s: {mix: {a: oops"), (8192, With("freq: 330", "freq: 660")));
        Assert.False(run.Reports[0].Accepted);
        Assert.True(run.Reports[1].Accepted);
        Assert.Equal(2, session.Renderer.Current.Revision);
    }

    [Fact]
    public void Reload_DeletedSound_IsAnErrorAndTheOldOneKeepsPlaying()
    {
        var run = LiveRun.Play(LiveRun.Start(TwoTracks), 8192, (4096, "other:\n  osc: {}\n"));
        Assert.False(run.Reports[0].Accepted);
        Assert.Equal("sounds/test.yaml:1:1: error: sound 's' is no longer in the library (it was defined at sounds/test.yaml:2); still playing the last version",
            run.Reports[0].Errors.Single().ToString());
    }
}
