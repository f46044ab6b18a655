namespace Waves.Engine.Patching;

/// <summary>A place in a sound file: 1-based line and column, as editors count them.</summary>
public readonly record struct SourcePos(string File, int Line, int Column)
{
    public static readonly SourcePos None = new("<none>", 0, 0);

    /// <summary>The position <paramref name="columns"/> characters further on the same line.</summary>
    public SourcePos Offset(int columns) => this with { Column = Column + columns };

    public override string ToString() => $"{File}:{Line}:{Column}";
}
