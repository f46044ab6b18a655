namespace Waves.Engine.Rendering;

/// <summary>
/// Node states by id, as bound by one compile. The next compile adopts from the previous
/// store: same id and same state type keep the object; anything else starts fresh. Ids that
/// the new patch no longer has are simply not carried over, so their state goes away with
/// the old patch once the render thread has left it.
/// </summary>
public sealed class StateStore
{
    readonly IReadOnlyDictionary<string, NodeState> previous;
    readonly Dictionary<string, NodeState> bound = new(StringComparer.Ordinal);

    public StateStore(IReadOnlyDictionary<string, NodeState>? previous = null) =>
        this.previous = previous ?? new Dictionary<string, NodeState>();

    /// <summary>Ids and states bound so far.</summary>
    public IReadOnlyDictionary<string, NodeState> Bound => bound;

    /// <summary>The state for <paramref name="id"/>: shared within this compile (one explicit id used twice
    /// shares one state), adopted from the previous store when its type matches, else new.</summary>
    public T Bind<T>(string id) where T : NodeState, new()
    {
        if (bound.TryGetValue(id, out var s) && s is T same) return same;
        var state = previous.TryGetValue(id, out var old) && old is T adopted ? adopted : new T();
        bound[id] = state;
        return state;
    }
}
