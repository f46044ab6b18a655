using Waves.Engine.Expressions.Evaluation;
using Waves.Engine.Expressions.Names;
using Waves.Engine.Expressions.Syntax;

namespace Waves.Engine.Expressions.Compilation;

internal sealed partial class TreeBuilder
{
    /// <summary>numpy methods that only reshape an array: values are per sample here, so
    /// <c>x.reshape(-1, 1)</c> is <c>x</c> (the corpus compressor shapes its gain into a column).</summary>
    private static readonly HashSet<string> ShapeMethods = ["reshape", "flatten", "ravel", "squeeze"];

    private Value BuildCall(CallNode node)
    {
        if (node.Callee is AttributeNode { Name: var method } shaped && ShapeMethods.Contains(method) && !IsNumpy(shaped.Target))
        {
            foreach (var a in node.Arguments) Build(a);
            return Build(shaped.Target);
        }
        var function = ResolveFunction(node.Callee, out var displayName);
        if (function is not null && !function.AcceptsCount(node.Arguments.Count))
        {
            Report(node.Offset, function.Kind == FunctionKind.Extremum
                ? ExtremumArityMessage(displayName, node.Arguments.Count)
                : $"function '{displayName}' {function.ArityText()}, got {node.Arguments.Count}");
            function = null;
        }

        // Numbered in source order, so adding a rand after this one does not change this one's values.
        var randSite = function?.Kind == FunctionKind.Rand ? _nextRandSite++ : -1;
        var args = node.Arguments.Select(Build).ToList();
        if (function is null)
            return Constant(0, node.Offset);

        var result = function.Kind switch
        {
            FunctionKind.Elementwise => Elementwise(function.Name, args),
            FunctionKind.Elementwise2 => Elementwise2(function.Name, args),
            FunctionKind.Clip => Clip(args),
            FunctionKind.Where => Where(args),
            FunctionKind.Extremum => Extremum(function.Name, displayName, args, node.Offset),
            FunctionKind.Reduction => Reduction(function.Name, displayName, args[0], node.Offset),
            FunctionKind.Rand => Rand(randSite, args, node.Offset),
            _ => Wave(args[0]),
        };
        return new WaveValue(result, node.Offset);
    }

    /// <summary>The built-in function a callee names (also as <c>np.name</c>), or null after reporting why not.</summary>
    private BuiltinFunction? ResolveFunction(SyntaxNode callee, out string displayName)
    {
        displayName = "";
        switch (callee)
        {
            case NameNode name:
                displayName = name.Name;
                // A name the patch or a comprehension defines shadows the built-in, as in Python.
                var shadowed = _locals.Exists(l => l.Name == name.Name) || names.Resolve(name.Name) is not null;
                if (!shadowed && Builtins.Functions.TryGetValue(name.Name, out var function))
                    return function;
                Report(name.Offset, $"'{name.Name}' is not a function");
                return null;

            case AttributeNode attribute when IsNumpy(attribute.Target):
                displayName = "np." + attribute.Name;
                if (Builtins.Functions.TryGetValue(attribute.Name, out var numpyFunction))
                    return numpyFunction;
                Report(attribute.Offset, attribute.Name is "pi" or "e" or "inf"
                    ? $"'{displayName}' is not a function"
                    : $"unknown name '{displayName}' in expression");
                return null;

            case AttributeNode attribute:
                Build(attribute.Target);
                Report(attribute.DotOffset, $"attribute access '.{attribute.Name}' is not supported");
                return null;

            default:
                Build(callee);
                Report(callee.Offset, "only named functions can be called");
                return null;
        }
    }

    private static string ExtremumArityMessage(string name, int count) =>
        $"function '{name}' takes a list or 2 or more arguments, got {count}";

    private Evaluator Elementwise(string name, List<Value> args)
    {
        var x = Wave(args[0]);
        return Fold(UnaryOps.CreateFunction(name, x)!, x);
    }

    private Evaluator Elementwise2(string name, List<Value> args)
    {
        var a = Wave(args[0]);
        var b = Wave(args[1]);
        return Fold(BinaryOps.CreateFunction(name, a, b)!, a, b);
    }

    /// <summary>numpy's clip: min(max(x, lo), hi), so lo &gt; hi gives hi rather than an error.</summary>
    private Evaluator Clip(List<Value> args)
    {
        var x = Wave(args[0]);
        var low = Wave(args[1]);
        var high = Wave(args[2]);
        var raised = Fold(new BinaryEvaluator<MaxOp>(x, low), x, low);
        return Fold(new BinaryEvaluator<MinOp>(raised, high), raised, high);
    }

    private Evaluator Where(List<Value> args)
    {
        var condition = Wave(args[0]);
        var a = Wave(args[1]);
        var b = Wave(args[2]);
        return Fold(new SelectEvaluator(condition, a, b), condition, a, b);
    }

    /// <summary>max/min of one list (over its items), or element-wise over two or more waves.</summary>
    private Evaluator Extremum(string name, string displayName, List<Value> args, int offset)
    {
        var reduction = name == "max" ? ListReduction.Max : ListReduction.Min;
        if (args.Count == 1)
        {
            if (args[0] is not ListValue list)
            {
                Report(offset, ExtremumArityMessage(displayName, 1));
                return new ConstantEvaluator(0);
            }

            if (list.Items.Count == 0)
            {
                Report(list.Offset, $"'{displayName}' of an empty list");
                return new ConstantEvaluator(0);
            }

            return Reduce(list, reduction);
        }

        var result = Wave(args[0]);
        foreach (var arg in args.Skip(1))
        {
            var next = Wave(arg);
            result = Fold(BinaryOps.CreateFunction(name, result, next)!, result, next);
        }

        return result;
    }

    private Evaluator Reduction(string name, string displayName, Value arg, int offset)
    {
        if (arg is not ListValue list)
        {
            Report(offset, $"'{displayName}' needs a list");
            return new ConstantEvaluator(0);
        }

        var reduction = name switch
        {
            "sum" => ListReduction.Sum,
            "mean" => ListReduction.Mean,
            _ => ListReduction.Std,
        };
        return Reduce(list, reduction);
    }

    private Evaluator Reduce(ListValue list, ListReduction reduction)
    {
        var items = ItemWaves(list);
        return Fold(new ListReduceEvaluator(new WaveList(items), reduction), items);
    }

    /// <summary>rand is never folded: its value changes every <see cref="RandHash.RandPeriod"/> samples.</summary>
    private Evaluator Rand(int site, List<Value> args, int offset)
    {
        var seed = options.Seed;
        var voice = options.Voice;
        switch (args.Count)
        {
            case 0:
                return new RandEvaluator(seed, site, new ConstantEvaluator(0), new ConstantEvaluator(1), voice);
            case 1 when args[0] is ListValue list:
                if (list.Items.Count > 0)
                    return new RandChoiceEvaluator(seed, site, new WaveList(ItemWaves(list)), voice);
                Report(list.Offset, "'rand' of an empty list");
                return new ConstantEvaluator(0);
            case 1:
                return new RandEvaluator(seed, site, new ConstantEvaluator(0), Wave(args[0]), voice);
            default:
                return new RandEvaluator(seed, site, Wave(args[0]), Wave(args[1]), voice);
        }
    }
}
