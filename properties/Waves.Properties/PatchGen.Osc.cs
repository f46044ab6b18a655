using FsCheck;
using FsCheck.Fluent;
using Waves.Engine.Nodes;

namespace Waves.Properties;

public static partial class PatchGen
{
    /// <summary>An oscillator of any waveform the registry lists: its frequency a number, an
    /// expression of <c>t</c>, an interpolation list or a nested oscillator with a range.</summary>
    static Gen<PNode> Osc(GenScope scope, OscRole role) =>
        from duration in Maybe(Percent("osc", "duration"), Duration())
        let inner = scope.WithOwnDuration(duration is not null)
        from ps in Params(Registry.Node("osc").Params, p => OscParam(p, inner, role))
        select Build("osc", ps, duration);

    static Gen<PParam?> OscParam(ParamInfo p, GenScope scope, OscRole role)
    {
        switch (p.Name)
        {
            case "type" when role.Type is { } forced:
                return Some(p.Name, Gen.Constant((PValue)new PWord(Registry.Choice("osc", "type", forced))));
            case "type":
                return Opt(p.Name, Percent("osc", "type"), Gen.Elements(p.Choices.ToArray()).Select(w => (PValue)new PWord(w)));
            case "freq":
                var range = Registry.Range(p, (role.FreqLo, role.FreqHi));
                return role.FreqVar is { } v
                    ? Some(p.Name, Expr(range, [v], forcedRate: v))
                    : Opt(p.Name, Percent("osc", "freq"), Wave(scope, range));
            case "range" when role.Range is { } r:
                return Some(p.Name, Gen.Constant((PValue)new PList([new PNumber(r.Lo), new PNumber(r.Hi)])));
            case "range":
                return Opt(p.Name, Percent("osc", "range"),
                    from lo in Number((-1, -0.1))
                    from hi in Number((0.1, 1))
                    select (PValue)new PList([new PNumber(lo), new PNumber(hi)]));
            case "seed" when !role.Seed:
                return None;
            case "seed":
                return Opt(p.Name, Percent("osc", "seed"), Gen.Choose(1, 9).Select(i => (PValue)new PNumber(i)));
            default:
                return Generic("osc", p, scope);
        }
    }
}
