using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using Waves.Engine.Nodes;

namespace Waves.Properties;

public static partial class PatchGen
{
    static readonly (double Lo, double Hi) DurationRange = (0.02, 0.4);

    /// <summary>A duration, half the time under 0.1 s, so nodes often end (and retrigger) inside
    /// a block while a parent keeps running: where block-size dependence hides.</summary>
    static Gen<double> Duration() =>
        Gen.Frequency((1, Number((DurationRange.Lo, 0.1))), (1, Number((0.1, DurationRange.Hi))));

    /// <summary>Soft ranges that keep sounds short and audible; the registry's Min/Max narrow them further.</summary>
    static readonly Dictionary<string, (double Lo, double Hi)> SoftRanges = new()
    {
        ["amp"] = (0.1, 1),
        ["phase"] = (-3, 3),
        ["pulse_width"] = (0, 1),
        ["attack"] = (0, 0.05),
        ["decay"] = (0, 0.05),
        ["release"] = (0, 0.05),
        ["sustain"] = (0, 1),
        ["sustain_duration"] = (0, 0.1),
        ["pan"] = (-1, 1),
        ["volume"] = (0, 1),
        ["scale"] = (0.1, 20),
        ["duration"] = DurationRange,
    };

    /// <summary>How often (in percent) an optional parameter is written; 20 for any other registry parameter.</summary>
    static readonly Dictionary<string, int> Percents = new()
    {
        ["osc.type"] = 85, ["osc.freq"] = 80, ["osc.amp"] = 35, ["osc.phase"] = 12, ["osc.pulse_width"] = 15,
        ["osc.attack"] = 25, ["osc.release"] = 25, ["osc.scale"] = 15, ["osc.seed"] = 10, ["osc.range"] = 8,
        ["osc.freq_interpolation"] = 4, ["osc.amp_interpolation"] = 4, ["osc.duration"] = 35,
        ["envelope.attack"] = 60, ["envelope.decay"] = 50, ["envelope.sustain"] = 50, ["envelope.release"] = 60,
        ["envelope.sustain_duration"] = 30, ["envelope.end"] = 15, ["envelope.duration"] = 70,
        ["track.pan"] = 60, ["track.volume"] = 50,
        ["context.duration"] = 25,
    };

    static int Percent(string type, string param) => Percents.GetValueOrDefault($"{type}.{param}", 20);

    /// <summary>Any registry parameter, by its kind: a choice, a boolean, a number or a wave in range.</summary>
    static Gen<PParam?> Generic(string type, ParamInfo p, GenScope scope)
    {
        var percent = Percent(type, p.Name);
        if (percent == 0) return None;
        var range = Registry.Range(p, SoftRanges.GetValueOrDefault(p.Name, (p.Min ?? 0, p.Max ?? 1)));
        return p.Kind switch
        {
            ParamKind.Enum when p.Choices.Length > 0 => Opt(p.Name, percent, Gen.Elements(p.Choices.ToArray()).Select(w => (PValue)new PWord(w))),
            ParamKind.Bool => Opt(p.Name, percent, Gen.Elements("true", "false").Select(w => (PValue)new PWord(w))),
            ParamKind.Number when p.Name == "duration" => Opt(p.Name, percent, Duration().Select(Num)),
            ParamKind.Number => Opt(p.Name, percent, Number(range).Select(Num)),
            ParamKind.Wave => Opt(p.Name, percent, Wave(scope, range)),
            ParamKind.Expression => Opt(p.Name, percent, Expr(range, scope.Vars)),
            ParamKind.Node when scope.Depth > 0 => Opt(p.Name, percent, Defer(() => Node(scope.Down)).Select(n => (PValue)n)),
            _ => None,
        };
    }

    /// <summary>A per-sample value in [lo, hi]: a number, an expression, an interpolation list (only
    /// where a duration is in scope), a nested oscillator mapped into the range, or, for a level
    /// within 0…1 (amp, volume, sustain …), an envelope.</summary>
    static Gen<PValue> Wave(GenScope scope, (double Lo, double Hi) r)
    {
        var options = new List<(int, Gen<PValue>)> { (5, Number(r).Select(Num)), (2, Expr(r, scope.Vars)) };
        if (scope.HasDuration) options.Add((2, Interp(r)));
        if (scope.Depth > 0) options.Add((2, Defer(() => Modulator(scope.Down, r))));
        if (scope.Depth > 0 && r.Lo >= 0 && r.Hi == 1)
            options.Add((3, Defer(() => Envelope(scope.Down, modulator: true).Select(n => (PValue)n))));
        return Gen.Frequency(options.ToArray());
    }

    static Gen<PValue> Modulator(GenScope scope, (double Lo, double Hi) r) =>
        from a in Number(r)
        from b in Number(r)
        from osc in Osc(scope, OscRole.Modulator(Math.Min(a, b), Math.Max(a, b)))
        select (PValue)osc;

