using Waves.Journal.Events;
using Waves.Journal.Storage;

namespace Waves.Journal.Tests.Storage;

public sealed class EventValueComparerTests
{
    static readonly EventValueComparer Comparer = EventValueComparer.Instance;

    [Fact]
    public void Equals_SameValuesInDifferentLists_IsTrue()
    {
        Assert.True(Comparer.Equals(new ReloadRejected(["a", "b"]), new ReloadRejected(new List<string> { "a", "b" })));
        Assert.True(Comparer.Equals(SampleEvents.Started(), SampleEvents.Started()));
    }

    [Fact]
    public void Equals_ListsThatDiffer_IsFalse()
    {
        Assert.False(Comparer.Equals(new ReloadRejected(["a", "b"]), new ReloadRejected(["a"])));
        Assert.False(Comparer.Equals(new LibraryEdited([new FileRef("a", "1")], 1), new LibraryEdited([new FileRef("a", "2")], 1)));
    }

    [Fact]
    public void Equals_ZeroAndNegativeZero_IsFalse_NaNAndNaN_IsTrue()
    {
        Assert.False(Comparer.Equals(new MasterGainChanged(0.0), new MasterGainChanged(-0.0)));
        Assert.True(Comparer.Equals(new MasterGainChanged(double.NaN), new MasterGainChanged(-double.NaN)));
    }

    [Fact]
    public void Equals_SameInstantWithAnotherOffset_IsFalse()
    {
        var utc = new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

        Assert.False(Comparer.Equals(new Ticked(utc, 0, 0), new Ticked(utc.ToOffset(TimeSpan.FromHours(1)), 0, 0)));
    }

    [Fact]
    public void Equals_DifferentTypesWithTheSameShape_IsFalse()
    {
        Assert.False(Comparer.Equals(new Paused(), new Resumed()));
        Assert.False(Comparer.Equals(new TrackMuted("a", true), new TrackSoloed("a", true)));
    }
}
