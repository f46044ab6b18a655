using Waves.Engine.Nodes;
using Waves.Engine.Patching;

namespace Waves.Engine.Rendering;

/// <summary>
/// A compiled sound: the node plan (never changed once published) and the states it is bound
/// to, by id. The render thread takes it whole at a block boundary.
/// </summary>
public sealed class Patch(Signal root, NodeSpec spec, IReadOnlyDictionary<string, NodeState> states, RenderSettings settings)
{
    public Signal Root { get; } = root;
    public NodeSpec Spec { get; } = spec;
    public IReadOnlyDictionary<string, NodeState> States { get; } = states;
    public RenderSettings Settings { get; } = settings;
    public int Channels => Root.IsStereo ? 2 : 1;

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
