using System.Runtime.InteropServices;
using Waves.Engine.Kernels;
using Waves.Engine.Tests.Support;
using static Waves.Engine.Tests.Expressions.ExpressionKit;

namespace Waves.Engine.Tests.Kernels;

/// <summary>The project's own pow, expm1, hyperbolic, base-2/10 log and inverse trigonometric functions
/// stay within an ulp of the C library across their ranges (a few where the C library is itself up to 2 ulps off),
/// meet C99 Annex F's special cases exactly, and are what patches evaluate.</summary>
public sealed class DetMathElementaryTests
{
    const int Count = 100_000;

    /// <summary>The number of representable doubles between a and b (both NaN: 0).</summary>
    static Int128 UlpsApart(double a, double b)
    {
        if (double.IsNaN(a) && double.IsNaN(b)) return 0;
        if (double.IsNaN(a) || double.IsNaN(b)) return Int128.MaxValue;
        static Int128 Ordered(double d)
        {
            var bits = BitConverter.DoubleToInt64Bits(d);
            return bits < 0 ? -(Int128)(bits & long.MaxValue) : bits;
        }
        return Int128.Abs(Ordered(a) - Ordered(b));
    }

    static void Near(string what, double got, double want) =>
        Assert.True(UlpsApart(got, want) <= 1, $"{what} = {got:R}, the C library gives {want:R}");

    /// <summary>Sign × 10^(lo…hi), log-uniform.</summary>
    static double LogUniform(Random rng, double lo, double hi, bool signed = true)
    {
        var v = Math.Pow(10, lo + rng.NextDouble() * (hi - lo));
        return signed && rng.Next(2) == 0 ? -v : v;
    }

    static double Uniform(Random rng, double lo, double hi) => lo + rng.NextDouble() * (hi - lo);

    /// <summary>Every result within <paramref name="maxUlps"/> of the C library's, and all but a few within 1 ulp.</summary>
    static void Sweep(int seed, Func<Random, int, double> argument, Func<double, double> mine, Func<double, double> library, string name, int maxUlps = 1)
    {
        var rng = new Random(seed);
        var beyondOne = 0;
        for (var i = 0; i < Count; i++)
        {
            var x = argument(rng, i);
            var (got, want) = (mine(x), library(x));
            var apart = UlpsApart(got, want);
            Assert.True(apart <= maxUlps, $"{name}({x:R}) = {got:R}, the C library gives {want:R}");
            if (apart > 1) beyondOne++;
        }
        Assert.True(beyondOne <= Count / 200, $"{name}: {beyondOne} of {Count} results more than 1 ulp from the C library's");
    }

    [Fact]
    public void Pow_RandomArguments_WithinAnUlpOfTheCLibrary()
    {
        var rng = new Random(21);
        for (var i = 0; i < 2 * Count; i++)
        {
            var (x, y) = (i % 8) switch
            {
                0 => (rng.NextDouble() * 10, Uniform(rng, -20, 20)),
                1 => (LogUniform(rng, -300, 300, false), Uniform(rng, -3, 3)),
                2 => (1 + Uniform(rng, -1e-5, 1e-5), Uniform(rng, -1e7, 1e7)), // base near 1, large exponents
                3 => (1 + Uniform(rng, -1e-12, 1e-12), LogUniform(rng, 9, 12)), // |y| > 2^31
                4 => (-rng.NextDouble() * 20, (double)rng.Next(-60, 61)), // negative base, integer exponent
                5 => (rng.NextDouble() * 1e-310, Uniform(rng, -1, 1)), // subnormal base
                6 => (LogUniform(rng, -5, 5, false), Uniform(rng, -700, 700)), // results near overflow and underflow
                _ => (Uniform(rng, 0.5, 2), Uniform(rng, -1100, 1100)), // subnormal results, round exponents
            };
            Near($"pow({x:R}, {y:R})", DetMath.Pow(x, y), Math.Pow(x, y));
        }
    }

