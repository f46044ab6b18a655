namespace Waves.Engine.Expressions.Names;

/// <summary>The built-in scales, as semitone offsets from the root.</summary>
internal static class Scales
{
    public static readonly IReadOnlyDictionary<string, double[]> All = new Dictionary<string, double[]>
    {
        ["chromatic"] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
        ["major"] = [0, 2, 4, 5, 7, 9, 11],
        ["minor"] = [0, 2, 3, 5, 7, 8, 10],
        ["major_pentatonic"] = [0, 2, 4, 7, 9],
        ["minor_pentatonic"] = [0, 3, 5, 7, 10],
        ["dorian"] = [0, 2, 3, 5, 7, 9, 10],
        ["phrygian"] = [0, 1, 3, 5, 7, 8, 10],
        ["lydian"] = [0, 2, 4, 6, 7, 9, 11],
        ["mixolydian"] = [0, 2, 4, 5, 7, 9, 10],
        ["aeolian"] = [0, 2, 3, 5, 7, 8, 10],
        ["locrian"] = [0, 1, 3, 5, 6, 8, 10],
        ["harmonic_minor"] = [0, 2, 3, 5, 7, 8, 11],
        ["melodic_minor"] = [0, 2, 3, 5, 7, 9, 11],
        ["double_harmonic"] = [0, 1, 4, 5, 7, 8, 11],
        ["hungarian_minor"] = [0, 2, 3, 6, 7, 8, 11],
        ["persian"] = [0, 1, 4, 5, 6, 8, 11],
        ["enigmatic"] = [0, 1, 4, 6, 8, 10, 11],
        ["neapolitan_minor"] = [0, 1, 3, 5, 7, 8, 11],
        ["neapolitan_major"] = [0, 1, 3, 5, 7, 9, 11],
        ["prometheus"] = [0, 2, 4, 6, 9, 10],
        ["whole_tone"] = [0, 2, 4, 6, 8, 10],
        ["blues"] = [0, 3, 5, 6, 7, 10],
        // The minor blues is the blues scale under another name; the major blues is its relative major.
        ["minor_blues"] = [0, 3, 5, 6, 7, 10],
        ["major_blues"] = [0, 2, 3, 4, 7, 9],
        ["gypsy"] = [0, 2, 3, 6, 7, 8, 10],
        ["japanese"] = [0, 1, 5, 7, 8],
        ["hirajoshi"] = [0, 2, 3, 7, 8],
        ["kumoi"] = [0, 2, 3, 7, 9],
        ["yo"] = [0, 2, 5, 7, 9],
        ["iwato"] = [0, 1, 5, 6, 10],
        ["pelog"] = [0, 1, 3, 7, 8],
        ["augmented"] = [0, 3, 4, 7, 8, 11],
        ["bebop_major"] = [0, 2, 4, 5, 7, 8, 9, 11],
        ["bebop_minor"] = [0, 2, 3, 4, 5, 7, 9, 10],
    };
}
