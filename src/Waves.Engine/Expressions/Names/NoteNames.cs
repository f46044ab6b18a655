using Waves.Engine.Kernels;

namespace Waves.Engine.Expressions.Names;

/// <summary>Note frequencies for MIDI 12..139 (c0..g10), equal temperament with a4 = 440 Hz.
/// Sharps are spelled <c>cs4</c> and <c>c#4</c>, flats <c>db4</c>; each name also with a capital letter.</summary>
internal static class NoteNames
{
    private const int LowestMidi = 12;
    private const int HighestMidi = 139;

    // Spellings of each pitch class; the octave is that of the pitch class, so there is no cb/b#.
    private static readonly string[][] Spellings =
    [
        ["c"], ["cs", "c#", "db"], ["d"], ["ds", "d#", "eb"], ["e"], ["f"],
        ["fs", "f#", "gb"], ["g"], ["gs", "g#", "ab"], ["a"], ["as", "a#", "bb"], ["b"],
    ];

    public static readonly IReadOnlyDictionary<string, double> All = Build();

    public static double Frequency(int midi) => 440.0 * DetMath.Pow(2.0, (midi - 69) / 12.0);

    private static Dictionary<string, double> Build()
    {
        var notes = new Dictionary<string, double>();
        for (var midi = LowestMidi; midi <= HighestMidi; midi++)
        {
            var octave = midi / 12 - 1;
            var frequency = Frequency(midi);
            foreach (var spelling in Spellings[midi % 12])
            {
                var name = spelling + octave;
                notes[name] = frequency;
                notes[char.ToUpperInvariant(name[0]) + name[1..]] = frequency;
            }
        }

        return notes;
    }
}
