using Waves.Engine.Rendering;
using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Corpus;

/// <summary>
/// Corpus sounds that failed in the original (no audio to compare with) or whose random choices
/// cannot be the original's: what Waves does with each, named.
/// </summary>
public sealed class OriginalFailureCorpusTests
{
    static CompileResult Compile(string sound) =>
        PatchCompiler.Compile(CorpusFiles.Library, sound, new RenderSettings(44100, 512, 1));

    [Theory]
    [InlineData("kick2", false)]
    [InlineData("synth", false)]
    [InlineData("test_monitor", false)]
    [InlineData("test_buffer_multi_read", false)]
    [InlineData("test_buffer_speed", true)]
    [InlineData("test_pass_through_mix", true)]
    [InlineData("test_retrigger_musical", true)]
    [InlineData("fm", false)]
    public void LegacyMixForms_RenderInsteadOfFailing(string sound, bool stereo)
    {
        // A `signals:` list of unnamed tracks, or scalar `<track>_vol` / `<track>_pan` keys: the
        // original refused them while building the tree; users' old patches use them.
        Assert.Equal("error", ReferenceFingerprints.Entry(sound)!.Status);
        var audio = CorpusFiles.Render(sound);
        Assert.True(Signals.Peak(audio.Left) > 0.01f);
        Assert.Equal(stereo, audio.Channels.Length == 2);
    }

    [Fact]
    public void Drums_ScalarVolKeyOverAMidiKit_Compiles()
    {
        // `kick_vol: 0.3` beside the drum kit: refused by the original; here the kit's track is
        // turned down. The kit plays MIDI notes, so offline it is silent (MidiCorpusTests plays it).
        Assert.Equal("error", ReferenceFingerprints.Entry("drums")!.Status);
        var result = Compile("drums");
        Assert.True(result.Ok, string.Join("\n", result.Problems));
    }

    [Fact]
    public void Compressor_ReshapingItsGainIntoAColumn_IsTheGainItself_SoItCompresses()
    {
        // The original failed on its first chunk: reshaping the mono gain into a column broadcast
        // (2048,) × (2048, 1) into a 2048 × 2048 matrix. Values are per sample here, so
        // `.reshape(-1, 1)` changes nothing: the kick (as it is with a threshold it never reaches) is turned down where it is above it.
        Assert.Equal("error", ReferenceFingerprints.Entry("compressor")!.Status);
        var overrides = Waves.Engine.Patching.NodeString.Parse(["compressor", "threshold=100"]).Overrides;
        var settings = new RenderSettings(44100, 2048, 1);
        var kick = OfflineRender.ToArrays(PatchCompiler.Compile(CorpusFiles.Library, "compressor", settings, overrides).Patch!, 44100).Left;
        var compressed = CorpusFiles.Render("compressor").Left;
        Assert.Equal(kick.Length, compressed.Length);
        var reduced = 0;
        for (var i = 0; i < kick.Length; i++)
        {
            Assert.True(Math.Abs(compressed[i]) <= Math.Abs(kick[i]) + 1e-6f, $"frame {i}");
            if (Math.Abs(kick[i]) > 0.3f && Math.Abs(compressed[i]) < 0.9f * Math.Abs(kick[i])) reduced++;
        }
        Assert.True(reduced > 100);
        // `compressed` (the compressor over a tempo'd mix, knobs on midi_cc) renders too.
        Assert.True(Signals.Peak(CorpusFiles.Render("compressed").Left) > 0.1f);
    }

    [Fact]
    public void TestPitchChanging_ItsMixDuration_GivesItsSweepsTheirTimeSpan()
    {
        // Besides its legacy `signals:` list, its oscillators sweep along interpolation lists with no
        // duration of their own. The original did not pass a mix's duration to its tracks, so the
        // lists had no time span (an error); here they stretch over the mix's 3 s.
        var audio = CorpusFiles.Render("test_pitch_changing");
        Assert.Equal(3 * 44100, audio.Frames);
        Assert.True(Signals.Peak(audio.Left) > 0.5f);
    }

    [Fact]
    public void Chop_PlaysTheChopItsSeedPicks_AndTheOriginalsPickSoundsTheSame()
    {
        // chop plays one of 16 files at double speed, ×6, the file drawn by rand(0, 14). The original's
        // draw (Python's random, seed 1) was break_chop_011; ours is seeded differently. With the
        // draw fixed to 11 the render is the original's.
        var reference = ReferenceFingerprints.Entry("chop")!.Fingerprint!;
        var overrides = Waves.Engine.Patching.NodeString.Parse(["chop", "c=11"]).Overrides;
        var patch = PatchCompiler.Compile(CorpusFiles.Library, "chop", new RenderSettings(44100, 2048, 1), overrides).Patch!;
        var audio = OfflineRender.ToArrays(patch, 5 * 44100);
        var fingerprint = Fingerprint.Compute(audio.Left, audio.Right, audio.SampleRate);
        Assert.InRange(audio.Frames, reference.Frames - 1, reference.Frames + 1);
        Assert.Equal(reference.Rms, fingerprint.Rms, reference.Rms * 0.01);
        Assert.Equal(reference.Peak, fingerprint.Peak, reference.Peak * 0.12);
        var lengths = Enumerable.Range(1, 16).Select(seed =>
            OfflineRender.ToArrays(PatchCompiler.Compile(CorpusFiles.Library, "chop", new RenderSettings(44100, 2048, (ulong)seed)).Patch!, 5 * 44100).Frames);
        Assert.True(lengths.Distinct().Count() > 3);
    }
}
