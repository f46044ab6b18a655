using System.Runtime.CompilerServices;

namespace Waves.Engine.Expressions.Syntax;

/// <summary>Recursive-descent parser for the Python expression subset, with Python's precedence:
/// ternary &lt; or &lt; and &lt; not &lt; comparisons &lt; + - &lt; * / // % &lt; unary &lt; ** &lt; calls, indexing.</summary>
internal sealed class Parser
{
    private readonly string _text;
    private readonly List<Token> _tokens;
    private int _index;

    private Parser(string text)
    {
        _text = text;
        _tokens = Lexer.Tokenize(text);
    }

    /// <summary>Parses the whole text; throws <see cref="SyntaxErrorException"/> at the first error.</summary>
    public static SyntaxNode Parse(string text)
    {
        var parser = new Parser(text);
        var node = parser.ParseExpression();
        if (parser.Current.Kind != TokenKind.End)
            throw parser.Unexpected();
        return node;
    }

    private Token Current => _tokens[_index];

    private Token Advance() => _tokens[_index++];

    private bool TakeSymbol(string symbol)
    {
        if (!Current.IsSymbol(symbol))
            return false;
        _index++;
        return true;
    }

    private bool TakeKeyword(string keyword)
    {
        if (!Current.IsKeyword(keyword))
            return false;
        _index++;
        return true;
    }

    private void ExpectSymbol(string symbol)
    {
        if (!TakeSymbol(symbol))
            throw Unexpected();
    }

    private SyntaxErrorException Unexpected()
    {
        var token = Current;
        var what = token.Kind == TokenKind.End
            ? "unexpected end"
            : $"unexpected '{_text.Substring(token.Start, token.Length)}'";
        return new SyntaxErrorException(what, token.Start);
    }

    /// <summary>Deepest nesting of parentheses and prefix operators; the limit is the same in every
    /// build, and deep input fails as a problem, never as a stack overflow that would end the process.</summary>
    public const int MaxNesting = 200;

    private int _depth;

    private void Enter()
    {
        if (++_depth > MaxNesting) throw new InsufficientExecutionStackException();
        RuntimeHelpers.EnsureSufficientExecutionStack();
    }

    private SyntaxNode ParseExpression()
    {
        Enter();
        try { return ParseExpressionCore(); }
        finally { _depth--; }
    }

    private SyntaxNode ParseExpressionCore()
    {
        var then = ParseOr();
        if (!TakeKeyword("if"))
            return then;
        var condition = ParseOr();
        if (!TakeKeyword("else"))
            throw Unexpected();
        var otherwise = ParseExpression();
        return new ConditionalNode(then, condition, otherwise);
    }

    private SyntaxNode ParseOr()
    {
        var left = ParseAnd();
        while (TakeKeyword("or"))
            left = new BinaryNode(BinaryOperator.Or, left, ParseAnd());
        return left;
    }

    private SyntaxNode ParseAnd()
    {
        var left = ParseNot();
        while (TakeKeyword("and"))
            left = new BinaryNode(BinaryOperator.And, left, ParseNot());
        return left;
    }

    private SyntaxNode ParseNot()
    {
        Enter();
        try { return ParseNotCore(); }
        finally { _depth--; }
    }

    private SyntaxNode ParseNotCore()
    {
        var start = Current.Start;
        return TakeKeyword("not") ? new UnaryNode(UnaryOperator.Not, ParseNot(), start) : ParseComparison();
    }

    private SyntaxNode ParseComparison()
    {
        var first = ParseSum();
        List<(CompareOperator, SyntaxNode)>? rest = null;
        while (TryCompareOperator(out var op))
        {
            _index++;
            (rest ??= []).Add((op, ParseSum()));
        }

        return rest is null ? first : new CompareNode(first, rest);
    }

    private bool TryCompareOperator(out CompareOperator op)
    {
        op = default;
        if (Current.Kind != TokenKind.Symbol)
            return false;
        switch (Current.Text)
        {
            case "<": op = CompareOperator.Less; return true;
            case "<=": op = CompareOperator.LessOrEqual; return true;
            case ">": op = CompareOperator.Greater; return true;
            case ">=": op = CompareOperator.GreaterOrEqual; return true;
            case "==": op = CompareOperator.Equal; return true;
            case "!=": op = CompareOperator.NotEqual; return true;
            default: return false;
        }
    }

