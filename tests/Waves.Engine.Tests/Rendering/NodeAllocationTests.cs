using Waves.Engine.Audio;
using Waves.Engine.Nodes;
using Waves.Engine.Patching;
using Waves.Engine.Rendering;
using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Rendering;

/// <summary>
/// One allocation test per node type of <see cref="NodeRegistry.Implemented"/>: a patch that keeps the
/// node busy (its wave parameters moving, its signal sounding) renders block after block without
/// allocating after warm-up. A registered type without an example here fails, so a new node cannot
/// slip past.
/// </summary>
public sealed class NodeAllocationTests : IDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("waves-alloc-").FullName;

    /// <summary>A patch per node type (sound <c>s</c>, with <c>samples/tone.wav</c> beside the sounds).</summary>
    static readonly Dictionary<string, string> Examples = new(StringComparer.Ordinal)
    {
        ["osc"] = "osc: {type: saw, freq: \"200 + 50 * sin(t)\", amp: {osc: {freq: 3}}, phase: {osc: {freq: 7}}, range: [-0.5, 0.5]}",
        ["envelope"] = "envelope: {attack: 0.01, decay: 0.02, sustain: 0.5, release: 0.02, gate: {osc: {type: sqr, freq: 8}}, signal: {osc: {freq: 220}}}",
        ["mix"] = "mix: {a: {osc: {freq: 220}}, b: {osc: {type: tri, freq: 330}}, a_vol: 0.5}",
        ["track"] = "track: {pan: {osc: {freq: 1}}, volume: \"0.5 + 0.2 * sin(t)\", signal: {osc: {freq: 220}}}",
        ["context"] = "context: {x: \"100 + 20 * sin(t)\", signal: {osc: {freq: x * 2}}}",
        ["expression"] = "expression: {exp: \"a * b + sin(t) * rand()\", a: {osc: {freq: 2}}, b: 0.5}",
        ["filter"] = "filter: {type: bandpass, cutoff: \"1000 + 500 * sin(t * 3)\", peak: {osc: {freq: 0.5}}, signal: {osc: {type: saw, freq: 110}}}",
        ["delay"] = "delay: {time: \"0.01 + 0.005 * sin(t)\", feedback: 0.5, signal: {osc: {type: sqr, freq: 5}}}",
        ["map"] = "map: {signal: {osc: {freq: 3}}, from: [-1, 1], to: [100, 200]}",
        ["reference"] = "mix: {a: {osc: {id: lfo, freq: 3}}, b: {reference: {ref: lfo}}, c: {osc: {freq: \"300 + 50 * $lfo\"}}}",
        ["tempo"] = "tempo: {bpm: {osc: {freq: 1, range: [100, 140]}}, signal: beat_tick + bar_number * 0.01 + sixteenth_tick}",
        ["sequencer"] = "tempo: {bpm: 480, signal: {sequencer: {interval: beat, steps: [click, ~, \"click v.5\", [click, click]]}}}",
        ["smooth"] = "smooth: {step: 0.001, signal: {osc: {type: sqr, freq: 5}}}",
        ["select"] = "select: {test: \"floor(t * 50) % 3\", \"0\": {osc: {freq: 300}}, \"1\": {osc: {type: saw, freq: 200}}, \"2\": 0.5}",
        ["snap"] = "snap: {signal: {osc: {freq: 2}}, values: [-1, 0, 0.5, 1], glide: 0.01}",
        ["hold"] = "hold: {signal: {osc: {freq: 3}}, trigger: {osc: {type: sqr, freq: 20}}}",
        ["glide"] = "glide: {signal: {osc: {type: sqr, freq: 5, range: [200, 400]}}, time: 0.02}",
        ["interval"] = "interval: {root: 220, note: \"floor(t * 20) % 7\", scale: major}",
        ["automation"] = "automation: {steps: [0, 1, ~, 0.5], interval: 0.01, mode: ramp}",
        ["multiply"] = "multiply: {number: 3, signal: {osc: {freq: \"100 * (i + 1)\"}}}",
        ["follow"] = "follow: {signal: {osc: {freq: 220, amp: {osc: {freq: 5}}}}}",
        ["retrigger"] = "retrigger: {time: 0.01, repeat: 4, spread: 0.5, movement: 2, signal: {osc: {type: sqr, freq: 10}}}",
        ["spawn"] = "spawn: {trigger: {osc: {type: sqr, freq: 40}}, voices: 3, signal: {envelope: {decay: 0.02, signal: {osc: {freq: 440}}}}}",
        ["sample"] = "sample: {file: samples/tone.wav, loop: true, speed: \"1 + 0.5 * sin(t * 5)\"}",
        ["buffer"] = "mix: {w: {buffer: {name: b1, length: 1, signal: {osc: {freq: 220}}}}, r: {buffer: {name: b1, offset: \"0.01 + 0.005 * sin(t)\"}}}",
        ["shuffle"] = "shuffle: {size: 0.01, signal: {osc: {type: saw, freq: 110, duration: 2}}}",
        ["pitch"] = "pitch: {signal: {osc: {freq: \"220 + 100 * sin(t * 3)\"}}, per_sample: true}",
        ["invert"] = "invert: {signal: {osc: {type: saw, freq: 110, duration: 2}}}",
        ["midi_in"] = "midi_in: {voices: 4, signal: {osc: {freq: freq, amp: amp * gate}}}",
        ["midi_cc"] = "midi_cc: {cc: 74, range: [100, {osc: {freq: 1, range: [200, 300]}}]}",
        ["midi_out"] = "midi_out: {note: \"60 + floor(t * 20) % 12\", gate: {osc: {type: sqr, freq: 20}}, signal: {osc: {freq: 220}}}",
        ["input"] = "input: {amp: {osc: {freq: 2}}, channel: mix}",
    };

    public static TheoryData<string> Types => [.. NodeRegistry.Implemented.Keys.Order(StringComparer.Ordinal)];

    public NodeAllocationTests()
    {
        Directory.CreateDirectory(Path.Combine(root, "sounds"));
        using (var w = new WavWriter(Path.Combine(root, "samples", "tone.wav"), 44100, 1, SampleFormat.F32))
            w.Write([.. Enumerable.Range(0, 4410).Select(i => (float)Math.Sin(i * 0.05))], default);
    }

    public void Dispose()
    {
        try { Directory.Delete(root, recursive: true); } catch (IOException) { }
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void RenderBlock_OfEachNodeType_AllocatesNothingAfterWarmUp(string type)
    {
        Assert.True(Examples.TryGetValue(type, out var body), $"no allocation example for node type '{type}': add one to {nameof(Examples)}");
        File.WriteAllText(Path.Combine(root, "sounds", "s.yaml"),
            $"click:\n  envelope: {{decay: 0.01, signal: {{osc: {{freq: 880, duration: 0.05}}}}}}\ns:\n  {body}\n");
        var library = SoundLibrary.Load(Path.Combine(root, "sounds"));
        Patch Compile()
        {
            var result = PatchCompiler.Compile(library, "s", new RenderSettings(44100, 128, 1));
            Assert.True(result.Patch is not null, string.Join("\n", result.Problems));
            Assert.DoesNotContain(result.Problems, p => p.IsError);
            return result.Patch!;
        }
        var patch = Compile();
        Assert.Contains(patch.Root.Walk(), s => s.Spec?.Type == type);
        Assert.Equal(0, RenderAllocations.Of(Compile, 200));
    }
}
