using System.Collections.Immutable;
using Waves.Engine.Expressions;
using Waves.Engine.Nodes;
using Waves.Engine.Patching;

namespace Waves.Engine.Rendering;

/// <summary>
/// Where a node is compiled: the environment, the names its expressions can see (context
/// variables and parameters passed down by ancestors, then the library's vars) and the
/// inherited <c>duration</c> that interpolation lists stretch over.
/// </summary>
public sealed partial class CompileScope : INameResolver
{
    readonly ImmutableDictionary<string, NameBinding> names;

    readonly bool inFade;

    /// <summary>Inside a voice slot that is started again and again: its start number, and the ids
    /// of the slot (<c>…/k</c>) as the template's, so that a draw does not depend on the slot.</summary>
    readonly VoiceSlot? slot;

    sealed record VoiceSlot(IVoiceOrdinal Ordinal, string SlotPrefix, string SharedPrefix, string Suffix);

    CompileScope(CompileEnv env, ImmutableDictionary<string, NameBinding> names, double? duration, bool inFade = false, Place? place = null, VoiceSlot? slot = null)
    {
        Env = env;
        this.names = names;
        Duration = duration;
        this.inFade = inFade;
        this.place = place;
        this.slot = slot;
    }

    public static CompileScope Root(CompileEnv env) => new(env, ImmutableDictionary<string, NameBinding>.Empty, null);

    public CompileEnv Env { get; }
    public int MaxBlock => Env.MaxBlock;
    public int SampleRate => Env.SampleRate;

    /// <summary>The <c>duration</c> parameter inherited from the nearest ancestor that has one.</summary>
    public double? Duration { get; }

    public CompileScope WithDuration(double? duration) =>
        duration is null ? this : new CompileScope(Env, names, duration, inFade, place, slot);

    public CompileScope WithName(string name, NameBinding binding) =>
        new(Env, names.SetItem(name, binding), Duration, inFade, binding is NameBinding.Signal ? place?.Providing() : place, slot);

    CompileScope With(CompileEnv env, bool fading) => new(env, names, Duration, fading, place, slot);

    /// <summary>For the nodes of voice slot <paramref name="index"/> (ids under <paramref name="slotPrefix"/>,
    /// explicit ids with <c>#index</c>): <c>rand</c> draws from the template's ids and the slot's start
    /// number, so each start draws anew and the slot a start lands in changes nothing.</summary>
    public CompileScope WithVoiceSlot(IVoiceOrdinal ordinal, string slotPrefix, string sharedPrefix, int index) =>
        new(Env, names, Duration, inFade, place, new VoiceSlot(ordinal, slotPrefix, sharedPrefix, $"#{index}"));

    /// <summary>The id a draw of node <paramref name="id"/> is seeded from.</summary>
    string DrawId(string id)
    {
        if (slot is null) return id;
        if (id.EndsWith(slot.Suffix, StringComparison.Ordinal)) id = id[..^slot.Suffix.Length];
        return id.StartsWith(slot.SlotPrefix, StringComparison.Ordinal) ? slot.SharedPrefix + id[slot.SlotPrefix.Length..] : id;
    }

    /// <summary>True inside a subtree that is already being crossfaded (no fades nest there).</summary>
    public bool InFade => inFade;

    public NameBinding? Resolve(string name)
    {
        if (names.TryGetValue(name, out var b)) return b;
        if (name == "duration" && Duration is { } d) return new NameBinding.Number(d);
        return ResolveVar(name);
    }

    readonly HashSet<string> resolvingVars = [];

    NameBinding? ResolveVar(string name)
    {
        if (!Env.Vars.TryGetValue(name, out var raw) || !resolvingVars.Add(name)) return null;
        try
        {
            switch (raw)
            {
                case RawScalar s when YamlScalars.AsNumber(s) is { } v:
                    return new NameBinding.Number(v);
                case RawScalar s when !YamlScalars.IsNull(s):
                    var r = ExpressionCompiler.Compile(s.Text, s.TextPos, Root(Env), new ExprOptions(1, SampleRate, 0));
                    return r.Expression is { IsConstant: true } e ? new NameBinding.Number(e.ConstantValue) : null;
                case RawSequence seq:
                    var list = new List<double>();
                    foreach (var item in seq.Items)
                        if (item is RawScalar i && YamlScalars.AsNumber(i) is { } n) list.Add(n);
                        else return null;
                    return new NameBinding.NumberList(list);
                default:
                    return null;
            }
        }
        finally { resolvingVars.Remove(name); }
    }

    // ---- helpers for node compilers ----

