using Waves.Engine.Patching;

namespace Waves.Engine.Rendering;

/// <summary>How a monitored node is shown: the peak of |x| (level), the signed value, or the
/// extreme further from zero on a centred meter (bipolar).</summary>
public enum MonitorKind { Level, Value, Bipolar }

/// <summary>
/// The levels of one monitored node in the last block it rendered: the peak of |x|, the minimum
/// and maximum (over both channels of a stereo node) and the last sample (the mean of the two
/// channels). Written by the render thread after each block as plain fields, without lock or
/// allocation; a reader may see fields of two neighbouring blocks, which a meter cannot tell.
/// </summary>
public sealed class NodeMonitor
{
    float peak, min, max, last;
    long blocks;

    public float Peak => Volatile.Read(ref peak);
    public float Min => Volatile.Read(ref min);
    public float Max => Volatile.Read(ref max);
    public float Last => Volatile.Read(ref last);

    /// <summary>Blocks recorded so far (0: the node has not rendered yet).</summary>
    public long Blocks => Volatile.Read(ref blocks);

    internal void Record(float[] left, float[]? right, int count)
    {
        if (count <= 0) return;
        float lo = left[0], hi = left[0];
        Scan(left, count, ref lo, ref hi);
        var end = left[count - 1];
        if (right is not null)
        {
            Scan(right, count, ref lo, ref hi);
            end = 0.5f * (end + right[count - 1]);
        }
        Volatile.Write(ref min, lo);
        Volatile.Write(ref max, hi);
        Volatile.Write(ref peak, Math.Max(-lo, hi));
        Volatile.Write(ref last, end);
        Volatile.Write(ref blocks, blocks + 1);
    }

    static void Scan(float[] x, int count, ref float lo, ref float hi)
    {
        for (var i = 0; i < count; i++)
        {
            var v = x[i];
            if (v < lo) lo = v;
            if (v > hi) hi = v;
        }
    }
}

/// <summary>A monitored node of a compiled patch: its display name (the explicit id, else the node
/// id), how it is shown, the range its meter spans, and the levels the render thread writes.</summary>
public sealed record PatchMonitor(string Name, MonitorKind Kind, double Low, double High, NodeMonitor Levels);

/// <summary>Reads a node's <c>monitor:</c> parameter: <c>true</c>, <c>bipolar</c> (also <c>level</c>,
/// <c>value</c>), or <c>{type: level|value|bipolar, range: [lo, hi]}</c>; <c>false</c> or nothing is none.</summary>
static class MonitorOptions
{
    const string Expected = "monitor expects true, false, bipolar or {type: level|value|bipolar, range: [lo, hi]}";

    public static PatchMonitor? Read(NodeSpec spec, CompileEnv env)
    {
        var value = spec.Get("monitor");
        switch (value)
        {
            case null or Value.Null or Value.Invalid or Value.Number { V: 0 }:
                return null;
            case Value.Number { V: 1 }:
                return Make(spec, MonitorKind.Level, null);
            case Value.Text t when Kind(t.V) is { } kind:
                return Make(spec, kind, null);
            case Value.Map m:
                return FromMap(spec, m.Raw, env);
            default:
                env.Error(value.Pos, $"{Expected}, got {value.Describe()}");
                return null;
        }
    }

    static PatchMonitor? FromMap(NodeSpec spec, RawMapping map, CompileEnv env)
    {
        var kind = MonitorKind.Level;
        (double, double)? range = null;
        foreach (var e in map.Entries)
        {
            switch (e.Key.Text)
            {
                case "type" when e.Value is RawScalar s && Kind(s.Text) is { } k:
                    kind = k;
                    break;
                case "range" when e.Value is RawSequence { Items: [RawScalar a, RawScalar b] }
                        && YamlScalars.AsNumber(a) is { } lo && YamlScalars.AsNumber(b) is { } hi
                        && double.IsFinite(lo) && double.IsFinite(hi) && lo < hi:
                    range = (lo, hi);
                    break;
                case "type" or "range":
                    env.Error(e.Value.Pos, e.Key.Text == "type"
                        ? "a monitor's type is level, value or bipolar"
                        : "a monitor's range is [lo, hi] with two numbers, lo < hi");
                    return null;
                default:
                    env.Error(e.Key.Pos, $"'{e.Key.Text}' is not a monitor option ({Expected})");
                    return null;
            }
        }
        return Make(spec, kind, range);
    }

    static MonitorKind? Kind(string text) => text switch
    {
        "level" => MonitorKind.Level,
        "value" => MonitorKind.Value,
        "bipolar" => MonitorKind.Bipolar,
        _ => null,
    };

    static PatchMonitor Make(NodeSpec spec, MonitorKind kind, (double Low, double High)? range)
    {
        var (lo, hi) = range ?? (kind == MonitorKind.Bipolar ? (-1, 1) : (0, 1));
        return new PatchMonitor(spec.Id, kind, lo, hi, new NodeMonitor());
    }
}
