using Waves.Engine.Patching;

namespace Waves.Engine.Rendering;

/// <summary>What one compile of a patch is bound to: rates, sizes, seed, the state to adopt, the
/// library's vars, and where problems go.</summary>
public sealed class CompileEnv
{
    public required int SampleRate { get; init; }
    public required int MaxBlock { get; init; }
    public required ulong Seed { get; init; }
    public required StateStore States { get; init; }
    public IReadOnlyDictionary<string, RawNode> Vars { get; init; } = new Dictionary<string, RawNode>();

    /// <summary>Folder that relative sample paths resolve against first (the project root).</summary>
    public string ProjectRoot { get; init; } = ".";

    public List<Problem> Problems { get; } = [];

    public void Error(SourcePos pos, string message) => Problems.Add(Problem.Error(pos, message));
    public void Warning(SourcePos pos, string message) => Problems.Add(Problem.Warning(pos, message));
}
