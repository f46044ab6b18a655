namespace Waves.Engine.Expressions.Syntax;

internal enum TokenKind { Number, Name, Keyword, Symbol, Invalid, End }

/// <summary>A lexed token. <see cref="Start"/>/<see cref="Length"/> cover the source text as written
/// (a <c>$name</c> token includes its <c>$</c>), while <see cref="Text"/> is what it means.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Start, int Length, double Number = 0)
{
    public bool Is(TokenKind kind, string text) => Kind == kind && Text == text;

    public bool IsSymbol(string text) => Is(TokenKind.Symbol, text);

    public bool IsKeyword(string text) => Is(TokenKind.Keyword, text);
}
