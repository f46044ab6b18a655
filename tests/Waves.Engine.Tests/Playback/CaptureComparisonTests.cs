namespace Waves.Engine.Tests.Playback;

/// <summary>The comparison the playback tests rely on finds a known lag, and sees gaps and level changes.</summary>
public sealed class CaptureComparisonTests
{
    const int Rate = 48000;

    /// <summary>A chirp with seeded noise: no period, so only one lag matches.</summary>
    static float[] Chirp(int frames)
    {
        var random = new Random(7);
        var x = new float[frames];
        for (var i = 0; i < frames; i++)
        {
            var t = i / (double)Rate;
            x[i] = (float)(0.4 * Math.Sin(2 * Math.PI * (200 * t + 150 * t * t)) + 0.05 * (random.NextDouble() - 0.5));
        }
        return x;
    }

    static float[] Delayed(float[] x, int lag, int extra)
    {
        var y = new float[lag + x.Length + extra];
        x.CopyTo(y, lag);
        return y;
    }

    [Fact]
    public void Compare_DelayedCopy_FindsTheLagAndMatchesExactly()
    {
        var x = Chirp(2 * Rate);
        var m = CaptureComparison.Compare(Delayed(x, 1234, 500), x, Rate);
        Assert.Equal(1234, m.Lag);
        Assert.True(m.WorstWindowCorrelation > 0.99999 && Math.Abs(m.LevelDifferenceDb) < 1e-3 && m.SpectrumDifferenceDb < 1e-3, m.ToString());
        Assert.Equal(x.Length, m.MatchedFrames);
    }

    [Fact]
    public void Compare_CaptureWithAGap_HasAPoorWorstWindow()
    {
        var x = Chirp(2 * Rate);
        var y = Delayed(x, 300, 0);
        Array.Clear(y, Rate, 2400);           // 50 ms of silence in the middle
        var m = CaptureComparison.Compare(y, x, Rate);
        Assert.Equal(300, m.Lag);
        Assert.True(m.WorstWindowCorrelation < 0.5, m.ToString());
    }

    [Fact]
    public void Compare_QuieterCapture_ShowsTheLevelDifference()
    {
        var x = Chirp(Rate);
        var m = CaptureComparison.Compare([.. x.Select(v => v * 0.5f)], x, Rate);
        Assert.Equal(0, m.Lag);
        Assert.InRange(m.LevelDifferenceDb, -6.03, -6.0);
        Assert.True(m.WorstWindowCorrelation > 0.9999, m.ToString());
    }

    [Fact]
    public void Resample_KeepsLevelAndShape()
    {
        var x = Chirp(Rate);
        var down = CaptureComparison.Resample(x, Rate, 44100);
        Assert.InRange(down.Length, 44100 - 200, 44100 + 200);
        var back = CaptureComparison.Resample(down, 44100, Rate);
        var m = CaptureComparison.Compare(back, x, Rate);
        Assert.True(m.Correlation > 0.99 && Math.Abs(m.LevelDifferenceDb) < 0.2, m.ToString());
    }
}