    public T Bind<T>(NodeSpec spec) where T : NodeState, new() => Env.States.Bind<T>(spec.Id);

    /// <summary>The seed of a node's random source: from the session seed (or its <c>seed:</c>) and its
    /// id; inside a voice slot, the template's id, so the slot a start lands in changes nothing.</summary>
    public ulong SeedFor(NodeSpec spec, string site = "")
    {
        var id = DrawId(spec.Id);
        if (spec.Get("seed") is Value.Number { V: var s } && s != 0)
            return Seeds.For((ulong)(long)s, id, site);
        return Seeds.For(Env.Seed, id, site);
    }

    /// <summary>Inside a voice slot that starts again and again: its start number (render-thread
    /// state), for random sources to mix into their draws; null elsewhere.</summary>
    public IVoiceOrdinal? VoiceOrdinal => slot?.Ordinal;

    /// <summary>Compiles a node spec with the registry. In a reload, the highest node whose own
    /// parameters (or type) changed is wrapped in a <see cref="Crossfade"/> from its old version.
    /// A node written with <c>monitor:</c> gets a monitor of what it outputs (the crossfade, if any).</summary>
    public Signal CompileNode(NodeSpec spec)
    {
        var signal = AtNode(spec).CompileUnmonitored(spec);
        if (spec.Get("monitor") is not null && MonitorOptions.Read(spec, Env) is { } monitor)
        {
            signal.Monitor = monitor.Levels;
            Env.Monitors.Add(monitor);
        }
        Register(spec, signal);
        return signal;
    }

    Signal CompileUnmonitored(NodeSpec spec)
    {
        if (!NodeRegistry.Implemented.TryGetValue(spec.Type, out var info))
        {
            Env.Error(spec.Pos, $"node type '{spec.Type}' is not available in this version of waves");
            return new SilenceSignal(MaxBlock);
        }
        if (inFade || Env.Previous is not { } previous || !previous.Specs.TryGetValue(spec.Id, out var old))
            return info.Compile(spec, this);
        var varsChanged = spec.Id == previous.Patch.Spec.Id && !SpecComparer.SameVars(previous.Vars, Env.Vars);
        if (SpecComparer.SameOwnParameters(old, spec) && !varsChanged)
            return info.Compile(spec, this);
        Env.Retuned.Add(spec.Id);
        if (Env.FadeFrames <= 0) return info.Compile(spec, this);
        var fresh = info.Compile(spec, With(Env, fading: true));
        var (stale, copies) = CompileOld(old, previous);
        if (stale is null) return fresh;
        var crossfade = new Crossfade(stale, fresh, copies, Env.FadeFrames, MaxBlock);
        Env.Links.Edge(crossfade, stale);
        return crossfade;
    }

    /// <summary>A node as the running patch had it, bound to states of its own that are filled from
    /// the live ones at the swap, so that rendering it never advances live state.</summary>
    public (Signal? Signal, (NodeState Live, NodeState Copy)[] Copies) CompileOld(NodeSpec old, PreviousPatch previous)
    {
        if (!NodeRegistry.Implemented.TryGetValue(old.Type, out var info)) return (null, []);
        var shadow = new CompileEnv
        {
            SampleRate = SampleRate, MaxBlock = MaxBlock, Seed = Env.Seed, States = new StateStore(),
            Vars = previous.Vars, ProjectRoot = Env.ProjectRoot, Inputs = Env.Inputs,
            Ids = previous.Ids, ExplicitIds = previous.ExplicitIds, Links = Env.Links, Outer = Env.Outer ?? Env,
        };
        PrepareShadow(old, previous, shadow);
        var signal = info.Compile(old, With(shadow, fading: true).AtNode(old));
        shadow.Compiled.TryAdd(old.Id, signal);
        var copies = shadow.States.Bound
            .Where(kv => previous.Patch.States.TryGetValue(kv.Key, out var live) && live.GetType() == kv.Value.GetType())
            .Select(kv => (previous.Patch.States[kv.Key], kv.Value))
            .ToArray();
        return (signal, copies);
    }

    /// <summary>A signal input: a node renders itself, any other value becomes a mono wave.</summary>
    public Signal CompileSignal(Value? value, NodeState owner, double fallback = 0) => value switch
    {
        Value.Node n => CompileNode(n.Spec),
        null or Value.Null => new WaveSignal(new ConstWave(fallback), owner, MaxBlock),
        _ => new WaveSignal(CompileWave(value, fallback, null), owner, MaxBlock),
    };

