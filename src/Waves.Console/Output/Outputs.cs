using System.Runtime.InteropServices;

namespace Waves.Console.Output;

/// <summary>
/// The output backends by name: opening one, trying them in order for <c>auto</c>, listing devices.
/// </summary>
static class Outputs
{
    /// <summary>Every name <c>--output</c> accepts.</summary>
    public static readonly string[] Names = ["auto", "pulse", "alsa", "jack", "wasapi", "waveout", "null"];

    /// <summary>What <c>auto</c> tries, in order, on this platform.</summary>
    public static string[] AutoOrder => OperatingSystem.IsWindows() ? ["wasapi", "waveout"] : ["pulse", "jack", "alsa"];

    /// <summary>Opens the named backend; throws <see cref="OutputUnavailableException"/> saying why it cannot.</summary>
    public static IAudioOutput Open(string name, OutputRequest request) => name switch
    {
        // A period of a quarter of the buffer (at most 10 ms), as a sound card's driver would choose.
        "null" => new NullOutput(request.Rate, TimeSpan.FromMilliseconds(Math.Clamp(request.Latency.TotalMilliseconds / 4, 1, 10))),
        "pulse" when !OperatingSystem.IsWindows() => new PulseOutput(request),
        "alsa" when OperatingSystem.IsLinux() => new AlsaOutput(request),
        "jack" => new JackOutput(request),
        "wasapi" when OperatingSystem.IsWindows() => new WasapiOutput(request),
        "waveout" when OperatingSystem.IsWindows() => new WaveOutOutput(request),
        "wasapi" or "waveout" => throw new OutputUnavailableException($"{name} is a Windows output"),
        _ => throw new OutputUnavailableException($"the {name} output is not available in this build"),
    };

    /// <summary>Opens <paramref name="name"/>, or for <c>auto</c> the first backend that opens (the null
    /// output when none does); <paramref name="notes"/> gets why the others were passed over.</summary>
    public static IAudioOutput OpenAuto(string name, OutputRequest request, List<string> notes)
    {
        if (name != "auto") return Open(name, request);
        foreach (var candidate in AutoOrder)
        {
            try { return Open(candidate, request); }
            catch (OutputUnavailableException e) { notes.Add($"{candidate}: {e.Message}"); }
        }
        notes.Add("no audio device here: playing to a clock-paced null output (the session is still journaled)");
        return Open("null", request);
    }

    /// <summary>The devices each backend can see (a backend that cannot be reached says why).</summary>
    public static IEnumerable<(string Backend, IReadOnlyList<string> Devices, string? Problem)> Devices()
    {
        if (OperatingSystem.IsWindows())
        {
            yield return Listed("wasapi", WasapiOutput.Devices);
            yield return Listed("waveout", WaveOutOutput.Devices);
        }
        if (!OperatingSystem.IsWindows()) yield return PulseOutput.Devices();
        if (OperatingSystem.IsLinux()) yield return AlsaOutput.Devices();
        if (!OperatingSystem.IsWindows()) yield return Listed("jack", JackOutput.Devices);
        yield return ("null", ["null"], null);
    }

    static (string, IReadOnlyList<string>, string?) Listed(string backend, Func<IReadOnlyList<string>> list)
    {
        try { return (backend, list(), null); }
        catch (Exception e) when (e is OutputUnavailableException or ExternalException or DllNotFoundException)
        {
            return (backend, [], e.Message);
        }
    }
}
