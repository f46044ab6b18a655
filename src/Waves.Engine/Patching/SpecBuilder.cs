using System.Collections.Immutable;
using Waves.Engine.Nodes;

namespace Waves.Engine.Patching;

/// <summary>
/// Turns the raw YAML of one sound into an immutable <see cref="NodeSpec"/> tree: node syntax and
/// its sugar (sibling keys folded into the node, <c>{}</c> or nothing for parameter-less nodes,
/// nodes inside nested lists), sub-patches (a sound name used as a node type, with overrides),
/// node ids, and validation of every parameter against the node registry.
/// </summary>
sealed partial class SpecBuilder(SoundLibrary library, List<Problem> problems)
{
    /// <summary>Most nodes one sound may expand to (aliases and sub-patches can multiply a short
    /// text exponentially); more is reported instead of exhausting memory.</summary>
    public const int MaxNodes = 5000;

    readonly Stack<string> expanding = new();
    int nodes, values;

    /// <summary>Path of the sub-patch use being built (null in the sound being played): explicit ids
    /// inside a use are prefixed with it, so two uses of one sound keep distinct states.</summary>
    string? usePrefix;
    bool tooBig;

    public NodeSpec? BuildSound(string name, RawMapping? overrides)
    {
        if (!library.Sounds.TryGetValue(name, out var def))
        {
            problems.Add(Problem.Error(overrides?.Pos ?? SourcePos.None, $"unknown sound '{name}'"));
            return null;
        }
        return Expand(def, name, overrides, def.Pos);
    }

    NodeSpec? Expand(SoundDef def, string prefix, RawMapping? overrides, SourcePos usedAt, bool isUse = false)
    {
        if (expanding.Contains(def.Name))
        {
            var cycle = string.Join(" → ", expanding.Reverse().Append(def.Name));
            problems.Add(Problem.Error(usedAt, $"sound '{def.Name}' uses itself: {cycle}"));
            return null;
        }
        if (def.Definition is not RawMapping root)
        {
            problems.Add(Problem.Error(def.Definition.Pos, $"sound '{def.Name}' must be a node ('type: {{parameters}}'), got {Describe(def.Definition)}"));
            return null;
        }
        NodeSpec? spec;
        var outerUse = usePrefix;
        expanding.Push(def.Name);
        if (isUse) usePrefix = prefix;
        try { spec = BuildNode(Merge(root), prefix); }
        finally
        {
            expanding.Pop();
            usePrefix = outerUse;
        }
        // Overrides belong to the caller: a sound used inside its own override (fx of fx) is no cycle.
        return spec is null || overrides is null ? spec : ApplyOverrides(spec, def.Name, overrides, prefix);
    }

    /// <summary>
    /// Sub-patch overrides go onto the sound's root node, where that node has such a parameter or
    /// variable; anything else is reported and ignored. <c>signal</c> goes to <c>input_signal</c>
    /// when the root has one. An override is an argument written by the caller, so an expression
    /// in it (also inside an interpolation list) is evaluated in the caller's scope: it is bound
    /// to a hidden variable of a <c>context</c> wrapped around the root (id: the path of the use),
    /// and the root reads that variable. So <c>tone: pitch * 2</c> sees the caller's <c>pitch</c>,
    /// never a <c>pitch</c> the sound's root context defines (the original evaluated it inside
    /// the root, where the sound's own variables shadowed the caller's). Numbers and nodes are
    /// placed in the root as written; a node's own expressions see the root's variables, as in
    /// the original.
    /// </summary>
    NodeSpec ApplyOverrides(NodeSpec root, string sound, RawMapping overrides, string usePath)
    {
        var info = NodeRegistry.Implemented.GetValueOrDefault(root.Type);
        var ps = root.Params.ToList();
        var hoisted = new List<Param>();
        foreach (var e in overrides.Entries)
        {
            var name = e.Key.Text;
            if (name == "signal" && root.Get("input_signal") is not null) name = "input_signal";
            var exists = root.Get(name) is not null || info?.Param(name) is not null;
            if (!exists)
            {
                problems.Add(Problem.Warning(e.Key.Pos, $"'{name}' is not a parameter of sound '{sound}' (a '{root.Type}' node); ignored"));
                continue;
            }
            var value = Convert(e.Value, $"{root.Id}/{name}");
            if (IsWaveSlot(info, name)) value = Hoist(value, hoisted, e.Key.Pos);
            var param = new Param(name, value, e.Key.Pos);
            var i = ps.FindIndex(p => p.Name == name);
            if (i >= 0) ps[i] = param; else ps.Add(param);
        }
        var result = root with { Params = [.. ps] };
        if (info is not null) result = Validate(result, info);
        if (hoisted.Count == 0) return result;
        Param[] wrapper = [.. hoisted, new Param("signal", new Value.Node(result), overrides.Pos)];
        return new NodeSpec(Context.Info.Key, [.. wrapper], usePath, false, overrides.Pos);
    }