    /// <summary>A wave-valued parameter (number, expression, interpolation list or node).</summary>
    public Wave CompileWave(Value? value, double fallback, NodeSpec? owner, string site = "")
    {
        switch (value)
        {
            case null or Value.Null or Value.Invalid:
                return new ConstWave(fallback);
            case Value.Number n:
                return new ConstWave(n.V);
            case Value.Text t:
                return CompileExpression(t, owner, site);
            case Value.Node n:
                return new NodeWave(CompileNode(n.Spec), Env.States.Bind<HeldValueState>(n.Spec.Id + "#held"));
            case Value.List l:
                return CompileInterpolation(l, owner, site);
            default:
                Env.Error(value.Pos, $"expected a number, expression, list or node, got {value.Describe()}");
                return new ConstWave(fallback);
        }
    }

    Wave CompileExpression(Value.Text t, NodeSpec? owner, string site)
    {
        var id = DrawId(owner?.Id ?? "");
        var seed = Seeds.For(Env.Seed, id, site);
        if (owner is not null && owner.Get("seed") is Value.Number { V: var s } && s != 0)
            seed = Seeds.For((ulong)(long)s, id, site);
        var reads = new ExpressionNames(this, t);
        var r = ExpressionCompiler.Compile(t.V, t.TextPos, reads, new ExprOptions(MaxBlock, SampleRate, seed) { Voice = slot?.Ordinal });
        Env.Problems.AddRange(t.MultiLine ? r.Problems.Select(p => p with { Pos = t.TextPos }) : r.Problems);
        if (r.Expression is null) return new ConstWave(0);
        return r.Expression.IsConstant
            ? new ConstWave(r.Expression.ConstantValue)
            : reads.Wrap(new ExprWave(r.Expression, MaxBlock, SampleRate));
    }

    Wave CompileInterpolation(Value.List list, NodeSpec? owner, string site)
    {
        var items = list.Items;
        if (items.Length == 0)
        {
            Env.Error(list.Pos, "an interpolation list needs at least one value");
            return new ConstWave(0);
        }
        if (items.Length == 1 && items[0] is not Value.List)
            return CompileWave(items[0], 0, owner, site + "/0");
        if (Duration is not { } duration || duration <= 0)
        {
            Env.Error(list.Pos, "an interpolation list needs a duration: set 'duration' on this node or a node above it");
            return new ConstWave(0);
        }
        var length = (long)(duration * SampleRate);
        static bool IsPair(Value v) => v is Value.List { Items.Length: 2 };
        var positioned = items.Length <= 2 || items.Skip(1).Take(items.Length - 2).All(IsPair);
        var values = new List<Wave>();
        if (!positioned)
        {
            for (var i = 0; i < items.Length; i++)
            {
                if (items[i] is Value.List inner)
                {
                    Env.Error(inner.Pos, "in an evenly spread interpolation list every item is a value; write [value, position] for every middle item to place them");
                    values.Add(new ConstWave(0));
                }
                else values.Add(CompileWave(items[i], 0, owner, $"{site}/{i}"));
            }
            return new InterpWave([.. values], null, length, MaxBlock);
        }
        var positions = new List<Wave?>();
        double lastConst = 0;
        for (var i = 0; i < items.Length; i++)
        {
            Wave v;
            Wave p;
            if (items[i] is Value.List { Items.Length: 2 } pair)
            {
                v = CompileWave(pair.Items[0], 0, owner, $"{site}/{i}");
                p = CompileWave(pair.Items[1], 0, owner, $"{site}/{i}/position");
                if (p.IsConstant)
                {
                    var c = p.ExactConstant;
                    if (c < lastConst || c > 1)
                        Env.Error(pair.Items[1].Pos, $"interpolation position {c} must be between the previous position ({lastConst}) and 1");
                    lastConst = c;
                }
            }
            else if (items[i] is Value.List other)
            {
                Env.Error(other.Pos, "an interpolation point is written [value, position]");
                v = new ConstWave(0);
                p = new ConstWave(i == 0 ? 0 : 1);
            }
            else
            {
                v = CompileWave(items[i], 0, owner, $"{site}/{i}");
                p = new ConstWave(i == 0 ? 0 : 1);
            }
            if (i == 0 && !(p.IsConstant && p.Constant == 0))
            {
                values.Add(v);
                positions.Add(new ConstWave(0));
            }
            values.Add(v);
            positions.Add(p);
        }
        if (!(positions[^1]!.IsConstant && positions[^1]!.Constant == 1))
        {
            values.Add(values[^1]);
            positions.Add(new ConstWave(1));
        }
        return new InterpWave([.. values], [.. positions], length, MaxBlock);
    }
}
