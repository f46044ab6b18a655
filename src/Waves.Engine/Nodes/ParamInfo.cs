using System.Collections.Immutable;

namespace Waves.Engine.Nodes;

/// <summary>What a parameter accepts.</summary>
public enum ParamKind
{
    /// <summary>A literal number.</summary>
    Number,
    /// <summary>A number, an interpolation list, an expression or a node, applied per sample.</summary>
    Wave,
    /// <summary>Expression text (or a number).</summary>
    Expression,
    /// <summary>A node.</summary>
    Node,
    /// <summary>A list of values.</summary>
    List,
    /// <summary>One of a fixed set of words.</summary>
    Enum,
    /// <summary>Free text (a name, a path).</summary>
    String,
    /// <summary>true/false.</summary>
    Bool,
    /// <summary>Anything (options the engine does not interpret yet, such as monitor).</summary>
    Any,
}

/// <summary>One parameter of a node type: the single description that validation, generators,
/// the JSON schema and the documentation all read.</summary>
public sealed record ParamInfo(string Name, ParamKind Kind, string Doc)
{
    public double? Default { get; init; }
    public string? DefaultText { get; init; }
    public double? Min { get; init; }
    public double? Max { get; init; }
    public ImmutableArray<string> Choices { get; init; } = [];

    /// <summary>Other names that mean the same choice (e.g. <c>lp</c> for <c>lowpass</c>).</summary>
    public ImmutableDictionary<string, string> Aliases { get; init; } = ImmutableDictionary<string, string>.Empty;
}
