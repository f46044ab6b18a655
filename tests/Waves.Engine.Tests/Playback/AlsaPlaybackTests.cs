using Waves.Engine.Tests.Support;
using Xunit.Abstractions;

namespace Waves.Engine.Tests.Playback;

/// <summary>
/// <c>waves play --output alsa --device pulse</c>: ALSA's pulse plugin (libasound2-plugins) into the
/// private PulseAudio server, captured from the sink and compared with the replay with the same
/// tolerances as <see cref="PulsePlaybackTests"/> (tight at the sink's rate, looser where the rate
/// is converted).
/// </summary>
[Collection(PulseCollection.Name)]
public sealed class AlsaPlaybackTests(PulseServer server, ITestOutputHelper output)
{
    const string PulsePlugin = "/usr/lib/x86_64-linux-gnu/alsa-lib/libasound_module_pcm_pulse.so";

    [RequiresFilesFact([PulsePlugin], "pulseaudio", "pactl", "parec", "aplay")]
    public void Play_ThroughAlsasPulsePluginAtTheSinkRate_SoundsExactlyAsTheReplay()
    {
        var run = CapturedPlay.Run(server, output, "--output", "alsa", "--device", "pulse", "--rate", "48000", "--latency", "200");
        Assert.Contains("playing 'snd' on alsa: pulse", run.Out);
        CapturedPlay.AssertSame(run, output);
    }

    [RequiresFilesFact([PulsePlugin], "pulseaudio", "pactl", "parec", "aplay")]
    public void Play_ThroughAlsasPulsePluginAt44100_SoundsAsTheResampledReplay()
    {
        var run = CapturedPlay.Run(server, output, "--output", "alsa", "--device", "pulse", "--latency", "200");
        Assert.Contains("playing 'snd' on alsa: pulse", run.Out);
        CapturedPlay.AssertAlike(run, output);
    }
}