    [Fact]
    public void Pow_AnnexFSpecialCases_Exact()
    {
        double inf = double.PositiveInfinity, nan = double.NaN;
        foreach (var x in new[] { 0.0, -0.0, 2.5, -3, inf, -inf, nan })
        {
            Assert.Equal(1.0, DetMath.Pow(x, 0.0));
            Assert.Equal(1.0, DetMath.Pow(x, -0.0));
        }
        foreach (var y in new[] { nan, inf, -inf, 0.5, -7 })
            Assert.Equal(1.0, DetMath.Pow(1, y));
        Assert.Equal(1.0, DetMath.Pow(-1, inf));
        Assert.Equal(1.0, DetMath.Pow(-1, -inf));
        Assert.Equal(inf, DetMath.Pow(0.0, -3));
        Assert.Equal(-inf, DetMath.Pow(-0.0, -3));
        Assert.Equal(inf, DetMath.Pow(-0.0, -2));
        Assert.Equal(inf, DetMath.Pow(-0.0, -0.5));
        Assert.Equal(-0.0, DetMath.Pow(-0.0, 3));
        Assert.True(double.IsNegative(DetMath.Pow(-0.0, 3)));
        Assert.Equal(0.0, DetMath.Pow(0.0, 3));
        Assert.True(double.IsNaN(DetMath.Pow(-2, 0.5)));
        Assert.True(double.IsNaN(DetMath.Pow(-8, 1.0 / 3)));
        Assert.True(double.IsNaN(DetMath.Pow(nan, 2)));
        Assert.True(double.IsNaN(DetMath.Pow(2, nan)));
        Assert.Equal(inf, DetMath.Pow(10, 309));
        Assert.Equal(-inf, DetMath.Pow(-10, 309));
        Assert.Equal(0.0, DetMath.Pow(10, -400));
        Assert.Equal(inf, DetMath.Pow(0.5, -inf));
        Assert.Equal(0.0, DetMath.Pow(0.5, inf));
        Assert.Equal(inf, DetMath.Pow(2, inf));
        Assert.Equal(0.0, DetMath.Pow(2, -inf));
        Assert.Equal(-inf, DetMath.Pow(-inf, 3));
        Assert.Equal(inf, DetMath.Pow(-inf, 2));
        Assert.Equal(-0.0, DetMath.Pow(-inf, -3));
        Assert.True(double.IsNegative(DetMath.Pow(-inf, -3)));
        Assert.Equal(-8.0, DetMath.Pow(-2, 3));
        Assert.Equal(1024.0, DetMath.Pow(2, 10));
        Assert.Equal(Math.ScaleB(1, -1074), DetMath.Pow(2, -1074));
        Assert.Equal(3.0, DetMath.Pow(9, 0.5));
    }

    [Fact]
    public void Expm1_RandomArguments_WithinAnUlpOfTheCLibrary() =>
        Sweep(22, (rng, i) => (i % 4) switch
        {
            0 => Uniform(rng, -1, 1),
            1 => Uniform(rng, -60, 60),
            2 => Uniform(rng, -745, 709.7),
            _ => LogUniform(rng, -20, 0),
        }, DetMath.Expm1, LibM.Expm1, "expm1");

    [Fact]
    public void Expm1_SpecialCases_Exact()
    {
        Assert.Equal(double.PositiveInfinity, DetMath.Expm1(double.PositiveInfinity));
        Assert.Equal(-1.0, DetMath.Expm1(double.NegativeInfinity));
        Assert.Equal(-1.0, DetMath.Expm1(-50));
        Assert.Equal(double.PositiveInfinity, DetMath.Expm1(710));
        Assert.True(double.IsNegative(DetMath.Expm1(-0.0)));
        Assert.Equal(1e-300, DetMath.Expm1(1e-300));
        Assert.True(double.IsNaN(DetMath.Expm1(double.NaN)));
    }

    [Fact]
    public void Hyperbolic_RandomArguments_WithinAnUlpOfTheCLibrary()
    {
        static double Arg(Random rng, int i) => (i % 5) switch
        {
            0 => Uniform(rng, -1, 1),
            1 => Uniform(rng, -25, 25),
            2 => Uniform(rng, 700, 711) * (rng.Next(2) == 0 ? 1 : -1), // near overflow
            3 => LogUniform(rng, -320, 0),
            _ => Uniform(rng, -0.5, 0.5),
        };
        // fdlibm's and glibc's tanh, sinh and cosh are each up to about 2 ulps from the true value
        // (measured against a 150-bit reference), at times on opposite sides: hence 3 here.
        Sweep(23, Arg, DetMath.Tanh, Math.Tanh, "tanh", 3);
        Sweep(24, Arg, DetMath.Sinh, Math.Sinh, "sinh", 3);
        Sweep(25, Arg, DetMath.Cosh, Math.Cosh, "cosh", 3);
    }

