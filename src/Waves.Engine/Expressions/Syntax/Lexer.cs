using System.Globalization;

namespace Waves.Engine.Expressions.Syntax;

/// <summary>Splits an expression into tokens. <c>$name</c> lexes as <c>name</c> (the `$` sugar),
/// <c>c#4</c> as one name (a sharp note), and any other <c>#</c> starts a comment, as in Python.</summary>
internal static class Lexer
{
    private static readonly HashSet<string> Keywords = ["and", "or", "not", "if", "else", "for", "in"];

    // Longest first, so "**" wins over "*".
    private static readonly string[] Symbols =
        ["**", "//", "==", "!=", "<=", ">=", "+", "-", "*", "/", "%", "<", ">", "(", ")", "[", "]", ",", "."];

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (true)
        {
            i = SkipBlanksAndComments(text, i);
            if (i >= text.Length)
            {
                tokens.Add(new Token(TokenKind.End, "", text.Length, 0));
                return tokens;
            }

            var token = Next(text, i);
            tokens.Add(token);
            i += token.Length;
        }
    }

    private static int SkipBlanksAndComments(string text, int i)
    {
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
                i++;
            else if (text[i] == '#')
                while (i < text.Length && text[i] != '\n')
                    i++;
            else
                break;
        }

        return i;
    }

    private static Token Next(string text, int start)
    {
        var c = text[start];
        if (char.IsAsciiDigit(c) || (c == '.' && start + 1 < text.Length && char.IsAsciiDigit(text[start + 1])))
            return LexNumber(text, start);
        if (IsNameStart(c))
            return LexName(text, start, start);
        if (c == '$')
        {
            return start + 1 < text.Length && IsNameStart(text[start + 1])
                ? LexName(text, start, start + 1)
                : new Token(TokenKind.Invalid, "$", start, 1);
        }

        foreach (var symbol in Symbols)
            if (string.CompareOrdinal(text, start, symbol, 0, symbol.Length) == 0)
                return new Token(TokenKind.Symbol, symbol, start, symbol.Length);

        return new Token(TokenKind.Invalid, c.ToString(), start, 1);
    }

    private static Token LexName(string text, int start, int nameStart)
    {
        var i = nameStart + 1;
        // A sharp note name: the '#' directly after a note letter, before the octave digit.
        if (IsNoteLetter(text[nameStart]) && i + 1 < text.Length && text[i] == '#' && char.IsAsciiDigit(text[i + 1]))
            i++;
        while (i < text.Length && IsNamePart(text[i]))
            i++;

        var name = text[nameStart..i];
        var isSugar = nameStart != start;
        var kind = !isSugar && Keywords.Contains(name) ? TokenKind.Keyword : TokenKind.Name;
        return new Token(kind, name, start, i - start);
    }

    private static Token LexNumber(string text, int start)
    {
        var i = SkipDigits(text, start);
        if (i < text.Length && text[i] == '.')
            i = SkipDigits(text, i + 1);
        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            var j = i + 1;
            if (j < text.Length && (text[j] == '+' || text[j] == '-'))
                j++;
            if (j < text.Length && char.IsAsciiDigit(text[j]))
                i = SkipDigits(text, j);
        }

        var literal = text[start..i];
        // Python allows '_' between digits (1_000).
        var value = double.Parse(literal.Replace("_", ""), NumberStyles.Float, CultureInfo.InvariantCulture);
        return new Token(TokenKind.Number, literal, start, i - start, value);
    }

    private static int SkipDigits(string text, int i)
    {
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || (text[i] == '_' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))))
            i++;
        return i;
    }

    private static bool IsNameStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private static bool IsNamePart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static bool IsNoteLetter(char c) => c is >= 'a' and <= 'g' or >= 'A' and <= 'G';
}
