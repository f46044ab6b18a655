using Waves.Engine.Expressions;
using Waves.Engine.Patching;

namespace Waves.Engine.Tests.Expressions;

/// <summary>Compiles and evaluates expressions for the tests.</summary>
internal static class ExpressionKit
{
    public const double Rate = 44_100;
    public const int MaxBlock = 4096;

    public static readonly SourcePos Origin = new("sounds/test.yaml", 3, 10);

    public static ExprOptions Options(ulong seed = 1) => new(MaxBlock, Rate, seed);

    public static ExprCompileResult TryCompile(string text, FakeNames? names = null, ulong seed = 1) =>
        ExpressionCompiler.Compile(text, Origin, names ?? new FakeNames(), Options(seed));

    public static CompiledExpression Compile(string text, FakeNames? names = null, ulong seed = 1)
    {
        var result = TryCompile(text, names, seed);
        Assert.True(result.Problems.Count == 0, string.Join("\n", result.Problems));
        Assert.NotNull(result.Expression);
        return result.Expression;
    }

    /// <summary>The values of one block.</summary>
    public static double[] Evaluate(CompiledExpression expression, long clock = 0, int count = 16)
    {
        var dst = new double[count];
        expression.Evaluate(new EvalFrame(clock, count, Rate), dst);
        return dst;
    }

    /// <summary>The first sample of the expression's first block.</summary>
    public static double Eval(string text, FakeNames? names = null) => Evaluate(Compile(text, names))[0];

    /// <summary>Samples [0, total) evaluated in consecutive blocks of <paramref name="block"/>.</summary>
    public static double[] EvaluateInBlocks(CompiledExpression expression, int total, int block, long start = 0)
    {
        var all = new double[total];
        for (var done = 0; done < total; done += block)
        {
            var count = Math.Min(block, total - done);
            expression.Evaluate(new EvalFrame(start + done, count, Rate), all.AsSpan(done, count));
        }

        return all;
    }

    /// <summary>The one problem the text has.</summary>
    public static Problem SingleProblem(string text, FakeNames? names = null)
    {
        var result = TryCompile(text, names);
        Assert.Null(result.Expression);
        return Assert.Single(result.Problems);
    }
}

/// <summary>A patch namespace made of a dictionary.</summary>
internal sealed class FakeNames : INameResolver
{
    private readonly Dictionary<string, NameBinding> _bindings = [];

    public FakeNames Number(string name, double value)
    {
        _bindings[name] = new NameBinding.Number(value);
        return this;
    }

    public FakeNames List(string name, params double[] values)
    {
        _bindings[name] = new NameBinding.NumberList(values);
        return this;
    }

    public FakeNames Signal(string name, ISignalSource source)
    {
        _bindings[name] = new NameBinding.Signal(source);
        return this;
    }

    public NameBinding? Resolve(string name) => _bindings.GetValueOrDefault(name);
}

/// <summary>A signal whose block the test sets.</summary>
internal sealed class FakeSignal(params float[] values) : ISignalSource
{
    public float[] Values { get; set; } = values;

    public ReadOnlySpan<float> Current => Values;
}
