using Waves.Journal.Events;
using Waves.Journal.Storage;

namespace Waves.Journal.Tests.Storage;

/// <summary>Asserts with value equality (<see cref="EventValueComparer"/>), showing the payloads when they differ.</summary>
internal static class EventAssert
{
    public static void Same(SessionEvent expected, SessionEvent actual)
    {
        if (!EventValueComparer.Instance.Equals(expected, actual))
            Assert.Fail($"events differ:\nexpected {EventTypes.NameOf(expected)} {EventCodec.Encode(expected)}\nactual   {EventTypes.NameOf(actual)} {EventCodec.Encode(actual)}");
    }

    public static void Same(EventEnvelope expected, EventEnvelope actual)
    {
        Assert.Equal((expected.SessionId, expected.Sequence, expected.Frame, expected.Type), (actual.SessionId, actual.Sequence, actual.Frame, actual.Type));
        Assert.True(expected.WallClock.EqualsExact(actual.WallClock), $"wall clock {expected.WallClock:O} read back as {actual.WallClock:O}");
        Same(expected.Event, actual.Event);
    }
}
