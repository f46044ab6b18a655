using System.Runtime.InteropServices;

namespace Waves.Console.Output.Native;

/// <summary>
/// The few calls of PulseAudio's blocking "simple" API that playback needs (libpulse-simple.so.0),
/// and <c>pa_strerror</c> from libpulse.so.0. Only blittable arguments: arrays are pinned, strings
/// are marshalled as UTF-8 (the default for C strings on Unix).
/// </summary>
static class LibPulse
{
    const string Simple = "libpulse-simple.so.0", Pulse = "libpulse.so.0";

    /// <summary><c>PA_STREAM_PLAYBACK</c>.</summary>
    public const int StreamPlayback = 1;

    /// <summary><c>PA_STREAM_RECORD</c>.</summary>
    public const int StreamRecord = 2;

    /// <summary><c>PA_ERR_NOENTITY</c>: no such sink.</summary>
    public const int ErrorNoEntity = 5;

    /// <summary><c>PA_SAMPLE_FLOAT32LE</c>.</summary>
    public const int SampleFloat32Le = 5;

    /// <summary><c>pa_sample_spec</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct SampleSpec
    {
        public int Format;
        public uint Rate;
        public byte Channels;
    }

    /// <summary><c>pa_buffer_attr</c>, in bytes; <see cref="uint.MaxValue"/> lets the server choose.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct BufferAttr
    {
        public uint MaxLength;
        public uint TLength;
        public uint PreBuf;
        public uint MinReq;
        public uint FragSize;
    }

    [DllImport(Simple, EntryPoint = "pa_simple_new")]
    public static extern IntPtr SimpleNew(string? server, string name, int direction, string? device, string streamName,
        ref SampleSpec spec, IntPtr channelMap, ref BufferAttr attr, out int error);

    [DllImport(Simple, EntryPoint = "pa_simple_write")]
    public static extern int SimpleWrite(IntPtr s, float[] data, nuint bytes, out int error);

    /// <summary>Blocks until <paramref name="bytes"/> of recorded audio are in <paramref name="data"/>.</summary>
    [DllImport(Simple, EntryPoint = "pa_simple_read")]
    public static extern int SimpleRead(IntPtr s, float[] data, nuint bytes, out int error);

    [DllImport(Simple, EntryPoint = "pa_simple_drain")]
    public static extern int SimpleDrain(IntPtr s, out int error);

    /// <summary>Microseconds; <see cref="ulong.MaxValue"/> on failure.</summary>
    [DllImport(Simple, EntryPoint = "pa_simple_get_latency")]
    public static extern ulong SimpleGetLatency(IntPtr s, out int error);

    [DllImport(Simple, EntryPoint = "pa_simple_free")]
    public static extern void SimpleFree(IntPtr s);

    [DllImport(Pulse, EntryPoint = "pa_strerror")]
    static extern IntPtr StrError(int error);

    public static string Error(int error) => Marshal.PtrToStringUTF8(StrError(error)) ?? $"pulse error {error}";
}