    /// <summary>Prefix of the hidden variables that carry caller-scope overrides into a sub-patch
    /// (not a name anyone writes; visible below the sound's root like any context variable).</summary>
    public const string OverrideVariablePrefix = "__override_";

    /// <summary>True where an override is read as a wave: a wave or expression parameter, or a
    /// variable of a node whose extra keys are variables (a mix's are tracks).</summary>
    static bool IsWaveSlot(NodeInfo? info, string name) => info?.Param(name) is { } p
        ? p.Kind is ParamKind.Wave or ParamKind.Expression
        : info is { Extra: ExtraKeys.Allow } && info.Key != Mix.Info.Key;

    /// <summary>Replaces each expression in <paramref name="value"/> (the value itself or items of
    /// an interpolation list) by a hidden variable bound to it in the caller's scope.</summary>
    static Value Hoist(Value value, List<Param> hoisted, SourcePos keyPos)
    {
        switch (value)
        {
            case Value.Text t:
                var name = $"{OverrideVariablePrefix}{hoisted.Count}";
                hoisted.Add(new Param(name, t, keyPos));
                return new Value.Text(name, t.Pos, t.TextPos);
            case Value.List l:
                return l with { Items = [.. l.Items.Select(item => Hoist(item, hoisted, keyPos))] };
            default:
                return value;
        }
    }

    /// <summary>Builds the node written as <paramref name="map"/>; its id is <c>prefix/type</c>
    /// unless it has an explicit <c>id</c>.</summary>
    NodeSpec? BuildNode(RawMapping map, string prefix)
    {
        if (map.Entries.Length != 1)
        {
            var keys = string.Join(", ", map.Entries.Select(e => e.Key.Text));
            problems.Add(Problem.Error(map.Pos, $"a node is written 'type: {{parameters}}' with one type key; found {(keys.Length == 0 ? "none" : keys)}"));
            return null;
        }
        var (key, value) = (map.Entries[0].Key, map.Entries[0].Value);
        var type = key.Text;
        if (NodeRegistry.IsNodeType(type)) return BuildTyped(type, key.Pos, value, prefix);
        if (library.Sounds.TryGetValue(type, out var sub))
        {
            RawMapping? overrides = value switch
            {
                RawMapping m => m,
                RawScalar s when YamlScalars.IsNull(s) => null,
                _ => Bad(value, $"overrides of sound '{type}' must be a mapping, got {Describe(value)}"),
            };
            return Expand(sub, $"{prefix}/{type}", overrides, key.Pos, isUse: true);
        }
        problems.Add(Problem.Error(key.Pos, Suggestions.Closest(type, NodeRegistry.LanguageTypes.Concat(library.Sounds.Keys)) is { } near
            ? $"unknown node type '{type}' — did you mean '{near}'?"
            : $"unknown node type '{type}': not a node type nor a sound of the library"));
        return null;
    }

    RawMapping? Bad(RawNode at, string message)
    {
        problems.Add(Problem.Error(at.Pos, message));
        return null;
    }

