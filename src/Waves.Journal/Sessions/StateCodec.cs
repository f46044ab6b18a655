using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json.Nodes;
using Waves.Engine.Rendering;
using Waves.Journal.Events;

namespace Waves.Journal.Sessions;

/// <summary>
/// Node states to and from the journal: every public field of a state class, by name, as JSON
/// numbers, booleans, strings and arrays of them (enums as their numbers). A state of a type this
/// engine does not know, or whose fields differ, is refused (the render version guards against
/// replaying such a journal at all). Written without the reflection-based serializer, so the
/// natively compiled program journals the same way.
/// </summary>
public static class StateCodec
{
    // NodeState keeps its public fields and constructor in trimmed builds (its annotation), and every
    // state type is constructed by the node that binds it, so none is trimmed away.
    static readonly Dictionary<string, Type> Types = StateTypes();

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "NodeState subclasses are kept: each is constructed by its node.")]
    static Dictionary<string, Type> StateTypes() => typeof(NodeState).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(NodeState)) && !t.IsAbstract)
        .ToDictionary(t => t.Name);

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "NodeState's annotation keeps the public fields of every state type.")]
    static FieldInfo[] Fields(Type t) => t.GetFields(BindingFlags.Public | BindingFlags.Instance);

    public static IReadOnlyList<NodeStateRecord> Encode(StateSnapshot snapshot) =>
        [.. snapshot.States.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv =>
        {
            var o = new JsonObject();
            foreach (var f in Fields(kv.Value.GetType()))
                o[f.Name] = ToJson(f.GetValue(kv.Value), f.FieldType);
            return new NodeStateRecord(kv.Key, kv.Value.GetType().Name, o.ToJsonString());
        })];

    [UnconditionalSuppressMessage("Trimming", "IL2067", Justification = "NodeState's annotation keeps the parameterless constructor of every state type.")]
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
                f.SetValue(state, FromJson(v, f.FieldType, r.Id, f.Name));
            }
            states[r.Id] = state;
        }
        return new StateSnapshot(states);
    }

    /// <summary>True when a state field of type <paramref name="t"/> can be journaled.</summary>
    public static bool Supports(Type t) =>
        t.IsEnum || Scalars.Contains(t) || t.IsArray && t.GetArrayRank() == 1 && Supports(t.GetElementType()!);

    static readonly HashSet<Type> Scalars = [typeof(bool), typeof(int), typeof(long), typeof(ulong), typeof(float), typeof(double), typeof(string)];

    static JsonNode? ToJson(object? value, Type type) => value switch
    {
        null => null,
        Enum e => JsonValue.Create(Convert.ToInt64(e, System.Globalization.CultureInfo.InvariantCulture)),
        bool b => JsonValue.Create(b),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        ulong u => JsonValue.Create(u),
        float f => JsonValue.Create(f),
        double d => JsonValue.Create(d),
        string s => JsonValue.Create(s),
        Array a when type.IsArray => new JsonArray([.. a.Cast<object?>().Select(x => ToJson(x, type.GetElementType()!))]),
        _ => throw new NotSupportedException($"a node state field of type {type.Name} cannot be journaled"),
    };

    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Arrays of the journaled element types (value types and string) exist in every build.")]
    static object? FromJson(JsonNode? node, Type type, string id, string field)
    {
        if (node is null) return type.IsValueType ? throw new InvalidDataException($"state '{id}' has null '{field}'") : null;
        if (type.IsEnum) return Enum.ToObject(type, node.GetValue<long>());
        if (type.IsArray)
        {
            var items = node.AsArray();
            var array = Array.CreateInstanceFromArrayType(type, items.Count);
            for (var i = 0; i < items.Count; i++) array.SetValue(FromJson(items[i], type.GetElementType()!, id, field), i);
            return array;
        }
        if (type == typeof(bool)) return node.GetValue<bool>();
        if (type == typeof(int)) return node.GetValue<int>();
        if (type == typeof(long)) return node.GetValue<long>();
        if (type == typeof(ulong)) return node.GetValue<ulong>();
        if (type == typeof(float)) return node.GetValue<float>();
        if (type == typeof(double)) return node.GetValue<double>();
        if (type == typeof(string)) return node.GetValue<string>();
        throw new InvalidDataException($"state '{id}': field '{field}' of type {type.Name} cannot be read from the journal");
    }
}
