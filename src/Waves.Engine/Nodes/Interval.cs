using System.Globalization;
using Waves.Engine.Expressions;
using Waves.Engine.Expressions.Names;
using Waves.Engine.Kernels;
using Waves.Engine.Patching;
using Waves.Engine.Rendering;

namespace Waves.Engine.Nodes;

public sealed class IntervalState : NodeState;

/// <summary>
/// <c>interval</c>: scale degree to frequency, per sample. The note is rounded half to even; degree
/// k of a scale of L steps is <c>scale[k mod L] + 12·floor(k / L)</c> semitones above <c>root</c>
/// (floor division, so negative notes go down octaves). <c>scale</c> is a list of semitones, the name
/// of a built-in scale (<c>minor_pentatonic</c>) or a variable holding a list; default chromatic.
/// Ends when root or note ends.
/// </summary>
public sealed class Interval : Signal
{
    public static readonly NodeInfo Info = new(
        "interval", "turns a scale degree into a frequency", "mono",
        [
            new("root", ParamKind.Wave, "frequency of degree 0, in Hz") { Default = 440 },
            new("note", ParamKind.Wave, "scale degree (rounded to a whole degree)") { Default = 0 },
            new("scale", ParamKind.Any, "semitones of the scale: a list, a scale name or a variable (default chromatic)"),
        ],
        ExtraKeys.Forbid,
        Compile);

    readonly IntervalState state;
    readonly Wave root, note;
    readonly double[] scale;
    readonly float[] roots, notes;

    Interval(NodeSpec spec, CompileScope scope, IntervalState state, Wave root, Wave note, double[] scale) : base(spec, scope.MaxBlock, false)
    {
        this.state = state;
        this.root = root;
        this.note = note;
        this.scale = scale;
        roots = new float[scope.MaxBlock];
        notes = new float[scope.MaxBlock];
    }

    static Signal Compile(NodeSpec spec, CompileScope scope)
    {
        var state = scope.Bind<IntervalState>(spec);
        var children = scope.WithDuration(spec.Duration);
        var root = children.CompileWave(spec.Get("root"), 440, spec, "root");
        var note = children.CompileWave(spec.Get("note"), 0, spec, "note");
        return new Interval(spec, scope, state, root, note, Scale(spec.Get("scale"), scope));
    }

    static readonly double[] Chromatic = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

    static double[] Scale(Value? value, CompileScope scope)
    {
        switch (value)
        {
            case null or Value.Null:
                return Chromatic;
            case Value.List l when l.Items.Length > 0 && l.Items.All(i => i is Value.Number):
                return [.. l.Items.Select(i => ((Value.Number)i).V)];
            case Value.Text t when scope.Resolve(t.V.Trim()) is NameBinding.NumberList { Values.Count: > 0 } list:
                return [.. list.Values];
            case Value.Text t when Scales.All.TryGetValue(t.V.Trim(), out var named):
                return named;
            case Value.Text t when ParseList(t.V) is { Length: > 0 } parsed:
                return parsed;
        }
        scope.Env.Error(value.Pos, $"'scale' of 'interval' must be a non-empty list of semitones or the name of a scale, got {value.Describe()}");
        return Chromatic;
    }

    /// <summary>A list written as text (<c>"[0, 3, 7]"</c>).</summary>
    static double[]? ParseList(string text)
    {
        var t = text.Trim();
        if (t.Length < 2 || t[0] != '[' || t[^1] != ']') return null;
        var parts = t[1..^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var result = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out result[i])) return null;
        return result;
    }

    /// <summary>Semitones above the root of scale degree <paramref name="note"/>.</summary>
    public static double Semitones(double note, double[] scale)
    {
        var k = Math.Round(note, MidpointRounding.ToEven);
        var octave = Math.Floor(k / scale.Length);
        var pos = (int)(k - octave * scale.Length);
        return scale[pos] + 12 * octave;
    }

    protected override int Render(in Block block)
    {
        var clock = state.Clock;
        var n = Math.Min(root.Fill(block, clock, roots), note.Fill(block, clock, notes));
        for (var i = 0; i < n; i++)
            Left[i] = float.IsFinite(notes[i]) ? (float)(roots[i] * DetMath.Pow(2, Semitones(notes[i], scale) / 12)) : 0;
        state.Clock = clock + n;
        return Finish(block, n);
    }

    public override IEnumerable<Signal> Children => root.Children.Concat(note.Children);
}
