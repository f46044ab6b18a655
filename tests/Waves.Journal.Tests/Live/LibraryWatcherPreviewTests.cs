using static Waves.Journal.Tests.Live.CoalesceHarness;

namespace Waves.Journal.Tests.Live;

/// <summary>The preview a burst gets once it has settled, before its window closes.</summary>
public sealed class LibraryWatcherPreviewTests
{
    static readonly TimeSpan Settle = Ms(5);

    [Fact]
    public void SettledBurst_IsPreviewed_ThenClosedWithTheSameSequence()
    {
        using var rig = new CoalesceHarness(Settle)
            .At(0, Changed("x.yaml"))
            .At(2, Changed("x.yaml"))
            .Run();

        Assert.Equal(2, rig.Emitted.Count);
        var (previewAt, preview) = rig.Emitted[0];
        var (closedAt, closed) = rig.Emitted[1];
        Assert.True(preview.Preview);
        Assert.Equal(Ms(2) + Settle, previewAt);
        Assert.False(closed.Preview);
        Assert.Equal(Ms(2) + Window, closedAt);
        Assert.Equal(preview.Sequence, closed.Sequence);
        Assert.True(closed.Sequence > 0);
        Assert.Equal([PathOf("x.yaml")], preview.Paths);
        Assert.Equal(closed.Paths, preview.Paths);
    }

    [Fact]
    public void EventsCloserThanTheSettleTime_GiveOnePreview()
    {
        using var rig = new CoalesceHarness(Settle)
            .At(0, Changed("x.yaml"))
            .At(3, Changed("x.yaml"))
            .At(6, Changed("x.yaml"))
            .Run();

        Assert.Equal([Ms(11), Ms(56)], rig.Emitted.Select(e => e.At));
        Assert.Equal([true, false], rig.Emitted.Select(e => e.Change.Preview));
    }

    [Fact]
    public void EventAfterThePreview_ChangesTheSequence_AndIsPreviewedAgain()
    {
        using var rig = new CoalesceHarness(Settle)
            .At(0, Changed("x.yaml"))
            .At(20, Changed("y.yaml"))
            .Run();

        Assert.Equal([Ms(5), Ms(25), Ms(70)], rig.Emitted.Select(e => e.At));
        var (first, second, closed) = (rig.Emitted[0].Change, rig.Emitted[1].Change, rig.Emitted[2].Change);
        Assert.NotEqual(first.Sequence, closed.Sequence);       // work done for the first preview is stale
        Assert.Equal(second.Sequence, closed.Sequence);
        Assert.Equal([PathOf("x.yaml"), PathOf("y.yaml")], second.Paths);
    }

    [Fact]
    public void IrrelevantEvents_AreNotPreviewed()
    {
        using var rig = new CoalesceHarness(Settle)
            .At(0, Changed("notes.txt"))
            .At(1, Changed(".x.yaml.swp"))
            .Run();

        Assert.Empty(rig.Emitted);
    }

    [Fact]
    public void WithoutASettleTime_OnlyTheClosingChangeComes()
    {
        using var rig = new CoalesceHarness()
            .At(0, Changed("x.yaml"))
            .Run();

        var (_, change) = Assert.Single(rig.Emitted);
        Assert.False(change.Preview);
    }

    [Fact]
    public void SuccessiveBursts_HaveDifferentSequences()
    {
        using var rig = new CoalesceHarness(Settle)
            .At(0, Changed("x.yaml"))
            .At(200, Changed("x.yaml"))
            .Run();

        var closed = rig.Emitted.Where(e => !e.Change.Preview).Select(e => e.Change.Sequence).ToList();
        Assert.Equal(2, closed.Count);
        Assert.NotEqual(closed[0], closed[1]);
    }
}
