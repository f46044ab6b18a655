using Waves.Journal.Live;
using static Waves.Journal.Tests.Live.CoalesceHarness;

namespace Waves.Journal.Tests.Live;

public sealed class LibraryWatcherCoalesceTests
{
    [Fact]
    public void Coalesce_WhenBurstInsideWindow_EmitsOneChange()
    {
        using var rig = new CoalesceHarness()
            .At(0, Changed("x.yaml"))
            .At(2, Changed("x.yaml"))
            .At(5, Changed("x.yaml"))
            .Run();

        var (at, change) = Assert.Single(rig.Emitted);
        Assert.Equal(Ms(5) + Window, at);
        Assert.Equal(Start + Ms(5), change.LastEventAt);
        Assert.Equal([PathOf("x.yaml")], change.Paths);
        Assert.False(change.Resync);
    }

    [Fact]
    public void Coalesce_WhenVimSavesWithBackupRename_EmitsOneChangeNamingTheYaml()
    {
        // vim (backupcopy=no): probe file 4913, move the original to x.yaml~, write a new x.yaml,
        // remove the backup; the swap file .x.yaml.swp is written along the way.
        using var rig = new CoalesceHarness()
            .At(0, Created("4913"))
            .At(0.1, Deleted("4913"))
            .At(0.5, Changed(".x.yaml.swp"))
            .At(1, Renamed("x.yaml", "x.yaml~"))
            .At(1.5, Created("x.yaml"))
            .At(2, Changed("x.yaml"))
            .At(3, Deleted("x.yaml~"))
            .Run();

        var (at, change) = Assert.Single(rig.Emitted);
        Assert.Equal([PathOf("x.yaml")], change.Paths);
        Assert.Equal(Ms(2) + Window, at); // the last yaml event; deleting x.yaml~ does not count
    }

    [Theory]
    [InlineData(".x.yaml.swp")]
    [InlineData("x.yaml~")]
    [InlineData("x.yaml.tmp")]
    [InlineData("4913")]
    public void Coalesce_WhenTempFileIsRenamedOntoYaml_EmitsOneChangeNamingTheYaml(string temp)
    {
        using var rig = new CoalesceHarness()
            .At(0, Created(temp))
            .At(1, Changed(temp))
            .At(2, Changed(temp))
            .At(3, Renamed(temp, "x.yaml"))
            .Run();

        var (at, change) = Assert.Single(rig.Emitted);
        Assert.Equal([PathOf("x.yaml")], change.Paths);
        Assert.Equal(Ms(3) + Window, at);
    }

    [Fact]
    public void Coalesce_WhenBurstsAreFartherApartThanWindow_EmitsTwoChanges()
    {
        using var rig = new CoalesceHarness()
            .At(0, Changed("x.yaml"))
            .At(3, Changed("x.yaml"))
            .At(200, Changed("x.yaml"))
            .At(201, Changed("x.yaml"))
            .Run();

        Assert.Equal([Ms(3) + Window, Ms(201) + Window], rig.Emitted.Select(e => e.At));
        Assert.All(rig.Emitted, e => Assert.Equal([PathOf("x.yaml")], e.Change.Paths));
    }

    [Theory]
    [InlineData("notes.txt")]
    [InlineData(".x.yaml.swp")]
    [InlineData("x.yaml~")]
    [InlineData("x.yaml.tmp")]
    [InlineData("4913")]
    [InlineData("x.yml")]
    [InlineData("sub/x.yaml")]
    public void Coalesce_WhenOnlyIrrelevantFileChanges_EmitsNothing(string name)
    {
        using var rig = new CoalesceHarness()
            .At(0, Created(name))
            .At(1, Changed(name))
            .At(2, Renamed(name, name + ".old"))
            .At(3, Deleted(name + ".old"))
            .At(4, Deleted(name))
            .Run();

        Assert.Empty(rig.Emitted);
    }

    [Fact]
    public void Coalesce_WhenYamlIsDeleted_EmitsChange()
    {
        using var rig = new CoalesceHarness()
            .At(0, Deleted("x.yaml"))
            .Run();

        var (at, change) = Assert.Single(rig.Emitted);
        Assert.Equal([PathOf("x.yaml")], change.Paths);
        Assert.Equal(Window, at);
    }

    [Fact]
    public void Coalesce_WhenYamlIsRenamedAway_EmitsChangeNamingTheOldPath()
    {
        using var rig = new CoalesceHarness()
            .At(0, Renamed("x.yaml", "x.yaml.bak"))
            .Run();

        var (_, change) = Assert.Single(rig.Emitted);
        Assert.Equal([PathOf("x.yaml")], change.Paths);
    }

