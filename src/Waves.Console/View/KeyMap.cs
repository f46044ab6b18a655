using System.Globalization;

namespace Waves.Console.View;

/// <summary>What a key press acts on: the session's transport as it is now and the track list with its selection.</summary>
sealed record KeyContext(bool Paused, double Gain, IReadOnlyList<string> Tracks, int Selected,
    IReadOnlyCollection<string> Muted, IReadOnlyCollection<string> Soloed);

/// <summary>What a key press does: a command line for the session (null: none) and the track selected afterwards.</summary>
readonly record struct KeyAction(string? Command, int Selected);

/// <summary>
/// The keys of the terminal view, as the command lines a user could type (so they take the same
/// path and are journaled the same way): space pauses or resumes, up/down/tab select a track, m and
/// s toggle its mute and solo, + and - change the master gain by about 1 dB, r starts or stops a
/// recording and q stops.
/// </summary>
static class KeyMap
{
    /// <summary>One step of + or -: 20·log10(1.122) ≈ 1 dB.</summary>
    public const double GainStep = 1.122;

    public const double MaxGain = 4;

    /// <summary>Below this (−60 dB) a step down gives silence, and a step up from silence starts here.</summary>
    public const double MinGain = 0.001;

    public const string Help = "space pause  ↑↓ track  m mute  s solo  +/- gain  r record  q quit  k keyboard";

    /// <summary>The view's keyboard mode, toggled by k, in which the letter rows play notes.</summary>
    public static readonly Midi.MidiKeys Keys = new();

    public static KeyAction Map(ConsoleKeyInfo key, KeyContext context)
    {
        var tracks = context.Tracks;
        var selected = tracks.Count == 0 ? -1 : Math.Clamp(context.Selected, 0, tracks.Count - 1);
        var track = selected >= 0 ? tracks[selected] : null;
        KeyAction Do(string? command) => new(command, selected);
        KeyAction Select(int step) => tracks.Count == 0 ? Do(null) : new(null, (selected + step + tracks.Count) % tracks.Count);

        if (key.Modifiers.HasFlag(ConsoleModifiers.Control) || key.Modifiers.HasFlag(ConsoleModifiers.Alt)) return Do(null);
        if (Keys.Map(key) is { } note) return Do(note);
        switch (key.Key)
        {
            case ConsoleKey.Spacebar: return Do(context.Paused ? "resume" : "pause");
            case ConsoleKey.UpArrow: return tracks.Count == 0 ? Do(null) : new(null, Math.Max(0, selected - 1));
            case ConsoleKey.DownArrow: return tracks.Count == 0 ? Do(null) : new(null, Math.Min(tracks.Count - 1, selected + 1));
            case ConsoleKey.Tab: return Select(key.Modifiers.HasFlag(ConsoleModifiers.Shift) ? -1 : 1);
            case ConsoleKey.Add or ConsoleKey.OemPlus: return Do(Gain(context.Gain, up: true));
            case ConsoleKey.Subtract or ConsoleKey.OemMinus: return Do(Gain(context.Gain, up: false));
        }
        return char.ToLowerInvariant(key.KeyChar) switch
        {
            'm' when track is not null => Do($"{(context.Muted.Contains(track) ? "unmute" : "mute")} {track}"),
            's' when track is not null => Do($"{(context.Soloed.Contains(track) ? "unsolo" : "solo")} {track}"),
            '+' or '=' => Do(Gain(context.Gain, up: true)),
            '-' or '_' => Do(Gain(context.Gain, up: false)),
            'r' => Do("record"),
            'q' => Do("stop"),
            _ => Do(null),
        };
    }

    static string Gain(double gain, bool up)
    {
        var next = up ? Math.Max(gain, MinGain) * GainStep : gain / GainStep;
        if (next < MinGain) next = 0;
        return "gain " + Math.Clamp(next, 0, MaxGain).ToString("0.####", CultureInfo.InvariantCulture);
    }
}
