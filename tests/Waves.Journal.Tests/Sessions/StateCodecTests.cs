using System.Collections;
using System.Reflection;
using Waves.Engine.Rendering;
using Waves.Journal.Sessions;

namespace Waves.Journal.Tests.Sessions;

/// <summary>Every node state type of the engine goes through the journal and comes back field for field.</summary>
public sealed class StateCodecTests
{
    public static TheoryData<string> StateTypes() =>
        [.. typeof(NodeState).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(NodeState)) && !t.IsAbstract).Select(t => t.FullName!)];

    [Theory]
    [MemberData(nameof(StateTypes))]
    public void EveryField_OfEveryStateType_RoundTripsThroughTheJournal(string typeName)
    {
        var type = typeof(NodeState).Assembly.GetType(typeName)!;
        var fields = type.GetFields(BindingFlags.Public | BindingFlags.Instance);
        var state = (NodeState)Activator.CreateInstance(type)!;
        for (var i = 0; i < fields.Length; i++)
        {
            Assert.True(StateCodec.Supports(fields[i].FieldType), $"{type.Name}.{fields[i].Name} is a {fields[i].FieldType.Name}, which the journal cannot hold");
            fields[i].SetValue(state, Sample(fields[i].FieldType, i + 1));
        }
        var back = StateCodec.Decode(StateCodec.Encode(new StateSnapshot(new Dictionary<string, NodeState> { ["n"] = state }))).States["n"];
        Assert.IsType(type, back);
        foreach (var f in fields)
        {
            var (want, got) = (f.GetValue(state), f.GetValue(back));
            if (want is IEnumerable a and not string) Assert.Equal(a.Cast<object>(), ((IEnumerable)got!).Cast<object>());
            else Assert.Equal(want, got);
        }
    }

    /// <summary>A value of <paramref name="t"/> that is not its default and differs per field.</summary>
    static object? Sample(Type t, int k)
    {
        if (t.IsEnum) { var values = Enum.GetValues(t); return values.GetValue(values.Length - 1); }
        if (t.IsArray)
        {
            var a = Array.CreateInstance(t.GetElementType()!, 3);
            for (var i = 0; i < 3; i++) a.SetValue(Sample(t.GetElementType()!, k + i), i);
            return a;
        }
        return Type.GetTypeCode(t) switch
        {
            TypeCode.Boolean => true,
            TypeCode.Int32 => -7 * k,
            TypeCode.Int64 => 1L << 40 | (long)k,
            TypeCode.UInt64 => ulong.MaxValue - (ulong)k,
            TypeCode.Single => 0.1f * k,
            TypeCode.Double => Math.PI * k,
            TypeCode.String => $"s{k}",
            _ => Activator.CreateInstance(t),
        };
    }
}
