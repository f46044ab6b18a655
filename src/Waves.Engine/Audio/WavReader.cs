using System.Buffers.Binary;
using NAudio.Wave;

namespace Waves.Engine.Audio;

/// <summary>
/// Reads a whole WAV file into floats: integer PCM of 8, 16, 24 or 32 bits and IEEE float of 32 or
/// 64 bits, plain or WAVE_FORMAT_EXTENSIBLE, any channel count.
/// </summary>
/// <remarks>
/// Integer PCM is divided by its positive full scale (127, 32767, 8388607, 2147483647), the inverse of
/// <see cref="WavWriter"/> and what the original engine's loader does for 16-bit files; so the most
/// negative code reads slightly below −1. A file whose data chunk is cut short yields the frames present.
/// </remarks>
public static class WavReader
{
    private enum Encoding { Pcm, Float }

    private enum SampleKind { U8, S16, S24, S32, F32, F64 }

    /// <exception cref="InvalidDataException">Not a WAV file, or an encoding not listed above.</exception>
    public static WavData Read(string path)
    {
        WaveFileReader reader;
        try
        {
            reader = new WaveFileReader(path);
        }
        catch (FormatException e)
        {
            throw new InvalidDataException($"{path}: not a readable WAV file: {e.Message}", e);
        }

        using (reader)
        {
            var format = reader.WaveFormat;
            var encoding = EncodingOf(format, path);
            int bits = format.BitsPerSample;
            SampleKind kind = (encoding, bits) switch
            {
                (Encoding.Pcm, 8) => SampleKind.U8,
                (Encoding.Pcm, 16) => SampleKind.S16,
                (Encoding.Pcm, 24) => SampleKind.S24,
                (Encoding.Pcm, 32) => SampleKind.S32,
                (Encoding.Float, 32) => SampleKind.F32,
                (Encoding.Float, 64) => SampleKind.F64,
                _ => throw new InvalidDataException($"{path}: {bits}-bit {encoding} samples are not supported"),
            };

            int channels = format.Channels;
            int bytesPerSample = bits / 8;
            int frameBytes = channels * bytesPerSample;
            if (channels < 1 || format.BlockAlign != frameBytes)
                throw new InvalidDataException(
                    $"{path}: inconsistent format ({channels} channels, block align {format.BlockAlign})");

            long declared = reader.Length / frameBytes;
            if (declared > Array.MaxLength)
                throw new InvalidDataException($"{path}: too long ({declared} frames)");

            var data = new float[channels][];
            for (int c = 0; c < channels; c++)
                data[c] = new float[declared];

            var buffer = new byte[Math.Max(1, 64 * 1024 / frameBytes) * frameBytes];
            int frame = 0;
            while (frame < declared)
            {
                int want = (int)Math.Min(buffer.Length / frameBytes, declared - frame) * frameBytes;
                int got = ReadFully(reader, buffer.AsSpan(0, want));
                int frames = got / frameBytes;
                if (frames == 0)
                    break;
                Decode(buffer.AsSpan(0, frames * frameBytes), kind, bytesPerSample, data, frame);
                frame += frames;
            }

            if (frame < declared)
                for (int c = 0; c < channels; c++)
                    Array.Resize(ref data[c], frame);

            return new WavData(format.SampleRate, data);
        }
    }

    private static Encoding EncodingOf(WaveFormat format, string path)
    {
        switch (format.Encoding)
        {
            case WaveFormatEncoding.Pcm:
                return Encoding.Pcm;
            case WaveFormatEncoding.IeeeFloat:
                return Encoding.Float;
            case WaveFormatEncoding.Extensible:
                var sub = SubFormatOf(format)
                    ?? throw new InvalidDataException($"{path}: extensible format without a sub-format");
                if (sub == AudioMediaSubtypes.MEDIASUBTYPE_PCM)
                    return Encoding.Pcm;
                if (sub == AudioMediaSubtypes.MEDIASUBTYPE_IEEE_FLOAT)
                    return Encoding.Float;
                throw new InvalidDataException($"{path}: unsupported extensible sub-format {sub}");
            default:
                throw new InvalidDataException($"{path}: unsupported encoding {format.Encoding}");
        }
    }

    // A fmt chunk read from a file comes back as raw extra bytes: valid bits (2), channel mask (4), GUID (16).
    private static Guid? SubFormatOf(WaveFormat format) => format switch
    {
        WaveFormatExtensible ext => ext.SubFormat,
        WaveFormatExtraData { ExtraData.Length: >= 22 } raw => new Guid(raw.ExtraData.AsSpan(6, 16)),
        _ => null,
    };

    private static int ReadFully(WaveFileReader reader, Span<byte> buffer)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int n = reader.Read(buffer[total..]);
            if (n <= 0)
                break;
            total += n;
        }
        return total;
    }

    /// <summary>De-interleaves whole frames from <paramref name="src"/> into the channels at <paramref name="start"/>.</summary>
    private static void Decode(ReadOnlySpan<byte> src, SampleKind kind, int bytesPerSample, float[][] dst, int start)
    {
        int channels = dst.Length;
        int frames = src.Length / (channels * bytesPerSample);
        int o = 0;
        for (int f = start; f < start + frames; f++)
            for (int c = 0; c < channels; c++, o += bytesPerSample)
                dst[c][f] = Sample(src[o..], kind);
    }

    // Integer scaling is done in double so that the only rounding is the final one to float.
    private static float Sample(ReadOnlySpan<byte> s, SampleKind kind) => kind switch
    {
        SampleKind.U8 => (s[0] - 128) / 127f,
        SampleKind.S16 => (float)(BinaryPrimitives.ReadInt16LittleEndian(s) / 32767.0),
        // The three bytes go to the top of an int and are shifted back down to sign-extend.
        SampleKind.S24 => (float)((((s[0] << 8) | (s[1] << 16) | (s[2] << 24)) >> 8) / 8388607.0),
        SampleKind.S32 => (float)(BinaryPrimitives.ReadInt32LittleEndian(s) / 2147483647.0),
        SampleKind.F32 => BinaryPrimitives.ReadSingleLittleEndian(s),
        _ => (float)BinaryPrimitives.ReadDoubleLittleEndian(s),
    };
}
