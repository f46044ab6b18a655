using Waves.Engine.Expressions;
using Waves.Engine.Patching;
using Waves.Engine.Rendering;

namespace Waves.Engine.Nodes;

public sealed class ExpressionState : NodeState;

/// <summary>
/// <c>expression</c>: a formula (<c>exp</c>) over named inputs. Every extra key is an input, bound
/// by its name: a node input is rendered each block (stereo folded to the mean of its sides, frames
/// after it ended read as 0); then the other inputs — numbers, expressions, interpolation lists —
/// are evaluated in file order, each seeing the node inputs and the inputs before it; then
/// <c>exp</c>. Everything, <c>t</c> included, is evaluated per sample on the node's own clock.
/// <para>Ends at its own <c>duration</c>, or at the frame where the last of its node inputs ends
/// (both frame-exact, so the same for any block size; the original ended at a 2048-frame chunk
/// boundary). A numeric <c>exp</c> ends the same way: the original's never ended, even with a
/// duration (a fixed defect).</para>
/// <para>The output is mono: expressions give one value per sample. (The original passed a 2-D
/// numpy result through as stereo; only a reshaping accident produced one, which made the
/// corpus's compressor patches fail.)</para>
/// <para>Differences from the original, all deliberate: <c>t</c> is per sample, not per chunk; a
/// list input is an interpolation list rather than an error; node inputs are rendered even when
/// <c>exp</c> is a number. <c>rand</c> draws once per 2048 frames of the node's clock, not once per
/// rendered block, so it does not depend on the block size (see <see cref="ExpressionCompiler.RandPeriod"/>).</para>
/// </summary>
public sealed class ExpressionNode : Signal
{
    public static readonly NodeInfo Info = new(
        "expression", "a formula over named inputs (each extra key is an input: a node, a number or an expression)", "mono",
        [new("exp", ParamKind.Expression, "the formula: an expression or a number")],
        ExtraKeys.Allow,
        Compile);

    /// <summary>A node input: its block, mono, zero after the node ended.</summary>
    sealed class NodeInput(Signal signal, int maxBlock) : ISignalSource
    {
        public readonly Signal Signal = signal;
        readonly float[] buffer = new float[maxBlock];
        public ReadOnlySpan<float> Current => buffer;

        /// <summary>Renders the node and fills the first <paramref name="count"/> frames; returns the frames it produced.</summary>
        public int Read(in Block block, int count)
        {
            var got = Math.Min(count, Signal.Pull(block));
            var l = Signal.Left;
            if (Signal.Right is { } r)
                for (var i = 0; i < got; i++) buffer[i] = (l[i] + r[i]) * 0.5f;
            else
                l.AsSpan(0, got).CopyTo(buffer);
            buffer.AsSpan(got, count - got).Clear();
            return got;
        }
    }

    /// <summary>An input that is a value (number, expression, list), evaluated each block.</summary>
    sealed class ValueInput(Wave wave, int maxBlock) : ISignalSource
    {
        public readonly Wave Wave = wave;
        public readonly float[] Buffer = new float[maxBlock];
        public ReadOnlySpan<float> Current => Buffer;
    }

    readonly ExpressionState state;
    readonly NodeInput[] nodes;
    readonly ValueInput[] values;
    readonly Wave exp;
    readonly long total;

    ExpressionNode(NodeSpec spec, CompileScope scope, ExpressionState state, NodeInput[] nodes, ValueInput[] values, Wave exp)
        : base(spec, scope.MaxBlock, false)
    {
        this.state = state;
        this.nodes = nodes;
        this.values = values;
        this.exp = exp;
        total = spec.Duration is { } d ? (long)(d * scope.SampleRate) : long.MaxValue;
    }

    static Signal Compile(NodeSpec spec, CompileScope scope)
    {
        var state = scope.Bind<ExpressionState>(spec);
        var outer = scope.WithDuration(spec.Duration);
        var inner = outer;
        var inputs = spec.Params.Where(p => Info.Param(p.Name) is null).ToList();
        foreach (var p in inputs.Where(p => !IsName(p.Name)))
            scope.Env.Warning(p.KeyPos, $"input '{p.Name}' of 'expression' cannot be named in an expression (a name is letters, digits and _, not starting with a digit)");

        // Node inputs first, whatever their place: every value input and exp sees all of them.
        var nodes = new List<NodeInput>();
        foreach (var p in inputs)
            if (p.Value is Value.Node n)
            {
                var input = new NodeInput(outer.CompileNode(n.Spec), scope.MaxBlock);
                nodes.Add(input);
                inner = inner.WithName(p.Name, new NameBinding.Signal(input));
            }

        var values = new List<ValueInput>();
        foreach (var p in inputs)
        {
            switch (p.Value)
            {
                case Value.Node or Value.Invalid:
                    continue;
                case Value.Null:
                    scope.Env.Error(p.KeyPos, $"input '{p.Name}' of 'expression' has no value");
                    continue;
                case Value.Map m:
                    scope.Env.Error(m.Pos, $"input '{p.Name}' of 'expression' must be a node, a number, an expression or a list, got a mapping");
                    continue;
            }
            var wave = inner.CompileWave(p.Value, 0, spec, p.Name);
            if (wave.IsConstant)
                inner = inner.WithName(p.Name, new NameBinding.Number(wave.ExactConstant));
            else
            {
                var v = new ValueInput(wave, scope.MaxBlock);
                values.Add(v);
                inner = inner.WithName(p.Name, new NameBinding.Signal(v));
            }
        }

        Wave formula;
        switch (spec.Get("exp"))
        {
            case null or Value.Null:
                scope.Env.Error(spec.Pos, "'expression' needs 'exp': the formula it outputs");
                formula = new ConstWave(0);
                break;
            case var e:
                formula = inner.CompileWave(e, 0, spec, "exp");
                break;
        }
        return new ExpressionNode(spec, scope, state, [.. nodes], [.. values], formula);
    }

    static bool IsName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    protected override int Render(in Block block)
    {
        var clock = state.Clock;
        var n = (int)Math.Min(block.Count, Math.Max(0, total - clock));
        if (n == 0) return Finish(block, 0);
        if (nodes.Length > 0)
        {
            // Ends where the last node input ends; inputs that ended earlier read as 0 until then.
            var produced = 0;
            foreach (var input in nodes)
                produced = Math.Max(produced, input.Read(block, n));
            if (produced == 0) return Finish(block, 0);
            n = produced;
        }
        var sub = block with { Count = n };
        foreach (var v in values)
            v.Wave.Fill(sub, clock, v.Buffer);
        exp.Fill(sub, clock, Left);
        state.Clock = clock + n;
        return Finish(block, n);
    }

    public override IEnumerable<Signal> Children =>
        nodes.Select(i => i.Signal).Concat(values.SelectMany(v => v.Wave.Children)).Concat(exp.Children);
}
