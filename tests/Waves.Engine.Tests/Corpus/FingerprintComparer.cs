using static System.FormattableString;

namespace Waves.Engine.Tests.Corpus;

/// <summary>
/// The "Recommended tolerances" of the corpus README, as a list of readable failures (empty = pass). Every failure
/// starts with the fingerprint field it concerns (e.g. <c>windows.rms[12]</c>) so a test can assert on it.
/// </summary>
public static class FingerprintComparer
{
    /// <summary>A window is loud when its reference rms is above −40 dBFS.</summary>
    public const double LoudThreshold = 0.01;

    /// <summary>The original renders in 2048-frame chunks, so lengths may legitimately differ by one chunk.</summary>
    public const int ChunkFrames = 2048;

    /// <summary>A silent reference needs peak ≤ 1e-6 rather than exact zeros, so numerical dust still matches.</summary>
    public const double SilentPeak = 1e-6;

    public const double WindowRmsTightDb = 1, WindowRmsLooseDb = 3, WindowRmsTightShare = 0.95;
    public const double WindowPeakDb = 2;
    public const double ZcrRelative = 0.10, ZcrAbsolute = 100;
    public const double QuietFloorDb = -30, QuietHeadroomDb = 6;
    public const double PeakDb = 1, RmsDb = 0.5;
    public const double DominantRelative = 0.02, DominantAbsoluteHz = 1;
    public const double LooseRmsDb = 6;

    /// <summary>Per-window failures listed before the rest are summarised, so a wholly wrong render stays readable.</summary>
    public const int MaxListedWindows = 10;

    /// <summary>chop's length is set by the randomly chosen file (6614 against 2204 frames across seeds), so its frames are not checked.</summary>
    public static readonly IReadOnlySet<string> FramesExempt = new HashSet<string>(StringComparer.Ordinal) { "chop" };

    public static IReadOnlyList<string> Compare(ReferenceEntry reference, Fingerprint actual)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(actual);
        var failures = new List<string>();

        // The original failed; a port that produced audio instead does not match its status.
        if (!reference.IsOk || reference.Fingerprint is null)
        {
            failures.Add($"status: expected \"{reference.Status}\" ({reference.Error}), actual rendered audio");
            return failures;
        }

        var expected = reference.Fingerprint;
        if (reference.Deterministic != true)
        {
            CompareLoose(reference.Name, expected, actual, failures);
            return failures;
        }

        CompareStructure(expected, actual, failures);
        if (expected.Silent)
        {
            if (actual.Peak > SilentPeak)
                failures.Add(Invariant($"peak: reference is silent, expected ≤ {SilentPeak:G3}, actual {actual.Peak:G5}"));
            return failures;
        }
        if (actual.Silent)
        {
            // Every level comparison below would only repeat this.
            failures.Add("silent: expected false, actual true");
            return failures;
        }

        if (expected.WindowSize == actual.WindowSize)
            CompareWindows(expected, actual, failures);

        CheckDb("peak", expected.Peak, actual.Peak, PeakDb, failures);
        CheckDb("rms", expected.Rms, actual.Rms, RmsDb, failures);

