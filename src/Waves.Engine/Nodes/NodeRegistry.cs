using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Waves.Engine.Nodes;

/// <summary>Every node type: the one description read by validation, the compiler, the property
/// generators, the JSON schema and the documentation.</summary>
public static class NodeRegistry
{
    /// <summary>Parameters every node has.</summary>
    public static readonly ImmutableArray<ParamInfo> BaseParams =
    [
        new("duration", ParamKind.Number, "lifetime in seconds; also the span of interpolation lists below") { Min = 0 },
        new("id", ParamKind.String, "explicit identity: the state key of this node"),
        new("is_pass_through", ParamKind.Bool, "marks a wrapper that forwards its signal"),
        new("monitor", ParamKind.Any, "show a meter for this node while playing"),
    ];

    /// <summary>Node types of the language (keys are exact and lowercase); a registered type
    /// shadows a sound of the same name.</summary>
    public static readonly FrozenSet<string> LanguageTypes = new[]
    {
        "automation", "buffer", "osc", "sequencer", "delay", "retrigger", "filter", "shuffle", "map",
        "smooth", "snap", "select", "spawn", "tempo", "invert", "sample", "envelope", "expression",
        "context", "midi_in", "midi_cc", "midi_out", "mix", "multiply", "reference", "hold", "glide",
        "follow", "input", "interval", "pitch", "track",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The node types this engine renders.</summary>
    public static readonly FrozenDictionary<string, NodeInfo> Implemented = new[]
    {
        Oscillator.Info, Envelope.Info, Mix.Info, Track.Info, Context.Info, ExpressionNode.Info,
        Filter.Info, Delay.Info, Map.Info,
        Reference.Info,
        Tempo.Info, Sequencer.Info,
        Smooth.Info, Select.Info, Snap.Info, Hold.Info, Glide.Info, Interval.Info, Automation.Info, Multiply.Info, Follow.Info, Retrigger.Info, Spawn.Info,
        Sample.Info, Buffer.Info, Shuffle.Info, Pitch.Info, Invert.Info,
        MidiIn.Info, MidiCc.Info, MidiOut.Info,
        Input.Info,
    }.ToFrozenDictionary(i => i.Key, StringComparer.Ordinal);

    public static bool IsNodeType(string key) => LanguageTypes.Contains(key);
}
