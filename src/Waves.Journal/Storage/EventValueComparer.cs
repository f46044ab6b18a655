using System.Collections;
using System.Reflection;
using Waves.Journal.Events;

namespace Waves.Journal.Storage;

/// <summary>
/// Value equality of events and envelopes, for checking that what a journal gives back is what
/// was put in (records compare <see cref="IReadOnlyList{T}"/> members by reference, which is useless
/// for that). Compares the public properties of records recursively: sequences element by element,
/// doubles bit for bit (so -0 differs from 0; every NaN equals every NaN), <see cref="DateTimeOffset"/>
/// by ticks and offset (<see cref="DateTimeOffset.EqualsExact"/>), everything else with Equals.
/// </summary>
public sealed class EventValueComparer : IEqualityComparer<SessionEvent>, IEqualityComparer<EventEnvelope>
{
    public static readonly EventValueComparer Instance = new();

    public bool Equals(SessionEvent? x, SessionEvent? y) => Same(x, y);

    public bool Equals(EventEnvelope? x, EventEnvelope? y) => Same(x, y);

    public int GetHashCode(SessionEvent obj) => obj.GetType().GetHashCode();

    public int GetHashCode(EventEnvelope obj) => HashCode.Combine(obj.SessionId, obj.Sequence, obj.Frame, obj.Type);

    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "Compares events in tests, which run on the JIT with every member present.")]
    static bool Same(object? x, object? y)
    {
        if (x is null || y is null) return x is null && y is null;
        // Lists compare by their elements, whatever collection holds them (an array, a List, …).
        if (x is IEnumerable a && x is not string) return y is IEnumerable b && y is not string && SameSequence(a, b);
        if (x.GetType() != y.GetType()) return false;
        switch (x)
        {
            case double d: return SameDouble(d, (double)y);
            case float f: return SameDouble(f, (float)y);
            case DateTimeOffset t: return t.EqualsExact((DateTimeOffset)y);
            case string or ValueType: return x.Equals(y);
        }
        foreach (var p in x.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            if (p.GetIndexParameters().Length == 0 && !Same(p.GetValue(x), p.GetValue(y)))
                return false;
        return true;
    }

    static bool SameDouble(double a, double b) =>
        double.IsNaN(a) ? double.IsNaN(b) : BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b);

    static bool SameSequence(IEnumerable a, IEnumerable b)
    {
        var ea = a.GetEnumerator();
        var eb = b.GetEnumerator();
        while (true)
        {
            var more = ea.MoveNext();
            if (more != eb.MoveNext()) return false;
            if (!more) return true;
            if (!Same(ea.Current, eb.Current)) return false;
        }
    }
}
