using Waves.Engine.Tests.Corpus;
using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Nodes;

public sealed class RetriggerTests
{
    const string Blip = "{expression: {exp: 1, duration: 0.002}}";

    [Fact]
    public void Taps_RepeatTheSignal_EachFeedbackTimesTheOneBefore_ThenItEnds()
    {
        var x = Patches.Render($"s:\n  retrigger: {{time: 0.01, repeat: 3, feedback: 0.5, signal: {Blip}}}\n", 1, rate: 1000).Left;
        Assert.Equal(22, x.Length);    // the last repeat's last frame is frame 21
        Assert.Equal(1f, x[1]);
        Assert.Equal(0f, x[2]);
        Assert.Equal(0.5f, x[10]);
        Assert.Equal(0.5f, x[11]);
        Assert.Equal(0.25f, x[21]);
    }

    [Fact]
    public void Spread_PansTheTapsFromLeftToRight()
    {
        var a = Patches.Render($"s:\n  retrigger: {{time: 0.01, repeat: 3, feedback: 1, spread: 1, signal: {Blip}}}\n", 1, rate: 1000);
        Assert.Equal((1f, 0f), (a.Left[0], a.Right![0]));
        Assert.Equal(0.70710678f, a.Left[10], 1e-6);
        Assert.Equal((0f, 1f), (a.Left[20], a.Right[20]));
    }

    [Theory]
    [InlineData("test_retrigger_track", 0.05, 0.15, 5, true)]
    [InlineData("test_retrigger_movement", 0.1, 0.2, 6, true)]
    [InlineData("oscar", 0.05, 0.3, 4, false)]
    public void Corpus_EndsAfterItsLastRepeat_WhereTheOriginalRanOnInSilence(string sound, double blip, double time, int repeat, bool deterministic)
    {
        // The original's carry never emptied (time·repeat > chunk), so it played zeros until the
        // render's end; here it ends (repeat − 1) × time after the repeated sound. What is heard
        // matches the original (oscar's pitches are random, its levels are not).
        var reference = ReferenceFingerprints.Entry(sound)!.Fingerprint!;
        var audio = CorpusFiles.Render(sound);
        Assert.Equal((int)(blip * 44100) + (repeat - 1) * (int)(time * 44100), audio.Frames);
        var actual = Fingerprint.Compute(audio.Left, audio.Right, audio.SampleRate);
        var tolerance = deterministic ? 0.12 : 0.5;
        for (var w = 0; w < actual.WindowRms.Count - 1; w++)
            if (reference.WindowRms[w] > 0.01)
                Assert.Equal(reference.WindowRms[w], actual.WindowRms[w], reference.WindowRms[w] * tolerance);
        for (var w = actual.WindowRms.Count; w < reference.WindowRms.Count; w++)
            Assert.True(reference.WindowRms[w] < 1e-6);
    }
}
