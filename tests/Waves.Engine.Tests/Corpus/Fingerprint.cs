namespace Waves.Engine.Tests.Corpus;

/// <summary>
/// The audio fingerprint of shared/corpus/README.md ("Fingerprint format", beside the repository): whole-sound statistics plus
/// per-window rms/peak/zcr on the mono mix. Compared against renders of the original Python engine, so every
/// definition here follows the README (and numpy) exactly rather than what might be nicer.
/// </summary>
/// <param name="WindowRmsLeft">Stereo only: per-window rms of the left channel; null for mono.</param>
/// <param name="WindowRmsRight">Stereo only: per-window rms of the right channel; null for mono.</param>
public sealed record Fingerprint(
    int SampleRate,
    int Channels,
    int Frames,
    bool Silent,
    double Peak,
    double Rms,
    double? DominantFreq,
    int WindowSize,
    IReadOnlyList<double> WindowRms,
    IReadOnlyList<double> WindowPeak,
    IReadOnlyList<double> WindowZcr,
    IReadOnlyList<double>? WindowRmsLeft,
    IReadOnlyList<double>? WindowRmsRight)
{
    /// <summary>50 ms at 44.1 kHz; fixed by the reference format, not derived from the sample rate.</summary>
    public const int DefaultWindowSize = 2205;

    /// <summary>dominant_freq looks at the first 2 s (at 44.1 kHz) only.</summary>
    public const int DominantMaxFrames = 88200;

    /// <summary>Smallest FFT used for dominant_freq; the zero padding fixes the bin spacing at ≤ 0.67 Hz.</summary>
    public const int MinFftSize = 65536;

    /// <summary>Fingerprints a render. <paramref name="right"/> is null for mono; for stereo both channels must have the same length.</summary>
    public static Fingerprint Compute(float[] left, float[]? right, int sampleRate)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        if (right is not null && right.Length != left.Length)
            throw new ArgumentException($"Channel lengths differ: left {left.Length}, right {right.Length}.", nameof(right));

        int frames = left.Length;
        int channels = right is null ? 1 : 2;

        // Mix in double so the mono mix is not rounded a second time to float.
        var mono = new double[frames];
        for (int i = 0; i < frames; i++)
            mono[i] = right is null ? left[i] : ((double)left[i] + right[i]) / 2.0;

        double peak = 0, sumSq = 0;
        bool silent = true;
        Accumulate(left, ref peak, ref sumSq, ref silent);
        if (right is not null) Accumulate(right, ref peak, ref sumSq, ref silent);
        double rms = frames == 0 ? 0 : Math.Sqrt(sumSq / ((double)frames * channels));

        int windowCount = (frames + DefaultWindowSize - 1) / DefaultWindowSize;
        var wRms = new double[windowCount];
        var wPeak = new double[windowCount];
        var wZcr = new double[windowCount];
        var wRmsL = right is null ? null : new double[windowCount];
        var wRmsR = right is null ? null : new double[windowCount];
        for (int w = 0; w < windowCount; w++)
        {
            int start = w * DefaultWindowSize;
            int length = Math.Min(DefaultWindowSize, frames - start);
            wRms[w] = RmsOf(mono, start, length);
            wPeak[w] = PeakOf(mono, start, length);
            wZcr[w] = ZcrOf(mono, start, length, sampleRate);
            if (right is not null)
            {
                wRmsL![w] = RmsOf(left, start, length);
                wRmsR![w] = RmsOf(right, start, length);
            }
        }

        return new Fingerprint(sampleRate, channels, frames, silent, peak, rms, DominantFrequency(mono, sampleRate),
            DefaultWindowSize, wRms, wPeak, wZcr, wRmsL, wRmsR);
    }

    /// <summary>
    /// README steps 1–5: mean-removed, Hann-windowed (numpy.hanning) start of the mono mix, zero-padded FFT, argmax
    /// excluding DC, parabolic refinement. Null when the analysed frames are all equal (silent or constant), since
    /// the spectrum is then all zeros and any argmax would be noise.
    /// </summary>
    public static double? DominantFrequency(ReadOnlySpan<double> mono, int sampleRate)
    {
        int length = Math.Min(mono.Length, DominantMaxFrames);
        if (length == 0) return null;

        bool constant = true;
        double mean = 0;
        for (int i = 0; i < length; i++)
        {
            mean += mono[i];
            if (mono[i] != mono[0]) constant = false;
        }
        if (constant) return null;
        mean /= length;

        int size = MinFftSize;
        while (size < length) size <<= 1;

        var re = new double[size];
        var im = new double[size];
        for (int n = 0; n < length; n++)
            re[n] = (mono[n] - mean) * Hann(n, length);
        Fft.Forward(re, im);

        // Squared magnitude has the same argmax; plain magnitude is needed for the interpolation.
        int best = 1;
        double bestPower = re[1] * re[1] + im[1] * im[1];
        for (int k = 2; k <= size / 2; k++)
        {
            double power = re[k] * re[k] + im[k] * im[k];
            if (power > bestPower) { bestPower = power; best = k; } // strict: first maximum wins, like numpy.argmax
        }

        double offset = 0;
        if (best < size / 2)
        {
            double a = Magnitude(re, im, best - 1), b = Magnitude(re, im, best), c = Magnitude(re, im, best + 1);
            double denominator = a - 2 * b + c;
            if (denominator != 0) offset = 0.5 * (a - c) / denominator;
        }
        return (best + offset) * sampleRate / size;
    }

    /// <summary>numpy.hanning(M)[n]: symmetric (divides by M − 1), and a single point is 1.</summary>
    public static double Hann(int n, int m) => m == 1 ? 1.0 : 0.5 - 0.5 * Math.Cos(2 * Math.PI * n / (m - 1));

    private static double Magnitude(double[] re, double[] im, int k) => Math.Sqrt(re[k] * re[k] + im[k] * im[k]);

    private static void Accumulate(float[] channel, ref double peak, ref double sumSq, ref bool silent)
    {
        foreach (float x in channel)
        {
            double v = x;
            sumSq += v * v;
            double abs = Math.Abs(v);
            if (abs > peak) peak = abs;
            if (x != 0) silent = false;
        }
    }

    private static double RmsOf(double[] x, int start, int length)
    {
        double sum = 0;
        for (int i = start; i < start + length; i++) sum += x[i] * x[i];
        return Math.Sqrt(sum / length);
    }

    private static double RmsOf(float[] x, int start, int length)
    {
        double sum = 0;
        for (int i = start; i < start + length; i++) sum += (double)x[i] * x[i];
        return Math.Sqrt(sum / length);
    }

    private static double PeakOf(double[] x, int start, int length)
    {
        double peak = 0;
        for (int i = start; i < start + length; i++) peak = Math.Max(peak, Math.Abs(x[i]));
        return peak;
    }

    /// <summary>Only pairs inside the window count, so a crossing at a window boundary is never counted.</summary>
    private static double ZcrOf(double[] x, int start, int length, int sampleRate)
    {
        int count = 0;
        for (int i = start + 1; i < start + length; i++)
            if ((x[i - 1] >= 0) != (x[i] >= 0)) count++;
        return (double)count * sampleRate / length;
    }
}
