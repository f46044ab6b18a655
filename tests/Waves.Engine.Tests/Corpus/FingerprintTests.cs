namespace Waves.Engine.Tests.Corpus;

public sealed class FingerprintTests
{
    private const int Rate = 44100;
    private const int W = Fingerprint.DefaultWindowSize;

    private static float[] Sine(double freq, int frames, double amplitude = 1.0) =>
        Enumerable.Range(0, frames).Select(n => (float)(amplitude * Math.Sin(2 * Math.PI * freq * n / Rate))).ToArray();

    /// <summary>A 440 Hz tone whose level alternates per window, so a window's neighbours never look like it.</summary>
    private static float[] AlternatingLevels(int windows)
    {
        var x = Sine(440, windows * W);
        for (int i = 0; i < x.Length; i++)
            x[i] *= (i / W) % 2 == 0 ? 0.1f : 0.5f;
        return x;
    }

    private static ReferenceEntry Entry(Fingerprint fingerprint, bool deterministic = true, string name = "test") =>
        new(name, "test.yaml", ["A"], null, "ok", null, deterministic, true, false, fingerprint);

    private static double[] Scaled(IReadOnlyList<double> values, int index, double db)
    {
        var copy = values.ToArray();
        copy[index] *= Math.Pow(10, db / 20);
        return copy;
    }

    // --- Compute ---

    [Fact]
    public void Compute_OfSine440_GivesDominantFreq440()
    {
        var fp = Fingerprint.Compute(Sine(440, 2 * Rate), null, Rate);
        Assert.NotNull(fp.DominantFreq);
        Assert.InRange(fp.DominantFreq!.Value, 439.9, 440.1);
    }

    [Fact]
    public void Compute_OfOffBinSine_RefinesBetweenBins()
    {
        // 1000.17 Hz sits between FFT bins (spacing 0.336 Hz at size 131072); only the parabola gets this close.
        var fp = Fingerprint.Compute(Sine(1000.17, 2 * Rate), null, Rate);
        Assert.InRange(fp.DominantFreq!.Value, 1000.12, 1000.22);
    }

    [Fact]
    public void Compute_OfShortSine_UsesMinimumFftSize()
    {
        // 0.1 s is far shorter than the 65536-point FFT; zero padding still resolves the tone.
        var fp = Fingerprint.Compute(Sine(220, 4410), null, Rate);
        Assert.InRange(fp.DominantFreq!.Value, 219, 221);
    }

    [Fact]
    public void Compute_OfSine440_GivesRms0_7071AndPeak1()
    {
        var fp = Fingerprint.Compute(Sine(440, 2 * Rate), null, Rate);
        Assert.Equal(Math.Sqrt(0.5), fp.Rms, 4);
        Assert.Equal(1.0, fp.Peak, 3);
        Assert.All(fp.WindowRms, r => Assert.Equal(Math.Sqrt(0.5), r, 3));
        Assert.False(fp.Silent);
        Assert.Equal(1, fp.Channels);
        Assert.Equal(2 * Rate, fp.Frames);
        Assert.Null(fp.WindowRmsLeft);
        Assert.Null(fp.WindowRmsRight);
    }

    [Fact]
    public void Compute_OfSine440_GivesZcr880()
    {
        // 22 cycles per 50 ms window: 44 sign changes, minus at most one lost at a window boundary.
        var fp = Fingerprint.Compute(Sine(440, 2 * Rate), null, Rate);
        Assert.Equal(40, fp.WindowZcr.Count);
        Assert.All(fp.WindowZcr, z => Assert.InRange(z, 860, 880));
    }

    [Fact]
    public void Compute_WindowsIncludePartialLast()
    {
        var fp = Fingerprint.Compute(Sine(440, 2 * W + 100), null, Rate);
        Assert.Equal(3, fp.WindowRms.Count);
        Assert.Equal(3, fp.WindowPeak.Count);
        Assert.Equal(3, fp.WindowZcr.Count);
        Assert.Equal(W, fp.WindowSize);
    }

    [Fact]
    public void Compute_Zcr_CountsZeroAsPositiveAndScalesByWindowLength()
    {
        // 0 → −1 → 0 → −1: every pair differs in sign because 0 counts as positive. 4 frames, 3 pairs.
        var fp = Fingerprint.Compute([0f, -1f, 0f, -1f], null, Rate);
        Assert.Equal(3.0 * Rate / 4, fp.WindowZcr[0], 6);

        // 0 → +1 never crosses.
        var positive = Fingerprint.Compute([0f, 1f, 0f, 1f], null, Rate);
        Assert.Equal(0, positive.WindowZcr[0]);
    }

