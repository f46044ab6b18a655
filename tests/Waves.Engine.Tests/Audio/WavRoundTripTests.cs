using System.Buffers.Binary;
using NAudio.Wave;
using Waves.Engine.Audio;

namespace Waves.Engine.Tests.Audio;

public sealed class WavRoundTripTests : IDisposable
{
    private const int Rate = 48_000;
    private readonly string _dir = Directory.CreateTempSubdirectory("waves-wav-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<SampleFormat, int> FormatsAndChannels => new()
    {
        { SampleFormat.F32, 1 }, { SampleFormat.F32, 2 },
        { SampleFormat.S16, 1 }, { SampleFormat.S16, 2 },
        { SampleFormat.S24, 1 }, { SampleFormat.S24, 2 },
    };

    [Theory]
    [MemberData(nameof(FormatsAndChannels))]
    public void Round_trip_is_within_one_step(SampleFormat format, int channels)
    {
        var left = Signal(1000, 0.1);
        var right = Signal(1000, 0.7);
        var path = PathFor($"rt-{format}-{channels}.wav");
        using (var w = new WavWriter(path, Rate, channels, format))
        {
            w.Write(left, channels == 2 ? right : []);
            Assert.Equal(1000, w.FramesWritten);
        }

        var data = WavReader.Read(path);
        Assert.Equal(Rate, data.SampleRate);
        Assert.Equal(channels, data.Channels.Length);
        var tolerance = format switch { SampleFormat.S16 => 1 / 32767.0, SampleFormat.S24 => 1 / 8388607.0, _ => 0 };
        AssertClose(left, data.Channels[0], tolerance);
        if (channels == 2)
            AssertClose(right, data.Channels[1], tolerance);
    }

    [Theory]
    [MemberData(nameof(FormatsAndChannels))]
    public void Header_is_finalised_with_rate_channels_and_size(SampleFormat format, int channels)
    {
        var path = PathFor($"hdr-{format}-{channels}.wav");
        using (var w = new WavWriter(path, 22_050, channels, format))
            w.Write(Signal(300, 0), Signal(300, 1));

        var h = Header.Parse(File.ReadAllBytes(path));
        Assert.Equal(format == SampleFormat.F32 ? 3 : 1, h.FormatTag);
        Assert.Equal(22_050, h.SampleRate);
        Assert.Equal(channels, h.Channels);
        Assert.Equal(format.BytesPerSample() * 8, h.BitsPerSample);
        Assert.Equal(channels * format.BytesPerSample(), h.BlockAlign);
        Assert.Equal(300 * h.BlockAlign, h.DataSize);
        Assert.Equal(h.FileLength - 8, h.RiffSize);
    }

    [Fact]
    public void Flush_makes_the_header_valid_so_far()
    {
        var path = PathFor("flush.wav");
        using var w = new WavWriter(path, Rate, 2, SampleFormat.S16);
        w.Write(Signal(100, 0), Signal(100, 1));
        w.Flush();

        using var s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var bytes = new byte[s.Length];
        s.ReadExactly(bytes);
        Assert.Equal(100 * 4, Header.Parse(bytes).DataSize);
    }

    [Fact]
    public void S16_clips_to_full_scale_and_rounds_to_nearest()
    {
        float[] input = [2f, -3f, 1f, -1f, 1.5f, float.NaN, 0.5f, 1.6f / 32767, -1.4f / 32767];
        var path = PathFor("clip.wav");
        using (var w = new WavWriter(path, Rate, 1, SampleFormat.S16))
            w.Write(input, []);

        var h = Header.Parse(File.ReadAllBytes(path));
        var codes = Enumerable.Range(0, input.Length)
            .Select(i => BinaryPrimitives.ReadInt16LittleEndian(h.Data.AsSpan(2 * i)))
            .ToArray();
        Assert.Equal(new short[] { 32767, -32767, 32767, -32767, 32767, 0, 16384, 2, -1 }, codes);

        var read = WavReader.Read(path).Channels[0];
        Assert.Equal([1f, -1f, 1f, -1f, 1f, 0f], read[..6]);
    }

    [Fact]
    public void S16_mono_vector_lanes_encode_as_the_scalar_formula()
    {
        // Random values, half-step boundaries, NaN and values beyond full scale, over a length that
        // reaches every lane width and the scalar tail.
        var rng = new Random(7);
        var input = new float[1000];
        for (var i = 0; i < input.Length; i++)
            input[i] = (i % 7) switch
            {
                0 => (float)((rng.Next(-65535, 65536) + 0.5) / 65534.0),
                1 => float.NaN,
                2 => (float)(rng.NextDouble() * 4 - 2),
                _ => (float)(rng.NextDouble() * 2 - 1),
            };
        var path = PathFor("lanes.wav");
        using (var w = new WavWriter(path, Rate, 1, SampleFormat.S16))
            w.Write(input, []);
        var h = Header.Parse(File.ReadAllBytes(path));
        for (var i = 0; i < input.Length; i++)
        {
            var x = float.IsNaN(input[i]) ? 0.0 : Math.Clamp(input[i], -1.0, 1.0);
            Assert.Equal((short)Math.Round(x * 32767.0), BinaryPrimitives.ReadInt16LittleEndian(h.Data.AsSpan(2 * i)));
        }
    }

    [Fact]
    public void S24_clips_to_full_scale()
    {
        var path = PathFor("clip24.wav");
        using (var w = new WavWriter(path, Rate, 1, SampleFormat.S24))
            w.Write([4f, -4f], []);
        Assert.Equal([1f, -1f], WavReader.Read(path).Channels[0]);
    }

    [Theory]
    [InlineData(SampleFormat.F32)]
    [InlineData(SampleFormat.S16)]
    [InlineData(SampleFormat.S24)]
    public void Two_writes_equal_one(SampleFormat format)
    {
        var left = Signal(777, 0.3);
        var right = Signal(777, 0.9);
        var once = PathFor($"once-{format}.wav");
        var twice = PathFor($"twice-{format}.wav");
        using (var w = new WavWriter(once, Rate, 2, format))
            w.Write(left, right);
        using (var w = new WavWriter(twice, Rate, 2, format))
        {
            w.Write(left.AsSpan(0, 300), right.AsSpan(0, 300));
            w.Write(left.AsSpan(300), right.AsSpan(300));
            Assert.Equal(777, w.FramesWritten);
        }

        Assert.Equal(File.ReadAllBytes(once), File.ReadAllBytes(twice));
    }

    [Fact]
    public void Write_does_not_allocate_once_the_buffer_is_big_enough()
    {
        var left = Signal(2048, 0.2);
        var right = Signal(2048, 0.4);
        using var w = new WavWriter(PathFor("alloc.wav"), Rate, 2, SampleFormat.S24);
        w.Write(left, right);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 50; i++)
            w.Write(left, right);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Mono_ignores_right_and_stereo_requires_equal_lengths()
    {
        using (var mono = new WavWriter(PathFor("mono.wav"), Rate, 1, SampleFormat.F32))
            mono.Write(Signal(10, 0), Signal(3, 0));
        Assert.Equal(Signal(10, 0), WavReader.Read(PathFor("mono.wav")).Channels[0]);

        using var stereo = new WavWriter(PathFor("stereo.wav"), Rate, 2, SampleFormat.F32);
        Assert.Throws<ArgumentException>(() => stereo.Write(Signal(10, 0), Signal(3, 0)));
    }

    [Fact]
    public void Creates_the_parent_directory()
    {
        var path = Path.Combine(_dir, "a", "b", "c.wav");
        using (var w = new WavWriter(path, Rate, 1, SampleFormat.S16))
            w.Write(Signal(5, 0), []);
        Assert.Equal(5, WavReader.Read(path).Channels[0].Length);
    }

    [Fact]
    public void Empty_file_reads_as_no_frames()
    {
        var path = PathFor("empty.wav");
        new WavWriter(path, Rate, 2, SampleFormat.S24).Dispose();
        var data = WavReader.Read(path);
        Assert.Equal(2, data.Channels.Length);
        Assert.All(data.Channels, c => Assert.Empty(c));
    }

    [Fact]
    public void Reads_8_bit_unsigned_pcm()
    {
        var data = WriteRaw("u8.wav", new WaveFormat(8000, 8, 1), [128, 255, 1, 0]);
        Assert.Equal(8000, data.SampleRate);
        Assert.Equal([0f, 1f, -1f, -128f / 127], data.Channels[0]);
    }

    [Fact]
    public void Reads_32_bit_integer_pcm()
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, int.MaxValue);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), -(1 << 30));
        var data = WriteRaw("s32.wav", new WaveFormat(Rate, 32, 1), bytes);
        Assert.Equal(1f, data.Channels[0][0]);
        Assert.Equal(-0.5f, data.Channels[0][1], 1e-6f);
    }

    [Fact]
    public void Reads_64_bit_float_stereo()
    {
        var bytes = new byte[32];
        double[] values = [0.25, -0.5, 1.5, -0.125];
        for (int i = 0; i < values.Length; i++)
            BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(8 * i), values[i]);
        var format = WaveFormat.CreateCustomFormat(WaveFormatEncoding.IeeeFloat, Rate, 2, Rate * 16, 16, 64);
        var data = WriteRaw("f64.wav", format, bytes);
        Assert.Equal([0.25f, 1.5f], data.Channels[0]);
        Assert.Equal([-0.5f, -0.125f], data.Channels[1]);
    }

    [Fact]
    public void Reads_extensible_24_bit_with_four_channels()
    {
        // Frame f, channel c holds code (c + 1) * 1000 * (f odd ? -1 : 1).
        var bytes = new byte[3 * 4 * 3];
        for (int f = 0, o = 0; f < 3; f++)
            for (int c = 0; c < 4; c++, o += 3)
            {
                int v = (c + 1) * 1000 * (f % 2 == 1 ? -1 : 1);
                bytes[o] = (byte)v; bytes[o + 1] = (byte)(v >> 8); bytes[o + 2] = (byte)(v >> 16);
            }
        var data = WriteRaw("ext24.wav", new WaveFormatExtensible(Rate, 24, 4), bytes);
        Assert.Equal(4, data.Channels.Length);
        for (int c = 0; c < 4; c++)
        {
            var x = (float)((c + 1) * 1000 / 8388607.0);
            Assert.Equal([x, -x, x], data.Channels[c]);
        }
    }

    [Fact]
    public void Rejects_a_file_that_is_not_wav()
    {
        var path = PathFor("junk.wav");
        File.WriteAllText(path, "this is not a RIFF file at all, just some text");
        Assert.Throws<InvalidDataException>(() => WavReader.Read(path));
    }

    [Fact]
    public void Reads_a_corpus_sample()
    {
        var path = Path.Combine(CorpusDir(), "samples", "paulo.wav");
        var data = WavReader.Read(path);

        Assert.Equal(44_100, data.SampleRate);
        Assert.Single(data.Channels);
        Assert.Equal(132_300, data.Channels[0].Length);
        // 16-bit codes divided by 32767, as the original loader does; and not silence.
        Assert.All(data.Channels[0], x => Assert.Equal(Math.Round(x * 32767.0), x * 32767.0, 0.01));
        Assert.InRange(data.Channels[0].Max(Math.Abs), 0.05f, 1.001f);
    }

    [Theory]
    [InlineData("f32", SampleFormat.F32)]
    [InlineData("S16", SampleFormat.S16)]
    [InlineData(" s24 ", SampleFormat.S24)]
    public void Parses_format_names(string text, SampleFormat expected)
    {
        Assert.Equal(expected, SampleFormats.Parse(text));
        Assert.Equal(text.Trim().ToLowerInvariant(), expected.Name());
    }

    [Theory]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("f64")]
    public void Rejects_unknown_format_names(string text)
    {
        Assert.False(SampleFormats.TryParse(text, out _));
        Assert.Throws<FormatException>(() => SampleFormats.Parse(text));
    }

    private string PathFor(string name) => Path.Combine(_dir, name);

    private WavData WriteRaw(string name, WaveFormat format, byte[] bytes)
    {
        var path = PathFor(name);
        using (var w = new WaveFileWriter(path, format))
            w.Write(bytes, 0, bytes.Length);
        return WavReader.Read(path);
    }

    /// <summary>A chirp spanning full scale, with exact ±1 and 0 at the start.</summary>
    private static float[] Signal(int n, double phase)
    {
        var x = new float[n];
        for (int i = 0; i < n; i++)
            x[i] = (float)Math.Sin(phase + i * (0.01 + i * 1e-4));
        if (n >= 3)
            (x[0], x[1], x[2]) = (1f, -1f, 0f);
        return x;
    }

    private static void AssertClose(float[] expected, float[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            if (Math.Abs(expected[i] - actual[i]) > tolerance)
                Assert.Fail($"sample {i}: expected {expected[i]}, got {actual[i]} (tolerance {tolerance})");
    }

    /// <summary>The folder shared/corpus beside the repository (or an ancestor of it).</summary>
    private static string CorpusDir()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "corpus");
            if (Directory.Exists(candidate))
                return candidate;
        }
        throw new DirectoryNotFoundException($"no shared/corpus above {AppContext.BaseDirectory}");
    }

    /// <summary>The fields of a RIFF/WAVE file, found by walking its chunks.</summary>
    private sealed record Header(
        long FileLength, uint RiffSize, int FormatTag, int Channels, int SampleRate,
        int BlockAlign, int BitsPerSample, int DataSize, byte[] Data)
    {
        public static Header Parse(byte[] b)
        {
            Assert.Equal("RIFF"u8.ToArray(), b[..4]);
            Assert.Equal("WAVE"u8.ToArray(), b[8..12]);
            int tag = 0, channels = 0, rate = 0, align = 0, bits = 0, dataSize = -1;
            byte[] data = [];
            for (int o = 12; o + 8 <= b.Length;)
            {
                var id = System.Text.Encoding.ASCII.GetString(b, o, 4);
                int size = BinaryPrimitives.ReadInt32LittleEndian(b.AsSpan(o + 4));
                Assert.True(size >= 0, $"chunk '{id}' has no valid size");
                var body = b.AsSpan(o + 8);
                if (id == "fmt ")
                {
                    tag = BinaryPrimitives.ReadUInt16LittleEndian(body);
                    channels = BinaryPrimitives.ReadUInt16LittleEndian(body[2..]);
                    rate = BinaryPrimitives.ReadInt32LittleEndian(body[4..]);
                    align = BinaryPrimitives.ReadUInt16LittleEndian(body[12..]);
                    bits = BinaryPrimitives.ReadUInt16LittleEndian(body[14..]);
                }
                else if (id == "data")
                {
                    dataSize = size;
                    data = body[..Math.Min(size, body.Length)].ToArray();
                }
                o += 8 + size + (size & 1);
            }
            return new Header(b.Length, BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(4)),
                tag, channels, rate, align, bits, dataSize, data);
        }
    }
}
