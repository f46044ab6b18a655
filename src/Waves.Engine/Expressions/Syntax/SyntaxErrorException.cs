namespace Waves.Engine.Expressions.Syntax;

/// <summary>Stops parsing at the first syntax error; the compiler turns it into a problem.</summary>
internal sealed class SyntaxErrorException(string detail, int offset) : Exception(detail)
{
    public string Detail { get; } = detail;

    public int Offset { get; } = offset;
}
