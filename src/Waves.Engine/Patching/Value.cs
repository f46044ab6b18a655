using System.Collections.Immutable;

namespace Waves.Engine.Patching;

/// <summary>A parameter value of a node spec: immutable, with the position it was written at.</summary>
public abstract record Value(SourcePos Pos)
{
    /// <summary>A literal number (YAML booleans are 1 and 0).</summary>
    public sealed record Number(double V, SourcePos Pos) : Value(Pos);

    /// <summary>Text: an expression where a wave is expected, a name or path elsewhere.
    /// <see cref="TextPos"/> is the position of its first character.</summary>
    public sealed record Text(string V, SourcePos Pos, SourcePos TextPos) : Value(Pos)
    {
        /// <summary>Written over several lines: problems inside it are reported at its start.</summary>
        public bool MultiLine { get; init; }
    }

    /// <summary>A list: an interpolation list where a wave is expected.</summary>
    public sealed record List(ImmutableArray<Value> Items, SourcePos Pos) : Value(Pos);

    /// <summary>A node written in place.</summary>
    public sealed record Node(NodeSpec Spec) : Value(Spec.Pos);

    /// <summary>A mapping that is not a node (e.g. a monitor's options).</summary>
    public sealed record Map(RawMapping Raw) : Value(Raw.Pos);

    public sealed record Null(SourcePos Pos) : Value(Pos);

    /// <summary>Something that could not be read (its problem is already reported); compiles to nothing.</summary>
    public sealed record Invalid(SourcePos Pos) : Value(Pos);

    public string Describe() => this switch
    {
        Number n => $"number {n.V}",
        Text t => $"text '{t.V}'",
        List => "a list",
        Node n => $"a '{n.Spec.Type}' node",
        Map => "a mapping",
        _ => "nothing",
    };
}
