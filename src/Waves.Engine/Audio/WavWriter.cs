using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using NAudio.Wave;

namespace Waves.Engine.Audio;

/// <summary>
/// Streams float blocks to a mono or stereo WAV file. Integer formats clip to [−1, 1] and round to
/// nearest (x·32767 for s16, x·8388607 for s24); f32 is written as given. The header is finalised by
/// <see cref="Flush"/> and <see cref="Dispose"/>.
/// </summary>
public sealed class WavWriter : IDisposable
{
    private const double S16Scale = 32767.0;
    private const double S24Scale = 8388607.0;

    private readonly WaveFileWriter _writer;
    private readonly int _bytesPerSample;
    // Encoded frames wait here until it is full (reused, so rendering in blocks does not allocate):
    // a few large writes instead of one small write per block.
    private byte[] _buffer = new byte[256 * 1024];
    private int _pending;
    private bool _disposed;

    public WavWriter(string path, int sampleRate, int channels, SampleFormat format)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        if (channels is not (1 or 2))
            throw new ArgumentOutOfRangeException(nameof(channels), channels, "only mono and stereo are written");
        _bytesPerSample = format.BytesPerSample();

        var dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir))
            Directory.CreateDirectory(dir);

        Path = path;
        SampleRate = sampleRate;
        Channels = channels;
        Format = format;
        _writer = new WaveFileWriter(path, format switch
        {
            SampleFormat.F32 => WaveFormat.CreateIeeeFloatWaveFormat(sampleRate, channels),
            _ => new WaveFormat(sampleRate, _bytesPerSample * 8, channels),
        });
    }

    public string Path { get; }
    public int SampleRate { get; }
    public int Channels { get; }
    public SampleFormat Format { get; }
    public long FramesWritten { get; private set; }

    /// <summary>
    /// Appends <paramref name="left"/>.Length frames. For stereo, <paramref name="right"/> must be as
    /// long as <paramref name="left"/> and the two are interleaved; for mono it is ignored.
    /// </summary>
    public void Write(ReadOnlySpan<float> left, ReadOnlySpan<float> right)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Channels == 2 && right.Length != left.Length)
            throw new ArgumentException(
                $"right has {right.Length} samples but left has {left.Length}", nameof(right));
        if (left.IsEmpty)
            return;

        int frameBytes = Channels * _bytesPerSample;
        int bytes = checked(left.Length * frameBytes);
        if (_pending + bytes > _buffer.Length)
            WritePending();
        if (_buffer.Length < bytes)
            _buffer = new byte[bytes];

        var dst = _buffer.AsSpan(_pending, bytes);
        Encode(left, dst, frameBytes);
        if (Channels == 2)
            Encode(right, dst[_bytesPerSample..], frameBytes);

        _pending += bytes;
        FramesWritten += left.Length;
    }

    /// <summary>Writes buffered data and updates the header, so the file is valid up to this point.</summary>
    public void Flush()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        WritePending();
        _writer.Flush();
    }

    private void WritePending()
    {
        _writer.Write(_buffer, 0, _pending);
        _pending = 0;
    }

    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        try { WritePending(); }
        finally { _writer.Dispose(); }
    }

    /// <summary>Writes one channel into every <paramref name="stride"/>-th slot of <paramref name="dst"/>.</summary>
    private void Encode(ReadOnlySpan<float> src, Span<byte> dst, int stride)
    {
        int o = 0;
        switch (Format)
        {
            case SampleFormat.F32 when stride == 4 && BitConverter.IsLittleEndian:
                System.Runtime.InteropServices.MemoryMarshal.AsBytes(src).CopyTo(dst);
                break;
            case SampleFormat.F32:
                for (int i = 0; i < src.Length; i++, o += stride)
                    BinaryPrimitives.WriteSingleLittleEndian(dst[o..], src[i]);
                break;
            case SampleFormat.S16 when stride == 2 && BitConverter.IsLittleEndian:
                EncodeS16Mono(src, System.Runtime.InteropServices.MemoryMarshal.Cast<byte, short>(dst));
                break;
            case SampleFormat.S16:
                for (int i = 0; i < src.Length; i++, o += stride)
                    BinaryPrimitives.WriteInt16LittleEndian(dst[o..], (short)Math.Round(Clip(src[i]) * S16Scale));
                break;
            case SampleFormat.S24:
                for (int i = 0; i < src.Length; i++, o += stride)
                {
                    int v = (int)Math.Round(Clip(src[i]) * S24Scale);
                    dst[o] = (byte)v;
                    dst[o + 1] = (byte)(v >> 8);
                    dst[o + 2] = (byte)(v >> 16);
                }
                break;
        }
    }

    /// <summary>The S16 encoding of a mono block, 8 samples at a time where the hardware allows: the
    /// same clip, exact double product and round-half-to-even as the scalar form, so the same bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void EncodeS16Mono(ReadOnlySpan<float> src, Span<short> dst)
    {
        int i = 0;
        // Lanes do the scalar tail's steps: NaN → 0, widen, clamp, scale, round half to even; the
        // results are whole numbers within ±32767, exact as floats and as ints.
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= src.Length - 32; i += 32)
            {
                var a = Vector512.ConvertToInt32(S16(Vector512.Create(src.Slice(i, 16))));
                var b = Vector512.ConvertToInt32(S16(Vector512.Create(src.Slice(i + 16, 16))));
                Vector512.Narrow(a, b).CopyTo(dst.Slice(i, 32));
            }
        }
        if (Vector256.IsHardwareAccelerated)
        {
            var one = Vector256.Create(1.0);
            var scale = Vector256.Create(S16Scale);
            for (; i <= src.Length - 8; i += 8)
            {
                var x = Vector256.Create(src.Slice(i, 8));
                x = Vector256.ConditionalSelect(Vector256.Equals(x, x), x, Vector256<float>.Zero);
                var (lo, hi) = Vector256.Widen(x);
                lo = Vector256.Round(Vector256.Min(Vector256.Max(lo, -one), one) * scale);
                hi = Vector256.Round(Vector256.Min(Vector256.Max(hi, -one), one) * scale);
                var ints = Vector256.ConvertToInt32(Vector256.Narrow(lo, hi));
                Vector128.Narrow(ints.GetLower(), ints.GetUpper()).CopyTo(dst.Slice(i, 8));
            }
        }
        for (; i < src.Length; i++)
            dst[i] = (short)Math.Round(Clip(src[i]) * S16Scale);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> S16(Vector512<float> x)
    {
        var one = Vector512.Create(1.0);
        var scale = Vector512.Create(S16Scale);
        x = Vector512.ConditionalSelect(Vector512.Equals(x, x), x, Vector512<float>.Zero);
        var (lo, hi) = Vector512.Widen(x);
        lo = Vector512.Round(Vector512.Min(Vector512.Max(lo, -one), one) * scale);
        hi = Vector512.Round(Vector512.Min(Vector512.Max(hi, -one), one) * scale);
        return Vector512.Narrow(lo, hi);
    }

    // NaN becomes silence rather than an arbitrary integer.
    private static double Clip(float x) => float.IsNaN(x) ? 0.0 : Math.Clamp(x, -1.0, 1.0);
}