    [Fact]
    public void Hyperbolic_SpecialCases_Exact()
    {
        Assert.Equal(1.0, DetMath.Tanh(double.PositiveInfinity));
        Assert.Equal(-1.0, DetMath.Tanh(double.NegativeInfinity));
        Assert.Equal(1.0, DetMath.Tanh(30));
        Assert.True(double.IsNegative(DetMath.Tanh(-0.0)));
        Assert.True(double.IsNaN(DetMath.Tanh(double.NaN)));
        Assert.Equal(double.NegativeInfinity, DetMath.Sinh(double.NegativeInfinity));
        Assert.Equal(double.PositiveInfinity, DetMath.Sinh(711));
        Assert.Equal(double.NegativeInfinity, DetMath.Sinh(-711));
        Assert.True(double.IsNegative(DetMath.Sinh(-0.0)));
        Assert.Equal(double.PositiveInfinity, DetMath.Cosh(double.NegativeInfinity));
        Assert.Equal(double.PositiveInfinity, DetMath.Cosh(-711));
        Assert.Equal(1.0, DetMath.Cosh(-0.0));
        Assert.True(double.IsNaN(DetMath.Sinh(double.NaN)) && double.IsNaN(DetMath.Cosh(double.NaN)));
    }

    [Fact]
    public void Logs_RandomArguments_WithinAnUlpOfTheCLibrary()
    {
        static double Arg(Random rng, int i) => (i % 4) switch
        {
            0 => rng.NextDouble() * 16,
            1 => 1 + Uniform(rng, -1e-5, 1e-5),
            2 => LogUniform(rng, -307, 308, false),
            _ => rng.NextDouble() * 1e-310,
        };
        Sweep(26, Arg, DetMath.Log2, Math.Log2, "log2");
        // glibc's log10 is up to about 1.6 ulps off (this one within 0.62 of the true value): hence 2 here.
        Sweep(27, Arg, DetMath.Log10, Math.Log10, "log10", 2);
    }

    [Fact]
    public void Logs_PowersOfTheBase_Exact()
    {
        for (var k = -1074; k <= 1023; k++)
            Assert.Equal(k, DetMath.Log2(Math.ScaleB(1, k)));
        for (var k = 0; k <= 22; k++)
            Assert.Equal(k, DetMath.Log10(double.Parse($"1e{k}", System.Globalization.CultureInfo.InvariantCulture)));
        foreach (var log in new Func<double, double>[] { DetMath.Log2, DetMath.Log10 })
        {
            Assert.Equal(double.NegativeInfinity, log(0.0));
            Assert.Equal(double.NegativeInfinity, log(-0.0));
            Assert.True(double.IsNaN(log(-1)));
            Assert.True(double.IsNaN(log(double.NegativeInfinity)));
            Assert.True(double.IsNaN(log(double.NaN)));
            Assert.Equal(double.PositiveInfinity, log(double.PositiveInfinity));
            Assert.False(double.IsNegative(log(1)));
        }
    }

    [Fact]
    public void InverseTrig_RandomArguments_WithinAnUlpOfTheCLibrary()
    {
        static double Unit(Random rng, int i) => (i % 4) switch
        {
            0 => Uniform(rng, -1, 1),
            1 => (1 - LogUniform(rng, -16, 0, false)) * (rng.Next(2) == 0 ? 1 : -1), // near ±1
            2 => LogUniform(rng, -320, 0),
            _ => Uniform(rng, -0.6, 0.6),
        };
        Sweep(28, Unit, DetMath.Asin, Math.Asin, "asin");
        Sweep(29, Unit, DetMath.Acos, Math.Acos, "acos");
        Sweep(30, (rng, i) => i % 2 == 0 ? Uniform(rng, -3, 3) : LogUniform(rng, -320, 308), DetMath.Atan, Math.Atan, "atan");

        var r = new Random(31);
        for (var i = 0; i < Count; i++)
        {
            var (y, x) = i % 2 == 0 ? (Uniform(r, -1, 1), Uniform(r, -1, 1)) : (LogUniform(r, -300, 300), LogUniform(r, -300, 300));
            Near($"atan2({y:R}, {x:R})", DetMath.Atan2(y, x), Math.Atan2(y, x));
        }
    }

