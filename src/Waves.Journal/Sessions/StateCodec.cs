using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Waves.Engine.Rendering;
using Waves.Journal.Events;

namespace Waves.Journal.Sessions;

/// <summary>
/// Node states to and from the journal: every public field of a state class, by name. A state
/// of a type this engine does not know, or whose fields differ, is refused (the render version
/// guards against replaying such a journal at all).
/// </summary>
public static class StateCodec
{
    static readonly Dictionary<string, Type> Types = typeof(NodeState).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(NodeState)) && !t.IsAbstract)
        .ToDictionary(t => t.Name);

    static FieldInfo[] Fields(Type t) => t.GetFields(BindingFlags.Public | BindingFlags.Instance);

    public static IReadOnlyList<NodeStateRecord> Encode(StateSnapshot snapshot) =>
        [.. snapshot.States.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv =>
        {
            var o = new JsonObject();
            foreach (var f in Fields(kv.Value.GetType()))
                o[f.Name] = JsonSerializer.SerializeToNode(f.GetValue(kv.Value), f.FieldType);
            return new NodeStateRecord(kv.Key, kv.Value.GetType().Name, o.ToJsonString());
        })];

    public static StateSnapshot Decode(IReadOnlyList<NodeStateRecord> records)
    {
        var states = new Dictionary<string, NodeState>(StringComparer.Ordinal);
        foreach (var r in records)
        {
            if (!Types.TryGetValue(r.Type, out var type)) throw new InvalidDataException($"unknown node state type '{r.Type}'");
            var state = (NodeState)Activator.CreateInstance(type)!;
            var o = JsonNode.Parse(r.Fields)!.AsObject();
            foreach (var f in Fields(type))
            {
                if (!o.TryGetPropertyValue(f.Name, out var v)) throw new InvalidDataException($"state '{r.Id}' lacks '{f.Name}'");
                f.SetValue(state, v.Deserialize(f.FieldType));
            }
            states[r.Id] = state;
        }
        return new StateSnapshot(states);
    }
}
