using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Corpus;

/// <summary>A looping sample plays each pass from its start frame; the original skipped that frame
/// (its first output was at start + speed), so every pass of its loop came one frame early.</summary>
public sealed class LoopStartCorpusTests
{
    [Fact]
    public void EchoExp_EachPassBeginsOnTheLoopStart_WhereTheOriginalWasAFrameAhead()
    {
        // satanic.wav from 1 s (start 0.5) to its end at speed 2: a pass is 22050 frames. The file's
        // start sample, -0.2566, opens each pass here; in the original it closed the pass before, so
        // the last window of every pass (quiet, peak 0.167: the file's end) peaked at 0.2566.
        var x = CorpusFiles.Render("echo-exp").Left;
        Assert.Equal(-0.2566f, x[0], 1e-3);
        Assert.Equal(-0.2566f, x[22050], 1e-3);
        Assert.Equal(-0.2566f, x[44100], 1e-3);
        Assert.InRange(Signals.Peak(x.AsSpan(22050 - 2205, 2205)), 0.16f, 0.17f);
        var reference = ReferenceFingerprints.Entry("echo-exp")!.Fingerprint!;
        Assert.Equal(0.2566, reference.WindowPeak[9], 1e-4);
    }
}
