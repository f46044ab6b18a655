using System.Globalization;
using System.Security.Cryptography;

namespace Waves.Journal.Storage;

/// <summary>
/// Session ids: <c>yyyyMMdd-HHmmss-xxxx</c>, the UTC wall clock at the start to the second and four
/// random lowercase hex digits, e.g. <c>20250314-201502-3fa9</c>. Short enough to type, sorted by
/// start time as plain strings (sessions started within the same second sort in any order), and
/// unique: a journal draws another suffix when the id is taken.
/// </summary>
internal static class SessionIds
{
    public static string New(DateTimeOffset wallClock) =>
        wallClock.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + RandomNumberGenerator.GetHexString(4, lowercase: true);
}
