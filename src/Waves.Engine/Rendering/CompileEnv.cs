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

    /// <summary>The session's live sources, which <c>input</c> and the MIDI nodes read.</summary>
    public SessionInputs Inputs { get; init; } = SessionInputs.None;

    /// <summary>The patch being replaced, when this compile is a reload.</summary>
    public PreviousPatch? Previous { get; init; }

    /// <summary>Length of the declick fade at a node whose parameters changed (0: none).</summary>
    public int FadeFrames { get; init; }

    /// <summary>Ids whose parameters changed (filled while compiling a reload).</summary>
    public List<string> Retuned { get; } = [];

    public List<Problem> Problems { get; } = [];

    /// <summary>The monitored nodes, in compile order (filled while compiling).</summary>
    public List<PatchMonitor> Monitors { get; } = [];

    /// <summary>Every node id of the tree being compiled (explicit and path ids): what <c>$id</c> and
    /// <c>reference</c> may name.</summary>
    public IReadOnlySet<string> Ids { get; init; } = new HashSet<string>();

    /// <summary>The explicit ids among <see cref="Ids"/> (inside a sub-patch, prefixed with the use's path).</summary>
    public IReadOnlySet<string> ExplicitIds { get; init; } = new HashSet<string>();

    /// <summary>The node compiled for each id: what <see cref="CompileScope.CompileNode"/> returned
    /// (declick and monitor included). The first node wins where one id is written twice.</summary>
    internal Dictionary<string, Signal> Compiled { get; } = new(StringComparer.Ordinal);

    /// <summary>For each id of <see cref="Compiled"/>, the nodes above it that fill names it may read
    /// (outermost first): a reference renders them before the node it reads.</summary>
    internal Dictionary<string, IReadOnlyList<string>> Providers { get; } = new(StringComparer.Ordinal);

    /// <summary>References waiting for the whole tree; shared with the compiles of old versions in a reload.</summary>
    internal ReferenceLinks Links { get; init; } = new();

    /// <summary>For the compile of a node's old version in a reload: the compile of the new patch,
    /// whose nodes its references read when its own tree lacks the id.</summary>
    internal CompileEnv? Outer { get; init; }

    /// <summary>Whether the node of an id is stereo, learnt by an earlier pass, for a <c>reference</c>
    /// compiled before its target.</summary>
    internal IReadOnlyDictionary<string, bool> Layouts { get; init; } = new Dictionary<string, bool>();

    public void Error(SourcePos pos, string message) => Problems.Add(Problem.Error(pos, message));
    public void Warning(SourcePos pos, string message) => Problems.Add(Problem.Warning(pos, message));
}

/// <summary>What a reload compiles against: the running patch's specs by id, its live states and vars.</summary>
public sealed class PreviousPatch(Patch patch, IReadOnlyDictionary<string, RawNode> vars)
{
    public Patch Patch { get; } = patch;
    public IReadOnlyDictionary<string, NodeSpec> Specs { get; } = SpecComparer.ById(patch.Spec);
    public IReadOnlyDictionary<string, RawNode> Vars { get; } = vars;

    internal IReadOnlySet<string> Ids => ids ??= Specs.Keys.ToHashSet(StringComparer.Ordinal);
    internal IReadOnlySet<string> ExplicitIds => explicitIds ??= Specs.Values.Where(s => s.ExplicitId).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
    HashSet<string>? ids, explicitIds;
}
