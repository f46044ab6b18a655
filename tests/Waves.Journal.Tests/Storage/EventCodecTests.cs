using Waves.Journal.Events;
using Waves.Journal.Storage;

namespace Waves.Journal.Tests.Storage;

public sealed class EventCodecTests
{
    public static TheoryData<string, string> EveryEvent()
    {
        var data = new TheoryData<string, string>();
        foreach (var e in SampleEvents.All()) data.Add(EventTypes.NameOf(e), EventCodec.Encode(e));
        return data;
    }

    [Fact]
    public void EveryEventType_RoundTripsExactly()
    {
        foreach (var e in SampleEvents.All())
            EventAssert.Same(e, EventCodec.Decode(EventTypes.NameOf(e), EventCodec.Encode(e)));
    }

    [Theory]
    [MemberData(nameof(EveryEvent))]
    public void Payload_ReencodedAfterDecoding_IsTheSameText(string type, string payload)
    {
        Assert.Equal(payload, EventCodec.Encode(EventCodec.Decode(type, payload)));
    }

    [Fact]
    public void SampleEvents_CoverEveryStableTypeName()
    {
        Assert.Equal(EventTypes.Names.Values.Order(), SampleEvents.All().Select(EventTypes.NameOf).Distinct().Order());
    }

    [Fact]
    public void Payload_HasCamelCaseMembersListsAsArraysAndNoClrTypeNames()
    {
        var payload = EventCodec.Encode(SampleEvents.Started());

        Assert.StartsWith("{\"sound\":\"demo\",\"overrides\":[\"tempo=120\",", payload);
        Assert.Contains("\"sampleRate\":48000", payload);
        Assert.Contains("\"files\":[{\"path\":\"drums.yaml\",\"hash\":\"aa11\"}", payload);
        Assert.DoesNotContain("$type", payload);
        Assert.DoesNotContain("Waves", payload);
        Assert.DoesNotContain(nameof(SessionStarted), payload);
        Assert.DoesNotContain(nameof(FileRef), payload);
    }

    [Fact]
    public void Payload_OfAnEventWithoutMembers_IsAnEmptyObject()
    {
        Assert.Equal("{}", EventCodec.Encode(new Paused()));
    }

    [Fact]
    public void Seed_LargestULong_IsAnExactJsonInteger()
    {
        var payload = EventCodec.Encode(SampleEvents.Started());

        Assert.Contains("\"seed\":18446744073709551615", payload);
        Assert.Equal(ulong.MaxValue, ((SessionStarted)EventCodec.Decode("session-started", payload)).Seed);
    }

    public static TheoryData<double> Doubles() =>
    [
        0.0, -0.0, double.Epsilon, -double.Epsilon, double.MaxValue, double.MinValue, 0.1, 1.0 / 3.0,
        -123456.78901234567, 1e-300, double.NaN, double.PositiveInfinity, double.NegativeInfinity,
    ];

    [Theory]
    [MemberData(nameof(Doubles))]
    public void Gain_AnyDouble_RoundTripsBitForBit(double gain)
    {
        var back = (MasterGainChanged)EventCodec.Decode("master-gain-changed", EventCodec.Encode(new MasterGainChanged(gain)));

        if (double.IsNaN(gain)) Assert.True(double.IsNaN(back.Gain));
        else Assert.Equal(BitConverter.DoubleToInt64Bits(gain), BitConverter.DoubleToInt64Bits(back.Gain));
    }

    [Fact]
    public void WallClock_InTicked_KeepsTicksAndOffset()
    {
        var clock = new DateTimeOffset(2024, 2, 29, 23, 59, 59, TimeSpan.FromMinutes(-(9 * 60 + 30))).AddTicks(9_999_999);

        var back = (Ticked)EventCodec.Decode("ticked", EventCodec.Encode(new Ticked(clock, 1, 2)));

        Assert.True(clock.EqualsExact(back.WallClock), $"{clock:O} came back as {back.WallClock:O}");
    }

    [Fact]
    public void Decode_UnknownTypeName_ThrowsNamingIt()
    {
        var ex = Assert.Throws<JournalFormatException>(() => EventCodec.Decode("tempo-changed", "{}"));

        Assert.Contains("'tempo-changed'", ex.Message);
    }

    [Fact]
    public void Decode_ClrTypeNameInsteadOfStableName_IsUnknown()
    {
        Assert.Throws<JournalFormatException>(() => EventCodec.Decode(nameof(Paused), "{}"));
    }

    [Theory]
    [InlineData("track-muted", "{\"track\":\"kick\"}")]
    [InlineData("track-muted", "{\"track\":null,\"muted\":true}")]
    [InlineData("track-muted", "{\"track\":\"kick\",\"muted\":true,\"volume\":3}")]
    [InlineData("track-muted", "null")]
    [InlineData("track-muted", "[]")]
    [InlineData("track-muted", "{\"Track\":\"kick\",\"Muted\":true}")]
    [InlineData("session-started", "{}")]
    [InlineData("paused", "not json")]
    public void Decode_PayloadThatDoesNotFitTheType_IsRefusedNamingTheType(string type, string payload)
    {
        var ex = Assert.Throws<JournalFormatException>(() => EventCodec.Decode(type, payload));

        Assert.Contains($"'{type}'", ex.Message);
    }

    [Fact]
    public void Decode_StateResetWithNullId_IsAllowed()
    {
        Assert.Null(((StateReset)EventCodec.Decode("state-reset", "{\"id\":null}")).Id);
    }

    [Fact]
    public void Encode_EventWithoutStableTypeName_IsRefused()
    {
        var ex = Assert.Throws<ArgumentException>(() => EventCodec.Encode(new Unregistered(1)));

        Assert.Contains(nameof(Unregistered), ex.Message);
    }

    private sealed record Unregistered(int X) : SessionEvent;
}