        if (expected.DominantFreq is double e && actual.DominantFreq is double a)
        {
            double allowed = Math.Max(DominantRelative * e, DominantAbsoluteHz);
            if (Math.Abs(a - e) > allowed)
                failures.Add(Invariant($"dominant_freq: expected {e:G5} Hz, actual {a:G5} Hz (allowed ±{allowed:G3} Hz)"));
        }
        return failures;
    }

    /// <summary>Convenience: compares against the corpus entry of <paramref name="sound"/>.</summary>
    public static IReadOnlyList<string> Compare(string sound, Fingerprint actual) =>
        Compare(ReferenceFingerprints.Entry(sound) ?? throw new ArgumentException($"No reference for sound '{sound}'.", nameof(sound)), actual);

    private static void CompareStructure(Fingerprint expected, Fingerprint actual, List<string> failures)
    {
        if (expected.SampleRate != actual.SampleRate)
            failures.Add($"sample_rate: expected {expected.SampleRate}, actual {actual.SampleRate}");
        if (expected.Channels != actual.Channels)
            failures.Add($"channels: expected {expected.Channels}, actual {actual.Channels}");
        if (Math.Abs(expected.Frames - actual.Frames) > ChunkFrames)
            failures.Add($"frames: expected {expected.Frames}, actual {actual.Frames} (allowed ±{ChunkFrames})");
        if (expected.WindowSize != actual.WindowSize)
            failures.Add($"windows.size: expected {expected.WindowSize}, actual {actual.WindowSize}; per-window values not compared");
    }

    /// <summary>Random sounds: only what survives a different random stream (README, deterministic: false).</summary>
    private static void CompareLoose(string name, Fingerprint expected, Fingerprint actual, List<string> failures)
    {
        if (expected.Channels != actual.Channels)
            failures.Add($"channels: expected {expected.Channels}, actual {actual.Channels}");
        if (!FramesExempt.Contains(name) && Math.Abs(expected.Frames - actual.Frames) > ChunkFrames)
            failures.Add($"frames: expected {expected.Frames}, actual {actual.Frames} (allowed ±{ChunkFrames})");
        if (!expected.Silent && actual.Silent)
            failures.Add("silent: expected false, actual true");
        else if (expected.Rms > 0)
            CheckDb("rms", expected.Rms, actual.Rms, LooseRmsDb, failures);
    }

    private static void CompareWindows(Fingerprint expected, Fingerprint actual, List<string> failures)
    {
        int size = expected.WindowSize;
        // Only full windows: a partial last window averages over fewer frames and is not comparable.
        int expectedFull = Math.Min(expected.Frames / size, expected.WindowRms.Count);
        int actualFull = Math.Min(actual.Frames / size, actual.WindowRms.Count);
        int common = Math.Min(expectedFull, actualFull);

        var dbRule = (Func<double, double, double>)((e, a) => Math.Abs(Db(e, a)));
        string rmsLimitText = Invariant($"allowed ±{WindowRmsLooseDb:G3} dB");
        CompareLoud("windows.rms", expected.WindowRms, actual.WindowRms, expected.WindowRms, common, actualFull,
            dbRule, WindowRmsLooseDb, WindowRmsTightDb, DescribeDb, rmsLimitText, failures);

        // Each channel is judged loud by its own reference level: a hard-panned sound has a near-silent side.
        if (expected.WindowRmsLeft is { } eL && actual.WindowRmsLeft is { } aL)
            CompareLoud("windows.rms_l", eL, aL, eL, common, actualFull, dbRule, WindowRmsLooseDb, WindowRmsTightDb, DescribeDb, rmsLimitText, failures);
        if (expected.WindowRmsRight is { } eR && actual.WindowRmsRight is { } aR)
            CompareLoud("windows.rms_r", eR, aR, eR, common, actualFull, dbRule, WindowRmsLooseDb, WindowRmsTightDb, DescribeDb, rmsLimitText, failures);

        CompareLoud("windows.peak", expected.WindowPeak, actual.WindowPeak, expected.WindowRms, common, actualFull,
            dbRule, WindowPeakDb, null, DescribeDb, Invariant($"allowed ±{WindowPeakDb:G3} dB"), failures);

        // Deviation as a fraction of the allowance, so the shared limit is 1.
        CompareLoud("windows.zcr", expected.WindowZcr, actual.WindowZcr, expected.WindowRms, common, actualFull,
            (e, a) => Math.Abs(a - e) / ZcrAllowance(e), 1, null, DescribeZcr,
            Invariant($"allowed ±{100 * ZcrRelative:G3} % or ±{ZcrAbsolute:G3} /s, whichever is larger"), failures);

        CompareQuiet(expected.WindowRms, actual.WindowRms, common, failures);
    }

    /// <param name="loudness">Reference rms deciding which windows are loud.</param>
    /// <param name="common">Windows compared: full in both renders.</param>
    /// <param name="actualFull">Full actual windows, which a ±1 shift may reach.</param>
    /// <param name="deviation">Non-negative distance of actual from expected, in the unit of the limits.</param>
    /// <param name="limitText">The hard limit in words, for the failure text.</param>
    /// <param name="tightLimit">When set, at least 95 % of loud windows must also be within this.</param>
    private static void CompareLoud(string field, IReadOnlyList<double> expected, IReadOnlyList<double> actual,
        IReadOnlyList<double> loudness, int common, int actualFull, Func<double, double, double> deviation,
        double limit, double? tightLimit, Func<double, double, string> describe, string limitText, List<string> failures)
    {
        // Guards against hand-built fingerprints whose arrays are shorter than their frame count implies.
        common = Math.Min(common, Math.Min(expected.Count, loudness.Count));
        actualFull = Math.Min(actualFull, actual.Count);
        int loud = 0, tight = 0;
        var beyondLimit = new List<string>();
        var beyondTight = new List<string>();
        for (int i = 0; i < common; i++)
        {
            if (loudness[i] <= LoudThreshold) continue;
            loud++;

            // An event may land one window early or late, so the closest of the three neighbours counts.
            int best = i;
            double bestDeviation = deviation(expected[i], actual[i]);
            for (int j = Math.Max(0, i - 1); j <= Math.Min(actualFull - 1, i + 1); j++)
            {
                double d = deviation(expected[i], actual[j]);
                if (d < bestDeviation) { bestDeviation = d; best = j; }
            }

            string where = best == i
                ? Invariant($"[{i}]: expected {expected[i]:G5}, actual {actual[i]:G5} ({describe(expected[i], actual[i])})")
                : Invariant($"[{i}]: expected {expected[i]:G5}, actual {actual[i]:G5} ({describe(expected[i], actual[i])}); best neighbour [{best}] = {actual[best]:G5} ({describe(expected[i], actual[best])})");
            if (bestDeviation > limit) beyondLimit.Add(where);
            if (tightLimit is double t)
            {
                if (bestDeviation <= t) tight++;
                else beyondTight.Add(where);
            }
        }

        foreach (string w in beyondLimit.Take(MaxListedWindows))
            failures.Add($"{field}{w}, {limitText}");
        if (beyondLimit.Count > MaxListedWindows)
            failures.Add($"{field}: {beyondLimit.Count - MaxListedWindows} more loud windows beyond the limit ({limitText})");

        if (tightLimit is double tl && loud > 0 && tight < WindowRmsTightShare * loud)
        {
            string listed = string.Join("; ", beyondTight.Take(MaxListedWindows));
            string more = beyondTight.Count > MaxListedWindows ? $"; and {beyondTight.Count - MaxListedWindows} more" : "";
            failures.Add(Invariant(
                $"{field}: {tight} of {loud} loud windows ({100.0 * tight / loud:F1} %) within ±{tl:G3} dB, need ≥ {100 * WindowRmsTightShare:G3} %; outside: {listed}{more}"));
        }
    }

    /// <summary>Quiet reference windows must stay quiet; no neighbour shift, the −30 dBFS floor already leaves 10 dB of room.</summary>
    private static void CompareQuiet(IReadOnlyList<double> expected, IReadOnlyList<double> actual, int common, List<string> failures)
    {
        common = Math.Min(common, Math.Min(expected.Count, actual.Count));
        double floor = FromDb(QuietFloorDb);
        var loudInQuiet = new List<string>();
        for (int i = 0; i < common; i++)
        {
            if (expected[i] > LoudThreshold) continue;
            double allowed = Math.Max(floor, expected[i] * FromDb(QuietHeadroomDb));
            if (actual[i] > allowed)
                loudInQuiet.Add(Invariant($"windows.rms[{i}]: quiet window, expected {expected[i]:G5}, actual {actual[i]:G5} (allowed ≤ {allowed:G4})"));
        }
        failures.AddRange(loudInQuiet.Take(MaxListedWindows));
        if (loudInQuiet.Count > MaxListedWindows)
            failures.Add($"windows.rms: {loudInQuiet.Count - MaxListedWindows} more quiet windows too loud");
    }

    private static void CheckDb(string field, double expected, double actual, double limitDb, List<string> failures)
    {
        if (Math.Abs(Db(expected, actual)) > limitDb)
            failures.Add(Invariant($"{field}: expected {expected:G5}, actual {actual:G5} ({DescribeDb(expected, actual)}), allowed ±{limitDb:G3} dB"));
    }

    /// <summary>Level of <paramref name="actual"/> relative to <paramref name="expected"/>; ±∞ when exactly one is zero.</summary>
    public static double Db(double expected, double actual) =>
        expected == actual ? 0 : 20 * Math.Log10(actual / expected);

    private static double FromDb(double db) => Math.Pow(10, db / 20);

    private static double ZcrAllowance(double expected) => Math.Max(ZcrRelative * expected, ZcrAbsolute);

    private static string DescribeDb(double expected, double actual) => Invariant($"{Db(expected, actual):+0.00;-0.00;0.00} dB");

    private static string DescribeZcr(double expected, double actual) => Invariant($"{actual - expected:+0;-0;0} /s");
}
