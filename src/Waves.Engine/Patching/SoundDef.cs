namespace Waves.Engine.Patching;

/// <summary>A sound as written in the library: its name, file and raw definition.</summary>
public sealed record SoundDef(string Name, string File, RawNode Definition, SourcePos Pos);

/// <summary>A built sound: its spec tree (null when it has errors) and every problem found.</summary>
public sealed record BuildResult(NodeSpec? Spec, IReadOnlyList<Problem> Problems)
{
    public bool Ok => Spec is not null && !Problems.Any(p => p.IsError);
}
