namespace Waves.Console.Plot;

/// <summary>An in-place radix-2 FFT for the spectrogram (lengths are powers of two).</summary>
static class Fft
{
    public static void Transform(double[] re, double[] im)
    {
        var n = re.Length;
        for (int i = 1, j = 0; i < n; i++)
        {
            var bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) j ^= bit;
            j ^= bit;
            if (i < j)
            {
                (re[i], re[j]) = (re[j], re[i]);
                (im[i], im[j]) = (im[j], im[i]);
            }
        }
        for (var len = 2; len <= n; len <<= 1)
        {
            var angle = -2 * Math.PI / len;
            for (var i = 0; i < n; i += len)
                for (var k = 0; k < len / 2; k++)
                {
                    var (wr, wi) = (Math.Cos(angle * k), Math.Sin(angle * k));
                    var (ar, ai) = (re[i + k + len / 2], im[i + k + len / 2]);
                    var (tr, ti) = (ar * wr - ai * wi, ar * wi + ai * wr);
                    re[i + k + len / 2] = re[i + k] - tr;
                    im[i + k + len / 2] = im[i + k] - ti;
                    re[i + k] += tr;
                    im[i + k] += ti;
                }
        }
    }
}
