using Waves.Engine.Tests.Corpus;
using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Nodes;

public sealed class SpawnTests
{
    const string Trigger = "\"1 if t * 10 % 1 < 0.5 else 0\"";   // rising at frames 0, 100, 200 … (1 kHz)

    static float[] Render(string parameters, int block = 64) =>
        Patches.Render($"s:\n  spawn: {{trigger: {Trigger}, {parameters}}}\n", 0.3, rate: 1000, block: block).Left;

    [Theory]
    [InlineData("")]
    [InlineData("id: e, ")]     // an explicit id's state lives outside the slot's path: it starts afresh too
    public void EachEdge_StartsAVoiceOnItsFrame_ThatPlaysUntilItEnds(string id)
    {
        var x = Render($"signal: {{expression: {{{id}exp: t, duration: 0.05}}}}");
        Assert.Equal(0f, x[0]);
        Assert.Equal(0.049f, x[49], 1e-6);
        Assert.Equal(0f, x[50]);
        Assert.Equal(0.01f, x[110], 1e-6);
    }

    [Fact]
    public void Voices_Overlap_AndBeyondTheLimitTheOldestFadesOutOver5ms()
    {
        var two = Render("voices: 2, signal: {expression: {exp: t, duration: 0.15}}");
        Assert.Equal(0.11f + 0.01f, two[110], 1e-5);
        // At 1 kHz the fade is 5 frames: the first voice (t = 0.1 at frame 100) fades 5/5 … 1/5 while
        // the new one starts; from frame 105 only the new one sounds.
        var one = Render("voices: 1, signal: {expression: {exp: t, duration: 0.15}}");
        for (var j = 0; j < 5; j++)
            Assert.Equal(0.001f * j + (0.1f + 0.001f * j) * (5 - j) / 5f, one[100 + j], 1e-5);
        Assert.Equal(0.005f, one[105], 1e-6);
        Assert.Equal(0.01f, one[110], 1e-6);
    }

    [Fact]
    public void StealingEveryFrame_NeverPlaysMoreThanTheLimitPlusTheFadingSpares()
    {
        // Edges every frame with one voice: each start steals, the spares fill with fading voices,
        // and the quietest fading one is cut: the level stays bounded.
        var x = Patches.Render("s:\n  spawn: {trigger: \"1 if t * 1000 % 2 < 1 else 0\", voices: 1, signal: {expression: {exp: 1}}}\n", 0.05, rate: 1000).Left;
        Assert.All(x.Skip(2), v => Assert.InRange(v, 1f, 3f));
    }

    [Fact]
    public void AVoiceStartingInsideABlock_IsTheSameForAnyBlockSize() =>
        Assert.Equal(Render("signal: {osc: {freq: 30, duration: 0.15}}", 1), Render("signal: {osc: {freq: 30, duration: 0.15}}", 77));

    [Fact]
    public void Corpus_EnvelopeTriggerExample_IsLouder_BecauseItsEnvelopeNowStartsOnTheTriggerFrame()
    {
        // The original's envelope retriggered at the start of the chunk holding the edge, up to 46 ms
        // before the spawned voice, which then met it decaying (peak 0.75); here both start on the
        // edge's frame and the voice meets the envelope's peak.
        var reference = ReferenceFingerprints.Entry("envelope_trigger_example")!.Fingerprint!;
        var audio = CorpusFiles.Render("envelope_trigger_example");
        Assert.InRange(audio.Frames, reference.Frames - 2048, reference.Frames);   // the reference is whole chunks
        Assert.InRange(Signals.Peak(audio.Left), 0.9f, 1f);
        Assert.True(reference.Peak < 0.8);
    }

    [Fact]
    public void RandInAVoice_DrawsAnewAtEachStart()
    {
        var x = Render("voices: 2, signal: {expression: {exp: \"rand()\", duration: 0.02}}");
        var draws = new[] { x[5], x[105], x[205] };
        Assert.Equal(3, draws.Distinct().Count());
    }
}
