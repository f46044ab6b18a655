using System.Collections.Immutable;

namespace Waves.Engine.Patching;

/// <summary>A YAML node as written, with its position: the input of spec building.</summary>
public abstract record RawNode(SourcePos Pos);

/// <summary>A scalar. <paramref name="Plain"/> is false for quoted and block scalars, which are always text.</summary>
public sealed record RawScalar(string Text, bool Plain, SourcePos Pos) : RawNode(Pos)
{
    /// <summary>True when the scalar spans several lines of the file (its line breaks were folded),
    /// so offsets within its text are not columns.</summary>
    public bool MultiLine { get; init; }

    /// <summary>Position of the first character of the text (after an opening quote).</summary>
    public SourcePos TextPos => Plain ? Pos : Pos.Offset(1);
}

public sealed record RawSequence(ImmutableArray<RawNode> Items, SourcePos Pos) : RawNode(Pos);

public sealed record RawEntry(RawScalar Key, RawNode Value);

/// <summary>A mapping in key order; duplicate keys were resolved (last wins) when it was read.</summary>
public sealed record RawMapping(ImmutableArray<RawEntry> Entries, SourcePos Pos) : RawNode(Pos)
{
    public RawNode? Get(string key)
    {
        foreach (var e in Entries)
            if (e.Key.Text == key) return e.Value;
        return null;
    }
}