    [Fact]
    public void Compute_Zcr_IgnoresCrossingAtWindowBoundary()
    {
        var x = new float[2 * W];
        Array.Fill(x, 1f, 0, W);
        Array.Fill(x, -1f, W, W);
        var fp = Fingerprint.Compute(x, null, Rate);
        Assert.Equal([0.0, 0.0], fp.WindowZcr);
    }

    [Fact]
    public void Compute_OfSilence_IsSilentWithNullDominant()
    {
        var fp = Fingerprint.Compute(new float[3 * W], null, Rate);
        Assert.True(fp.Silent);
        Assert.Null(fp.DominantFreq);
        Assert.Equal(0, fp.Peak);
        Assert.Equal(0, fp.Rms);
        Assert.All(fp.WindowZcr, z => Assert.Equal(0, z));
    }

    [Fact]
    public void Compute_OfConstant_HasNullDominantButIsNotSilent()
    {
        // Like test_pitch_simple, which outputs a constant 441 as audio.
        var x = new float[W];
        Array.Fill(x, 441f);
        var fp = Fingerprint.Compute(x, null, Rate);
        Assert.False(fp.Silent);
        Assert.Null(fp.DominantFreq);
        Assert.Equal(441, fp.Peak);
    }

    [Fact]
    public void Compute_OfTinyNoise_IsNotSilent()
    {
        var x = new float[W];
        x[100] = 1e-30f;
        Assert.False(Fingerprint.Compute(x, null, Rate).Silent);
    }

    [Fact]
    public void Compute_OfStereo_GivesPerChannelWindowRms()
    {
        var left = Sine(440, 4 * W);
        var right = Sine(440, 4 * W, 0.5);
        var fp = Fingerprint.Compute(left, right, Rate);

        Assert.Equal(2, fp.Channels);
        Assert.Equal(4, fp.WindowRmsLeft!.Count);
        Assert.All(fp.WindowRmsLeft, r => Assert.Equal(Math.Sqrt(0.5), r, 3));
        Assert.All(fp.WindowRmsRight!, r => Assert.Equal(0.5 * Math.Sqrt(0.5), r, 3));
        // Mono mix is (L + R) / 2 = 0.75 sine; whole-sound rms is over both channels.
        Assert.All(fp.WindowRms, r => Assert.Equal(0.75 * Math.Sqrt(0.5), r, 3));
        Assert.Equal(Math.Sqrt((0.5 + 0.125) / 2), fp.Rms, 4);
        Assert.Equal(1.0, fp.Peak, 3);
    }

    [Fact]
    public void Compute_OfOpposedStereo_MonoMixCancelsButIsNotSilent()
    {
        var left = Sine(440, 2 * W);
        var right = left.Select(x => -x).ToArray();
        var fp = Fingerprint.Compute(left, right, Rate);
        Assert.False(fp.Silent);
        Assert.Null(fp.DominantFreq);
        Assert.All(fp.WindowRms, r => Assert.Equal(0, r));
        Assert.All(fp.WindowRmsLeft!, r => Assert.Equal(Math.Sqrt(0.5), r, 3));
    }

    [Fact]
    public void Compute_RejectsChannelsOfDifferentLength() =>
        Assert.Throws<ArgumentException>(() => Fingerprint.Compute(new float[10], new float[11], Rate));

    [Fact]
    public void Hann_MatchesNumpyHanning()
    {
        // numpy.hanning(5) == [0, 0.5, 1, 0.5, 0]; numpy.hanning(1) == [1].
        double[] expected = [0, 0.5, 1, 0.5, 0];
        for (int n = 0; n < 5; n++) Assert.Equal(expected[n], Fingerprint.Hann(n, 5), 12);
        Assert.Equal(1.0, Fingerprint.Hann(0, 1));
    }

