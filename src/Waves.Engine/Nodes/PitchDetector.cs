using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Waves.Engine.Nodes;

/// <summary>
/// YIN pitch detection on a frame of audio: the difference function d(τ) over a window as long as
/// the longest period, normalised by its cumulative mean; the first lag within range whose
/// normalised value dips below <see cref="Threshold"/> (or else the deepest dip, if below
/// <see cref="Unvoiced"/>), walked to its local minimum and refined by a parabola through d. Scratch
/// arrays are made once; detecting allocates nothing. Sums run over four 128-bit lanes added in a
/// fixed order, so the result does not depend on the processor or on hardware intrinsics.
/// </summary>
public sealed class PitchDetector
{
    public const double Threshold = 0.15, Unvoiced = 0.35;

    readonly double sampleRate;
    readonly int minLag, maxLag;
    readonly double[] diff, norm;

    public PitchDetector(double sampleRate, double minFreq, double maxFreq)
    {
        this.sampleRate = sampleRate;
        maxLag = Math.Max(4, (int)Math.Ceiling(sampleRate / minFreq) + 1);
        minLag = (int)Math.Clamp(Math.Floor(sampleRate / maxFreq), 2, maxLag - 1);
        diff = new double[maxLag + 2];
        norm = new double[maxLag + 2];
    }

    /// <summary>Frames of audio one detection reads: a window and the longest lag after it.</summary>
    public int FrameLength => 2 * maxLag + 2;

    /// <summary>The frequency of the <see cref="FrameLength"/> frames of <paramref name="x"/>, or 0 when they have none.</summary>
    public double Detect(ReadOnlySpan<float> x)
    {
        var w = maxLag;
        var top = maxLag + 1;
        double energy = 0;
        for (var j = 0; j < w; j++) energy += (double)x[j] * x[j];
        if (!(energy > 1e-12 * w)) return 0;
        ref var first = ref MemoryMarshal.GetReference(x);
        for (var tau = 1; tau <= top; tau++)
        {
            // Four lanes of 128 bits on every processor (also without hardware intrinsics), summed
            // in a fixed order: the same bits everywhere.
            var acc = Vector128<float>.Zero;
            var j = 0;
            for (; j + 4 <= w; j += 4)
            {
                var d = Vector128.LoadUnsafe(ref first, (nuint)j) - Vector128.LoadUnsafe(ref first, (nuint)(j + tau));
                acc += d * d;
            }
            double sum = ((double)acc.GetElement(0) + acc.GetElement(1)) + ((double)acc.GetElement(2) + acc.GetElement(3));
            for (; j < w; j++)
            {
                double a = x[j] - x[j + tau];
                sum += a * a;
            }
            diff[tau] = sum;
        }
        double running = 0;
        norm[0] = 1;
        for (var tau = 1; tau <= top; tau++)
        {
            running += diff[tau];
            norm[tau] = running > 0 ? diff[tau] * tau / running : 1;
        }
        var best = -1;
        for (var tau = minLag; tau <= maxLag; tau++)
            if (norm[tau] < Threshold)
            {
                while (tau + 1 <= maxLag && norm[tau + 1] < norm[tau]) tau++;
                best = tau;
                break;
            }
        if (best < 0)
        {
            var deepest = minLag;
            for (var tau = minLag + 1; tau <= maxLag; tau++)
                if (norm[tau] < norm[deepest]) deepest = tau;
            if (norm[deepest] >= Unvoiced) return 0;
            best = deepest;
        }
        return sampleRate / Refine(best);
    }

    /// <summary>The lag of the parabola's vertex through d at τ−1, τ, τ+1.</summary>
    double Refine(int tau)
    {
        double a = diff[tau - 1], b = diff[tau], c = diff[tau + 1];
        var den = a - 2 * b + c;
        if (!(den > 0)) return tau;
        var shift = 0.5 * (a - c) / den;
        return tau + Math.Clamp(shift, -1, 1);
    }
}
