using System.Runtime.InteropServices;

namespace Waves.Console.Output.Native;

/// <summary>
/// The calls of the JACK client library (libjack.so.0, JACK 1 and 2 and PipeWire's emulation alike)
/// that playback needs. Callbacks are delegates that the caller keeps alive for as long as the
/// client exists: JACK holds only their native entry points. Strings are UTF-8 C strings.
/// </summary>
static class LibJack
{
    const string Lib = "libjack.so.0";

    /// <summary><c>JACK_DEFAULT_AUDIO_TYPE</c>.</summary>
    public const string AudioType = "32 bit float mono audio";

    /// <summary><c>jack_options_t</c>: fail rather than start a server of our own.</summary>
    public const int NoStartServer = 0x01;

    /// <summary><c>jack_status_t</c> bits.</summary>
    public const int StatusFailure = 0x01, StatusServerFailed = 0x10, StatusServerError = 0x20, StatusVersionError = 0x400,
        StatusShmFailure = 0x200, StatusNameNotUnique = 0x04;

    /// <summary><c>JackPortFlags</c>.</summary>
    public const ulong PortIsInput = 0x1, PortIsOutput = 0x2, PortIsPhysical = 0x4;

    /// <summary><c>jack_latency_callback_mode_t</c>: <c>JackPlaybackLatency</c>.</summary>
    public const int PlaybackLatency = 1;

    /// <summary><c>jack_latency_range_t</c>, in frames.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct LatencyRange
    {
        public uint Min;
        public uint Max;
    }

    /// <summary><c>JackProcessCallback</c>: called on JACK's real-time thread once per period.</summary>
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate int ProcessCallback(uint frames, IntPtr arg);

    /// <summary><c>JackBufferSizeCallback</c>: the period is about to change to <c>frames</c>.</summary>
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate int BufferSizeCallback(uint frames, IntPtr arg);

    /// <summary><c>JackShutdownCallback</c>: the server went away; the client is dead.</summary>
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate void ShutdownCallback(IntPtr arg);

    /// <summary>The error and info functions: one message, without newline.</summary>
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate void MessageCallback(IntPtr message);

    // Variadic in C (the extra arguments go with JackServerName, which is never passed): on the
    // System V x86-64 and AArch64 Linux ABIs the fixed arguments travel as in a plain call.
    [DllImport(Lib, EntryPoint = "jack_client_open")]
    public static extern IntPtr ClientOpen(string name, int options, out int status);

    [DllImport(Lib, EntryPoint = "jack_client_close")]
    public static extern int ClientClose(IntPtr client);

    [DllImport(Lib, EntryPoint = "jack_get_client_name")]
    static extern IntPtr GetClientNamePtr(IntPtr client);

    /// <summary>The name the server gave the client (another than asked when that one was taken).</summary>
    public static string ClientName(IntPtr client) => Marshal.PtrToStringUTF8(GetClientNamePtr(client)) ?? "";

    [DllImport(Lib, EntryPoint = "jack_get_sample_rate")]
    public static extern uint SampleRate(IntPtr client);

    [DllImport(Lib, EntryPoint = "jack_get_buffer_size")]
    public static extern uint BufferSize(IntPtr client);

    [DllImport(Lib, EntryPoint = "jack_port_register")]
    public static extern IntPtr PortRegister(IntPtr client, string name, string type, ulong flags, ulong bufferSize);

    [DllImport(Lib, EntryPoint = "jack_set_process_callback")]
    public static extern int SetProcessCallback(IntPtr client, ProcessCallback callback, IntPtr arg);

    [DllImport(Lib, EntryPoint = "jack_set_buffer_size_callback")]
    public static extern int SetBufferSizeCallback(IntPtr client, BufferSizeCallback callback, IntPtr arg);

    [DllImport(Lib, EntryPoint = "jack_on_shutdown")]
    public static extern void OnShutdown(IntPtr client, ShutdownCallback callback, IntPtr arg);

    [DllImport(Lib, EntryPoint = "jack_set_error_function")]
    public static extern void SetErrorFunction(MessageCallback callback);

