using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Fuzz;

/// <summary>
/// The files the fuzzer mutates: every corpus sound file (in name order), the repository's
/// <c>sounds/demo.yaml</c>, and one extra file written here that exercises every node type the
/// engine implements (gates, triggers, contexts, legacy mix keys, sub-patches, anchors and merge
/// keys), since most corpus sounds use node types this version does not render yet.
/// </summary>
public static class FuzzSeeds
{
    public sealed record Seed(string Name, string Text);

    static readonly Lazy<IReadOnlyList<Seed>> all = new(Load);

    /// <summary>The seeds in a fixed order: a case picks one by index, so the order is part of
    /// what makes a case reproducible (the seed's name is printed with every failure).</summary>
    public static IReadOnlyList<Seed> All => all.Value;

    static IReadOnlyList<Seed> Load()
    {
        var seeds = Directory.GetFiles(CorpusFiles.Sounds, "*.yaml")
            .Order(StringComparer.Ordinal)
            .Select(f => new Seed("corpus/" + Path.GetFileName(f), File.ReadAllText(f)))
            .ToList();
        seeds.Add(new Seed("sounds/demo.yaml", File.ReadAllText(Path.Combine(RepoPaths.Root, "sounds", "demo.yaml"))));
        seeds.Add(new Seed("fuzz/extra.yaml", Extra));
        return seeds;
    }

    /// <summary>Every implemented node type and most of their parameters, with the YAML features
    /// the reader supports (anchors, aliases, merge keys, flow and block style).</summary>
    public const string Extra = """
        vars:
          base: 220
          steps: [1, 1.5, 2]
          doubled: base * 2
          pluck_node: &pluck
            envelope:
              attack: 0.01
              decay: 0.1
              sustain: 0.5
              release: 0.2
              duration: 0.5
              signal:
                osc: {freq: base, type: tri}

        lead:
          context:
            duration: 2
            pitch: [base, [doubled, 0.5], base * 1.5]
            depth: 0.3
            signal:
              track:
                pan: {osc: {freq: 0.5, range: [-1, 1]}}
                volume: 0.8
                signal:
                  envelope:
                    attack: 0.005
                    decay: 0.1
                    sustain: 0.6
                    release: 0.3
                    gate: {osc: {type: sqr, freq: 3, pulse_width: 0.25}}
                    signal:
                      osc:
                        type: saw
                        freq: pitch * (1 + depth * sin(t * 6))
                        amp: 0.3
                        phase: {osc: {freq: pitch * 2, amp: [1, 0], duration: 2}}

        perc:
          envelope:
            trigger: {osc: {type: sqr, freq: 8}}
            end: false
            decay: 0.05
            sustain: 0
            sustain_duration: 0.01
            signal:
              osc: {type: noise, seed: 7, amp: 0.2}

        legacy:
          mix:
            signals:
              - osc: {freq: 110, amp: 0.2}
              - osc: {type: perlin, scale: 3, amp: 0.1}
            a:
              osc: {type: wander, scale: 0.5, seed: 3}
            a_vol: 0.5
            a_pan: -0.5

        sub:
          lead:
            depth: 0.9

        merged:
          <<: *pluck
          id: shared

        plucked: *pluck

        choices:
          osc:
            duration: 1
            type: ramp
            freq: "rand([base, base * 2, base * 3]) + max(steps) * where(t > 0.5, 1, 2)"
            amp: "[0.1 * x for x in steps][1] if t < 0.5 else clip(t, 0, 0.2)"
            range: [-0.5, 0.5]
            attack: 0.1
            release: [0.1, 0.3]
            freq_interpolation: smooth

        stereo:
          envelope:
            duration: 0.04
            attack: 0.01
            release: 0.01
            signal:
              mix:
                l: {track: {pan: -1, signal: {osc: {type: cos, freq: a4}}}}
                r: {track: {pan: [1, -1], volume: [0, 1], signal: {osc: {type: sqr, freq: c#4, pulse_width: t}}}}
                both: {track: {signal: {sub: {depth: 0.1}}}}
        """;
}
