using System.Runtime.InteropServices;

namespace Waves.Console.Output.Native;

/// <summary>
/// The ALSA PCM calls that playback needs (libasound.so.2), with blittable arguments only.
/// <c>snd_pcm_uframes_t</c>/<c>snd_pcm_sframes_t</c> are C longs: <see cref="nuint"/>/<see cref="nint"/> on 64-bit Linux.
/// </summary>
static class LibAsound
{
    const string Lib = "libasound.so.2";

    /// <summary><c>SND_PCM_STREAM_PLAYBACK</c>.</summary>
    public const int StreamPlayback = 0;

    /// <summary><c>SND_PCM_STREAM_CAPTURE</c>.</summary>
    public const int StreamCapture = 1;

    /// <summary><c>SND_PCM_FORMAT_FLOAT_LE</c>.</summary>
    public const int FormatFloatLe = 14;

    /// <summary><c>SND_PCM_ACCESS_RW_INTERLEAVED</c>.</summary>
    public const int AccessRwInterleaved = 3;

    /// <summary>-EPIPE: an xrun (the device ran out of frames).</summary>
    public const int ErrorPipe = -32;

    [DllImport(Lib, EntryPoint = "snd_pcm_open")]
    static extern int PcmOpenRaw(out IntPtr pcm, string name, int stream, int mode);

    public static int PcmOpen(out IntPtr pcm, string name, int stream, int mode)
    {
        Quiet();
        return PcmOpenRaw(out pcm, name, stream, mode);
    }

    [DllImport(Lib, EntryPoint = "snd_pcm_set_params")]
    public static extern int PcmSetParams(IntPtr pcm, int format, int access, uint channels, uint rate, int softResample, uint latencyMicroseconds);

    [DllImport(Lib, EntryPoint = "snd_pcm_get_params")]
    public static extern int PcmGetParams(IntPtr pcm, out nuint bufferSize, out nuint periodSize);

    [DllImport(Lib, EntryPoint = "snd_pcm_writei")]
    public static extern nint PcmWritei(IntPtr pcm, float[] buffer, nuint frames);

    [DllImport(Lib, EntryPoint = "snd_pcm_readi")]
    public static extern nint PcmReadi(IntPtr pcm, float[] buffer, nuint frames);

    [DllImport(Lib, EntryPoint = "snd_pcm_recover")]
    public static extern int PcmRecover(IntPtr pcm, int error, int silent);

    [DllImport(Lib, EntryPoint = "snd_pcm_delay")]
    public static extern int PcmDelay(IntPtr pcm, out nint frames);

    [DllImport(Lib, EntryPoint = "snd_pcm_drain")]
    public static extern int PcmDrain(IntPtr pcm);

    [DllImport(Lib, EntryPoint = "snd_pcm_close")]
    public static extern int PcmClose(IntPtr pcm);

    [DllImport(Lib, EntryPoint = "snd_strerror")]
    static extern IntPtr StrError(int error);

    public static string Error(int error) => Marshal.PtrToStringUTF8(StrError(error)) ?? $"ALSA error {error}";

    /// <summary>ALSA's C error callback; declared variadic in C, the arguments after <c>fmt</c> are simply not read.</summary>
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    delegate void ErrorHandler(IntPtr file, int line, IntPtr function, int error, IntPtr format);

    [DllImport(Lib, EntryPoint = "snd_lib_error_set_handler")]
    static extern int SetErrorHandler(IntPtr handler);

    static readonly ErrorHandler Silent = (_, _, _, _, _) => { };
    static int quieted;

    /// <summary>
    /// ALSA prints every failed lookup to stderr ("cannot find card '0'", "Unknown PCM …") — on top of
    /// the play view, and also while <c>auto</c> merely probes it; the error code we turn into a message
    /// says enough. The delegate lives in a static field, so it is never collected.
    /// </summary>
    static void Quiet()
    {
        if (Interlocked.Exchange(ref quieted, 1) == 0) SetErrorHandler(Marshal.GetFunctionPointerForDelegate(Silent));
    }

    [DllImport(Lib, EntryPoint = "snd_device_name_hint")]
    static extern int DeviceNameHint(int card, string iface, out IntPtr hints);

    [DllImport(Lib, EntryPoint = "snd_device_name_get_hint")]
    static extern IntPtr DeviceNameGetHint(IntPtr hint, string id);

    [DllImport(Lib, EntryPoint = "snd_device_name_free_hint")]
    static extern int DeviceNameFreeHint(IntPtr hints);

    /// <summary>The names of the PCMs ALSA's configuration defines (and of the cards' devices) that can play.</summary>
    public static List<string> PlaybackPcmNames()
    {
        var names = new List<string>();
        Quiet();
        if (DeviceNameHint(-1, "pcm", out var hints) < 0) return names;
        try
        {
            for (var at = hints; Marshal.ReadIntPtr(at) is var hint && hint != IntPtr.Zero; at += IntPtr.Size)
            {
                var name = TakeString(DeviceNameGetHint(hint, "NAME"));
                // IOID is absent for PCMs that do both directions, "Input" for capture-only ones.
                var direction = TakeString(DeviceNameGetHint(hint, "IOID"));
                if (name is not null && direction is null or "Output") names.Add(name);
            }
        }
        finally { DeviceNameFreeHint(hints); }
        return names;
    }

    /// <summary>A string that ALSA allocated with malloc, freed here (Marshal.FreeHGlobal is free on Unix).</summary>
    static string? TakeString(IntPtr p)
    {
        if (p == IntPtr.Zero) return null;
        try { return Marshal.PtrToStringUTF8(p); }
        finally { Marshal.FreeHGlobal(p); }
    }
}
