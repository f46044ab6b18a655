using Waves.Engine.Rendering;

namespace Waves.Engine.Nodes;

/// <summary>
/// The storage of a named buffer, shared by every <c>buffer</c> node of that name and kept by the
/// name (key <c>buffer:NAME</c>) across reloads. It is made when compiled, never on the render thread.
/// </summary>
public sealed class BufferState : NodeState
{
    /// <summary>The frames, circular.</summary>
    public float[] Data = [];

    /// <summary>Where the writer writes next, in [0, Data.Length): fractional after a speed other than 1.</summary>
    public double Head;

    /// <summary>Which file (path and content hash) was loaded into <see cref="Data"/>; empty when none was.</summary>
    public string Loaded = "";

    /// <summary>Copies without allocating when the lengths match (a declick's copy, a restore) or the
    /// other is empty (a reset: this one is cleared); another length keeps the most recent frames that
    /// fit. Only a state without storage yet (a clone, a capture into a fresh state) gets new storage.</summary>
    /// <inheritdoc/>
    public override NodeState Blank() => new BufferState { Data = new float[Data.Length] };

    public override void CopyFrom(NodeState other)
    {
        base.CopyFrom(other);
        var o = (BufferState)other;
        Loaded = o.Loaded;
        if (Data.Length == 0)
        {
            Data = (float[])o.Data.Clone();
            Head = o.Head;
        }
        else if (o.Data.Length == 0)
        {
            Array.Clear(Data);
            Head = 0;
        }
        else Head = KeepRecent(o.Data, o.Head, Data);
    }

    /// <summary>Copies <paramref name="from"/> into <paramref name="to"/>: all of it when the lengths
    /// match, else the most recent frames before the head that fit, oldest first. Returns the new head.</summary>
    public static double KeepRecent(float[] from, double head, float[] to)
    {
        if (from.Length == to.Length)
        {
            Array.Copy(from, to, to.Length);
            return head;
        }
        var m = Math.Min(from.Length, to.Length);
        var h = (int)Math.Floor(head);
        for (var k = 0; k < m; k++)
            to[k] = from[((h - m + k) % from.Length + from.Length) % from.Length];
        Array.Clear(to, m, to.Length - m);
        return m % to.Length;
    }
}
