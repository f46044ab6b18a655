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

    /// <summary>The patch being replaced, when this compile is a reload.</summary>
    public PreviousPatch? Previous { get; init; }

    /// <summary>Length of the declick fade at a node whose parameters changed (0: none).</summary>
    public int FadeFrames { get; init; }

    /// <summary>Ids whose parameters changed (filled while compiling a reload).</summary>
    public List<string> Retuned { get; } = [];

    public List<Problem> Problems { get; } = [];

    /// <summary>The monitored nodes, in compile order (filled while compiling).</summary>
    public List<PatchMonitor> Monitors { get; } = [];

    public void Error(SourcePos pos, string message) => Problems.Add(Problem.Error(pos, message));
    public void Warning(SourcePos pos, string message) => Problems.Add(Problem.Warning(pos, message));
}

/// <summary>What a reload compiles against: the running patch's specs by id, its live states and vars.</summary>
public sealed class PreviousPatch(Patch patch, IReadOnlyDictionary<string, RawNode> vars)
{
    public Patch Patch { get; } = patch;
    public IReadOnlyDictionary<string, NodeSpec> Specs { get; } = SpecComparer.ById(patch.Spec);
    public IReadOnlyDictionary<string, RawNode> Vars { get; } = vars;
}
