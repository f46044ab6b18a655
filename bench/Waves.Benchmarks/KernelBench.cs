using BenchmarkDotNet.Attributes;
using Waves.Engine.Kernels;
using Waves.Engine.Nodes;

namespace Waves.Benchmarks;

/// <summary>
/// The render kernels on one 512-frame block: the oscillator's phase and sine, the other waveforms,
/// the filter's per-sample coefficients and its loop, a mix's summation and the expression sine.
/// Divide by 512 for the cost of a sample.
/// </summary>
public class KernelBench
{
    const int N = 512;
    readonly float[] output = new float[N], input = new float[N], cutoff = new float[N], peak = new float[N];
    readonly uint[] cycle = new uint[N];
    readonly SvfCoefficients filter = new(FilterShape.Lowpass, 44100, 20, 21950, N);
    readonly double[] angles = new double[N];
    ulong phase;
    double s1, s2;

    [GlobalSetup]
    public void Setup()
    {
        for (var i = 0; i < N; i++)
        {
            input[i] = (float)Math.Sin(i * 0.1);
            cutoff[i] = 1000 + i;
            peak[i] = 0.68f;
            angles[i] = i * 0.01;
        }
    }

    [Benchmark(Description = "sine osc, constant frequency (phase + sine)")]
    public ulong Sine() => phase = OscKernels.SineConstant(phase, OscKernels.Increment(440, 44100), 0, 1f, output);

    [Benchmark(Description = "saw osc, phase then waveform")]
    public void Saw()
    {
        phase = OscKernels.AdvanceConstant(phase, OscKernels.Increment(110, 44100), cycle);
        OscKernels.Saw(cycle, 1f, output);
    }

    [Benchmark(Description = "osc phase, frequency per sample")]
    public ulong Fm() => phase = OscKernels.AdvanceVarying(phase, cutoff, 44100, cycle);

    [Benchmark(Description = "filter coefficients, cutoff per sample")]
    public void Coefficients() => filter.Compute(cutoff, peak, peakIsConstant: true);

    [Benchmark(Description = "filter loop")]
    public void FilterLoop()
    {
        filter.Pairs(pending: false, input.Length, cutoffIsConstant: false, peakIsConstant: true);
        (s1, s2, _) = filter.Run(s1, s2, pending: false, default, 0, input, output);
    }

    [Benchmark(Description = "mix: add a track")]
    public void MixAdd() => SpanMath.AddScaled(output, input, 1f);

    [Benchmark(Description = "expression sin, vectorised")]
    public double ExpressionSin()
    {
        var acc = 0.0;
        for (var i = 0; i <= N - 4; i += 4) acc += DetMath.Sin(System.Runtime.Intrinsics.Vector256.Create(angles.AsSpan(i, 4)))[0];
        return acc;
    }
}
