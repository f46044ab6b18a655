using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using Waves.Engine.Nodes;

namespace Waves.Properties;

/// <summary>
/// A bounded recursive generator (<see cref="Gen.Sized{T}"/>) of valid sounds built from the node
/// types the engine renders (osc, envelope, mix, track, context). Parameter names, enum choices and
/// ranges come from <see cref="NodeRegistry.Implemented"/>; only the soft ranges that keep renders short
/// and audible, how often each parameter appears, and the structure of mix and context (whose keys
/// are tracks and variables, not registry parameters) are decided here.
/// Interpolation lists only appear where the engine will find a duration, so every sound compiles.
/// The mix of shapes leans towards events: short durations, envelopes (also as levels of other
/// nodes) retriggered at 3–20 Hz, mixes that keep running while a part ends. Measured: about 5% of
/// cases expose the retrigger-after-end block-size dependence, so a 60-case run finds it ~97% of the time.
/// Mix's legacy <c>signals</c> list is not generated (tracks are named keys). Sounds also use
/// sub-patches and read nodes by id, forwards, backwards and in feedback loops (see <see cref="WithReferences"/>).
/// </summary>
public static partial class PatchGen
{
    const int MaxDepth = 4;

    static readonly string[] TrackNames = ["lead", "pad", "hum"];
    static readonly string[] VarNames = ["depth", "speed", "wobble"];

    /// <summary>Any generated sound; nesting grows with the test size up to <see cref="MaxDepth"/> levels.</summary>
    /// <remarks>Half the roots are a mix: a sound is usually a mix of parts, and a mix keeps running
    /// while one of its parts ends or retriggers inside a block.</remarks>
    public static Gen<GeneratedPatch> Patch =>
        Gen.Sized(size => Gen.OneOf(Mix(GenScope.Root(DepthFor(size))), Node(GenScope.Root(DepthFor(size)))))
            .SelectMany(WithReferences)
            .Select(n => new GeneratedPatch(n));

    /// <summary>A mix of an unseeded noise track and any generated sound.</summary>
    public static Gen<NoisyPatch> Noisy =>
        Gen.Sized(size =>
                from rest in Node(GenScope.Root(DepthFor(size) - 1))
                from noise in NoiseTrack()
                from noiseFirst in Gen.Elements(true, false)
                select new PNode("mix", noiseFirst
                    ? [new("noise", noise), new("rest", rest)]
                    : [new("rest", rest), new("noise", noise)]))
            .Select(n => new NoisyPatch(new GeneratedPatch(n)));

    static int DepthFor(int size) => Math.Clamp(2 + size / 20, 2, MaxDepth);

    static Gen<PNode> Node(GenScope scope) =>
        scope.Depth <= 0
            ? Osc(scope, OscRole.Audio)
            : Gen.Frequency(
                (3, Defer(() => Osc(scope, OscRole.Audio))),
                (4, Defer(() => Envelope(scope, modulator: false))),
                (3, Defer(() => Mix(scope))),
                (1, Defer(() => Track(scope))),
                (2, Defer(() => Context(scope))),
                (2, Defer(() => Expression(scope))),
                (3, Defer(() => TimeNode(scope))),
                (1, Defer(SubPatch)));

    /// <summary>An envelope over a signal, or (as a <paramref name="modulator"/> of a level) mostly
    /// over its default signal 1.</summary>
    static Gen<PNode> Envelope(GenScope scope, bool modulator) =>
        from duration in Maybe(Percent("envelope", "duration"), Duration())
        let inner = scope.WithOwnDuration(duration is not null)
        from ps in Params(Registry.Node("envelope").Params, p => p.Name switch
        {
            "signal" => Opt(p.Name, modulator ? 10 : 85, SignalValue(inner)),
            "trigger" => Opt(p.Name, 50, PulseOsc()),
            "gate" => Opt(p.Name, 4, PulseOsc()),
            _ => Generic("envelope", p, inner),
        })
        select Build("envelope", ps, duration);

    /// <summary>A pulse that retriggers an envelope: <c>osc: {type: sqr, freq: 3}</c> up to 20 Hz, so
    /// that within a 0.3 s render an envelope can end and be triggered again.</summary>
    static Gen<PValue> PulseOsc() =>
        from freq in Number((3, 20))
        select (PValue)new PNode("osc",
            [new("type", new PWord(Registry.Choice("osc", "type", "sqr"))), new(Registry.Param("osc", "freq").Name, new PNumber(freq))]);

