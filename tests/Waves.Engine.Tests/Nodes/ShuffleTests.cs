using Waves.Engine.Nodes;
using Waves.Engine.Tests.Reload;
using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Nodes;

public sealed class ShuffleTests
{
    /// <summary>A ramp that says which frame it is (t at 1 kHz), <paramref name="seconds"/> long.</summary>
    static string Ramp(double seconds) => $"{{context: {{duration: {seconds}, signal: \"t\"}}}}";

    static float[] Shuffled(string parameters, double seconds = 1.05, ulong seed = 1, int block = 256) =>
        Patches.Render($"s:\n  shuffle: {{signal: {Ramp(seconds)}{parameters}}}\n", 5, rate: 1000, block: block, seed: seed).Left;

    static float[] Frames(int n) => [.. Enumerable.Range(0, n).Select(i => (float)(i / 1000.0))];

    [Fact]
    public void Shuffle_PlaysEveryFrameOnce_KeepingTheRemainder_WhereTheOriginalDroppedIt()
    {
        // 1.05 s in chunks of 0.25 s: the original played 4 chunks (1.0 s) and lost the last 50 frames.
        var x = Shuffled(", size: 0.25, invert: 0");
        Assert.Equal(1050, x.Length);
        Assert.Equal(Frames(1050), x.Order());
        Assert.NotEqual(Frames(1050), x);
    }

    [Fact]
    public void Shuffle_ChunkEdges_FallOnTheChunkGrid()
    {
        var x = Shuffled(", size: 0.25, invert: 0");
        // Four chunks: three of 250 frames and the last with the 50-frame remainder (300); each is
        // contiguous, so the output jumps only where a chunk starts (neighbours in order join up).
        var starts = new List<int> { 0 };
        for (var i = 1; i < x.Length; i++)
            if (Math.Abs(x[i] - x[i - 1] - 0.001f) > 1e-5) starts.Add(i);
        Assert.InRange(starts.Count, 2, 4);
        Assert.All(starts, s => Assert.Contains(Math.Round(x[s] * 1000), new double[] { 0, 250, 500, 750 }));
    }

    [Fact]
    public void Shuffle_Chunks_SpreadsTheWholeLengthOverThatMany()
    {
        var x = Shuffled(", chunks: 7, invert: 0", seconds: 1);
        Assert.Equal(Frames(1000), x.Order());
    }

    [Fact]
    public void Shuffle_IsSeeded_ByTheSessionSeedAndId_OrBySeed_WhereTheOriginalWasUnseeded()
    {
        Assert.Equal(Shuffled(", size: 0.1"), Shuffled(", size: 0.1"));
        Assert.NotEqual(Shuffled(", size: 0.1", seed: 1), Shuffled(", size: 0.1", seed: 2));
        Assert.Equal(Shuffled(", size: 0.1, seed: 9", seed: 1), Shuffled(", size: 0.1, seed: 9", seed: 2));
    }

    [Fact]
    public void Shuffle_Invert_PlaysThatShareOfTheChunksBackwards()
    {
        var x = Shuffled(", chunks: 10, invert: 0.3", seconds: 1);
        Assert.Equal(Frames(1000), x.Order());
        var backwards = 0;
        for (var c = 0; c < 10; c++)
            if (x[c * 100 + 1] < x[c * 100]) backwards++;
        Assert.Equal(3, backwards);
    }

    [Fact]
    public void Shuffle_Crossfade_FadesBothSidesOfEverySeam_InStereo_WhereTheOriginalLeftTheFirstTailUnfadedAndCrashedOnStereo()
    {
        // A constant 1 in both channels: at each seam the two fades sum in power to 1.
        var a = Patches.Render("""
            s:
              shuffle:
                chunks: 4
                crossfade: 0.02
                signal: {track: {pan: 0.3, signal: {context: {duration: 1, signal: 1}}}}
            """, 5, rate: 1000);
        Assert.NotNull(a.Right);
        Assert.Equal(1000 - 3 * 20, a.Frames);
        var level = (float)Math.Cos((0.3 + 1) * Math.PI / 4);
        Assert.Equal(level, a.Left[100], 1e-6);
        // The first chunk's tail fades out too (the original left it at full level).
        for (var k = 0; k < 20; k++)
        {
            var f = (k + 0.5) / 20;
            Assert.Equal(level * (Math.Sqrt(f) + Math.Sqrt(1 - f)), a.Left[230 + k], 1e-5);
        }
    }

    [Fact]
    public void Shuffle_OfASignalThatDoesNotEnd_IsAnError()
    {
        var problems = Patches.Problems("s:\n  shuffle: {signal: {osc: {freq: 3}}}\n");
        Assert.Contains(problems, p => p.StartsWith("sounds/test.yaml:2:3: error: 'shuffle' needs a signal that ends"));
    }

    [Fact]
    public void Shuffle_OfASignalThatOutlastsTheLimit_IsAnError()
    {
        // One track ends, the other does not: the mix plays on, so the render stops at the limit.
        var problems = Patches.Problems("s:\n  shuffle: {signal: {mix: {a: {osc: {duration: 0.1}}, b: {context: {signal: 0.5}}}}}\n");
        Assert.Contains(problems, p => p.StartsWith($"sounds/test.yaml:2:3: error: 'shuffle' needs a signal that ends within {PreRender.MaxSeconds} s"));
    }

    [Fact]
    public void Shuffle_Position_SurvivesAReload()
    {
        var yaml = $"s:\n  mix:\n    a: {{track: {{pan: -1, signal: {{shuffle: {{size: 0.1, signal: {{osc: {{freq: 200, duration: 1}}}}}}}}}}}}\n" +
            "    b: {track: {pan: 1, signal: {osc: {freq: 3}}}}\n";
        var plain = LiveRun.Play(LiveRun.Start(yaml), 30000);
        var edited = LiveRun.Play(LiveRun.Start(yaml), 30000, (12800, yaml.Replace("freq: 3", "freq: 4")));
        Assert.Equal(plain.Left, edited.Left);
    }

    [Fact]
    public void Shuffle_IsTheSameForAnyBlockSize()
    {
        AudioFixtures.AssertSameForBlocks(b => Patches.Render(
            "s:\n  shuffle: {size: 0.07, invert: 0.5, crossfade: 0.01, signal: {osc: {type: saw, freq: \"100 + 50 * t\", duration: 0.8}}}\n",
            1, block: b), 1, 64, 4096);
    }

    [Fact]
    public void Shuffle_RenderingAllocatesNothing()
    {
        Assert.Equal(0, RenderAllocations.Of(() => Patches.Patch("s:\n  shuffle: {size: 0.05, crossfade: 0.005, signal: {track: {pan: 0.2, signal: {osc: {duration: 10}}}}}\n", block: 128), 300));
    }
}
