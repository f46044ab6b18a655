using Waves.Engine.Kernels;

namespace Waves.Engine.Expressions.Names;

/// <summary>The built-in names: constants, interval ratios, notes, scales and functions.
/// Looked up after the patch's own names and <c>t</c>.</summary>
internal static class Builtins
{
    /// <summary>One-argument functions; the numpy names beyond the original's globals
    /// (tanh, arcsin …) are here so that <c>np.tanh(x)</c> works.</summary>
    private static readonly string[] ElementwiseNames =
    [
        "sin", "cos", "tan", "abs", "sqrt", "exp", "log", "log10", "log2", "floor", "ceil", "round", "sign",
        "tanh", "sinh", "cosh", "arcsin", "arccos", "arctan", "square", "trunc",
    ];

    public static readonly IReadOnlyDictionary<string, double> Constants = BuildConstants();

    public static readonly IReadOnlyDictionary<string, BuiltinFunction> Functions = BuildFunctions();

    /// <summary>Names that stand for the sample rate the expression is compiled for.</summary>
    public static bool IsSampleRate(string name) => name is "sr" or "sample_rate";

    private static Dictionary<string, double> BuildConstants()
    {
        var semitone = DetMath.Pow(2.0, 1.0 / 12.0);
        var constants = new Dictionary<string, double>
        {
            ["pi"] = Math.PI,
            ["tau"] = 2 * Math.PI,
            ["e"] = Math.E,
            ["inf"] = double.PositiveInfinity,
            ["infinite"] = double.PositiveInfinity,
            ["infinity"] = double.PositiveInfinity,
            ["octave"] = 2,
            ["semitone"] = semitone,
            ["semi"] = semitone,
            ["minor_second"] = semitone,
            ["whole"] = DetMath.Pow(2.0, 2.0 / 12.0),
            ["major_second"] = DetMath.Pow(2.0, 2.0 / 12.0),
            ["minor_third"] = DetMath.Pow(2.0, 3.0 / 12.0),
            ["major_third"] = DetMath.Pow(2.0, 4.0 / 12.0),
            ["fourth"] = DetMath.Pow(2.0, 5.0 / 12.0),
            ["fifth"] = DetMath.Pow(2.0, 7.0 / 12.0),
        };
        foreach (var (name, frequency) in NoteNames.All)
            constants.Add(name, frequency);
        return constants;
    }

    private static Dictionary<string, BuiltinFunction> BuildFunctions()
    {
        var functions = new List<BuiltinFunction>();
        foreach (var name in ElementwiseNames)
            functions.Add(new(name, FunctionKind.Elementwise, 1, 1));
        foreach (var name in (string[])["pow", "arctan2", "hypot", "maximum", "minimum"])
            functions.Add(new(name, FunctionKind.Elementwise2, 2, 2));
        functions.Add(new("clip", FunctionKind.Clip, 3, 3));
        functions.Add(new("where", FunctionKind.Where, 3, 3));
        functions.Add(new("max", FunctionKind.Extremum, 1, int.MaxValue));
        functions.Add(new("min", FunctionKind.Extremum, 1, int.MaxValue));
        foreach (var name in (string[])["sum", "mean", "std"])
            functions.Add(new(name, FunctionKind.Reduction, 1, 1));
        functions.Add(new("rand", FunctionKind.Rand, 0, 2));
        functions.Add(new("to_mono", FunctionKind.Identity, 1, 1));
        return functions.ToDictionary(f => f.Name);
    }
}
