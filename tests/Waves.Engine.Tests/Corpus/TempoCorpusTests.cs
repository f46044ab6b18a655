using Waves.Engine.Rendering;
using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Corpus;

/// <summary>Corpus sounds with tempo and sequencer nodes that render differently from the original on purpose.</summary>
public sealed class TempoCorpusTests
{
    [Theory]
    [InlineData("seq1", 3)]
    [InlineData("seq2", 17)]
    [InlineData("seq3", 31)]
    [InlineData("seq4", 45)]
    [InlineData("seq5", 60)]
    public void SeqN_TempoNameWithoutATempoAbove_IsACompileErrorAtTheName(string sound, int line)
    {
        var result = PatchCompiler.Compile(CorpusFiles.Library, sound, new RenderSettings(44100, 512, 1));
        Assert.False(result.Ok);
        Assert.Contains(result.Problems, p => p.IsError && p.ToString().Contains($"waves.yaml:{line}:15") && p.Message.Contains("sixteenth"));
    }

    [Fact]
    public void SequencerTriggerTest_EndsOnTheFrameItsLastVoiceEnds_NotAtTheNextChunk()
    {
        // 50 bpm: the fourth beat is frame 3·52920; its 0.2 s voice ends 8820 frames later. The original
        // noticed the end at its next 2048-frame chunk (169984).
        Assert.Equal(3 * 52920 + 8820, CorpusFiles.Render("sequencer_trigger_test").Frames);
    }

    [Fact]
    public void MidiClockTest_TimeIsPerSample_SoTheBeatSineIsSmooth()
    {
        // The original's t was the chunk's start time, so sin(t·tau/beat) was a staircase of 2048-frame steps.
        var a = CorpusFiles.Render("midi_clock_test");
        for (var i = 0; i < 44100; i += 997)
            Assert.Equal(0.3 * Math.Sin(i / 44100.0 * 2 * Math.PI / 0.5), a.Left[i], 4);
    }

    [Theory]
    [InlineData("test_tempo_mix")]
    [InlineData("test_nested_pass_through")]
    [InlineData("test_monitor_seq")]
    [InlineData("seq")]
    public void LegacyMixForms_UnderATempo_RenderInsteadOfFailing(string sound)
    {
        var a = CorpusFiles.Render(sound);
        Assert.True(Signals.Peak(a.Left) > 0.01f);
    }
}
