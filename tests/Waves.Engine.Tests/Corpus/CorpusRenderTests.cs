using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Corpus;

/// <summary>
/// Corpus sounds whose every node is implemented and whose sound is meant to be the original's,
/// rendered and compared with the original engine's fingerprints within the corpus README's
/// tolerances. Sounds that differ on purpose are checked by tests named after the difference.
/// </summary>
public sealed class CorpusRenderTests
{
    public static TheoryData<string> Sounds =>
    [
        "kick", "kick_tom", "kick-drum", "yeum", "rumble", "ids",
        "test_track", "test_stereo_autopan", "test_interpolation_positions",
        "hihat",
        "test_dollar_multi_reference",
        "test_dollar_reference",
        "kick_ai",
        "test_track_node",
        "test_volume",
        "test_autopan",
        "envelope_duration_test",
        "snare", "tom_snare", "clap", "flanger", "echo2",
        "one_knob", "kick-test", "kick_test", "spawn_test", "automation_trigger_test",
        "test-automation-step", "test-automation-ramp", "test-automation-overlap", "test-automation-nodes", "test_interval_pentatonic", "test_glide", "test_glide_fast", "test-snap-range", "test-snap-dynamic-glide", "success", "glitch",
        "test_sample_monitor", "test_buffer_monitor", "test_buffer_offset", "test_buffer_shared_write", "test_pitch_simple", "test_pitch_sample",
        "sequencer_reset_test",
        "voice", "test_input", "ring", "test_input_with_lfo",
        "midi-cc-filter", "midi-cc-sample", "sample-control", "test_input_phase", "midi-synth", "midi-fm", "midi-test", "drum-kit", "midi-env",
    ];

    [Theory]
    [MemberData(nameof(Sounds))]
    public void Render_MatchesReferenceFingerprint(string sound)
    {
        var reference = ReferenceFingerprints.Entry(sound)!;
        var audio = CorpusFiles.Render(sound);
        var actual = Fingerprint.Compute(audio.Left, audio.Right, audio.SampleRate);
        var failures = FingerprintComparer.Compare(reference, actual);
        Assert.True(failures.Count == 0, $"{sound}:\n" + string.Join("\n", failures));
    }

    [Theory]
    [MemberData(nameof(Sounds))]
    public void Render_IsTheSameForBlocksOf1_64_4096(string sound)
    {
        var a = CorpusFiles.Render(sound, 64);
        var b = CorpusFiles.Render(sound, 4096);
        var c = CorpusFiles.Render(sound, 1);
        Assert.Equal(a.Channels.Length, b.Channels.Length);
        for (var ch = 0; ch < a.Channels.Length; ch++)
        {
            Assert.Equal(a.Channels[ch], b.Channels[ch]);
            Assert.Equal(a.Channels[ch], c.Channels[ch]);
        }
    }
}