    static Gen<PValue> SignalValue(GenScope scope) =>
        scope.Depth > 0
            ? Gen.Frequency((5, Defer(() => Node(scope.Down).Select(n => (PValue)n))), (1, Number((0.2, 1)).Select(Num)))
            : Number((0.2, 1)).Select(Num);

    static Gen<PNode> Track(GenScope scope) =>
        from ps in Params(Registry.Node("track").Params, p => p.Name switch
        {
            "signal" => Defer(() => Node(scope.Down)).Select(n => (PParam?)new PParam(p.Name, n)),
            _ => Generic("track", p, scope),
        })
        select Build("track", ps, null);

    /// <summary>A mix of 1–3 named tracks (extra keys of the mix; none of them is a registry parameter).</summary>
    static Gen<PNode> Mix(GenScope scope)
    {
        var info = Registry.Node("mix");
        if (info.Extra != ExtraKeys.Allow || TrackNames.Any(n => info.Param(n) is not null || info.SkippedExtraKeys.Contains(n)))
            throw new InvalidOperationException("mix no longer takes the generator's track names as extra keys");
        return from count in Gen.Choose(1, 3)
               from names in Gen.Shuffle(TrackNames)
               from tracks in Gen.CollectToList(names.Take(count).Select(name =>
                   Gen.Frequency((3, Defer(() => Track(scope.Down))), (1, Defer(() => Node(scope.Down))))
                       .Select(n => new PParam(name, n))))
               select new PNode("mix", [.. tracks]);
    }

    /// <summary>A context with a numeric variable (and maybe a second, changing one) used by the
    /// frequency expression of its signal.</summary>
    static Gen<PNode> Context(GenScope scope)
    {
        var info = Registry.Node("context");
        if (info.Extra != ExtraKeys.Allow || VarNames.Any(n => info.Param(n) is not null))
            throw new InvalidOperationException("context no longer takes the generator's variable names as extra keys");
        var signalName = Registry.Param("context", "signal").Name;
        return from duration in Maybe(Percent("context", "duration"), Duration())
               from names in Gen.Shuffle(VarNames)
               from first in Number((0.5, 8))
               from second in Maybe(40, Defer(() => Wave(
                   scope.WithOwnDuration(duration is not null) with { Vars = [names[0]] }, (1, 6))))
               let vars = second is null ? ImmutableArray.Create(names[0]) : ImmutableArray.Create(names[0], names[1])
               from used in Gen.Elements(vars.ToArray())
               from signal in Osc(scope.Down with { Vars = vars }, OscRole.Audio with { FreqVar = used })
               select new PNode("context", [
                   new(names[0], new PNumber(first)),
                   .. second is null ? ImmutableArray<PParam>.Empty : [new(names[1], second)],
                   new(signalName, signal),
                   .. duration is { } d ? [new PParam("duration", new PNumber(d))] : ImmutableArray<PParam>.Empty,
               ]);
    }

    /// <summary>Noise, possibly panned: audible (amp ≥ 0.1, range [−, +]) and never given a seed.</summary>
    static Gen<PValue> NoiseTrack() =>
        from osc in Osc(GenScope.Root(0), OscRole.Noise)
        from wrap in Gen.Elements(false, true)
        from pan in Number(Registry.Range(Registry.Param("track", "pan"), (-1, 1)))
        select wrap ? new PNode("track", [new("signal", osc), new("pan", new PNumber(pan))]) : (PValue)osc;

    /// <summary>True when the root is a mix with a track that is (or pans) an unseeded noise
    /// oscillator that is not silenced: what <see cref="Noisy"/> generates, kept while shrinking.</summary>
    public static bool HasAudibleNoise(PNode root) =>
        root.Type == "mix" && root.Params.Any(p => IsAudibleNoise(p.Value));

    static bool IsAudibleNoise(PValue v) => v switch
    {
        PNode { Type: "track" } t => t.Get("volume") is null or PNumber { V: > 0 } && t.Get("signal") is { } s && IsAudibleNoise(s),
        PNode { Type: "osc" } o => o.Get("type") is PWord { V: "noise" } && o.Get("seed") is null
            && o.Get("amp") is null or PNumber { V: > 0 } or PExpr or PList
            && o.Get("duration") is null or PNumber { V: > 0 }
            && IsOpenRange(o.Get("range")),
        _ => false,
    };

    static bool IsOpenRange(PValue? range) =>
        range is null || range is PList { Items: [PNumber lo, PNumber hi] } && lo.V < hi.V;
}