    NodeSpec? BuildTyped(string type, SourcePos pos, RawNode body, string prefix)
    {
        if (++nodes > MaxNodes)
        {
            if (!tooBig) problems.Add(Problem.Error(pos, $"the sound expands to more than {MaxNodes} nodes"));
            tooBig = true;
            return null;
        }
        RawMapping? m = body switch
        {
            RawMapping mm => mm,
            RawScalar s when YamlScalars.IsNull(s) => null,
            _ => Bad(body, $"parameters of '{type}' must be a mapping, got {Describe(body)}"),
        };
        if (m is null && body is not RawScalar) return null;
        var entries = m?.Entries ?? [];
        var explicitId = entries.FirstOrDefault(e => e.Key.Text == "id")?.Value is RawScalar idScalar && !YamlScalars.IsNull(idScalar)
            ? idScalar.Text : null;
        var id = explicitId is null ? $"{prefix}/{type}" : usePrefix is null ? explicitId : $"{usePrefix}/{explicitId}";
        var ps = ImmutableArray.CreateBuilder<Param>();
        foreach (var e in entries)
            ps.Add(new Param(e.Key.Text, IsStepList(type, e.Key.Text) ? ConvertSteps(e.Value, $"{id}/{e.Key.Text}") : Convert(e.Value, $"{id}/{e.Key.Text}"), e.Key.Pos));
        var spec = new NodeSpec(type, ps.ToImmutable(), id, explicitId is not null, pos);
        return NodeRegistry.Implemented.TryGetValue(type, out var info) ? Validate(spec, info) : spec;
    }

    Value Convert(RawNode raw, string prefix)
    {
        if (++values > MaxNodes * 40)
        {
            if (!tooBig) problems.Add(Problem.Error(raw.Pos, $"the sound expands to more than {MaxNodes * 40} values"));
            tooBig = true;
            return new Value.Invalid(raw.Pos);
        }
        switch (raw)
        {
            case RawScalar s when YamlScalars.IsNull(s):
                return new Value.Null(s.Pos);
            case RawScalar s when YamlScalars.AsNumber(s) is { } n:
                return new Value.Number(n, s.Pos);
            case RawScalar s:
                return new Value.Text(s.Text, s.Pos, s.TextPos) { MultiLine = s.MultiLine };
            case RawSequence seq:
                return new Value.List([.. seq.Items.Select((item, i) => Convert(item, $"{prefix}/{i}"))], seq.Pos);
            case RawMapping map:
                var merged = Merge(map);
                if (IsNodeMapping(merged))
                    return BuildNode(merged, prefix) is { } spec ? new Value.Node(spec) : new Value.Invalid(map.Pos);
                return new Value.Map(map);
            default:
                return new Value.Null(raw.Pos);
        }
    }

    /// <summary>A one-key mapping whose value is a mapping is a node (an unknown type is then
    /// reported as such); so is a known type or sound written with nothing after it.</summary>
    bool IsNodeMapping(RawMapping m) =>
        m.Entries.Length == 1 && (m.Entries[0].Value is RawMapping ||
            IsNodeKey(m.Entries[0].Key.Text) && m.Entries[0].Value is RawScalar s && YamlScalars.IsNull(s));

    bool IsNodeKey(string key) => NodeRegistry.IsNodeType(key) || library.Sounds.ContainsKey(key);

    /// <summary>Sibling-key sugar: in a mapping of several keys where exactly one is a node type
    /// (or, failing that, exactly one is a sound), the other keys are parameters of that node.</summary>
    RawMapping Merge(RawMapping m)
    {
        if (m.Entries.Length < 2) return m;
        var typed = m.Entries.Where(e => NodeRegistry.IsNodeType(e.Key.Text)).ToList();
        if (typed.Count != 1)
        {
            if (typed.Count > 1) return m;
            typed = m.Entries.Where(e => library.Sounds.ContainsKey(e.Key.Text)).ToList();
            if (typed.Count != 1) return m;
        }
        var head = typed[0];
        var inner = head.Value switch
        {
            RawMapping im => im.Entries,
            RawScalar s when YamlScalars.IsNull(s) => [],
            _ => (ImmutableArray<RawEntry>?)null,
        };
        if (inner is null) return m;
        var siblings = m.Entries.Where(e => e != head).ToList();
        var own = inner.Value.Where(e => siblings.All(s => s.Key.Text != e.Key.Text));
        foreach (var twice in inner.Value.Where(e => siblings.Any(s => s.Key.Text == e.Key.Text)))
            problems.Add(Problem.Warning(twice.Key.Pos, $"'{twice.Key.Text}' is also given beside '{head.Key.Text}'; that one wins"));
        var body = new RawMapping([.. own, .. siblings], head.Value.Pos);
        return new RawMapping([new RawEntry(head.Key, body)], m.Pos);
    }