    [Fact]
    public void Fft_MatchesNaiveDft()
    {
        const int n = 64;
        var rng = new Random(7);
        var input = Enumerable.Range(0, n).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var re = input.ToArray();
        var im = new double[n];
        Fft.Forward(re, im);
        for (int k = 0; k < n; k++)
        {
            double sr = 0, si = 0;
            for (int t = 0; t < n; t++)
            {
                sr += input[t] * Math.Cos(-2 * Math.PI * k * t / n);
                si += input[t] * Math.Sin(-2 * Math.PI * k * t / n);
            }
            Assert.Equal(sr, re[k], 9);
            Assert.Equal(si, im[k], 9);
        }
    }

    // --- Comparer ---

    [Fact]
    public void Compare_OfFingerprintWithItself_Passes()
    {
        var fp = Fingerprint.Compute(AlternatingLevels(20), null, Rate);
        Assert.Empty(FingerprintComparer.Compare(Entry(fp), fp));

        var stereo = Fingerprint.Compute(Sine(440, 10 * W), Sine(660, 10 * W, 0.3), Rate);
        Assert.Empty(FingerprintComparer.Compare(Entry(stereo), stereo));
    }

    [Fact]
    public void Compare_WhenRmsOff2Db_FailsOnRms()
    {
        var fp = Fingerprint.Compute(AlternatingLevels(20), null, Rate);
        var actual = fp with { Rms = fp.Rms * Math.Pow(10, 2 / 20.0) };
        var failure = Assert.Single(FingerprintComparer.Compare(Entry(fp), actual));
        Assert.StartsWith("rms:", failure);
        Assert.Contains("+2.00 dB", failure);
    }

