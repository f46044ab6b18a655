using Waves.Engine.Patching;

namespace Waves.Engine.Expressions;

/// <summary>The block being evaluated: <c>t</c> of sample i is (Clock + i) / SampleRate.</summary>
public readonly record struct EvalFrame(long Clock, int Count, double SampleRate)
{
    /// <summary>Session frame of the first sample evaluated (<see cref="ISignalSource.UnknownFrame"/>
    /// when not known): a source filled for a whole block is read from this frame's place in it.</summary>
    public long Frame { get; init; } = ISignalSource.UnknownFrame;
}

/// <summary>A signal whose current block the engine fills before expressions that read it are evaluated.</summary>
public interface ISignalSource
{
    /// <summary>Values of the current block, at least <see cref="EvalFrame.Count"/> long.</summary>
    ReadOnlySpan<float> Current { get; }

    /// <summary>Session frame of <see cref="Current"/>'s first value. A reader rendering a part of that
    /// block (a voice starting inside it, a select path) reads from its own frame's place.</summary>
    long Frame => UnknownFrame;

    const long UnknownFrame = long.MinValue;
}

/// <summary>What a free name in an expression stands for.</summary>
public abstract record NameBinding
{
    public sealed record Number(double Value) : NameBinding;
    public sealed record NumberList(IReadOnlyList<double> Values) : NameBinding;
    public sealed record Signal(ISignalSource Source) : NameBinding;
}

/// <summary>Resolves the names that the patch supplies (context variables, vars, parameters, node outputs).</summary>
public interface INameResolver
{
    /// <summary>The binding of <paramref name="name"/>, or null when the patch does not define it
    /// (built-in names — constants, notes, scales, functions, <c>t</c> — are looked up after this).</summary>
    NameBinding? Resolve(string name);
}

/// <summary>Options fixed when an expression is compiled.</summary>
/// <param name="MaxBlock">Largest block ever evaluated; scratch buffers are sized for it.</param>
/// <param name="Seed">Seed of <c>rand</c> at this expression site (derived from session seed and node id).</param>
public sealed record ExprOptions(int MaxBlock, double SampleRate, ulong Seed)
{
    /// <summary>Inside a voice that a node starts again and again (spawn, sequencer): its start
    /// number, mixed into <c>rand</c>'s draws so that each start draws anew.</summary>
    public IVoiceOrdinal? Voice { get; init; }
}

/// <summary>A voice's start number: which start of its slot is playing now (render-thread state).</summary>
public interface IVoiceOrdinal
{
    long Ordinal { get; }

    /// <summary>The seed of a random source inside a voice (<paramref name="voice"/> null: outside one):
    /// the start number mixed in, so each start draws anew, whichever slot it lands in.</summary>
    static ulong Seed(ulong seed, IVoiceOrdinal? voice)
    {
        if (voice is null) return seed;
        // SplitMix64's finaliser of the start number.
        var z = (ulong)voice.Ordinal * 0xD1B54A32D192ED03UL + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return seed ^ z ^ (z >> 31);
    }
}

/// <summary>A compiled expression: fills a block of per-sample values, allocation-free.</summary>
public abstract class CompiledExpression
{
    /// <summary>True when the value never changes (no <c>t</c>, no signals, no rand).</summary>
    public abstract bool IsConstant { get; }

    /// <summary>The value when <see cref="IsConstant"/>.</summary>
    public abstract double ConstantValue { get; }

    /// <summary>Writes <see cref="EvalFrame.Count"/> values into <paramref name="dst"/>.</summary>
    public abstract void Evaluate(in EvalFrame frame, Span<double> dst);
}

/// <summary>Compile result: the expression, or the problems that stop it (positions point into the YAML file).</summary>
public sealed record ExprCompileResult(CompiledExpression? Expression, IReadOnlyList<Problem> Problems);
