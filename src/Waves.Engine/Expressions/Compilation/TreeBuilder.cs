using System.Runtime.CompilerServices;
using Waves.Engine.Expressions.Evaluation;
using Waves.Engine.Expressions.Names;
using Waves.Engine.Expressions.Syntax;

namespace Waves.Engine.Expressions.Compilation;

/// <summary>Turns a syntax tree into an evaluator tree: resolves names, checks calls, folds constants.
/// Errors are collected (all of them, not just the first) and compilation goes on with a stand-in 0.</summary>
internal sealed partial class TreeBuilder(INameResolver names, ExprOptions options)
{
    private readonly List<(int Offset, string Message)> _problems = [];
    private readonly List<(string Name, Value Value)> _locals = [];
    private int _nextRandSite;
    private int _depth;

    /// <summary>Deepest tree compiled. Evaluation recurses once per level, possibly on a thread with a
    /// small stack, so a deeper tree is refused here rather than risked there.</summary>
    public const int MaxDepth = 400;

    public IReadOnlyList<(int Offset, string Message)> Problems => _problems;

    public Value Build(SyntaxNode node)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        if (_depth >= MaxDepth)
            throw new InsufficientExecutionStackException();
        _depth++;
        try
        {
            return BuildNode(node);
        }
        finally
        {
            _depth--;
        }
    }

    private Value BuildNode(SyntaxNode node)
    {
        return node switch
        {
            NumberNode n => Constant(n.Value, n.Offset),
            NameNode n => ResolveName(n.Name, n.Offset),
            UnaryNode n => BuildUnary(n),
            BinaryNode n => BuildBinary(n),
            CompareNode n => BuildCompare(n),
            ConditionalNode n => BuildConditional(n),
            CallNode n => BuildCall(n),
            IndexNode n => BuildIndex(n),
            AttributeNode n => BuildAttribute(n),
            ListNode n => new ListValue(n.Items.Select(Build).ToList(), n.Offset),
            ComprehensionNode n => BuildComprehension(n),
            _ => throw new ArgumentOutOfRangeException(nameof(node)),
        };
    }

    /// <summary>The wave of <paramref name="value"/>; a list here is an error.</summary>
    public Evaluator Wave(Value value)
    {
        if (value is WaveValue wave)
            return wave.Evaluator;
        Report(value.Offset, "expression gives a list, not a number");
        return new ConstantEvaluator(0);
    }

    private void Report(int offset, string message) => _problems.Add((offset, message));

    private static WaveValue Constant(double value, int offset) => new(new ConstantEvaluator(value), offset);

    /// <summary>Replaces a pure node whose inputs are all constant by its value.</summary>
    private Evaluator Fold(Evaluator node, params ReadOnlySpan<Evaluator> inputs)
    {
        foreach (var input in inputs)
            if (input is not ConstantEvaluator)
                return node;
        node.Allocate(1);
        Span<double> value = stackalloc double[1];
        node.Evaluate(new EvalFrame(0, 1, options.SampleRate), value);
        return new ConstantEvaluator(value[0]);
    }

    private Value ResolveName(string name, int offset)
    {
        for (var k = _locals.Count - 1; k >= 0; k--)
            if (_locals[k].Name == name)
                return _locals[k].Value with { Offset = offset };

        switch (names.Resolve(name))
        {
            case NameBinding.Number number:
                return Constant(number.Value, offset);
            case NameBinding.NumberList list:
                return new ListValue(list.Values.Select(v => (Value)Constant(v, offset)).ToList(), offset);
            case NameBinding.Signal signal:
                return new WaveValue(new SignalEvaluator(signal.Source), offset);
        }

        if (name is "t" or "time")
            return new WaveValue(new TimeEvaluator(), offset);
        if (Builtins.IsSampleRate(name))
            return Constant(options.SampleRate, offset);
        if (Builtins.Constants.TryGetValue(name, out var constant))
            return Constant(constant, offset);
        if (Scales.All.TryGetValue(name, out var scale))
            return new ListValue(scale.Select(v => (Value)Constant(v, offset)).ToList(), offset);
        if (Builtins.Functions.ContainsKey(name))
            Report(offset, $"'{name}' is a function, not a number");
        else
            Report(offset, $"unknown name '{name}' in expression");
        return Constant(0, offset);
    }

    private Value BuildUnary(UnaryNode node)
    {
        var operand = Wave(Build(node.Operand));
        Evaluator result = node.Operator == UnaryOperator.Negate
            ? new UnaryEvaluator<NegateOp>(operand)
            : new UnaryEvaluator<NotOp>(operand);
        return new WaveValue(Fold(result, operand), node.Offset);
    }

    private Value BuildBinary(BinaryNode node)
    {
        var left = Wave(Build(node.Left));
        var right = Wave(Build(node.Right));
        return new WaveValue(Fold(BinaryOps.Create(node.Operator, left, right), left, right), node.Offset);
    }

    /// <summary>A chain a &lt; b &lt; c is (a &lt; b) and (b &lt; c), with b's evaluator shared.</summary>
    private Value BuildCompare(CompareNode node)
    {
        var left = Wave(Build(node.First));
        Evaluator? result = null;
        foreach (var (op, operandNode) in node.Rest)
        {
            var right = Wave(Build(operandNode));
            var comparison = Fold(BinaryOps.Create(op, left, right), left, right);
            result = result is null ? comparison : Fold(new BinaryEvaluator<AndOp>(result, comparison), result, comparison);
            left = right;
        }

        return new WaveValue(result!, node.Offset);
    }

    /// <summary>With a constant condition the branch is chosen now, so it may even be a list.</summary>
    private Value BuildConditional(ConditionalNode node)
    {
        var then = Build(node.Then);
        var condition = Wave(Build(node.Condition));
        var otherwise = Build(node.Else);
        if (condition is ConstantEvaluator c)
            return (c.Value != 0 ? then : otherwise) with { Offset = node.Offset };

        var a = Wave(then);
        var b = Wave(otherwise);
        return new WaveValue(Fold(new SelectEvaluator(condition, a, b), condition, a, b), node.Offset);
    }

    private Value BuildIndex(IndexNode node)
    {
        var target = Build(node.Target);
        var index = Wave(Build(node.Index));
        if (target is not ListValue list)
        {
            Report(target.Offset, "expression gives a number, not a list");
            return Constant(0, node.Offset);
        }

        if (list.Items.Count == 0)
        {
            Report(target.Offset, "cannot index an empty list");
            return Constant(0, node.Offset);
        }

        if (index is ConstantEvaluator k)
            return list.Items[WaveList.ClampIndex(k.Value, list.Items.Count)] with { Offset = node.Offset };

        return new WaveValue(new IndexEvaluator(new WaveList(ItemWaves(list)), index), node.Offset);
    }

    /// <summary><c>np.pi</c>, <c>np.e</c>, <c>np.inf</c> are numpy's constants; any other attribute is unsupported.</summary>
    private Value BuildAttribute(AttributeNode node)
    {
        if (IsNumpy(node.Target))
        {
            if (node.Name is "pi" or "e" or "inf")
                return Constant(Builtins.Constants[node.Name], node.Offset);
            Report(node.Offset, Builtins.Functions.ContainsKey(node.Name)
                ? $"'np.{node.Name}' is a function, not a number"
                : $"unknown name 'np.{node.Name}' in expression");
            return Constant(0, node.Offset);
        }

        Build(node.Target);
        Report(node.DotOffset, $"attribute access '.{node.Name}' is not supported");
        return Constant(0, node.Offset);
    }

    /// <summary>True for a bare <c>np</c> that the patch does not define itself.</summary>
    private bool IsNumpy(SyntaxNode node) =>
        node is NameNode { Name: "np" } && !_locals.Exists(l => l.Name == "np") && names.Resolve("np") is null;

    /// <summary>Unrolls <c>[body for x in list]</c>: the body is compiled once per item, with x bound to it.</summary>
    private Value BuildComprehension(ComprehensionNode node)
    {
        var source = Build(node.Source);
        var items = new List<Value>();
        if (source is not ListValue list)
        {
            Report(source.Offset, "expression gives a number, not a list");
            list = new ListValue([], source.Offset);
        }

        // An empty list still gets its body checked, against a stand-in item.
        var bindings = list.Items.Count > 0 ? list.Items : [Constant(0, node.Offset)];
        foreach (var item in bindings)
        {
            _locals.Add((node.Variable, item));
            var value = Build(node.Body);
            _locals.RemoveAt(_locals.Count - 1);
            if (list.Items.Count > 0)
                items.Add(value);
        }

        return new ListValue(items, node.Offset);
    }

    private Evaluator[] ItemWaves(ListValue list) => list.Items.Select(Wave).ToArray();
}
