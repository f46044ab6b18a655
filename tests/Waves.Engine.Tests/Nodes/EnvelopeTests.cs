using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Nodes;

/// <summary>Envelope stages, at 1000 frames per second so that every boundary is a round frame.</summary>
public sealed class EnvelopeTests
{
    static float[] Env(string body, double seconds) =>
        Patches.Render($"s:\n  envelope: {{{body}}}\n", seconds, rate: 1000, block: 7).Left;

    [Fact]
    public void DurationMode_StagesStartOnTheirFrames_AndEndAtDuration()
    {
        // A = 10, D = 20, R = 30 frames, duration 100: sustain holds 100 − 60 = 40 frames.
        var x = Env("attack: 0.01, decay: 0.02, sustain: 0.5, release: 0.03, duration: 0.1", 1);
        Assert.Equal(100, x.Length);
        Assert.Equal(0, x[0]);
        Assert.Equal(1 - Math.Exp(-5), x[9], 1e-6);          // last attack frame
        Assert.Equal(1, x[10], 1e-6);                        // decay starts at full level
        Assert.Equal(0.5 + 0.5 * Math.Exp(-5), x[29], 1e-6); // last decay frame
        Assert.Equal(0.5, x[30], 1e-6);                      // sustain
        Assert.Equal(0.5, x[69], 1e-6);
        Assert.Equal(0.5, x[70], 1e-6);                      // release starts from the sustain level
        Assert.Equal(0.5 * Math.Exp(-5 * 15 / 29.0), x[85], 1e-6);
        Assert.Equal(0.5 * Math.Exp(-5), x[99], 1e-6);
    }

    [Fact]
    public void ZeroAttack_ReleasesFromTheSustainLevel_NotFromOne()
    {
        // The original restarted the release from 1.0 here when its chunk began on the boundary.
        var x = Env("decay: 0.01, sustain: 0.5, release: 0.01, duration: 0.05", 1);
        Assert.Equal(50, x.Length);
        Assert.Equal(1, x[0], 1e-6);
        Assert.Equal(0.5, x[39], 1e-6);
        Assert.Equal(0.5, x[40], 1e-6);
        Assert.Equal(0.5 * Math.Exp(-5), x[49], 1e-6);
    }

    [Fact]
    public void Gate_ReleasesOnTheFrameItCloses_AndRetriggersWhenItOpens()
    {
        var x = Env("attack: 0.01, release: 0.02, gate: \"1 if t < 0.05 or t >= 0.1 else 0\"", 0.15);
        Assert.Equal(150, x.Length);                         // a gated envelope does not end by itself
        Assert.Equal(1, x[10], 1e-6);
        Assert.Equal(1, x[49], 1e-6);
        Assert.Equal(1, x[50], 1e-6);                        // release frame 0
        Assert.Equal(Math.Exp(-5), x[69], 1e-6);
        Assert.Equal(0, x[70]);
        Assert.Equal(0, x[99]);
        Assert.Equal(0, x[100]);                             // new attack from the current level (0)
        Assert.Equal(1 - Math.Exp(-5 * 5 / 9.0), x[105], 1e-6);
    }

    [Fact]
    public void Gate_ClosingDuringAttack_ReleasesFromTheLevelReached()
    {
        var x = Env("attack: 0.02, release: 0.01, gate: \"1 if t < 0.005 else 0\"", 0.03);
        var reached = 1 - Math.Exp(-5 * 4 / 19.0);
        Assert.Equal(reached, x[4], 1e-6);
        Assert.Equal(reached * Math.Exp(-5 * 0 / 9.0), x[5], 1e-6); // release begins at once
        Assert.True(x[6] < x[5]);
    }

    [Fact]
    public void Trigger_RetriggersOnTheFrameOfItsEdge()
    {
        var x = Env("attack: 0.01, release: 0.01, duration: 0.1, end: true, trigger: \"1 if t >= 0.0305 else 0\"", 1);
        Assert.Equal(1, x[30], 1e-6);
        Assert.Equal(1, x[31], 1e-6);                        // attack restarts from level 1: stays 1
        // the duration countdown restarts at the edge: 31 + 100 frames in all
        Assert.Equal(131, x.Length);
    }

    [Fact]
    public void Trigger_WithoutEnd_WaitsSilentlyForTheNextEdge()
    {
        // Edges at 0.2 s and 0.6 s; each note lasts 100 frames; in between the envelope is silent, not ended.
        var x = Env("attack: 0.01, release: 0.01, duration: 0.1, trigger: \"1 if (t >= 0.2 and t < 0.4) or t >= 0.6 else 0\"", 0.8);
        Assert.Equal(800, x.Length);
        Assert.Equal(0, x[150]);
        Assert.Equal(0, x[200]);                             // attack frame 0 of the second note
        Assert.Equal(1, x[250], 1e-6);
        Assert.Equal(0, x[300]);
        Assert.Equal(1, x[650], 1e-6);
    }

    [Fact]
    public void Signal_IsShapedByTheEnvelope_StereoStaysStereo()
    {
        var audio = Patches.Render("""
            s:
              envelope:
                attack: 0.01
                duration: 0.05
                signal: {track: {pan: -1, signal: 0.5}}
            """, 1, rate: 1000);
        Assert.Equal(2, audio.Channels.Length);
        Assert.Equal(50, audio.Frames);
        Assert.Equal(0.5, audio.Left[20], 1e-6);
        Assert.Equal(0, audio.Right![20]);
        Assert.Equal(0.5 * (1 - Math.Exp(-5 * 5 / 9.0)), audio.Left[5], 1e-6);
    }
}
