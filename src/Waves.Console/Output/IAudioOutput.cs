namespace Waves.Console.Output;

/// <summary>
/// An audio device playing stereo frames that it pulls from an <see cref="OutputFeed"/>, on its
/// own thread or callback, in blocks of its own size (independent of the engine's block size).
/// </summary>
interface IAudioOutput : IDisposable
{
    /// <summary>Backend and device, for the user: "pulse: sink waves_null".</summary>
    string Description { get; }

    /// <summary>The rate the device plays at; the feed converts when it differs from the session's.</summary>
    int DeviceRate { get; }

    /// <summary>Output latency as the backend reports it (zero when it cannot tell).</summary>
    TimeSpan Latency { get; }

    /// <summary>Starts pulling from <paramref name="feed"/> until <see cref="Stop"/>.</summary>
    void Start(OutputFeed feed);

    /// <summary>Stops pulling and lets the device go; safe to call twice.</summary>
    void Stop();
}

/// <summary>What a backend is asked to open.</summary>
/// <param name="Device">A sink, an ALSA device or JACK ports to connect to (null: the default).</param>
/// <param name="Rate">The session's sample rate (the device may run at another one).</param>
/// <param name="Latency">The buffer the user asked for.</param>
/// <param name="ClientName">The name other programs see (pulse stream, JACK client).</param>
sealed record OutputRequest(string? Device, int Rate, TimeSpan Latency, string ClientName = "waves");

/// <summary>A backend could not be opened (no server, no such device …); the message says why.</summary>
sealed class OutputUnavailableException(string message) : Exception(message);
