using System.Text.RegularExpressions;
using Waves.Journal.Events;
using Waves.Journal.Storage;

namespace Waves.Journal.Tests.Storage;

/// <summary>
/// What every <see cref="IJournal"/> promises, run against each implementation by a subclass
/// (<see cref="InMemoryJournalTests"/>, <see cref="LiteDbJournalTests"/>).
/// </summary>
public abstract partial class JournalContract : IDisposable
{
    static readonly DateTimeOffset T0 = SampleEvents.Clock;

    readonly List<IJournal> _opened = [];
    IJournal? _journal;

    /// <summary>Opens the journal under test (called once per test).</summary>
    protected abstract IJournal Open();

    /// <summary>A second connection to the same journal, as another reader (or process) would have.</summary>
    protected abstract IJournal OpenAnotherConnection();

    /// <summary>How many text rows the store holds.</summary>
    protected abstract int TextRows();

    protected IJournal Journal => _journal ??= Track(Open());

    protected IJournal Track(IJournal journal)
    {
        _opened.Add(journal);
        return journal;
    }

    [Fact]
    public void StartSession_ThenRead_GivesSessionStartedAtSequenceZeroAndFrameZero()
    {
        var started = SampleEvents.Started();
        var id = Journal.StartSession(started, T0);

        var read = Assert.Single(Journal.Read(id));
        EventAssert.Same(new EventEnvelope(id, 0, 0, "session-started", started, T0), read);
    }

    [Fact]
    public void Append_EveryEventType_ReadsBackEqual()
    {
        var id = Journal.StartSession(SampleEvents.Started(), T0);
        var events = SampleEvents.AllButStart();
        var expected = new List<EventEnvelope> { new(id, 0, 0, "session-started", SampleEvents.Started(), T0) };
        for (var i = 0; i < events.Count; i++)
        {
            var clock = T0.AddMilliseconds(i * 7.5);
            Journal.Append(id, 100L * (i + 1), events[i], clock);
            expected.Add(new EventEnvelope(id, i + 1, 100L * (i + 1), EventTypes.NameOf(events[i]), events[i], clock));
        }

        var read = Journal.Read(id);

        Assert.Equal(expected.Count, read.Count);
        for (var i = 0; i < expected.Count; i++) EventAssert.Same(expected[i], read[i]);
        Assert.Equal(EventTypes.Names.Values.Order(), read.Select(r => r.Type).Distinct().Order());
    }

    [Fact]
    public void Append_ReturnsTheEnvelopeThatReadGivesBack()
    {
        var id = Journal.StartSession(SampleEvents.Started(), T0);
        var appended = SampleEvents.AllButStart().Select((e, i) => Journal.Append(id, i * 10L, e, T0.AddSeconds(i))).ToList();

        var read = Journal.Read(id).Skip(1).ToList();

        Assert.Equal(appended.Count, read.Count);
        for (var i = 0; i < read.Count; i++) EventAssert.Same(appended[i], read[i]);
    }