    [Fact]
    public void Compare_WhenWholeSoundScaled2Db_FailsOnLevels()
    {
        var x = AlternatingLevels(20);
        var reference = Fingerprint.Compute(x, null, Rate);
        var actual = Fingerprint.Compute(x.Select(v => v * (float)Math.Pow(10, -2 / 20.0)).ToArray(), null, Rate);
        var failures = FingerprintComparer.Compare(Entry(reference), actual);
        Assert.Contains(failures, f => f.StartsWith("rms:", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("peak:", StringComparison.Ordinal));
        // 2 dB is inside the 3 dB hard limit but fails the 95 %-within-1-dB rule.
        Assert.Contains(failures, f => f.StartsWith("windows.rms: 0 of 20 loud windows", StringComparison.Ordinal));
        Assert.DoesNotContain(failures, f => f.StartsWith("windows.rms[", StringComparison.Ordinal));
    }

    [Fact]
    public void Compare_WhenLoudWindowOff4Db_FailsNamingThatWindow()
    {
        var fp = Fingerprint.Compute(AlternatingLevels(20), null, Rate);
        var actual = fp with { WindowRms = Scaled(fp.WindowRms, 7, 4) };
        var failure = Assert.Single(FingerprintComparer.Compare(Entry(fp), actual));
        Assert.StartsWith("windows.rms[7]:", failure);
        Assert.Contains("+4.00 dB", failure);
    }

    [Fact]
    public void Compare_WhenLoudWindowOff2Db_PassesWhileWithin95Percent()
    {
        // One of 20 windows beyond 1 dB is exactly the 5 % the rule allows.
        var fp = Fingerprint.Compute(AlternatingLevels(20), null, Rate);
        var actual = fp with { WindowRms = Scaled(fp.WindowRms, 7, 2) };
        Assert.Empty(FingerprintComparer.Compare(Entry(fp), actual));

        var twoOff = actual with { WindowRms = Scaled(actual.WindowRms, 12, 2) };
        var failure = Assert.Single(FingerprintComparer.Compare(Entry(fp), twoOff));
        Assert.StartsWith("windows.rms: 18 of 20", failure);
        Assert.Contains("[7]", failure);
        Assert.Contains("[12]", failure);
    }

    [Fact]
    public void Compare_WhenWindowsShiftedByOne_PassesWindowRules()
    {
        // An event one window late: actual window i + 1 holds what reference window i has.
        var fp = Fingerprint.Compute(AlternatingLevels(20), null, Rate);
        static double[] Late(IReadOnlyList<double> v) => [v[0], .. v.Take(v.Count - 1)];
        var actual = fp with { WindowRms = Late(fp.WindowRms), WindowPeak = Late(fp.WindowPeak), WindowZcr = Late(fp.WindowZcr) };
        var failures = FingerprintComparer.Compare(Entry(fp), actual);
        // Only the last reference window lost its partner (shifted past the end).
        Assert.All(failures, f => Assert.Contains("[19]", f));
    }

    [Fact]
    public void Compare_WhenWindowPeakOff3Db_FailsOnWindowPeak()
    {
        var fp = Fingerprint.Compute(AlternatingLevels(20), null, Rate);
        var actual = fp with { WindowPeak = Scaled(fp.WindowPeak, 4, -3) };
        Assert.StartsWith("windows.peak[4]:", Assert.Single(FingerprintComparer.Compare(Entry(fp), actual)));
    }

    [Fact]
    public void Compare_WhenZcrOff_FailsOnZcrBeyondTenPercentOr100()
    {
        var fp = Fingerprint.Compute(AlternatingLevels(20), null, Rate);
        // Windows 2–4 all off, so window 3 has no matching neighbour; 2 and 4 are rescued by 1 and 5.
        var zcr = fp.WindowZcr.ToArray();
        for (int i = 2; i <= 4; i++) zcr[i] += 95; // inside the 100 /s floor (10 % of ~880 is only 88)
        Assert.Empty(FingerprintComparer.Compare(Entry(fp), fp with { WindowZcr = zcr }));
        for (int i = 2; i <= 4; i++) zcr[i] += 20;
        Assert.StartsWith("windows.zcr[3]:", Assert.Single(FingerprintComparer.Compare(Entry(fp), fp with { WindowZcr = zcr })));
    }

    [Fact]
    public void Compare_WhenQuietWindowBecomesLoud_Fails()
    {
        var x = Sine(440, 10 * W);
        Array.Clear(x, 5 * W, 5 * W);
        var fp = Fingerprint.Compute(x, null, Rate);
        var rms = fp.WindowRms.ToArray();
        rms[7] = 0.03; // just under −30 dBFS
        Assert.Empty(FingerprintComparer.Compare(Entry(fp), fp with { WindowRms = rms }));
        rms[7] = 0.05;
        Assert.StartsWith("windows.rms[7]: quiet window", Assert.Single(FingerprintComparer.Compare(Entry(fp), fp with { WindowRms = rms })));
    }

    [Fact]
    public void Compare_WhenChannelsDiffer_FailsOnChannels()
    {
        var mono = Fingerprint.Compute(Sine(440, 10 * W), null, Rate);
        var stereo = Fingerprint.Compute(Sine(440, 10 * W), Sine(440, 10 * W), Rate);
        var failures = FingerprintComparer.Compare(Entry(mono), stereo);
        Assert.Contains("channels: expected 1, actual 2", failures);
    }

    [Fact]
    public void Compare_WhenFramesOffByMoreThanAChunk_FailsOnFrames()
    {
        var fp = Fingerprint.Compute(Sine(440, 10 * W), null, Rate);
        Assert.Empty(FingerprintComparer.Compare(Entry(fp), fp with { Frames = fp.Frames + 2048 }));
        Assert.Contains(FingerprintComparer.Compare(Entry(fp), fp with { Frames = fp.Frames - 2049 }),
            f => f.StartsWith("frames: expected 22050, actual 20001", StringComparison.Ordinal));
    }

    [Fact]
    public void Compare_WhenDominantFreqOff_FailsBeyond2Percent()
    {
        var fp = Fingerprint.Compute(Sine(440, 10 * W), null, Rate);
        Assert.Empty(FingerprintComparer.Compare(Entry(fp), fp with { DominantFreq = fp.DominantFreq * 1.019 }));
        Assert.StartsWith("dominant_freq:",
            Assert.Single(FingerprintComparer.Compare(Entry(fp), fp with { DominantFreq = fp.DominantFreq * 1.021 })));
        // Null on either side is not compared.
        Assert.Empty(FingerprintComparer.Compare(Entry(fp), fp with { DominantFreq = null }));
    }

    [Fact]
    public void Compare_OfSilentReference_AllowsDustButNotSound()
    {
        var silence = Fingerprint.Compute(new float[10 * W], null, Rate);
        var dust = new float[10 * W];
        dust[5] = 1e-7f;
        Assert.Empty(FingerprintComparer.Compare(Entry(silence), Fingerprint.Compute(dust, null, Rate)));
        var failure = Assert.Single(FingerprintComparer.Compare(Entry(silence), Fingerprint.Compute(Sine(440, 10 * W, 0.01), null, Rate)));
        Assert.StartsWith("peak:", failure);
    }

    [Fact]
    public void Compare_WhenActualSilentButReferenceNot_FailsOnSilent()
    {
        var fp = Fingerprint.Compute(Sine(440, 10 * W), null, Rate);
        var failure = Assert.Single(FingerprintComparer.Compare(Entry(fp), Fingerprint.Compute(new float[10 * W], null, Rate)));
        Assert.Equal("silent: expected false, actual true", failure);
    }

    [Fact]
    public void Compare_OfNonDeterministic_ChecksOnlyLooseRules()
    {
        var reference = Fingerprint.Compute(AlternatingLevels(20), null, Rate);
        // Different windows, peak and pitch, rms 5 dB down: all allowed for a random sound.
        var other = Fingerprint.Compute(Sine(3000, 20 * W + 1000, 0.2), null, Rate);
        var entry = Entry(reference, deterministic: false);
        Assert.InRange(FingerprintComparer.Db(reference.Rms, other.Rms), -6, -4);
        Assert.Empty(FingerprintComparer.Compare(entry, other));

        Assert.StartsWith("rms:", Assert.Single(FingerprintComparer.Compare(entry, other with { Rms = reference.Rms / 2.1 })));
        Assert.Equal("silent: expected false, actual true",
            Assert.Single(FingerprintComparer.Compare(entry, Fingerprint.Compute(new float[20 * W], null, Rate))));
    }

    [Fact]
    public void Compare_OfChop_IgnoresFrames()
    {
        var reference = Fingerprint.Compute(Sine(440, 3 * W), null, Rate);
        var longer = Fingerprint.Compute(Sine(440, 2 * 3 * W), null, Rate);
        Assert.Empty(FingerprintComparer.Compare(Entry(reference, deterministic: false, name: "chop"), longer));
        Assert.StartsWith("frames:", Assert.Single(FingerprintComparer.Compare(Entry(reference, deterministic: false, name: "snare"), longer)));
    }

    [Fact]
    public void Compare_OfErrorReference_FailsOnStatus()
    {
        var entry = new ReferenceEntry("kick2", "base_sounds.yaml", ["X:legacy-mix"], null, "error", "ValueError: boom", null, null, null, null);
        var failure = Assert.Single(FingerprintComparer.Compare(entry, Fingerprint.Compute(Sine(440, W), null, Rate)));
        Assert.StartsWith("status:", failure);
    }

    // --- Reference data ---

    [Fact]
    public void Reference_Kick_Has8820FramesMono()
    {
        var kick = ReferenceFingerprints.Get("kick");
        Assert.NotNull(kick);
        Assert.Equal(8820, kick!.Frames);
        Assert.Equal(1, kick.Channels);
        Assert.Equal(4, kick.WindowRms.Count);
        Assert.Equal(0.2, ReferenceFingerprints.Entry("kick")!.DeclaredDuration);
    }

    [Fact]
    public void Reference_HasAll99SoundsWithReadmeCounts()
    {
        Assert.Equal(99, ReferenceFingerprints.Names.Count);
        Assert.Equal("kick", ReferenceFingerprints.Names[0]);
        var entries = ReferenceFingerprints.All.Values.ToList();
        Assert.Equal(21, entries.Count(e => e.Status == "error"));
        Assert.Equal(10, entries.Count(e => e.Deterministic == false));
        Assert.All(entries.Where(e => e.Status == "error"), e => Assert.Null(e.Fingerprint));
        Assert.Null(ReferenceFingerprints.Get("kick2"));
        Assert.Null(ReferenceFingerprints.Get("no such sound"));
        Assert.Contains("A", ReferenceFingerprints.Entry("kick")!.Class);
    }

    [Fact]
    public void Reference_StereoSoundsHaveChannelWindows()
    {
        var stereo = ReferenceFingerprints.All.Values.Select(e => e.Fingerprint).OfType<Fingerprint>().Where(f => f.Channels == 2).ToList();
        Assert.NotEmpty(stereo);
        Assert.All(stereo, f => Assert.Equal(f.WindowRms.Count, f.WindowRmsLeft!.Count));
    }

    [Fact]
    public void Compare_OfEveryReferenceWithItself_Passes()
    {
        foreach (var entry in ReferenceFingerprints.All.Values.Where(e => e.IsOk))
            Assert.True(FingerprintComparer.Compare(entry, entry.Fingerprint!).Count == 0, entry.Name);
    }
}