    private SyntaxNode ParseSum()
    {
        var left = ParseTerm();
        while (true)
        {
            if (TakeSymbol("+"))
                left = new BinaryNode(BinaryOperator.Add, left, ParseTerm());
            else if (TakeSymbol("-"))
                left = new BinaryNode(BinaryOperator.Subtract, left, ParseTerm());
            else
                return left;
        }
    }

    private SyntaxNode ParseTerm()
    {
        var left = ParseFactor();
        while (true)
        {
            BinaryOperator op;
            if (TakeSymbol("*")) op = BinaryOperator.Multiply;
            else if (TakeSymbol("/")) op = BinaryOperator.Divide;
            else if (TakeSymbol("//")) op = BinaryOperator.FloorDivide;
            else if (TakeSymbol("%")) op = BinaryOperator.Modulo;
            else return left;
            left = new BinaryNode(op, left, ParseFactor());
        }
    }

    private SyntaxNode ParseFactor()
    {
        Enter();
        try { return ParseFactorCore(); }
        finally { _depth--; }
    }

    private SyntaxNode ParseFactorCore()
    {
        var start = Current.Start;
        if (TakeSymbol("-"))
            return new UnaryNode(UnaryOperator.Negate, ParseFactor(), start);
        if (TakeSymbol("+"))
            return ParseFactor();
        return ParsePower();
    }

    private SyntaxNode ParsePower()
    {
        var bottom = ParsePrimary();
        // Right-associative, and the exponent may carry its own sign: 2 ** -1, 2 ** 3 ** 2.
        return TakeSymbol("**") ? new BinaryNode(BinaryOperator.Power, bottom, ParseFactor()) : bottom;
    }

    private SyntaxNode ParsePrimary()
    {
        var node = ParseAtom();
        while (true)
        {
            var start = Current.Start;
            if (TakeSymbol("("))
                node = new CallNode(node, ParseArguments());
            else if (TakeSymbol("["))
            {
                var index = ParseExpression();
                ExpectSymbol("]");
                node = new IndexNode(node, index);
            }
            else if (TakeSymbol("."))
            {
                if (Current.Kind != TokenKind.Name)
                    throw Unexpected();
                node = new AttributeNode(node, Advance().Text, start);
            }
            else
                return node;
        }
    }

    private List<SyntaxNode> ParseArguments()
    {
        var arguments = new List<SyntaxNode>();
        while (!TakeSymbol(")"))
        {
            arguments.Add(ParseExpression());
            if (!TakeSymbol(","))
            {
                ExpectSymbol(")");
                break;
            }
        }

        return arguments;
    }

    private SyntaxNode ParseAtom()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                _index++;
                return new NumberNode(token.Number, token.Start);
            case TokenKind.Name:
                _index++;
                return token.Text switch
                {
                    "True" or "true" => new NumberNode(1, token.Start),
                    "False" or "false" => new NumberNode(0, token.Start),
                    _ => new NameNode(token.Text, token.Start),
                };
            case TokenKind.Symbol when token.Text == "(":
                _index++;
                var inner = ParseExpression();
                ExpectSymbol(")");
                return inner;
            case TokenKind.Symbol when token.Text == "[":
                _index++;
                return ParseListRest(token.Start);
            default:
                throw Unexpected();
        }
    }

    private SyntaxNode ParseListRest(int start)
    {
        var items = new List<SyntaxNode>();
        if (TakeSymbol("]"))
            return new ListNode(items, start);

        var first = ParseExpression();
        if (TakeKeyword("for"))
        {
            if (Current.Kind != TokenKind.Name)
                throw Unexpected();
            var variable = Advance().Text;
            if (!TakeKeyword("in"))
                throw Unexpected();
            var source = ParseOr();
            ExpectSymbol("]");
            return new ComprehensionNode(first, variable, source, start);
        }

        items.Add(first);
        while (TakeSymbol(","))
        {
            if (Current.IsSymbol("]"))
                break;
            items.Add(ParseExpression());
        }

        ExpectSymbol("]");
        return new ListNode(items, start);
    }
}
