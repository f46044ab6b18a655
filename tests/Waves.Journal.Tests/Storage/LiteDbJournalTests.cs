using LiteDB;
using Waves.Journal.Events;
using Waves.Journal.Storage;

namespace Waves.Journal.Tests.Storage;

/// <summary>The journal contract on a LiteDB file in a temp folder, and what only a file can do:
/// outlive its process, survive a crash, refuse another format.</summary>
public sealed class LiteDbJournalTests : JournalContract
{
    static readonly DateTimeOffset T0 = SampleEvents.Clock;

    readonly TempFolder _folder = new();

    string DbPath => _folder.File("journal.db");

    protected override IJournal Open() => new LiteDbJournal(DbPath);

    protected override IJournal OpenAnotherConnection() => new LiteDbJournal(DbPath);

    protected override int TextRows()
    {
        using var db = OpenRaw(DbPath);
        return db.GetCollection("texts").Count();
    }

    protected override void Cleanup() => _folder.Dispose();

    static LiteDatabase OpenRaw(string path) => new(new ConnectionString { Filename = path, Connection = ConnectionType.Shared });

    [Fact]
    public void Constructor_FolderMissing_CreatesIt()
    {
        var path = _folder.File(Path.Combine("deep", "er", "j.db"));

        using (var journal = new LiteDbJournal(path))
            journal.StartSession(SampleEvents.Started(), T0);

        Assert.True(File.Exists(path));
    }

    [Fact]
    public void Reopen_AfterDispose_ReadsEveryEventSessionAndText()
    {
        string id, hash;
        List<EventEnvelope> written;
        using (var journal = new LiteDbJournal(DbPath))
        {
            id = journal.StartSession(SampleEvents.Started(), T0);
            foreach (var (e, i) in SampleEvents.AllButStart().Select((e, i) => (e, i))) journal.Append(id, i * 3L, e, T0.AddTicks(i));
            hash = journal.PutText("kept");
            written = [.. journal.Read(id)];
        }

        using var reopened = new LiteDbJournal(DbPath);
        var read = reopened.Read(id);

        Assert.Equal(written.Count, read.Count);
        for (var i = 0; i < read.Count; i++) EventAssert.Same(written[i], read[i]);
        Assert.Equal("kept", reopened.GetText(hash));
        Assert.True(Assert.Single(reopened.Sessions()).Ended);
    }

    [Fact]
    public void CopyAfterFlush_WithoutDispose_OpensAndReadsEveryFlushedEvent()
    {
        var id = Journal.StartSession(SampleEvents.Started(), T0);
        for (var i = 1; i <= 50; i++) Journal.Append(id, i * 512L, new MasterGainChanged(i * 0.01), T0);
        Journal.PutText("a text");
        Journal.Flush();

        var copy = CopyAsIfKilled(DbPath, "after-flush");

        using var recovered = new LiteDbJournal(copy);
        var read = recovered.Read(id);
        Assert.Equal(51, read.Count);
        Assert.Equal(50 * 512L, read[^1].Frame);
        Assert.Equal(50 * 512L, Assert.Single(recovered.Sessions()).Frames);
        Assert.Equal("a text", recovered.GetText(TextHash.Of("a text")));
    }

    [Fact]
    public void CopyWithoutFlush_InSharedMode_StillHoldsEveryAppendedEvent()
    {
        // Shared mode closes the file after each operation, checkpointing as it does: an append is in
        // the data file as soon as it returns. This test notices if LiteDB ever stops doing that.
        var id = Journal.StartSession(SampleEvents.Started(), T0);
        for (var i = 1; i <= 20; i++) Journal.Append(id, i, new Paused(), T0);

        var copy = CopyAsIfKilled(DbPath, "no-flush");

        using var recovered = new LiteDbJournal(copy);
        Assert.Equal(21, recovered.Read(id).Count);
    }

    [Fact]
    public void Open_FileMarkedWithAnotherFormat_ThrowsNamingBothFormats()
    {
        using (var journal = new LiteDbJournal(DbPath)) journal.StartSession(SampleEvents.Started(), T0);
        using (var db = OpenRaw(DbPath))
            db.GetCollection("meta").Upsert(new BsonDocument { ["_id"] = "format", ["version"] = LiteDbJournal.FormatVersion + 1 });

        var ex = Assert.Throws<JournalFormatException>(() => new LiteDbJournal(DbPath));

        Assert.Contains($"was written by format {LiteDbJournal.FormatVersion + 1}; this waves reads format {LiteDbJournal.FormatVersion}", ex.Message);
        Assert.Contains(DbPath, ex.Message);
    }

    [Fact]
    public void Open_LiteDbFileWithSessionsButNoFormatMark_IsRefused()
    {
        using (var db = OpenRaw(DbPath))
            db.GetCollection("sessions").Insert(new BsonDocument { ["_id"] = "old", ["sound"] = "x" });

        var ex = Assert.Throws<JournalFormatException>(() => new LiteDbJournal(DbPath));

        Assert.Contains("no format mark", ex.Message);
    }

    [Fact]
    public void Open_NewFile_MarksItWithThisFormat()
    {
        using (new LiteDbJournal(DbPath)) { }

        using var db = OpenRaw(DbPath);
        Assert.Equal(LiteDbJournal.FormatVersion, db.GetCollection("meta").FindById("format")["version"].AsInt32);
        Assert.Equal("/Ordinal", db.Pragma("COLLATION").AsString);
    }

    [Fact]
    public void Read_EventOfAnUnknownType_ThrowsNamingTheType()
    {
        var id = Journal.StartSession(SampleEvents.Started(), T0);
        using (var db = OpenRaw(DbPath))
            db.GetCollection("events").Insert(new BsonDocument
            {
                ["_id"] = id + "/000000000001", ["session"] = id, ["seq"] = 1L, ["frame"] = 5L,
                ["type"] = "tempo-changed", ["payload"] = "{\"bpm\":120}", ["wall"] = T0.ToString("O"),
            });

        var ex = Assert.Throws<JournalFormatException>(() => Journal.Read(id));

        Assert.Contains("'tempo-changed'", ex.Message);
        Assert.Contains(id, ex.Message);
    }

    [Fact]
    public void Events_AreStoredWithTypeNameAndJsonPayload()
    {
        var id = Journal.StartSession(SampleEvents.Started(), T0);
        Journal.Append(id, 42, new TrackMuted("kick", true), T0);

        using var db = OpenRaw(DbPath);
        var doc = db.GetCollection("events").FindById(id + "/000000000001");
        Assert.Equal("track-muted", doc["type"].AsString);
        Assert.Equal("{\"track\":\"kick\",\"muted\":true}", doc["payload"].AsString);
        Assert.Equal(42L, doc["frame"].AsInt64);
        Assert.Equal(id, doc["session"].AsString);
    }

    [Fact]
    public void Journal_AfterDispose_RefusesToWork()
    {
        var journal = new LiteDbJournal(DbPath);
        journal.Dispose();
        journal.Dispose();

        Assert.Throws<ObjectDisposedException>(() => journal.Sessions());
    }

    /// <summary>Copies the data file (and LiteDB's write-ahead log, if there is one) while the
    /// journal is still open, as a <c>kill -9</c> would leave them.</summary>
    string CopyAsIfKilled(string path, string name)
    {
        var copy = _folder.File(name + ".db");
        File.Copy(path, copy);
        var log = Path.ChangeExtension(path, null) + "-log.db";
        if (File.Exists(log)) File.Copy(log, Path.ChangeExtension(copy, null) + "-log.db");
        return copy;
    }
}