    /// <summary>Checks every parameter against the registry; bad ones are reported and dropped.</summary>
    NodeSpec Validate(NodeSpec spec, NodeInfo info)
    {
        var kept = ImmutableArray.CreateBuilder<Param>();
        foreach (var p in spec.Params)
        {
            var pi = info.Param(p.Name);
            if (pi is null)
            {
                switch (info.Extra)
                {
                    case ExtraKeys.Allow:
                        kept.Add(p);
                        break;
                    case ExtraKeys.Ignore:
                        problems.Add(Problem.Warning(p.KeyPos, $"'{p.Name}' is not a parameter of '{spec.Type}'; ignored"));
                        break;
                    default:
                        problems.Add(Problem.Error(p.KeyPos, $"unknown parameter '{p.Name}' for '{spec.Type}'{Suggestions.DidYouMean(p.Name, info.Params.Concat(NodeRegistry.BaseParams).Select(x => x.Name))} (parameters: {string.Join(", ", info.Params.Select(x => x.Name).Concat(NodeRegistry.BaseParams.Select(x => x.Name)))})"));
                        break;
                }
                continue;
            }
            if (Check(spec.Type, pi, p) is { } checkedParam) kept.Add(checkedParam);
        }
        return spec with { Params = kept.ToImmutable() };
    }

    Param? Check(string type, ParamInfo pi, Param p)
    {
        var v = p.Value;
        if (v is Value.Null or Value.Invalid) return p;
        // Number-only parameters also take numbers that YAML 1.1 reads as text (1e3, -.5).
        if (pi.Kind == ParamKind.Number && v is Value.Text text &&
            double.TryParse(text.V, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
            return p with { Value = new Value.Number(parsed, text.Pos) };
        string? wrong = pi.Kind switch
        {
            ParamKind.Number when v is not Value.Number => "a number",
            ParamKind.Bool when v is not Value.Number => "true or false",
            ParamKind.Wave when v is Value.Map => "a number, expression, list or node",
            ParamKind.Expression when v is not (Value.Text or Value.Number) => "an expression",
            ParamKind.Node when v is not Value.Node => "a node",
            ParamKind.List when v is not Value.List => "a list",
            ParamKind.String when v is not (Value.Text or Value.Number) => "text",
            ParamKind.Enum when v is not Value.Text => $"one of {string.Join(", ", pi.Choices)}",
            _ => null,
        };
        if (wrong is null && pi.Kind == ParamKind.Enum && v is Value.Text t)
        {
            var word = t.V.Trim().ToLowerInvariant();
            if (pi.Aliases.TryGetValue(word, out var canonical)) word = canonical;
            if (!pi.Choices.Contains(word))
                wrong = $"one of {string.Join(", ", pi.Choices)}";
            else
                return p with { Value = t with { V = word } };
        }
        if (wrong is null && pi.Kind == ParamKind.String && v is Value.Number n)
            return p with { Value = new Value.Text(n.V.ToString(System.Globalization.CultureInfo.InvariantCulture), n.Pos, n.Pos) };
        if (wrong is null) return p;
        problems.Add(Problem.Error(v.Pos, $"'{p.Name}' of '{type}' must be {wrong}, got {v.Describe()}"));
        return null;
    }

    static string Describe(RawNode n) => n switch
    {
        RawScalar s => $"'{s.Text}'",
        RawSequence => "a list",
        _ => "a mapping",
    };
}