    [Fact]
    public void InverseTrig_AnnexFSpecialCases_Exact()
    {
        double inf = double.PositiveInfinity, nan = double.NaN;
        foreach (var x in new[] { 1 + 1e-15, -1.5, inf, -inf, nan })
        {
            Assert.True(double.IsNaN(DetMath.Asin(x)));
            Assert.True(double.IsNaN(DetMath.Acos(x)));
        }
        Assert.Equal(Math.PI / 2, DetMath.Asin(1));
        Assert.Equal(-Math.PI / 2, DetMath.Asin(-1));
        Assert.True(double.IsNegative(DetMath.Asin(-0.0)));
        Assert.Equal(0.0, DetMath.Acos(1));
        Assert.False(double.IsNegative(DetMath.Acos(1)));
        Assert.Equal(Math.PI, DetMath.Acos(-1));
        Assert.Equal(Math.PI / 2, DetMath.Atan(inf));
        Assert.Equal(-Math.PI / 2, DetMath.Atan(-inf));
        Assert.True(double.IsNegative(DetMath.Atan(-0.0)));
        Assert.True(double.IsNaN(DetMath.Atan(nan)));

        // Every pairing of signed zeros, infinities and a finite value, against the C library bit for bit.
        var specials = new[] { 0.0, -0.0, inf, -inf, 2.5, -2.5, nan };
        foreach (var y in specials)
            foreach (var x in specials)
            {
                var want = Math.Atan2(y, x);
                var got = DetMath.Atan2(y, x);
                Assert.True(double.IsNaN(want) ? double.IsNaN(got) : BitConverter.DoubleToInt64Bits(got) == BitConverter.DoubleToInt64Bits(want),
                    $"atan2({y}, {x}) = {got:R}, C99 says {want:R}");
            }
        Assert.Equal(Math.PI, DetMath.Atan2(0.0, -0.0));
        Assert.Equal(-Math.PI, DetMath.Atan2(-0.0, -0.0));
        Assert.Equal(3 * Math.PI / 4, DetMath.Atan2(inf, -inf));
    }

    // Arguments where glibc's last bit differs from the project's own, so a call site back on Math.* shows.
    [Theory]
    [InlineData("tanh(0.155)", 0.155)]
    [InlineData("sinh(0.3663)", 0.3663)]
    [InlineData("cosh(1.1977)", 1.1977)]
    [InlineData("log10(3.6833)", 3.6833)]
    [InlineData("log2(2.3699)", 2.3699)]
    [InlineData("arcsin(-0.3413)", -0.3413)]
    [InlineData("arccos(0.5756)", 0.5756)]
    [InlineData("arctan(-2.6465)", -2.6465)]
    [InlineData("2 ** -0.4612", -0.4612)]
    [InlineData("pow(-4.5809, 0.3)", -4.5809)]
    [InlineData("arctan2(-0.2877, 0.7)", -0.2877)]
    public void Evaluate_ElementaryFunction_GivesTheProjectsOwnBits(string text, double x)
    {
        var want = text.Split('(', ' ')[0] switch
        {
            "tanh" => DetMath.Tanh(x),
            "sinh" => DetMath.Sinh(x),
            "cosh" => DetMath.Cosh(x),
            "log10" => DetMath.Log10(x),
            "log2" => DetMath.Log2(x),
            "arcsin" => DetMath.Asin(x),
            "arccos" => DetMath.Acos(x),
            "arctan" => DetMath.Atan(x),
            "2" => DetMath.Pow(2, x),
            "pow" => -DetMath.Pow(-x, 0.3),
            _ => DetMath.Atan2(x, 0.7),
        };
        Assert.Equal(BitConverter.DoubleToInt64Bits(want), BitConverter.DoubleToInt64Bits(Eval(text)));
    }

    const string Elementary = """
        s:
          mix:
            a: {osc: {freq: "200 * 2 ** (sin(t) / 12) + 20 * tanh(3 * sin(t)) + 5 * arctan2(sin(t), cos(3 * t))"}}
            b: {osc: {freq: "100 + 10 * log2(2 + sin(t)) + 10 * log10(2 + cos(t)) + 5 * arcsin(0.9 * sin(t)) + 5 * arccos(0.9 * cos(t)) + 3 * arctan(t) + sinh(sin(t)) + cosh(sin(t)) + 3 * pow(sin(t), 3)"}}
            c: {osc: {type: wander}}
        """;

    [Fact]
    public void Render_ElementaryFunctions_SameSamplesForAnyBlockSize()
    {
        var reference = Patches.Render(Elementary, 0.25, block: 4096).Channels[0];
        Assert.True(Signals.Rms(reference) > 0.01);
        Assert.Equal(reference, Patches.Render(Elementary, 0.25, block: 1).Channels[0]);
        Assert.Equal(reference, Patches.Render(Elementary, 0.25, block: 64).Channels[0]);
    }

    [Fact]
    public void RenderBlock_ElementaryFunctions_AllocatesNothing() =>
        Assert.Equal(0, RenderAllocations.Of(() => Patches.Patch(Elementary, block: 128), 200));

    /// <summary>The C library's expm1, which .NET does not expose: the reference for the project's own.</summary>
    static class LibM
    {
        [DllImport("libm.so.6", EntryPoint = "expm1")]
        internal static extern double Expm1(double x);
    }
}
