using Waves.Engine.Tests.Reload;
using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Nodes;

/// <summary>What every time node must do: the same samples for any block size, nothing allocated
/// while rendering, and its state kept across a reload that changes another node.</summary>
public sealed class TimeNodeSnippets
{
    /// <summary>One sound per node, each exercising its moving parts (per-sample parameters, children,
    /// triggers, voices).</summary>
    public static readonly Dictionary<string, string> Sounds = new()
    {
        ["smooth"] = "smooth: {step: \"0.001 + 0.01 * t\", signal: {osc: {type: sqr, freq: 7}}}",
        ["select"] = "select: {test: \"floor(t * 37) % 3\", \"0\": {osc: {freq: 220}}, \"1\": {osc: {type: saw, freq: 330}}, \"2\": \"sin(t * 40)\"}",
        ["snap"] = "snap: {values: [-1, \"0.2 * sin(t)\", 1], glide: 0.03, signal: {osc: {freq: 3}}}",
        ["snap range"] = "snap: {range: [-1, 1], interval: \"0.25 + t\", signal: {osc: {freq: 5}}}",
        ["hold"] = "hold: {signal: {osc: {freq: 3}}, trigger: {osc: {type: sqr, freq: 11}}}",
        ["glide"] = "glide: {time: \"0.01 + 0.02 * t\", signal: {automation: {interval: 0.0371, steps: [-1, 1, 0.3]}}}",
        ["interval"] = "osc: {freq: {interval: {root: 220, scale: minor_pentatonic, note: {osc: {freq: 2, range: [-8, 8]}}}}}",
        ["automation"] = "automation: {interval: \"0.03 + 0.01 * sin(t)\", swing: 0.3, mode: ramp, steps: [0, ~, {osc: {freq: 9}}, 1, ~]}",
        ["automation overlap"] = "automation: {interval: 0.023, mode: overlap, overlap: 0.01, repeat: 4, steps: [0, {osc: {freq: 50}}, ~, 1]}",
        ["automation trigger"] = "automation: {trigger: {osc: {type: sqr, freq: 13}}, reset: {osc: {type: sqr, freq: 3}}, steps: [0.1, 0.5, 0.9]}",
        ["multiply"] = "multiply: {number: \"1 + 3 * t\", signal: {osc: {freq: \"110 * i\", amp: \"1 / n\"}}}",
        ["multiply items"] = "multiply: {items: [1, 2, 3], signal: {osc: {type: saw, freq: \"100 * item\", amp: 0.2}}}",
        ["follow"] = "follow: {attack: 0.002, release: \"0.05 + t\", range: [0, 2], signal: {osc: {freq: 5, amp: {osc: {freq: 0.7}}}}}",
        ["retrigger"] = "retrigger: {time: 0.013, repeat: 4, feedback: 0.6, spread: 0.5, movement: 2, signal: {osc: {freq: 440, duration: 0.02}}}",
        ["spawn"] = "spawn: {voices: 3, trigger: {osc: {type: sqr, freq: 17}}, signal: {envelope: {attack: 0.01, release: 0.05, duration: 0.2, signal: {osc: {freq: 330}}}}}",
    };

    public static TheoryData<string> Names => [.. Sounds.Keys];

    static string Yaml(string name) => $"s:\n  {Sounds[name]}\n";

    [Theory]
    [MemberData(nameof(Names))]
    public void Render_IsTheSameForBlocksOf1_64_4096(string name)
    {
        var a = Patches.Render(Yaml(name), 0.5, block: 64);
        var b = Patches.Render(Yaml(name), 0.5, block: 4096);
        var c = Patches.Render(Yaml(name), 0.5, block: 1);
        Assert.Equal(a.Left, b.Left);
        Assert.Equal(a.Left, c.Left);
        Assert.True(Signals.Peak(a.Left) > 0);
        if (a.Right is not null)
        {
            Assert.Equal(a.Right, b.Right);
            Assert.Equal(a.Right, c.Right);
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Render_AllocatesNothing(string name) =>
        Assert.Equal(0, RenderAllocations.Of(() => Patches.Patch(Yaml(name), block: 128), 300));

    [Theory]
    [MemberData(nameof(Names))]
    public void Reload_OfAnotherNode_KeepsTheNodesState(string name)
    {
        string Sound(int freq) => $"s:\n  mix:\n    a: {{track: {{pan: -1, signal: {{{Sounds[name]}}}}}}}\n    b: {{track: {{pan: 1, signal: {{osc: {{freq: {freq}}}}}}}}}\n";
        var plain = LiveRun.Play(LiveRun.Start(Sound(100)), 22050);
        var edited = LiveRun.Play(LiveRun.Start(Sound(100), fadeFrames: 0), 22050, (9984, Sound(150)));
        Assert.True(edited.Reports[0].Accepted);
        Assert.Equal(-1, LiveRun.FirstDifference(plain.Left, edited.Left));
        Assert.NotEqual(-1, LiveRun.FirstDifference(plain.Right, edited.Right));
    }
}
