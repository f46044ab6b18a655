namespace Waves.Properties;

/// <summary>
/// Sounds that generated sounds use as node types (sub-patches), written after the generated sound
/// in the same file when it uses them. Each has explicit ids read by bare name inside it, so two uses
/// must keep apart (distinct states, each reading its own nodes); <c>sub_loop</c> reads itself (feedback).
/// </summary>
public static class SubPatches
{
    /// <summary>Name, the variable its uses override with a number in the range, and the definition.</summary>
    public static readonly (string Name, string Variable, (double Lo, double Hi) Range, string Yaml)[] All =
    [
        ("sub_voice", "pitch", (80, 600), """
            sub_voice:
              context:
                pitch: 220
                signal:
                  mix:
                    lfo: {osc: {id: wob, freq: 5, amp: 0.5}}
                    tone: {osc: {id: tone, freq: "clip(pitch + 20 * $wob, 40, 1200)", amp: 0.3}}
                    again: {reference: {ref: tone}}
            """),
        ("sub_loop", "rate", (60, 400), """
            sub_loop:
              context:
                rate: 200
                signal:
                  osc: {id: fb, freq: "clip(rate + 80 * $fb, 40, 1200)", amp: 0.3}
            """),
    ];

    public static bool IsSubPatch(string type) => All.Any(s => s.Name == type);

    /// <summary>The definitions of the sub-patches <paramref name="root"/> uses, in a fixed order.</summary>
    public static string DefinitionsFor(PNode root)
    {
        var used = root.Descendants().Prepend(root).Select(n => n.Type).ToHashSet();
        return string.Concat(All.Where(s => used.Contains(s.Name)).Select(s => "\n" + s.Yaml.TrimEnd('\n') + "\n"));
    }
}
