using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Nodes;

public sealed class TempoTests
{
    static List<int> Ones(float[] x)
    {
        var at = new List<int>();
        for (var i = 0; i < x.Length; i++)
            if (x[i] >= 0.5f) at.Add(i);
        return at;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(64)]
    [InlineData(512)]
    [InlineData(4096)]
    public void BeatTick_At120Bpm_FallsOnFrameNTimes22050_ForAnyBlockSize(int block)
    {
        var a = Patches.Render("s:\n  tempo: {bpm: 120, signal: beat_tick}\n", 2.2, block: block);
        Assert.Equal([0, 22050, 44100, 66150, 88200], Ones(a.Left));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(64)]
    [InlineData(4096)]
    public void SixteenthTick_At130Bpm_FallsOnTheFirstFrameAtOrAfterEachBoundary(int block)
    {
        var a = Patches.Render("s:\n  tempo: {bpm: 130, signal: sixteenth_tick}\n", 1, block: block);
        var length = 44100 * 60.0 / 130 / 4;
        var expected = Enumerable.Range(0, 9).Select(m => (int)Math.Ceiling(m * length - 1e-6)).ToList();
        Assert.Equal(expected, Ones(a.Left));
    }

    [Fact]
    public void Names_GiveLengthsAndCounters()
    {
        var a = Patches.Render("s:\n  tempo: {bpm: 120, signal: beat + bar * 10 + sixteenth * 100}\n", 0.01);
        Assert.Equal(0.5f + 20f + 12.5f, a.Left[10], 4);
        var c = Patches.Render("s:\n  tempo: {bpm: 120, signal: bar_number * 100 + beat_number}\n", 2.5);
        Assert.Equal(101f, c.Left[0]);
        Assert.Equal(102f, c.Left[22050]);
        Assert.Equal(101f, c.Left[22049]);
        Assert.Equal(205f, c.Left[88200]);
    }

    [Fact]
    public void BpmWave_IsReadPerSample()
    {
        // 60 bpm for the first second, then 120: beats at 0, 1 s, 1.5 s, 2 s.
        var a = Patches.Render("s:\n  tempo: {bpm: '60 if t < 1 else 120', signal: beat_tick}\n", 2.1, rate: 1000);
        Assert.Equal([0, 1000, 1500, 2000], Ones(a.Left));
    }

    [Fact]
    public void TempoName_WithoutTempoAbove_IsACompileErrorWithPosition()
    {
        var problems = Patches.Problems("s:\n  osc: {freq: beat}\n");
        Assert.Contains(problems, p => p.Contains("test.yaml:2:") && p.Contains("beat"));
    }

    [Fact]
    public void Tempo_WithoutBpm_IsAnError()
    {
        Assert.Contains(Patches.Problems("s:\n  tempo: {signal: 1}\n"), p => p.Contains("bpm"));
    }
}
