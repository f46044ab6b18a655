namespace Waves.Console.Plot;

/// <summary>What the pictures show of a signal: levels per window and a spectrogram.</summary>
static class AudioAnalysis
{
    public const double FloorDb = -90;

    public static double Db(double amplitude) => amplitude <= 0 ? FloorDb : Math.Max(FloorDb, 20 * Math.Log10(amplitude));

    /// <summary>The louder channel's peak and the RMS of all channels, in dBFS, per window of
    /// <paramref name="window"/> frames.</summary>
    public static (double[] Peak, double[] Rms) Levels(float[][] channels, int window)
    {
        var frames = channels.Length == 0 ? 0 : channels[0].Length;
        var count = Math.Max(1, (frames + window - 1) / window);
        var peak = new double[count];
        var rms = new double[count];
        for (var w = 0; w < count; w++)
        {
            var start = w * window;
            var end = Math.Min(frames, start + window);
            double p = 0, sum = 0;
            foreach (var ch in channels)
                for (var i = start; i < end; i++)
                {
                    var v = Math.Abs(ch[i]);
                    if (v > p) p = v;
                    sum += (double)ch[i] * ch[i];
                }
            var n = Math.Max(1, (end - start) * channels.Length);
            peak[w] = Db(p);
            rms[w] = Db(Math.Sqrt(sum / n));
        }
        return (peak, rms);
    }

    /// <summary>Magnitudes in dB (0 dB: a full-scale sine) of the mono mix: rows from the highest
    /// frequency (row 0, drawn on top) down to 0 Hz, one column per hop, at most
    /// <paramref name="maxColumns"/> columns.</summary>
    public static double[,] Spectrogram(float[][] channels, int fftSize, int maxColumns, out double secondsPerColumn, int sampleRate)
    {
        var frames = channels.Length == 0 ? 0 : channels[0].Length;
        var hop = Math.Max(fftSize / 4, (int)Math.Ceiling(frames / (double)maxColumns));
        var columns = Math.Max(1, (frames + hop - 1) / hop);
        secondsPerColumn = hop / (double)sampleRate;
        var bins = fftSize / 2;
        var result = new double[bins, columns];
        var window = new double[fftSize];
        double windowSum = 0;
        for (var i = 0; i < fftSize; i++) windowSum += window[i] = 0.5 - 0.5 * Math.Cos(2 * Math.PI * i / (fftSize - 1));
        var re = new double[fftSize];
        var im = new double[fftSize];
        for (var c = 0; c < columns; c++)
        {
            var start = c * hop - fftSize / 2;
            for (var i = 0; i < fftSize; i++)
            {
                var f = start + i;
                double v = 0;
                if (f >= 0 && f < frames)
                    foreach (var ch in channels) v += ch[f];
                re[i] = v / channels.Length * window[i];
                im[i] = 0;
            }
            Fft.Transform(re, im);
            for (var b = 0; b < bins; b++)
                result[bins - 1 - b, c] = Db(2 * Math.Sqrt(re[b] * re[b] + im[b] * im[b]) / windowSum);
        }
        return result;
    }
}
