using Waves.Engine.Rendering;

namespace Waves.Engine.Tests.Reload;

public sealed class ReloadAtTests
{
    const string Beat = """
        s:
          tempo:
            bpm: 120
            signal:
              osc: {freq: 220}
        """;

    static long SwapFrame(ReloadAt at, string yaml, long editAt, int block = 512)
    {
        var session = LiveRun.Start(yaml, block: block, fadeFrames: 0);
        session.Renderer.ReloadAt = at;
        LiveRun.Play(session, 88200, (editAt, yaml.Replace("freq: 220", "freq: 330")));
        Assert.Equal(2, session.Renderer.Current.Revision);
        return session.Renderer.Current.AppliedFrame;
    }

    [Fact]
    public void Block_SwapsAtTheNextBlock()
    {
        Assert.Equal(5120, SwapFrame(ReloadAt.Block, Beat, 5000));
    }

    [Theory]
    [InlineData(64, 22080)]
    [InlineData(490, 22050)]
    [InlineData(512, 22528)]
    public void Beat_HoldsThePatchUntilTheFirstBlockOnOrAfterTheNextBeat(int block, long expected)
    {
        Assert.Equal(expected, SwapFrame(ReloadAt.Beat, Beat, 5000, block));
    }

    [Fact]
    public void Bar_HoldsThePatchUntilTheNextBar()
    {
        // A bar at 120 bpm is 88200 frames; the edit comes after frame 22050, the swap after 88200.
        var session = LiveRun.Start(Beat, block: 441, fadeFrames: 0);
        session.Renderer.ReloadAt = ReloadAt.Bar;
        LiveRun.Play(session, 100000, (30000, Beat.Replace("freq: 220", "freq: 330")));
        Assert.Equal(88200, session.Renderer.Current.AppliedFrame);
    }

    [Fact]
    public void Beat_WithoutATempo_SwapsAtTheNextBlock()
    {
        const string plain = "s:\n  osc: {freq: 220}\n";
        Assert.Equal(5120, SwapFrame(ReloadAt.Beat, plain, 5000));
    }

    [Fact]
    public void BpmEdit_MidBar_KeepsTheBarPosition()
    {
        const string counter = "s:\n  tempo:\n    bpm: 120\n    signal: beat_number\n";
        var session = LiveRun.Start(counter, block: 441, fadeFrames: 0);
        // Edit at 1.5 beats (33075): beat 2 goes on, then beats come at 240 bpm (every 11025 frames).
        var run = LiveRun.Play(session, 88200, (33075, counter.Replace("bpm: 120", "bpm: 240")));
        Assert.Equal(2f, run.Left[33075]);
        Assert.Equal(2f, run.Left[33075 + 5512]);
        Assert.Equal(3f, run.Left[33075 + 5513]);
        Assert.Equal(4f, run.Left[33075 + 5513 + 11025]);
    }
}