    /// <summary>A readable number in [lo, hi]: an end, or a point rounded to a few decimals.</summary>
    static Gen<double> Number((double Lo, double Hi) r)
    {
        var (lo, hi) = r;
        var decimals = hi - lo >= 10 ? 0 : hi - lo >= 1 ? 2 : 3;
        return Gen.Frequency(
                (1, Gen.Constant(lo)),
                (1, Gen.Constant(hi)),
                (6, Gen.Choose(0, 1000).Select(k => Math.Round(lo + (hi - lo) * k / 1000.0, decimals))))
            .Select(v => Math.Clamp(v, lo, hi));
    }

    /// <summary>An expression of <c>t</c> (and of context variables) staying within [lo, hi].</summary>
    static Gen<PValue> Expr((double Lo, double Hi) r, ImmutableArray<string> vars, string? forcedRate = null)
    {
        var (lo, hi) = r;
        var mid = (lo + hi) / 2;
        var half = (hi - lo) / 2;
        var rate = forcedRate is not null
            ? Gen.Constant(forcedRate)
            : vars.IsEmpty
                ? Number((1, 40)).Select(F)
                : Gen.Frequency((2, Number((1, 40)).Select(F)), (1, Gen.Elements(vars.ToArray())));
        var wobble =
            from depth in Gen.Choose(1, 10)
            from fn in Gen.Elements("sin", "cos")
            from k in rate
            select (PValue)new PExpr($"{F(mid)} + {F(half * depth / 10)} * {fn}(t * {k})");
        if (forcedRate is not null) return wobble;
        var ramp =
            from speed in Number((1, 10))
            select (PValue)new PExpr($"clip({F(lo)} + {F(hi - lo)} * t * {F(speed)}, {F(lo)}, {F(hi)})");
        var random = Gen.Constant((PValue)new PExpr($"rand({F(lo)}, {F(hi)})"));
        return Gen.Frequency((4, wobble), (1, ramp), (1, random));
    }

    /// <summary>An interpolation list: evenly spread (<c>[a, b, c]</c>) or positioned (<c>[a, [b, 0.3], c]</c>).</summary>
    static Gen<PValue> Interp((double Lo, double Hi) r)
    {
        var even =
            from n in Gen.Choose(2, 4)
            from values in Gen.ArrayOf(Number(r), n)
            select (PValue)new PList([.. values.Select(Num)]);
        var positioned =
            from n in Gen.Choose(3, 4)
            from values in Gen.ArrayOf(Number(r), n)
            from positions in Gen.ArrayOf(Gen.Choose(1, 99), n - 2)
            let sorted = positions.Order().ToArray()
            select (PValue)new PList([
                Num(values[0]),
                .. Enumerable.Range(1, n - 2).Select(i => (PValue)new PList([Num(values[i]), new PNumber(sorted[i - 1] / 100.0)])),
                Num(values[^1]),
            ]);
        return Gen.OneOf(even, positioned);
    }

    // ---- small helpers ----

    static PValue Num(double v) => new PNumber(v);

    static string F(double v) => PatchYaml.Number(v);

    static readonly Gen<PParam?> None = Gen.Constant<PParam?>(null);

    static Gen<PParam?> Some(string name, Gen<PValue> value) => value.Select(v => (PParam?)new PParam(name, v));

    static Gen<PParam?> Opt(string name, int percent, Gen<PValue> value) =>
        Gen.Frequency((percent, Some(name, value)), (100 - percent, None));

    static Gen<T?> Maybe<T>(int percent, Gen<T> value) where T : class =>
        Gen.Frequency((percent, value.Select(v => (T?)v)), (100 - percent, Gen.Constant<T?>(null)));

    static Gen<double?> Maybe(int percent, Gen<double> value) =>
        Gen.Frequency((percent, value.Select(v => (double?)v)), (100 - percent, Gen.Constant<double?>(null)));

    /// <summary>Builds the generator only when drawn from, so recursive choices cost nothing until taken.</summary>
    static Gen<T> Defer<T>(Func<Gen<T>> make) => Gen.Constant(0).SelectMany(_ => make());

    static Gen<IReadOnlyList<PParam>> Params(IEnumerable<ParamInfo> ps, Func<ParamInfo, Gen<PParam?>> one) =>
        Gen.CollectToList(ps.Select(one)).Select(l => (IReadOnlyList<PParam>)[.. l.OfType<PParam>()]);

    static PNode Build(string type, IReadOnlyList<PParam> ps, double? duration) =>
        new(type, [.. ps, .. duration is { } d ? [new PParam(Registry.Param(type, "duration").Name, new PNumber(d))] : Array.Empty<PParam>()]);
}
