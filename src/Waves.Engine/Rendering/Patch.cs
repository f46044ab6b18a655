using Waves.Engine.Nodes;
using Waves.Engine.Patching;

namespace Waves.Engine.Rendering;

/// <summary>What a reload changed: ids that start fresh, ids whose state was let go, and ids whose
/// own parameters changed (they keep their state and are declicked).</summary>
public sealed record PatchChanges(IReadOnlyList<string> Added, IReadOnlyList<string> Removed, IReadOnlyList<string> Retuned)
{
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && Retuned.Count == 0;

    public override string ToString() => IsEmpty ? "no change" :
        string.Join("; ", new[] { ("added", Added), ("removed", Removed), ("retuned", Retuned) }
            .Where(x => x.Item2.Count > 0).Select(x => $"{x.Item1} {string.Join(", ", x.Item2)}"));
}

/// <summary>
/// A compiled sound: the node plan (never changed once published) and the states it is bound
/// to, by id. The render thread takes it whole at a block boundary.
/// </summary>
public sealed class Patch(Signal root, NodeSpec spec, IReadOnlyDictionary<string, NodeState> states, RenderSettings settings,
    int revision = 1, PatchChanges? changes = null, IReadOnlyDictionary<string, RawNode>? vars = null,
    IReadOnlyList<PatchMonitor>? monitors = null)
{
    public Signal Root { get; } = root;
    public NodeSpec Spec { get; } = spec;

    /// <summary>Every node id of the running patch with the state it holds.</summary>
    public IReadOnlyDictionary<string, NodeState> States { get; } = states;

    public RenderSettings Settings { get; } = settings;
    public int Channels => Root.IsStereo ? 2 : 1;

    /// <summary>1 for the first compile, then one more per accepted reload.</summary>
    public int Revision { get; } = revision;

    public PatchChanges Changes { get; } = changes ?? new PatchChanges([], [], []);

    /// <summary>The library vars this patch was compiled with.</summary>
    public IReadOnlyDictionary<string, RawNode> Vars { get; } = vars ?? new Dictionary<string, RawNode>();

    /// <summary>The nodes written with <c>monitor:</c>, in compile order, with the levels the render thread writes.</summary>
    public IReadOnlyList<PatchMonitor> Monitors { get; } = monitors ?? [];

    /// <summary>Fresh values for every state, prepared when compiled, so that the render thread can
    /// restart the sound (a loop) without allocating.</summary>
    public StateWrite Restart { get; } = new([.. states.Values.Select(s => (s, s.Fresh()))]);

    /// <summary>The same plan under another revision number.</summary>
    public Patch WithRevision(int revision) => new(Root, Spec, States, Settings, revision, Changes, Vars, Monitors);

    /// <summary>The ids of every stateful node.</summary>
    public IEnumerable<string> Ids => States.Keys;

    /// <summary>Session frame at which the render thread swapped this patch in (−1 until then).</summary>
    public long AppliedFrame { get; internal set; } = -1;

    /// <summary>When the render thread swapped this patch in (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>; 0 until then).</summary>
    public long AppliedAt { get; internal set; }

    /// <summary>A copy of every state (allocates: take it when the patch is not rendering, or through
    /// <see cref="Renderer.RequestCapture"/> at a block boundary).</summary>
    public StateSnapshot Capture() => new(States.ToDictionary(kv => kv.Key, kv => kv.Value.Clone()));

    /// <summary>The mix whose tracks are the stems: the root, or the first mix under a chain of
    /// pass-through nodes (context …); null when the sound is not an explicit mix.</summary>
    public Mix? StemMix
    {
        get
        {
            for (Signal? s = Root; s is not null; s = s.PassThrough)
                if (s is Mix m) return m;
            return null;
        }
    }
}

/// <summary>Node states by id, copied at a block boundary.</summary>
public sealed class StateSnapshot(IReadOnlyDictionary<string, NodeState> states)
{
    public IReadOnlyDictionary<string, NodeState> States { get; } = states;

    /// <summary>The states as an array, for the render thread to walk without an enumerator.</summary>
    internal KeyValuePair<string, NodeState>[] Entries { get; } = [.. states];

    /// <summary>Session frame the copy was taken at (−1 when not taken by a renderer).</summary>
    public long Frame { get; internal set; } = -1;

    /// <summary>An empty snapshot shaped like <paramref name="patch"/>'s states, for the render thread to fill.</summary>
    public static StateSnapshot ShapedLike(Patch patch) =>
        new(patch.States.ToDictionary(kv => kv.Key, kv => kv.Value.Blank()));
}
