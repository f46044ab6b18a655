namespace Waves.Engine.Audio;

/// <summary>Sample encoding of a written WAV file: 32-bit float, or 16/24-bit integer PCM.</summary>
public enum SampleFormat { F32, S16, S24 }

/// <summary>Names of <see cref="SampleFormat"/> as written on the command line and in patches.</summary>
public static class SampleFormats
{
    /// <summary>Parses "f32", "s16" or "s24" (case-insensitive).</summary>
    /// <exception cref="FormatException">Any other text.</exception>
    public static SampleFormat Parse(string text) =>
        TryParse(text, out var format)
            ? format
            : throw new FormatException($"unknown sample format '{text}' (expected f32, s16 or s24)");

    public static bool TryParse(string? text, out SampleFormat format)
    {
        // Explicit names only: Enum.TryParse would also accept "0" or "1".
        switch (text?.Trim().ToLowerInvariant())
        {
            case "f32": format = SampleFormat.F32; return true;
            case "s16": format = SampleFormat.S16; return true;
            case "s24": format = SampleFormat.S24; return true;
            default: format = default; return false;
        }
    }

    public static string Name(this SampleFormat format) => format switch
    {
        SampleFormat.F32 => "f32",
        SampleFormat.S16 => "s16",
        SampleFormat.S24 => "s24",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    public static int BytesPerSample(this SampleFormat format) => format switch
    {
        SampleFormat.F32 => 4,
        SampleFormat.S16 => 2,
        SampleFormat.S24 => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}
