using Waves.Engine.Tests.Corpus;
using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Nodes;

public sealed class GlideTests
{
    static float[] Render(string yaml, int block = 64) => Patches.Render($"s:\n  {yaml}\n", 0.3, rate: 1000, block: block).Left;

    [Fact]
    public void ANewValue_IsReachedInAStraightLineOverTime()
    {
        var x = Render("glide: {time: 0.01, signal: \"100 if t < 0.1 else 200\"}");
        Assert.Equal(100f, x[99]);
        Assert.Equal(110f, x[100], 1e-4);
        Assert.Equal(160f, x[105], 1e-4);
        Assert.Equal(200f, x[109], 1e-4);
        Assert.Equal(200f, x[200]);
    }

    [Fact]
    public void TimeZero_JumpsOnTheFrameTheInputChanges_WhereTheOriginalJumpedAtTheChunkStart()
    {
        var x = Render("glide: {time: 0, signal: \"100 if t < 0.1 else 200\"}");
        Assert.Equal(100f, x[99]);
        Assert.Equal(200f, x[100]);
    }

    [Fact]
    public void ANewValueDuringAGlide_StartsAFreshGlideFromWhereItIs()
    {
        // 0 → 10 from frame 10 (1 per frame); at frame 15 (value 5) the input goes to 0: 10 frames back.
        var x = Render("glide: {time: 0.01, signal: \"10 if t >= 0.01 and t < 0.015 else 0\"}");
        Assert.Equal(5f, x[14], 1e-5);
        Assert.Equal(4.5f, x[15], 1e-5);
        Assert.Equal(0f, x[24], 1e-5);
    }

    [Fact]
    public void AMovingInput_IsFollowedPerSample() =>
        Assert.Equal(Render("glide: {time: 0.02, signal: {osc: {freq: 7}}}", 1), Render("glide: {time: 0.02, signal: {osc: {freq: 7}}}", 300));

    [Fact]
    public void Corpus_TestGlideZero_ChangesOnTheStepFrames_SoItsStrongestPartialMayDiffer()
    {
        // The original jumped up to a chunk early (it looked ahead to each chunk's last sample), which
        // moved the balance between its 220 and 440 Hz partials; here each step starts on its frame.
        var audio = CorpusFiles.Render("test_glide_zero");
        Assert.Equal(2 * 44100, audio.Frames);
        var steps = new[] { 220.0, 440, 330, 550 };
        for (var k = 0; k < 8; k++)
        {
            var from = k * 11025 + 500;
            Assert.Equal(steps[k % 4], Signals.Frequency(audio.Left.AsSpan(from, 10000), 44100), 2.0);
        }
    }
}
