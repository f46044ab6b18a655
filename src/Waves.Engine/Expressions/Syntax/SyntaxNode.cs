namespace Waves.Engine.Expressions.Syntax;

/// <summary>An expression tree node; <see cref="Offset"/> is where its first token starts in the text.</summary>
internal abstract record SyntaxNode(int Offset);

internal sealed record NumberNode(double Value, int Offset) : SyntaxNode(Offset);

internal sealed record NameNode(string Name, int Offset) : SyntaxNode(Offset);

internal sealed record UnaryNode(UnaryOperator Operator, SyntaxNode Operand, int Offset) : SyntaxNode(Offset);

internal sealed record BinaryNode(BinaryOperator Operator, SyntaxNode Left, SyntaxNode Right) : SyntaxNode(Left.Offset);

/// <summary>A Python comparison chain: <c>a &lt; b &lt; c</c> means <c>a &lt; b and b &lt; c</c>.</summary>
internal sealed record CompareNode(SyntaxNode First, IReadOnlyList<(CompareOperator Operator, SyntaxNode Operand)> Rest)
    : SyntaxNode(First.Offset);

/// <summary><c>Then if Condition else Else</c>.</summary>
internal sealed record ConditionalNode(SyntaxNode Then, SyntaxNode Condition, SyntaxNode Else) : SyntaxNode(Then.Offset);

internal sealed record CallNode(SyntaxNode Callee, IReadOnlyList<SyntaxNode> Arguments) : SyntaxNode(Callee.Offset);

internal sealed record IndexNode(SyntaxNode Target, SyntaxNode Index) : SyntaxNode(Target.Offset);

/// <summary><c>Target.Name</c>; <see cref="DotOffset"/> is where the dot is.</summary>
internal sealed record AttributeNode(SyntaxNode Target, string Name, int DotOffset) : SyntaxNode(Target.Offset);

internal sealed record ListNode(IReadOnlyList<SyntaxNode> Items, int Offset) : SyntaxNode(Offset);

/// <summary><c>[Body for Variable in Source]</c>, unrolled at compile time over a list.</summary>
internal sealed record ComprehensionNode(SyntaxNode Body, string Variable, SyntaxNode Source, int Offset) : SyntaxNode(Offset);
