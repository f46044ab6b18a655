using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Nodes;

public sealed class AutomationTests
{
    static float[] Render(string parameters, double seconds = 0.1, int rate = 1000, int block = 64) =>
        Patches.Render($"s:\n  automation: {{{parameters}}}\n", seconds, rate: rate, block: block).Left;

    [Fact]
    public void Step_HoldsEachValue_ARestHoldsThePrevious_AndRepeats()
    {
        var x = Render("interval: 0.01, steps: [1, ~, 3]");
        Assert.Equal(1f, x[0]);
        Assert.Equal(1f, x[19]);    // the rest
        Assert.Equal(3f, x[20]);
        Assert.Equal(3f, x[29]);
        Assert.Equal(1f, x[30]);    // the second pass
    }

    [Fact]
    public void AfterTheLastRepeat_StaysOnTheLastStep()
    {
        var x = Render("interval: 0.01, repeat: 1, steps: [1, 2]");
        Assert.Equal(2f, x[10]);
        Assert.Equal(2f, x[99]);
    }

    [Fact]
    public void Ramp_RunsFromOneValueStepToTheNext()
    {
        var x = Render("interval: 0.01, mode: ramp, repeat: 1, steps: [0, ~, 4]");
        Assert.Equal(0f, x[0]);
        Assert.Equal(1f, x[5], 1e-5);     // (0 + 5/10) / 2 of the way
        Assert.Equal(2f, x[10], 1e-5);
        Assert.Equal(3f, x[15], 1e-5);
        Assert.Equal(4f, x[20]);          // the last value: held
        Assert.Equal(4f, x[90]);
    }

    [Fact]
    public void Ramp_WithRepeatsLeft_RunsBackToTheFirstValue()
    {
        var x = Render("interval: 0.01, mode: ramp, steps: [0, 4]");
        Assert.Equal(2f, x[15], 1e-5);    // from 4 at frame 10 to 0 at frame 20
        Assert.Equal(0f, x[20], 1e-5);
    }

    [Fact]
    public void Overlap_CrossfadesIntoEachNewValue()
    {
        var x = Render("interval: 0.01, mode: overlap, overlap: 0.005, steps: [0, 10]");
        Assert.Equal(0f, x[9]);
        Assert.Equal(0f, x[10]);          // fade starts from the previous value
        Assert.Equal(2f, x[11], 1e-5);
        Assert.Equal(8f, x[14], 1e-5);
        Assert.Equal(10f, x[15]);
        Assert.Equal(8f, x[21], 1e-5);    // back to 0 on the next pass
    }

    [Fact]
    public void Steps_BeginOnTheirExactFrame_WithoutDrift_WhereTheOriginalTruncatedEachStep()
    {
        // 0.125 s is 5512.5 frames: steps begin at 5513 and 11025, on the beat.
        var x = Render("interval: 0.125, steps: [1, 2, 3]", 0.3, 44100);
        Assert.Equal(1f, x[5512]);
        Assert.Equal(2f, x[5513]);
        Assert.Equal(2f, x[11024]);
        Assert.Equal(3f, x[11025]);
    }

    [Fact]
    public void Swing_MakesOddStepsLongerAndEvenOnesShorter()
    {
        var x = Render("interval: 0.01, swing: 0.4, steps: [1, 2]");
        Assert.Equal(2f, x[8]);           // step 0 lasts 10·(1 − 0.2) = 8 frames
        Assert.Equal(2f, x[19]);          // step 1 lasts 12
        Assert.Equal(1f, x[20]);
    }

    [Fact]
    public void Trigger_SelectsTheNextStepOnEachRisingEdge_AndIsSilentBeforeTheFirst()
    {
        var x = Render("trigger: \"1 if t * 10 % 1 >= 0.5 else 0\", steps: [1, 2]", 0.3);
        Assert.Equal(0f, x[49]);
        Assert.Equal(1f, x[50]);
        Assert.Equal(2f, x[150]);
        Assert.Equal(1f, x[250]);
    }

    [Fact]
    public void Reset_StartsTheListAgainOnItsFrame()
    {
        var x = Render("interval: 0.01, reset: \"1 if t >= 0.015 else 0\", steps: [1, 2, 3]");
        Assert.Equal(2f, x[14]);
        Assert.Equal(1f, x[15]);
        Assert.Equal(2f, x[25]);
    }

    [Fact]
    public void ANodeStep_RunsOnlyWhileItIsHeard()
    {
        var x = Render("interval: 0.01, steps: [0, {expression: {exp: \"t\"}}]");
        Assert.Equal(0f, x[10]);
        Assert.Equal(0.009f, x[19], 1e-6);
        Assert.Equal(0.01f, x[30], 1e-6);  // it went on from where it paused
    }

    [Fact]
    public void MissingSteps_IsAnErrorWithThePosition() =>
        Assert.Contains(Patches.Problems("s:\n  automation: {interval: 1}\n"), p => p.StartsWith("sounds/test.yaml:2:3: error: 'automation' needs 'steps'"));
}
