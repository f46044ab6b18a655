using Waves.Engine.Expressions;
using Waves.Engine.Patching;
using Waves.Engine.Rendering;

namespace Waves.Engine.Nodes;

public sealed class ContextState : NodeState;

/// <summary>
/// <c>context</c>: named variables for the subtree below. Each extra key, in file order, is a
/// wave that later variables and everything under <c>signal</c> can use by name. A variable
/// that never changes is bound as a number, so expressions using it fold to constants.
/// Ends at its own duration, when its signal ends, or when a variable that is a node ends.
/// </summary>
public sealed class Context : Signal
{
    public static readonly NodeInfo Info = new(
        "context", "scoped variables for the signal below (each extra key is a variable)", "as the signal",
        [new("signal", ParamKind.Wave, "the signal that sees the variables")],
        ExtraKeys.Allow,
        Compile)
    { PassThrough = true };

    sealed class Variable(string name, Wave wave, int maxBlock) : ISignalSource
    {
        public readonly string Name = name;
        public readonly Wave Wave = wave;
        public readonly float[] Buffer = new float[maxBlock];
        public long Filled = ISignalSource.UnknownFrame;
        public ReadOnlySpan<float> Current => Buffer;
        public long Frame => Filled;
    }

    readonly ContextState state;
    readonly Variable[] variables;
    readonly Signal signal;
    readonly long total;

    Context(NodeSpec spec, CompileScope scope, ContextState state, Variable[] variables, Signal signal)
        : base(spec, scope.MaxBlock, signal.IsStereo)
    {
        this.state = state;
        this.variables = variables;
        this.signal = signal;
        total = spec.Duration is { } d ? (long)(d * scope.SampleRate) : long.MaxValue;
    }

    static Signal Compile(NodeSpec spec, CompileScope scope)
    {
        var state = scope.Bind<ContextState>(spec);
        var inner = scope;
        var variables = new List<Variable>();
        foreach (var p in spec.Params)
        {
            if (Info.Param(p.Name) is not null) continue;
            // Variables see the context's own duration; the signal does not (as in the original).
            var wave = inner.WithDuration(spec.Duration).CompileWave(p.Value, 0, spec, p.Name);
            if (wave.IsConstant)
                inner = inner.WithName(p.Name, new NameBinding.Number(wave.ExactConstant));
            else
            {
                var v = new Variable(p.Name, wave, scope.MaxBlock);
                variables.Add(v);
                inner = inner.WithName(p.Name, new NameBinding.Signal(v));
            }
        }
        var signal = inner.CompileSignal(spec.Get("signal"), state);
        return new Context(spec, scope, state, [.. variables], signal);
    }

    protected override int Render(in Block block)
    {
        var clock = state.Clock;
        var n = (int)Math.Min(block.Count, Math.Max(0, total - clock));
        var sub = block with { Count = n };
        foreach (var v in variables)
        {
            n = Math.Min(n, v.Wave.Fill(sub, clock, v.Buffer));
            v.Filled = block.Frame;
        }
        if (n == 0) return Finish(block, 0);
        var got = Math.Min(n, signal.Pull(block));
        signal.Left.AsSpan(0, got).CopyTo(Left);
        if (Right is not null) signal.Right!.AsSpan(0, got).CopyTo(Right);
        state.Clock = clock + got;
        return Finish(block, got);
    }

    public override Signal? PassThrough => signal;

    public override IEnumerable<Signal> Children =>
        variables.SelectMany(v => v.Wave.Children).Append(signal);
}
