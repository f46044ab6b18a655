using Waves.Engine.Tests.Corpus;
using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Nodes;

public sealed class SelectTests
{
    static float[] Render(string yaml, int block = 64) => Patches.Render($"s:\n  {yaml}\n", 0.4, rate: 1000, block: block).Left;

    [Fact]
    public void Test_PicksThePathPerSample()
    {
        var x = Render("select: {test: \"floor(t * 10) % 3\", \"0\": 1, \"1\": 2, \"2\": 3}");
        Assert.Equal(1f, x[99]);
        Assert.Equal(2f, x[100]);
        Assert.Equal(3f, x[299]);
        Assert.Equal(1f, x[300]);
    }

    [Fact]
    public void AValueWithoutAPath_IsSilence() =>
        Assert.Equal(0f, Render("select: {test: 0.5, \"0\": 1, \"1\": 2}")[10]);

    [Fact]
    public void NonIntegerKeys_Match() =>
        Assert.Equal(7f, Render("select: {test: 0.5, \"0.5\": 7}")[10]);

    [Fact]
    public void TrueAndFalseKeys_MatchOneAndZero_WhereTheOriginalNeverMatched()
    {
        var x = Render("select: {test: \"t >= 0.05\", \"true\": 5, \"False\": 7}");
        Assert.Equal(7f, x[49]);
        Assert.Equal(5f, x[50]);
    }

    [Fact]
    public void PathsNotSelected_ArePaused()
    {
        // Path 1 starts at frame 100 at its own time 0.
        var x = Render("select: {test: \"1 if t >= 0.1 else 0\", \"0\": 0, \"1\": {expression: {exp: \"t\"}}}");
        Assert.Equal(0f, x[100]);
        Assert.Equal(0.05f, x[150], 1e-6);
    }

    [Fact]
    public void Switching_IsTheSameForAnyBlockSize() =>
        Assert.Equal(Render("select: {test: \"floor(t * 97) % 2\", \"0\": {osc: {freq: 50}}, \"1\": {expression: {exp: \"t\"}}}", 1),
            Render("select: {test: \"floor(t * 97) % 2\", \"0\": {osc: {freq: 50}}, \"1\": {expression: {exp: \"t\"}}}", 4096));

    [Fact]
    public void AKeyThatIsNotANumber_IsAnErrorWithItsPosition() =>
        Assert.Contains(Patches.Problems("s:\n  select: {test: 1, loud: 2}\n"), p => p.StartsWith("sounds/test.yaml:2:21: error: path 'loud' of 'select'"));

    [Fact]
    public void Corpus_TestSelectFastSwitching_IsHeard_WhereTheOriginalWasSilent()
    {
        // Its paths are "true" and "false": they never matched in the original; here they do.
        var audio = CorpusFiles.Render("test_select_fast_switching");
        Assert.Equal(44100, audio.Frames);
        Assert.Equal(0.2f, Signals.Peak(audio.Left), 1e-3);
        Assert.Equal(0.2 / Math.Sqrt(2), Signals.Rms(audio.Left), 5e-3);
    }

    [Fact]
    public void Corpus_TestSelectSnap_WhileSnapGlidesBetweenKeys_NoPathPlays_SoTheLevelWhereTheOscStopsDiffers()
    {
        // Between the keys -1, 0 and 1 the glide's values select nothing: freq is 0 and the osc holds the
        // level its phase had reached, which depends on where (per sample here, per chunk there) the
        // glide left a key. Where a key is selected the tone matches the original.
        var reference = ReferenceFingerprints.Entry("test_select_snap")!.Fingerprint!;
        var audio = CorpusFiles.Render("test_select_snap");
        var actual = Fingerprint.Compute(audio.Left, audio.Right, audio.SampleRate);
        Assert.InRange(actual.Frames, reference.Frames - 2048, reference.Frames);   // the reference is whole chunks
        var loud = 0;
        for (var w = 0; w < reference.WindowRms.Count; w++)
            if (reference.WindowRms[w] > 0.45)
            {
                loud++;
                Assert.Equal(reference.WindowRms[w], actual.WindowRms[w], 0.1);
            }
        Assert.True(loud > 10);
    }
}
