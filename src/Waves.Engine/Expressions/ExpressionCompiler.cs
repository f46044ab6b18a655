using Waves.Engine.Expressions.Compilation;
using Waves.Engine.Expressions.Evaluation;
using Waves.Engine.Expressions.Syntax;
using Waves.Engine.Patching;

namespace Waves.Engine.Expressions;

/// <summary>Compiles expression text (the Python-like subset of the patch language) into a block evaluator.</summary>
public static class ExpressionCompiler
{
    /// <summary>Samples per <c>rand</c> draw; see <see cref="RandHash.RandPeriod"/>.</summary>
    public const int RandPeriod = RandHash.RandPeriod;

    /// <summary>Compiles <paramref name="text"/>. Every problem is reported (unknown names, bad calls …),
    /// except that a syntax error stops at the first one; any problem means no expression.</summary>
    /// <param name="origin">Where the text's first character is in the YAML file; a problem's column is
    /// this plus its offset in the text (for multi-line text, problems point at the origin).</param>
    /// <summary>Longest expression text. Evaluators nest once per operand of a chain (a &lt; b &lt; c …,
    /// max(a, b, …)), so this bounds the stack a block's evaluation needs on any thread.</summary>
    public const int MaxLength = 4000;

    public static ExprCompileResult Compile(string text, SourcePos origin, INameResolver names, ExprOptions options)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBlock, 1);

        SourcePos At(int offset) => text.Contains('\n') ? origin : origin.Offset(offset);
        if (text.Length > MaxLength)
            return Failed(Problem.Error(origin, $"expression is longer than {MaxLength} characters"));

        try
        {
            SyntaxNode tree;
            try
            {
                tree = Parser.Parse(text);
            }
            catch (SyntaxErrorException e)
            {
                return Failed(Problem.Error(At(e.Offset), $"syntax error in expression '{text}': {e.Detail}"));
            }

            var builder = new TreeBuilder(names, options);
            var root = builder.Wave(builder.Build(tree));
            if (builder.Problems.Count == 0)
                return new ExprCompileResult(new TreeExpression(root, options.MaxBlock), []);

            var problems = builder.Problems
                .OrderBy(p => p.Offset)
                .Distinct()
                .Select(p => Problem.Error(At(p.Offset), p.Message))
                .ToList();
            return new ExprCompileResult(null, problems);
        }
        catch (InsufficientExecutionStackException)
        {
            return Failed(Problem.Error(origin, $"expression '{text}' is nested too deeply"));
        }
    }

    private static ExprCompileResult Failed(Problem problem) => new(null, [problem]);
}
