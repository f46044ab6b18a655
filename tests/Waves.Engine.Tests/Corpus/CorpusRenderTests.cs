using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Corpus;

/// <summary>
/// Corpus sounds built only from osc, envelope, mix, track, context and expressions, rendered
/// and compared with the original engine's fingerprints within the corpus README's tolerances.
/// </summary>
public sealed class CorpusRenderTests
{
    public static TheoryData<string> Sounds =>
    [
        "kick", "kick_tom", "kick-drum", "yeum", "rumble", "ids",
        "test_track", "test_stereo_autopan", "test_interpolation_positions",
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
