using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Corpus;

/// <summary>
/// Corpus sounds that the original rendered with its 2048-frame chunk quantisation (gates read once
/// per chunk, triggers and steps moved to the chunk start, oscillator phase restarted per chunk).
/// Waves evaluates every parameter per sample, so these sound as written instead; each test shows
/// the sample-exact behaviour and the chunk artefact in the reference that it replaces.
/// </summary>
public sealed class ChunkSensitiveCorpusTests
{
    const int Chunk = 2048;

    static double Rms(float[] x, int from, int count)
    {
        double sum = 0;
        for (var i = from; i < from + count; i++) sum += x[i] * x[i];
        return Math.Sqrt(sum / count);
    }

    static IReadOnlyList<double> ReferenceWindows(string sound) => ReferenceFingerprints.Entry(sound)!.Fingerprint!.WindowRms;

    [Fact]
    public void EnvelopeGateTest_OpensOnTheFrameTheGateRises_WhereTheOriginalOpenedAtTheChunkStart()
    {
        // The 0.5 Hz square gate rises again at 2 s (frame 88200). The original saw it at the end of
        // the chunk holding that frame and opened from the chunk's start (frame 86016), so the window
        // 1.95–2.0 s is already sounding there.
        var x = CorpusFiles.Render("envelope_gate_test").Left;
        Assert.Equal(88200, Array.FindIndex(x, 66150, v => v != 0));
        Assert.True(Rms(x, 86016, 88200 - 86016) == 0);
        Assert.True(ReferenceWindows("envelope_gate_test")[39] > 0.01);
    }

    [Fact]
    public void EnvelopeTriggerTest_RetriggersOnTheBeatFrame_WhereTheOriginalRetriggeredAtTheChunkStart()
    {
        // 120 bpm: beat n is frame n·22050. Up to the beat the envelope is still at its sustain
        // level; the attack starts on the beat's frame. The original's attack started at the start
        // of the chunk holding the beat, so its window before the beat (0.45–0.5 s) is loud.
        var x = CorpusFiles.Render("envelope_trigger_test").Left;
        var sustainPeak = Signals.Peak(x.AsSpan(22050 - 4410, 4410));
        for (var beat = 1; beat < 8; beat++)
        {
            var frame = beat * 22050;
            var chunkStart = frame - frame % Chunk;
            var before = Signals.Peak(x.AsSpan(chunkStart, frame - chunkStart));
            Assert.True(before <= 1.02f * sustainPeak, $"beat {beat}: {before} before the beat");
            if (frame - chunkStart > 450) Assert.True(before >= 0.9f * sustainPeak);    // a whole saw period
            Assert.True(Signals.Peak(x.AsSpan(frame, 882)) > 2.5f * sustainPeak, $"beat {beat}");
        }
        var sustain = Rms(x, 22050 - 4410, 4410);
        Assert.True(ReferenceWindows("envelope_trigger_test")[9] > 2 * sustain);
    }

    [Fact]
    public void TestEnvelopeRetrigger_FollowsTheGatePerSample_WhereTheOriginalNeverSawItLow()
    {
        // The 5 Hz gate is low in the second half of every 0.2 s. The original restarted the gate
        // oscillator's phase every chunk and read the chunk's last sample, always about 0.99: its
        // envelope only ever rose. Here each low half releases and each high half attacks again.
        var x = CorpusFiles.Render("test-envelope-retrigger").Left;
        for (var k = 0; k < 10; k++)
        {
            var high = Rms(x, (int)((0.2 * k + 0.05) * 44100), 2205);
            var low = Rms(x, (int)((0.2 * k + 0.15) * 44100), 2205);
            Assert.True(low < high * 0.8, $"period {k}: low {low}, high {high}");
        }
        var reference = ReferenceWindows("test-envelope-retrigger");
        for (var w = 1; w < 40; w++) Assert.True(reference[w] >= reference[w - 1]);
    }

    [Fact]
    public void TestGlideDynamicTime_GlidesFromTheStepFrame_WhereTheOriginalStartedAtTheChunkStart()
    {
        // The automation steps from 220 to 440 Hz at 0.5 s. The window 0.45–0.5 s is still at 220 Hz
        // here (440 crossings/s); the original had started gliding at the chunk start before it.
        var x = CorpusFiles.Render("test_glide_dynamic_time").Left;
        Assert.Equal(Crossings(x, 8), Crossings(x, 9));
        Assert.InRange(Crossings(x, 9), 400, 460);
        Assert.True(Crossings(x, 10) > 700);
        var reference = ReferenceFingerprints.Entry("test_glide_dynamic_time")!.Fingerprint!.WindowZcr;
        Assert.True(reference[9] > reference[8] + 100);
    }

    [Fact]
    public void TestSnapMidiIn_OpensOnTheFrameTheGateRises_WhereTheOriginalOpenedAtTheChunkStart()
    {
        // The 1 Hz gate rises again at 1 s (frame 44100). Until then the release has died away; the
        // attack starts on that frame as it did at 0. The original saw the rise at the end of the
        // chunk holding it and attacked from the chunk's start, so its window 0.95–1.0 s sounds.
        var x = CorpusFiles.Render("test-snap-midi_in").Left;
        Assert.True(Rms(x, 44100 - 2205, 2205) < 0.005);
        Assert.Equal(Rms(x, 0, 2205), Rms(x, 44100, 2205), Rms(x, 0, 2205) * 0.05);
        Assert.True(ReferenceWindows("test-snap-midi_in")[19] > 0.05);
    }

    [Fact]
    public void Modulation_PhaseModulationStepsFallOnTheirFrames_SoOnlyCrossingRatesDiffer()
    {
        // The screech's phase is modulated by an automation whose interval is itself an automation of
        // oscillators; the original read those intervals once per chunk, so its steps fell up to a
        // chunk away. Levels match the original everywhere; only the crossing rate of a few windows
        // differs (where a step lands in another window), and with it the strongest partial of the
        // first two seconds; the render is the same for any block size.
        var reference = ReferenceFingerprints.Entry("modulation")!;
        var audio = CorpusFiles.Render("modulation");
        var failures = FingerprintComparer.Compare(reference, Fingerprint.Compute(audio.Left, audio.Right, audio.SampleRate));
        Assert.NotEmpty(failures);
        Assert.All(failures, f => Assert.True(f.StartsWith("windows.zcr") || f.StartsWith("dominant_freq"), f));
        Assert.Equal(audio.Left, CorpusFiles.Render("modulation", 64).Left);
    }

    static int Crossings(float[] x, int window)
    {
        var count = 0;
        for (var i = window * 2205 + 1; i < (window + 1) * 2205; i++)
            if (x[i] >= 0 != x[i - 1] >= 0) count++;
        return count * 20;
    }
}
