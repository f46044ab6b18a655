using LiteDB;

namespace Waves.Journal.Storage;

/// <summary>
/// The format mark of a journal file: a <c>meta</c> collection holding <c>{_id: "format", version: N}</c>.
/// A new file is marked with <see cref="LiteDbJournal.FormatVersion"/>; a file marked with another
/// version, or a LiteDB file with waves' collections but no mark, is refused with a
/// <see cref="JournalFormatException"/> rather than read as something it is not.
/// </summary>
internal static class LiteDbFormat
{
    public const string Meta = "meta";
    const string FormatKey = "format";
    const string VersionField = "version";

    /// <summary>Marks a new journal, or checks the mark of an existing one. Runs in the caller's transaction.</summary>
    public static void MarkOrCheck(LiteDatabase db, string path)
    {
        var meta = db.GetCollection(Meta);
        var mark = meta.FindById(FormatKey);
        if (mark is null)
        {
            var existing = db.GetCollectionNames().Where(LiteDbDocuments.Collections.Contains).ToArray();
            if (existing.Length > 0)
                throw new JournalFormatException(
                    $"journal '{path}' has collections ({string.Join(", ", existing)}) but no format mark; this waves reads format {LiteDbJournal.FormatVersion}");
            meta.Insert(new BsonDocument { ["_id"] = FormatKey, [VersionField] = LiteDbJournal.FormatVersion });
            return;
        }
        var version = mark[VersionField];
        if (!version.IsInt32 || version.AsInt32 != LiteDbJournal.FormatVersion)
            throw new JournalFormatException(
                $"journal '{path}' was written by format {version}; this waves reads format {LiteDbJournal.FormatVersion}");
    }
}