    [DllImport(Lib, EntryPoint = "jack_set_info_function")]
    public static extern void SetInfoFunction(MessageCallback callback);

    /// <summary>The port's buffer for this period (process callback only): <c>frames</c> floats.</summary>
    [DllImport(Lib, EntryPoint = "jack_port_get_buffer")]
    public static extern IntPtr PortGetBuffer(IntPtr port, uint frames);

    [DllImport(Lib, EntryPoint = "jack_activate")]
    public static extern int Activate(IntPtr client);

    [DllImport(Lib, EntryPoint = "jack_deactivate")]
    public static extern int Deactivate(IntPtr client);

    [DllImport(Lib, EntryPoint = "jack_get_ports")]
    static extern IntPtr GetPortsPtr(IntPtr client, string? namePattern, string? typePattern, ulong flags);

    [DllImport(Lib, EntryPoint = "jack_free")]
    static extern void Free(IntPtr pointer);

    /// <summary>The names of the ports matching the (regular expression) patterns and all of the flags.</summary>
    public static List<string> Ports(IntPtr client, string? namePattern, string? typePattern, ulong flags)
    {
        var names = new List<string>();
        var list = GetPortsPtr(client, namePattern, typePattern, flags);
        if (list == IntPtr.Zero) return names;
        try
        {
            for (var i = 0; Marshal.ReadIntPtr(list, i * IntPtr.Size) is var p && p != IntPtr.Zero; i++)
                names.Add(Marshal.PtrToStringUTF8(p) ?? "");
        }
        finally { Free(list); }
        return names;
    }

    /// <summary>0 on success, <c>EEXIST</c> (17) when already connected, another value on failure.</summary>
    [DllImport(Lib, EntryPoint = "jack_connect")]
    public static extern int Connect(IntPtr client, string source, string destination);

    public const int AlreadyConnected = 17;

    [DllImport(Lib, EntryPoint = "jack_port_name")]
    static extern IntPtr PortNamePtr(IntPtr port);

    public static string PortName(IntPtr port) => Marshal.PtrToStringUTF8(PortNamePtr(port)) ?? "";

    [DllImport(Lib, EntryPoint = "jack_port_by_name")]
    public static extern IntPtr PortByName(IntPtr client, string name);

    /// <summary>How many connections the port has in the graph the server is running now.</summary>
    [DllImport(Lib, EntryPoint = "jack_port_connected")]
    public static extern int PortConnected(IntPtr port);

    [DllImport(Lib, EntryPoint = "jack_port_get_latency_range")]
    public static extern void PortGetLatencyRange(IntPtr port, int mode, out LatencyRange range);

    /// <summary><c>JACK_DEFAULT_MIDI_TYPE</c>.</summary>
    public const string MidiType = "8 bit raw midi";

    /// <summary><c>jack_midi_event_t</c>: the frame of the period it falls on, its size and bytes.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct MidiEvent
    {
        public uint Time;
        public nuint Size;
        public IntPtr Buffer;
    }

    [DllImport(Lib, EntryPoint = "jack_midi_get_event_count")]
    public static extern uint MidiEventCount(IntPtr portBuffer);

    [DllImport(Lib, EntryPoint = "jack_midi_event_get")]
    public static extern int MidiEventGet(out MidiEvent e, IntPtr portBuffer, uint index);

    [DllImport(Lib, EntryPoint = "jack_midi_clear_buffer")]
    public static extern void MidiClearBuffer(IntPtr portBuffer);

    /// <summary>Writes one message at frame <paramref name="time"/> of the period (times in order); 0 on success.</summary>
    [DllImport(Lib, EntryPoint = "jack_midi_event_write")]
    public static extern int MidiEventWrite(IntPtr portBuffer, uint time, byte[] data, nuint size);

    /// <summary>The server's frame time at the start of the current period (process callback only).</summary>
    [DllImport(Lib, EntryPoint = "jack_last_frame_time")]
    public static extern uint LastFrameTime(IntPtr client);
}