    [Fact]
    public void Append_ManyEvents_NumbersSequencesZeroOneTwoOnward()
    {
        var id = Journal.StartSession(SampleEvents.Started(), T0);
        var returned = Enumerable.Range(1, 40).Select(i => Journal.Append(id, i, new MasterGainChanged(i / 40.0), T0).Sequence).ToList();

        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), returned);
        Assert.Equal(Enumerable.Range(0, 41).Select(i => (long)i), Journal.Read(id).Select(e => e.Sequence));
    }

    [Fact]
    public void Append_FramesAsGiven_KeepsThemIncludingRepeatsAndHugeOnes()
    {
        long[] frames = [0, 48_000, 48_000, 48_001, 1L << 40, long.MaxValue];
        var id = Journal.StartSession(SampleEvents.Started(), T0);
        foreach (var frame in frames) Journal.Append(id, frame, new Paused(), T0);

        Assert.Equal(frames.Prepend(0), Journal.Read(id).Select(e => e.Frame));
    }

    [Fact]
    public void Append_ThenTheCallerChangesItsList_ReadGivesWhatWasAppended()
    {
        var id = Journal.StartSession(SampleEvents.Started(), T0);
        var problems = new List<string> { "first" };
        Journal.Append(id, 5, new ReloadRejected(problems), T0);
        problems.Add("added later");

        var rejected = Assert.IsType<ReloadRejected>(Journal.Read(id)[1].Event);
        Assert.Equal(["first"], rejected.Problems);
    }

    [Fact]
    public void Append_ToAnUnknownSession_ThrowsKeyNotFoundNamingIt()
    {
        Journal.StartSession(SampleEvents.Started(), T0);

        var ex = Assert.Throws<KeyNotFoundException>(() => Journal.Append("20990101-000000-zzzz", 1, new Paused(), T0));
        Assert.Contains("20990101-000000-zzzz", ex.Message);
    }

    [Fact]
    public void Append_SessionStarted_IsRefused()
    {
        var id = Journal.StartSession(SampleEvents.Started(), T0);

        Assert.Throws<ArgumentException>(() => Journal.Append(id, 1, SampleEvents.Started(), T0));
        Assert.Single(Journal.Read(id));
    }

    [Fact]
    public void Append_NegativeFrame_IsRefused()
    {
        var id = Journal.StartSession(SampleEvents.Started(), T0);

        Assert.Throws<ArgumentOutOfRangeException>(() => Journal.Append(id, -1, new Paused(), T0));
        Assert.Single(Journal.Read(id));
    }

    [Fact]
    public void Read_UnknownSession_ThrowsKeyNotFoundNamingIt()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => Journal.Read("nope"));
        Assert.Contains("'nope'", ex.Message);
    }

    [Fact]
    public void Read_IdInAnotherCase_IsNoSession()
    {
        var id = Journal.StartSession(SampleEvents.Started(), T0);
        while (!id.Any(char.IsAsciiLetterLower)) id = Journal.StartSession(SampleEvents.Started(), T0);

        Assert.Throws<KeyNotFoundException>(() => Journal.Read(id.ToUpperInvariant()));
        Assert.Throws<KeyNotFoundException>(() => Journal.Append(id.ToUpperInvariant(), 1, new Paused(), T0));
    }

    [Fact]
    public void PutText_SameTextTwice_StoresOneRowUnderOneHash()
    {
        const string yaml = "pad:\n  osc: saw\n  freq: 220\n";

        var first = Journal.PutText(yaml);
        var second = Journal.PutText(new string(yaml.AsSpan()));
        var other = Journal.PutText(yaml + " ");

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
        Assert.Equal(2, TextRows());
        Assert.Equal(yaml, Journal.GetText(first));
    }

    [Fact]
    public void PutText_Abc_ReturnsItsSha256InLowercaseHex()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Journal.PutText("abc"));
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Journal.PutText(""));
    }

    [Theory]
    [InlineData("")]
    [InlineData("naïve — 日本語 🎵\r\n\t\u0000 end")]
    [InlineData("{\"json\": [\"looking\"]}")]
    public void PutText_UnicodeEmptyAndOddTexts_GetTextGivesThemBack(string text)
    {
        var hash = Journal.PutText(text);

        Assert.Equal(text, Journal.GetText(hash));
        Assert.Equal(TextHash.Of(text), hash);
    }

    [Fact]
    public void GetText_UnknownHash_ThrowsKeyNotFound()
    {
        Assert.Throws<KeyNotFoundException>(() => Journal.GetText(TextHash.Of("never stored")));
    }

    [Fact]
    public void Sessions_AfterEditsAndAnEnd_ListsLastFrameEditsAndEnded()
    {
        var id = Journal.StartSession(SampleEvents.Started("groove"), T0);
        Journal.Append(id, 100, new LibraryEdited([], 0), T0);
        Journal.Append(id, 250, new ReloadApplied(1, [], [], []), T0);
        Journal.Append(id, 900, new LibraryEdited([new FileRef("a.yaml", "h")], 2), T0);
        var running = Assert.Single(Journal.Sessions());
        Journal.Append(id, 4_800, new SessionEnded("stop"), T0);

        Assert.Equal(new SessionInfo(id, T0, "groove", 900, 2, false), running);
        var ended = Assert.Single(Journal.Sessions());
        Assert.Equal(new SessionInfo(id, T0, "groove", 4_800, 2, true), ended);
        Assert.True(ended.Started.EqualsExact(T0));
    }

    [Fact]
    public void Sessions_JustStarted_HasNoFramesNoEditsAndIsNotEnded()
    {
        var id = Journal.StartSession(SampleEvents.Started("x"), T0);

        Assert.Equal(new SessionInfo(id, T0, "x", 0, 0, false), Assert.Single(Journal.Sessions()));
    }

    [Fact]
    public void Sessions_TwoSessionsInOneJournal_ListedOldestFirstEachWithItsOwnEvents()
    {
        var later = Journal.StartSession(SampleEvents.Started("later"), T0.AddMinutes(5));
        var earlier = Journal.StartSession(SampleEvents.Started("earlier"), T0);
        Journal.Append(later, 10, new Paused(), T0);
        Journal.Append(earlier, 20, new Resumed(), T0);
        Journal.Append(later, 30, new LibraryEdited([], 0), T0);

        Assert.Equal([earlier, later], Journal.Sessions().Select(s => s.Id));
        Assert.Equal(["session-started", "paused", "library-edited"], Journal.Read(later).Select(e => e.Type));
        Assert.Equal(["session-started", "resumed"], Journal.Read(earlier).Select(e => e.Type));
        Assert.Equal([0L, 1L, 2L], Journal.Read(later).Select(e => e.Sequence));
        Assert.Equal([0L, 1L], Journal.Read(earlier).Select(e => e.Sequence));
        Assert.All(Journal.Read(later), e => Assert.Equal(later, e.SessionId));
    }

    [Fact]
    public void StartSession_TwiceInTheSameSecond_GivesDistinctIdsStampedWithTheUtcStart()
    {
        var a = Journal.StartSession(SampleEvents.Started(), T0);
        var b = Journal.StartSession(SampleEvents.Started(), T0);

        Assert.NotEqual(a, b);
        Assert.Matches(SessionIdShape(), a);
        Assert.StartsWith("20250314-144502-", a); // 20:15:02 at +05:30 is 14:45:02 UTC
        Assert.Equal([a, b], Journal.Sessions().Select(s => s.Id));
    }

    [Fact]
    public async Task Read_WhileAnotherConnectionWrites_SeesAGrowingGaplessPrefix()
    {
        var id = Journal.StartSession(SampleEvents.Started(), T0);
        var reader = Track(OpenAnotherConnection());
        const int count = 150;

        var writer = Task.Run(() =>
        {
            for (var i = 1; i <= count; i++) Journal.Append(id, i * 64L, new MasterGainChanged(i), T0);
        });
        var seen = 0;
        var reads = 0;
        while (!writer.IsCompleted || reads == 0)
        {
            var events = reader.Read(id);
            Assert.Equal(Enumerable.Range(0, events.Count).Select(i => (long)i), events.Select(e => e.Sequence));
            Assert.All(events, e => Assert.Equal(e.Sequence * 64, e.Frame));
            Assert.True(events.Count >= seen, $"read {events.Count} events after having seen {seen}");
            seen = events.Count;
            reads++;
        }
        await writer;

        Assert.Equal(count + 1, reader.Read(id).Count);
        Assert.Equal(count * 64L, Assert.Single(reader.Sessions()).Frames);
    }

    [Fact]
    public void Sessions_WrittenByOneConnection_AreListedByAnother()
    {
        var id = Journal.StartSession(SampleEvents.Started("shared"), T0);
        Journal.Append(id, 77, new LibraryEdited([], 0), T0);
        var hash = Journal.PutText("text");

        var reader = Track(OpenAnotherConnection());

        Assert.Equal(new SessionInfo(id, T0, "shared", 77, 1, false), Assert.Single(reader.Sessions()));
        Assert.Equal("text", reader.GetText(hash));
        Assert.Equal(2, reader.Read(id).Count);
    }

    [Fact]
    public void Flush_AfterAppends_KeepsEverythingReadable()
    {
        var id = Journal.StartSession(SampleEvents.Started(), T0);
        Journal.Append(id, 1, new Paused(), T0);
        Journal.Flush();
        Journal.Append(id, 2, new Resumed(), T0);
        Journal.Flush();

        Assert.Equal(3, Journal.Read(id).Count);
    }

    [GeneratedRegex("^[0-9]{8}-[0-9]{6}-[0-9a-f]{4}$")]
    private static partial Regex SessionIdShape();

    public void Dispose()
    {
        foreach (var journal in _opened) journal.Dispose();
        Cleanup();
        GC.SuppressFinalize(this);
    }

    /// <summary>Removes what the subclass made (temp files), after every journal is disposed.</summary>
    protected virtual void Cleanup() { }
}