    [Fact]
    public void Coalesce_WhenYamlIsRenamedToAnotherYaml_EmitsChangeNamingBoth()
    {
        using var rig = new CoalesceHarness()
            .At(0, Renamed("a.yaml", "b.yaml"))
            .Run();

        var (_, change) = Assert.Single(rig.Emitted);
        Assert.Equal([PathOf("a.yaml"), PathOf("b.yaml")], change.Paths);
    }

    [Fact]
    public void Coalesce_WhenYamlIsDeletedThenCreated_EmitsOneChange()
    {
        using var rig = new CoalesceHarness()
            .At(0, Deleted("x.yaml"))
            .At(1, Created("x.yaml"))
            .At(2, Changed("x.yaml"))
            .Run();

        var (at, change) = Assert.Single(rig.Emitted);
        Assert.Equal([PathOf("x.yaml")], change.Paths);
        Assert.Equal(Ms(2) + Window, at);
    }

    [Fact]
    public void Coalesce_WhenEachEventIsWithinWindowOfThePrevious_EmitsOneChangeAtTheEnd()
    {
        using var rig = new CoalesceHarness();
        for (var ms = 0; ms <= 400; ms += 40)
            rig.At(ms, Changed("x.yaml"));
        rig.Run();

        var (at, change) = Assert.Single(rig.Emitted);
        Assert.Equal(Ms(400) + Window, at);
        Assert.Equal(Start + Ms(400), change.LastEventAt);
    }

    [Fact]
    public void Coalesce_WhenTwoFilesChangeInOneBurst_EmitsOneChangeNamingBoth()
    {
        using var rig = new CoalesceHarness()
            .At(0, Changed("pad.yaml"))
            .At(1, Changed("bass.yaml"))
            .At(2, Changed("pad.yaml"))
            .At(3, Changed("bass.yaml"))
            .Run();

        var (_, change) = Assert.Single(rig.Emitted);
        Assert.Equal([PathOf("bass.yaml"), PathOf("pad.yaml")], change.Paths);
    }

    [Fact]
    public void Coalesce_WhenIrrelevantEventFollowsBurst_DoesNotDelayChange()
    {
        using var rig = new CoalesceHarness()
            .At(0, Changed("x.yaml"))
            .At(40, Changed("notes.txt"))
            .At(45, Created(".x.yaml.swp"))
            .Run();

        var (at, change) = Assert.Single(rig.Emitted);
        Assert.Equal(Window, at);
        Assert.Equal(Start, change.LastEventAt);
    }

    [Fact]
    public void Coalesce_WhenWatcherLosesEvents_EmitsResyncChange()
    {
        using var rig = new CoalesceHarness()
            .At(0, Changed("x.yaml"))
            .At(1, new LibraryResyncEventArgs(Folder, new InternalBufferOverflowException()))
            .Run();

        var (at, change) = Assert.Single(rig.Emitted);
        Assert.True(change.Resync);
        Assert.Equal([PathOf("x.yaml")], change.Paths);
        Assert.Equal(Ms(1) + Window, at);
    }

    [Fact]
    public void Coalesce_WhenSourceCompletesDuringBurst_FlushesChangeAndCompletes()
    {
        using var rig = new CoalesceHarness()
            .At(0, Changed("x.yaml"))
            .CompleteAt(10)
            .Run();

        var (at, change) = Assert.Single(rig.Emitted);
        Assert.Equal(Ms(10), at);
        Assert.Equal(Start, change.LastEventAt);
        Assert.True(rig.Completed);
    }

    [Fact]
    public void Coalesce_WhenUnsubscribedDuringBurst_EmitsNothing()
    {
        using var rig = new CoalesceHarness()
            .At(0, Changed("x.yaml"));
        rig.Scheduler.AdvanceBy(Ms(10));
        rig.Unsubscribe();
        rig.Run();

        Assert.Empty(rig.Emitted);
    }

    [Fact]
    public void Coalesce_BeforeWindowHasPassed_EmitsNothingYet()
    {
        using var rig = new CoalesceHarness()
            .At(0, Changed("x.yaml"));
        rig.Scheduler.AdvanceBy(Window - Ms(1));
        Assert.Empty(rig.Emitted);

        rig.Scheduler.AdvanceBy(Ms(1));
        Assert.Single(rig.Emitted);
    }
}
