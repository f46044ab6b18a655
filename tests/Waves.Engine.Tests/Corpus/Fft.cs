namespace Waves.Engine.Tests.Corpus;

/// <summary>In-place iterative radix-2 complex FFT; small and dependency-free, fast enough for one 131072-point transform per sound.</summary>
public static class Fft
{
    /// <summary>Forward transform (e^{−2πikn/N}, unscaled, like numpy). Length must be a power of two.</summary>
    public static void Forward(double[] re, double[] im)
    {
        int n = re.Length;
        if (im.Length != n) throw new ArgumentException("re and im must have the same length.");
        if (n == 0 || (n & (n - 1)) != 0) throw new ArgumentException($"FFT length {n} is not a power of two.");

        // Bit-reversal permutation.
        for (int i = 1, j = 0; i < n; i++)
        {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) j ^= bit;
            j |= bit;
            if (i < j)
            {
                (re[i], re[j]) = (re[j], re[i]);
                (im[i], im[j]) = (im[j], im[i]);
            }
        }

        // One twiddle table for the largest stage; smaller stages stride through it. Computing each factor
        // directly (not by repeated multiplication) keeps the error from growing with the stage length.
        int half = n / 2;
        var cos = new double[Math.Max(half, 1)];
        var sin = new double[Math.Max(half, 1)];
        for (int k = 0; k < half; k++)
        {
            double angle = -2 * Math.PI * k / n;
            cos[k] = Math.Cos(angle);
            sin[k] = Math.Sin(angle);
        }

        for (int len = 2; len <= n; len <<= 1)
        {
            int halfLen = len >> 1;
            int stride = n / len;
            for (int start = 0; start < n; start += len)
            {
                for (int k = 0; k < halfLen; k++)
                {
                    double wr = cos[k * stride], wi = sin[k * stride];
                    int a = start + k, b = a + halfLen;
                    double tr = re[b] * wr - im[b] * wi;
                    double ti = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }
    }
}
