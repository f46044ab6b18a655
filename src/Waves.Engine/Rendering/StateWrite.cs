namespace Waves.Engine.Rendering;

/// <summary>
/// State values to copy into live states at the next block boundary: a reset (fresh values) or
/// a restore (a snapshot's values). Prepared off the render thread; applying it allocates nothing.
/// </summary>
public sealed class StateWrite((NodeState Target, NodeState Source)[] pairs)
{
    volatile bool applied;

    public int Count => pairs.Length;

    /// <summary>True once the render thread has applied it; <see cref="Frame"/> says where.</summary>
    public bool Applied => applied;

    public long Frame { get; private set; } = -1;

    /// <summary>Copies the values now. Render thread only (or when nothing renders); may be applied again.</summary>
    public void Apply(long frame)
    {
        foreach (var (target, source) in pairs) target.CopyFrom(source);
        Frame = frame;
        applied = true;
    }

    /// <summary>Fresh state for one id of the patch, or for every node when <paramref name="id"/> is null.
    /// Null when the id is unknown.</summary>
    public static StateWrite? Reset(Patch patch, string? id = null)
    {
        if (id is not null)
            return patch.States.TryGetValue(id, out var s) ? new StateWrite([(s, s.Fresh())]) : null;
        return new StateWrite([.. patch.States.Values.Select(s => (s, s.Fresh()))]);
    }

    /// <summary>The snapshot's values for every id the patch still has with the same state type.</summary>
    public static StateWrite Restore(Patch patch, StateSnapshot snapshot) =>
        new([.. snapshot.States
            .Where(kv => patch.States.TryGetValue(kv.Key, out var live) && live.GetType() == kv.Value.GetType())
            .Select(kv => (patch.States[kv.Key], kv.Value.Clone()))]);
}
