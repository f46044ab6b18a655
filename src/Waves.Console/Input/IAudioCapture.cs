using Waves.Engine.Rendering;

namespace Waves.Console.Input;

/// <summary>
/// A live audio source: on its own thread or callback it writes what the device captures, as stereo
/// frames at the session's rate, into the session's <see cref="AudioInput"/> ring (a mono device is
/// copied to both sides), from <see cref="Start"/> until <see cref="Stop"/>.
/// </summary>
interface IAudioCapture : IDisposable
{
    /// <summary>Backend and source, for the user and the journal: "pulse: source mic".</summary>
    string Description { get; }

    void Start(AudioInput target);

    /// <summary>Stops capturing and lets the device go; safe to call twice.</summary>
    void Stop();
}

/// <summary>What a capture backend is asked to open.</summary>
/// <param name="Device">A PulseAudio source, an ALSA device, JACK ports to take from (comma-separated), a Windows device number or name.</param>
sealed record CaptureRequest(string? Device, int Rate, string ClientName = "waves-in");

/// <summary>A capture backend could not be opened; the message says why.</summary>
sealed class InputUnavailableException(string message) : Exception(message);
