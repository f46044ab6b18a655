using Waves.Engine.Expressions;
using static Waves.Engine.Tests.Expressions.ExpressionKit;

namespace Waves.Engine.Tests.Expressions;

public sealed class AllocationTests
{
    public static TheoryData<string> Expressions =>
    [
        "sin(t * tau * 440) * 0.5",
        "clip(where(env > 0.5, 1 - (env - 0.5) * ratio, 1), 0, 1) * x",
        "0 < x < 1 and not x or -x ** 2 // 3 % 2",
        "x if t > 0.01 else -x",
        "minor_pentatonic[x * 4] + [x, t, 1][t * 3]",
        "sum([x, t]) + mean([x, 2]) + std([x, t, 1]) + max([x, t]) + min(x, t, 1)",
        "rand() + rand(x) + rand(-1, t) + rand([x, 2, t]) + rand(major)",
        "pow(x, 0.5) + abs(x) + round(x) + sign(x) + floor(x) + log(x) + sqrt(x) + np.tanh(x)",
    ];

    [Theory]
    [MemberData(nameof(Expressions))]
    public void Evaluate_AfterWarmUp_AllocatesNothing(string text)
    {
        var signal = new FakeSignal(new float[MaxBlock]);
        for (var i = 0; i < MaxBlock; i++)
            signal.Values[i] = (i % 100) / 50f - 1;
        var names = new FakeNames().Signal("x", signal).Signal("env", signal).Number("ratio", 0.3);
        var expression = Compile(text, names);
        var dst = new double[MaxBlock];
        // Warm-up runs every path once (the runtime may allocate while it first compiles code);
        // a real allocation would show in every measured round, so the quietest one is kept.
        long Round()
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var block = 1; block <= 200; block++)
                expression.Evaluate(new EvalFrame(block * 256L, 256, Rate), dst);
            expression.Evaluate(new EvalFrame(1_000_000, MaxBlock, Rate), dst);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }
        Round();
        var allocated = Math.Min(Round(), Math.Min(Round(), Round()));

        Assert.Equal(0, allocated);
    }
}
