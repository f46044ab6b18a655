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

    [Fact]
    public void Corpus_TestRetriggerTrack_EndsAfterItsLastRepeat_WhereTheOriginalRanOnInSilence()
    {
        // The original's carry never emptied (time·repeat > chunk), so it played zeros until the mix's
        // 3 s; here it ends 4 × 0.15 s after its 0.05 s blip. What is heard matches the original.
        var reference = ReferenceFingerprints.Entry("test_retrigger_track")!.Fingerprint!;
        var audio = CorpusFiles.Render("test_retrigger_track");
        Assert.Equal((int)(0.05 * 44100) + 4 * (int)(0.15 * 44100), audio.Frames);
        var actual = Fingerprint.Compute(audio.Left, audio.Right, audio.SampleRate);
        for (var w = 0; w < actual.WindowRms.Count - 1; w++)
            if (reference.WindowRms[w] > 0.01)
                Assert.Equal(reference.WindowRms[w], actual.WindowRms[w], reference.WindowRms[w] * 0.12);
        for (var w = actual.WindowRms.Count; w < reference.WindowRms.Count; w++)
            Assert.True(reference.WindowRms[w] < 1e-6);
    }
}
