using System.Runtime.InteropServices;
using Waves.Console.Output;

namespace Waves.Console.Input;

/// <summary>The capture backends by name: opening one, trying them in order for <c>auto</c>, listing sources.</summary>
static class Captures
{
    /// <summary>Every name <c>--input</c> accepts.</summary>
    public static readonly string[] Names = ["auto", "pulse", "jack", "alsa", "wavein", "none"];

    /// <summary>What <c>auto</c> tries, in order: the output's backend first when it can capture too.</summary>
    public static IEnumerable<string> AutoOrder(string output)
    {
        string[] order = OperatingSystem.IsWindows() ? ["wavein"] : ["pulse", "jack", "alsa"];
        return order.Contains(output) ? order.Where(o => o == output).Concat(order.Where(o => o != output)) : order;
    }

    public static IAudioCapture Open(string name, CaptureRequest request) => name switch
    {
        "pulse" when !OperatingSystem.IsWindows() => new PulseCapture(request),
        "alsa" when OperatingSystem.IsLinux() => new AlsaCapture(request),
        "jack" => new JackCapture(request),
        "wavein" when OperatingSystem.IsWindows() => new WaveInCapture(request),
        "wavein" => throw new InputUnavailableException("wavein is a Windows input"),
        _ => throw new InputUnavailableException($"the {name} input is not available in this build"),
    };

    /// <summary>Opens <paramref name="name"/>, or for <c>auto</c> the first backend that opens (null when none
    /// does); <paramref name="notes"/> gets why the others were passed over.</summary>
    public static IAudioCapture? OpenAuto(string name, string output, CaptureRequest request, List<string> notes)
    {
        if (name != "auto") return Open(name, request);
        foreach (var candidate in AutoOrder(output))
        {
            try { return Open(candidate, request); }
            catch (InputUnavailableException e) { notes.Add($"input {candidate}: {e.Message}"); }
        }
        notes.Add("no audio input here: input nodes are silent");
        return null;
    }

    /// <summary>The sources each backend can capture from.</summary>
    public static IEnumerable<(string Backend, IReadOnlyList<string> Devices, string? Problem)> Devices()
    {
        if (OperatingSystem.IsWindows()) yield return Listed("wavein", WaveInSources);
        if (!OperatingSystem.IsWindows())
        {
            yield return PulseSources();
            yield return Listed("jack", JackCapture.Devices);
        }
    }

    static IReadOnlyList<string> WaveInSources() =>
        OperatingSystem.IsWindows() ? WaveInCapture.Devices() : [];

    static (string, IReadOnlyList<string>, string?) Listed(string backend, Func<IReadOnlyList<string>> list)
    {
        try { return (backend, list(), null); }
        catch (Exception e) when (e is OutputUnavailableException or InputUnavailableException or ExternalException or DllNotFoundException)
        {
            return (backend, [], e.Message);
        }
    }

    /// <summary>The PulseAudio server's sources (from <c>pactl</c>; just "default" when it is not installed).</summary>
    static (string, IReadOnlyList<string>, string?) PulseSources() => PulseOutput.Listed("sources");
}
