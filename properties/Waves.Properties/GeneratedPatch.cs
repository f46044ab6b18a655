namespace Waves.Properties;

/// <summary>A generated sound: the tree and its YAML text. <see cref="ToString"/> is the YAML,
/// so a failing property shows the counter-example as a sound file that can be pasted and played.</summary>
public sealed class GeneratedPatch(PNode root)
{
    /// <summary>The name of the one sound in the generated file.</summary>
    public const string SoundName = "p";

    public PNode Root { get; } = root;

    public string Yaml { get; } = PatchYaml.Write(SoundName, root);

    public override string ToString() => "\n" + Yaml;
}

/// <summary>A generated sound that contains an audible, unseeded <c>osc: {type: noise}</c> track.</summary>
public sealed class NoisyPatch(GeneratedPatch patch)
{
    public GeneratedPatch Patch { get; } = patch;

    public override string ToString() => Patch.ToString();
}

/// <summary>How to render: two block sizes and a session seed.</summary>
public sealed record RenderChoice(int BlockA, int BlockB, ulong Seed)
{
    public override string ToString() => $"block sizes {BlockA} and {BlockB}, seed {Seed}";
}
