using System.Security.Cryptography;
using System.Text;

namespace Waves.Journal.Storage;

/// <summary>The content hash texts are stored under: SHA-256 of the UTF-8 bytes, lowercase hex.</summary>
public static class TextHash
{
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
