namespace Waves.Console.Midi;

/// <summary>
/// The terminal view's keyboard mode: <c>k</c> turns it on and off; while on, two octaves on the
/// letter rows play notes (z s x d c v g b h n j m from C3, q 2 w 3 e r 5 t 6 y 7 u from C4), as
/// <c>note N</c> commands, and the other keys (space, arrows, +/-) keep their meaning.
/// </summary>
sealed class MidiKeys
{
    const string Lower = "zsxdcvgbhnjm", Upper = "q2w3er5t6y7u";

    public const string Help = "k keyboard mode (z…m from C3, q…u from C4)";

    public bool On { get; private set; }

    /// <summary>The command a key press gives in keyboard mode (or its toggle), else null.</summary>
    public string? Map(ConsoleKeyInfo key)
    {
        if (key.Modifiers.HasFlag(ConsoleModifiers.Control) || key.Modifiers.HasFlag(ConsoleModifiers.Alt)) return null;
        var c = char.ToLowerInvariant(key.KeyChar);
        if (c == 'k')
        {
            On = !On;
            return On ? "keys on" : "keys off";
        }
        if (!On) return null;
        if (Lower.IndexOf(c) is var i and >= 0) return $"note {48 + i}";
        if (Upper.IndexOf(c) is var j and >= 0) return $"note {60 + j}";
        return null;
    }
}
