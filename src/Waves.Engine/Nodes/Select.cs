using System.Globalization;
using Waves.Engine.Patching;
using Waves.Engine.Rendering;

namespace Waves.Engine.Nodes;

public sealed class SelectState : NodeState;

/// <summary>
/// <c>select</c>: plays one of its named paths (every extra key), chosen per sample by <c>test</c>.
/// A path key is a number (<c>"-1"</c>, <c>"0.5"</c>) matched against the test's value; <c>true</c> and
/// <c>false</c> (any case) match 1 and 0 — in the original they never matched, since the test was
/// always numeric by then (a fixed defect: corpus <c>test_select_fast_switching</c> was silent there).
/// Each run of frames renders only its path, for exactly the run; paths not selected are paused.
/// A value without a path is silence. A path that ended is silence for its runs: the original ended
/// the whole select there. Ends at its own <c>duration</c>, else never. Stereo when any path is.
/// </summary>
public sealed class Select : Signal
{
    public static readonly NodeInfo Info = new(
        "select", "switches between named paths (each extra key) by the value of test", "mono, or stereo when a path is",
        [new("test", ParamKind.Wave, "the value that picks the path, per sample")],
        ExtraKeys.Allow,
        Compile);

    readonly SelectState state;
    readonly Wave test;
    readonly float[] keys;
    readonly Signal?[] paths;
    readonly Wave?[] constants;
    readonly float[] values;
    readonly float[][] constantBuffers;
    readonly long total;

    Select(NodeSpec spec, CompileScope scope, SelectState state, Wave test, float[] keys, Signal?[] paths, Wave?[] constants)
        : base(spec, scope.MaxBlock, paths.Any(p => p is { IsStereo: true }))
    {
        this.state = state;
        this.test = test;
        this.keys = keys;
        this.paths = paths;
        this.constants = constants;
        values = new float[scope.MaxBlock];
        constantBuffers = [.. constants.Select(c => c is null ? [] : new float[scope.MaxBlock])];
        total = spec.Duration is { } d ? FramesWave.ToFrames(d, scope.SampleRate) : long.MaxValue;
    }

    static Signal Compile(NodeSpec spec, CompileScope scope)
    {
        var state = scope.Bind<SelectState>(spec);
        var children = scope.WithDuration(spec.Duration);
        if (spec.Get("test") is null or Value.Null)
            scope.Env.Error(spec.Pos, "'select' needs 'test': the value that picks a path");
        var test = children.CompileWave(spec.Get("test"), 0, spec, "test");
        var keys = new List<float>();
        var paths = new List<Signal?>();
        var constants = new List<Wave?>();
        foreach (var p in spec.Params)
        {
            if (Info.Param(p.Name) is not null || p.Value is Value.Invalid) continue;
            if (Key(p.Name) is not { } key)
            {
                scope.Env.Error(p.KeyPos, $"path '{p.Name}' of 'select' must be named by a number, true or false");
                continue;
            }
            keys.Add(key);
            // A path that is a node has a time of its own, paused while not selected; a value has none.
            paths.Add(p.Value is Value.Node n ? children.CompileNode(n.Spec) : null);
            constants.Add(p.Value is Value.Node ? null : children.CompileWave(p.Value, 0, spec, p.Name));
        }
        return new Select(spec, scope, state, test, [.. keys], [.. paths], [.. constants]);
    }

    static float? Key(string name)
    {
        if (name.Equals("true", StringComparison.OrdinalIgnoreCase)) return 1;
        if (name.Equals("false", StringComparison.OrdinalIgnoreCase)) return 0;
        return double.TryParse(name, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? (float)v : null;
    }

    int PathOf(float value)
    {
        for (var k = 0; k < keys.Length; k++)
            if (keys[k] == value) return k;
        return -1;
    }

    protected override int Render(in Block block)
    {
        var clock = state.Clock;
        var n = (int)Math.Min(block.Count, Math.Max(0, total - clock));
        if (n == 0) return Finish(block, 0);
        var sub = block with { Count = n };
        test.Fill(sub, clock, values);
        for (var k = 0; k < constants.Length; k++) constants[k]?.Fill(sub, clock, constantBuffers[k]);
        var start = 0;
        while (start < n)
        {
            var path = PathOf(values[start]);
            var end = start + 1;
            while (end < n && PathOf(values[end]) == path) end++;
            Play(path, SubBlock.Of(sub, start, end - start), start);
            start = end;
        }
        state.Clock = clock + n;
        return Finish(block, n);
    }

    void Play(int path, in Block part, int offset)
    {
        var count = part.Count;
        if (path < 0)
        {
            Left.AsSpan(offset, count).Clear();
            Right?.AsSpan(offset, count).Clear();
            return;
        }
        if (paths[path] is not { } p)
        {
            var values = constantBuffers[path].AsSpan(offset, count);
            values.CopyTo(Left.AsSpan(offset));
            if (Right is not null) values.CopyTo(Right.AsSpan(offset));
            return;
        }
        var got = p.Pull(part);
        p.Left.AsSpan(0, count).CopyTo(Left.AsSpan(offset));
        if (Right is not null) (p.Right ?? p.Left).AsSpan(0, count).CopyTo(Right.AsSpan(offset));
        if (got >= count) return;
        Left.AsSpan(offset + got, count - got).Clear();
        Right?.AsSpan(offset + got, count - got).Clear();
    }

    public override IEnumerable<Signal> Children =>
        test.Children.Concat(paths.OfType<Signal>()).Concat(constants.SelectMany(c => c?.Children ?? []));
}
