using System.Runtime.Intrinsics;
using Waves.Engine.Kernels;

namespace Waves.Engine.Tests.Kernels;

/// <summary>The vector kernels give, lane by lane, the bits of their scalar forms (so a render does
/// not depend on the vector width), and the oscillator's sine is within its stated error.</summary>
public sealed class LaneTests
{
    static float[] Floats(int n, int seed)
    {
        var rng = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => (float)((rng.NextDouble() * 2 - 1) * Math.Pow(2, rng.Next(-20, 20))))];
    }

    [Fact]
    public void BlockProductsAndSums_AreTheScalarOperations_NotFused()
    {
        const int n = 1003; // every vector width and a scalar tail
        var x = Floats(n, 1);
        var y = Floats(n, 2);
        var acc = Floats(n, 3);
        const float g = 0.7312345f;

        var added = (float[])acc.Clone();
        SpanMath.AddScaled(added, x, g);
        var multiplied = (float[])x.Clone();
        SpanMath.Multiply(multiplied, y);
        var scaled = (float[])x.Clone();
        SpanMath.Scale(scaled, g);
        var product = new float[n];
        SpanMath.Product(x, y, product);

        for (var i = 0; i < n; i++)
        {
            Assert.Equal(acc[i] + x[i] * g, added[i]);
            Assert.Equal(x[i] * y[i], multiplied[i]);
            Assert.Equal(x[i] * g, scaled[i]);
            Assert.Equal(x[i] * y[i], product[i]);
        }
    }

    public static TheoryData<double> Arguments() =>
        [0.0, -0.0, 1e-300, 0.5, Math.PI / 4, Math.PI / 2, 3.0, -7.25, 1e3, 123456.789, -9.87654e5, 1e9, double.NaN, double.PositiveInfinity];

    [Theory]
    [MemberData(nameof(Arguments))]
    public void SinCosTan_InEveryLaneWidth_AreTheScalarBits(double x)
    {
        var v8 = Vector512.Create(x);
        var v4 = Vector256.Create(x);
        Assert.Equal(Bits(DetMath.Sin(x)), Bits(DetMath.Sin<Vector512<double>, Lanes8>(v8)[5]));
        Assert.Equal(Bits(DetMath.Sin(x)), Bits(DetMath.Sin<Vector256<double>, Lanes4>(v4)[2]));
        Assert.Equal(Bits(DetMath.Cos(x)), Bits(DetMath.Cos<Vector512<double>, Lanes8>(v8)[7]));
        Assert.Equal(Bits(DetMath.Cos(x)), Bits(DetMath.Cos<Vector256<double>, Lanes4>(v4)[0]));
        Assert.Equal(Bits(DetMath.Tan(x)), Bits(DetMath.Tan<Vector512<double>, Lanes8>(v8)[1]));
        var (s, c) = DetMath.SinCos<Vector512<double>, Lanes8>(v8);
        Assert.Equal(Bits(DetMath.Sin(x)), Bits(s[3]));
        Assert.Equal(Bits(DetMath.Cos(x)), Bits(c[3]));
        if (double.IsFinite(x) && Math.Abs(x) < 1e6)
        {
            Assert.Equal(Math.Sin(x), DetMath.Sin(x), 1e-15);
            Assert.Equal(Math.Cos(x), DetMath.Cos(x), 1e-15);
        }
    }

    static long Bits(double d) => double.IsNaN(d) ? long.MinValue : BitConverter.DoubleToInt64Bits(d);

    [Theory]
    [InlineData(440.0, 0u)]
    [InlineData(1234.5678, 0u)]
    [InlineData(19999.0, 1u << 30)]
    public void OscillatorSine_BlockKernel_IsTheSampleKernel_WithinItsError(double hz, uint offset)
    {
        var inc = OscKernels.Increment(hz, 44100);
        var block = new float[1003];
        ulong phase = 0x123456789ABCDEFUL;
        var start = phase;
        phase = OscKernels.SineConstant(phase, inc, offset, 0.5f, block);
        Assert.Equal(start + (ulong)block.Length * inc, phase);
        for (var i = 0; i < block.Length; i++)
        {
            var cycle = (uint)((start + (ulong)(i + 1) * inc) >> 32) + offset;
            Assert.Equal(OscKernels.SineAt(cycle) * 0.5f, block[i]);
            Assert.Equal(0.5 * Math.Sin(2 * Math.PI * cycle / 4294967296.0), block[i], 0.5 * 2.3e-7 + 1e-9);
        }
    }
}

public sealed class ExpTests
{
    [Fact]
    public void Exp_IsWithinAnUlpOfTheCLibrary_AndExactWhereItMustBe()
    {
        var rng = new Random(11);
        for (var i = 0; i < 200_000; i++)
        {
            var x = (rng.NextDouble() * 2 - 1) * (i % 3 == 0 ? 1 : i % 3 == 1 ? 50 : 700);
            var want = Math.Exp(x);
            var got = DetMath.Exp(x);
            Assert.True(Math.Abs(BitConverter.DoubleToInt64Bits(got) - BitConverter.DoubleToInt64Bits(want)) <= 1, $"exp({x:R}) = {got:R}, the C library gives {want:R}");
        }
        Assert.Equal(1.0, DetMath.Exp(0));
        Assert.Equal(1.0, DetMath.Exp(-0.0));
        Assert.Equal(double.PositiveInfinity, DetMath.Exp(710));
        Assert.Equal(0.0, DetMath.Exp(-746));
        Assert.True(double.IsNaN(DetMath.Exp(double.NaN)));
        Assert.Equal(Math.Exp(-740), DetMath.Exp(-740)); // a subnormal result
    }

    [Fact]
    public void Log_IsWithinAnUlpOfTheCLibrary_AndExactWhereItMustBe()
    {
        var rng = new Random(12);
        for (var i = 0; i < 200_000; i++)
        {
            var x = (i % 4) switch
            {
                0 => rng.NextDouble(),
                1 => 1 + (rng.NextDouble() - 0.5) * 1e-5,
                2 => Math.Pow(10, rng.NextDouble() * 600 - 300),
                _ => rng.NextDouble() * 1e-310,
            };
            var want = Math.Log(x);
            var got = DetMath.Log(x);
            Assert.True(Math.Abs(BitConverter.DoubleToInt64Bits(got) - BitConverter.DoubleToInt64Bits(want)) <= 1, $"log({x:R}) = {got:R}, the C library gives {want:R}");
        }
        Assert.Equal(0.0, DetMath.Log(1));
        Assert.Equal(double.NegativeInfinity, DetMath.Log(0));
        Assert.True(double.IsNaN(DetMath.Log(-1)));
        Assert.Equal(double.PositiveInfinity, DetMath.Log(double.PositiveInfinity));
        Assert.Equal(Math.Log(Math.E), DetMath.Log(Math.E));
    }
}
