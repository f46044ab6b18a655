using Waves.Engine.Patching;
using Waves.Engine.Rendering;

namespace Waves.Engine.Nodes;

/// <summary>
/// <c>mix</c>: sums named tracks (every extra key is a track, in file order). Stereo when any
/// track is; mono tracks then go to both sides at full level, as in the original. Ends when
/// every track has ended. Also reads the legacy forms that the original rejected: a
/// <c>signals:</c> list of unnamed tracks, and scalar <c>&lt;track&gt;_vol</c> / <c>&lt;track&gt;_pan</c> keys.
/// </summary>
public sealed class Mix : Signal
{
    public static readonly NodeInfo Info = new(
        "mix", "sums named tracks (each extra key is a track)", "stereo if any track is stereo, else mono",
        [new("signals", ParamKind.List, "legacy: a list of unnamed tracks")],
        ExtraKeys.Allow,
        Compile)
    { SkippedExtraKeys = ["bpm", "context"] };

    public sealed record TrackOut(string Name, Signal Signal);

    readonly TrackOut[] tracks;
    readonly float[] gains;

    Mix(NodeSpec spec, int maxBlock, TrackOut[] tracks) : base(spec, maxBlock, Stereo(tracks))
    {
        this.tracks = tracks;
        gains = [.. tracks.Select(_ => 1f)];
    }

    /// <summary>Mutes and solos of the player (render thread, at a block boundary; allocates nothing).</summary>
    public void SetTrackGains(Transport transport)
    {
        for (var i = 0; i < tracks.Length; i++) gains[i] = transport.TrackGain(tracks[i].Name);
    }

    /// <summary>Workers that render the tracks before each block is summed (offline; null: none).</summary>
    internal ParallelTracks? Parallel { get; set; }

    /// <summary>The tracks, for stems.</summary>
    public IReadOnlyList<TrackOut> Tracks => tracks;

    static Signal Compile(NodeSpec spec, CompileScope scope)
    {
        // A mix's duration is its tracks' time span (for interpolation lists and `duration`); the
        // original did not pass it down, which left lists in a timed mix without one (an error).
        scope = scope.WithDuration(spec.Duration);
        var isModifier = new HashSet<string>();
        var trackNames = spec.Params.Select(p => p.Name).ToHashSet();
        foreach (var p in spec.Params)
            if (p.Value is Value.Number or Value.Text && ModifierTarget(p.Name) is { } target && trackNames.Contains(target))
                isModifier.Add(p.Name);

        var tracks = new List<TrackOut>();
        foreach (var p in spec.Params)
        {
            if (Info.Param(p.Name) is not null && p.Name != "signals" || Info.SkippedExtraKeys.Contains(p.Name) || isModifier.Contains(p.Name))
                continue;
            if (p.Name == "signals" && p.Value is Value.List list)
            {
                for (var i = 0; i < list.Items.Length; i++)
                    if (list.Items[i] is Value.Node n) tracks.Add(new($"{i}", scope.CompileNode(n.Spec)));
                    else if (list.Items[i] is Value.Invalid) continue;
                    else scope.Env.Error(list.Items[i].Pos, $"track {i} of 'signals' must be a node, got {list.Items[i].Describe()}");
                continue;
            }
            if (p.Value is Value.Invalid) continue;
            if (p.Value is not Value.Node node)
            {
                scope.Env.Error(p.Value.Pos, $"track '{p.Name}' must be a node, got {p.Value.Describe()}");
                continue;
            }
            var signal = scope.CompileNode(node.Spec);
            var vol = spec.Get(p.Name + "_vol");
            var pan = spec.Get(p.Name + "_pan");
            if (isModifier.Contains(p.Name + "_vol") || isModifier.Contains(p.Name + "_pan"))
                signal = Track.Wrap(signal, scope, node.Spec,
                    isModifier.Contains(p.Name + "_pan") ? pan : null,
                    isModifier.Contains(p.Name + "_vol") ? vol : null);
            tracks.Add(new(p.Name, signal));
        }
        if (scope.Env is { Previous: { } previous, FadeFrames: > 0 } && !scope.InFade &&
            previous.Specs.TryGetValue(spec.Id, out var old) && old.Type == spec.Type)
            FadeTracksInAndOut(spec, old, previous, scope, tracks);
        return new Mix(spec, scope.MaxBlock, [.. tracks]);
    }

    // Stereo when a track of the sound is: a removed track fading out does not change the layout.
    static bool Stereo(TrackOut[] tracks) => tracks.Any(t => t.Signal.IsStereo && !t.Name.EndsWith(RemovedSuffix, StringComparison.Ordinal));

    const string RemovedSuffix = " (removed)";

    /// <summary>In a reload: a track that is new fades in, one that was removed fades out.</summary>
    static void FadeTracksInAndOut(NodeSpec spec, NodeSpec old, PreviousPatch previous, CompileScope scope, List<TrackOut> tracks)
    {
        var frames = scope.Env.FadeFrames;
        for (var i = 0; i < tracks.Count; i++)
            if (tracks[i].Signal.Spec is { } t && !previous.Specs.ContainsKey(t.Id))
                tracks[i] = tracks[i] with { Signal = new Fade(tracks[i].Signal, true, frames, [], scope.MaxBlock) };
        var now = TrackSpecs(spec).Select(t => t.Spec.Id).ToHashSet();
        var stereo = Stereo([.. tracks]);
        foreach (var (name, gone) in TrackSpecs(old).Where(t => !now.Contains(t.Spec.Id)))
            if (scope.CompileOld(gone, previous) is { Signal: { } signal, Copies: var copies })
                tracks.Add(new(name + RemovedSuffix, new Fade(signal, false, frames, copies, scope.MaxBlock, stereo)));
    }

    static IEnumerable<(string Name, NodeSpec Spec)> TrackSpecs(NodeSpec mix)
    {
        foreach (var p in mix.Params)
            if (p.Value is Value.Node n) yield return (p.Name, n.Spec);
            else if (p.Name == "signals" && p.Value is Value.List l)
                for (var i = 0; i < l.Items.Length; i++)
                    if (l.Items[i] is Value.Node item) yield return ($"{i}", item.Spec);
    }

    static string? ModifierTarget(string key) =>
        key.EndsWith("_vol", StringComparison.Ordinal) || key.EndsWith("_pan", StringComparison.Ordinal) ? key[..^4] : null;

    protected override int Render(in Block block)
    {
        var n = block.Count;
        var produced = 0;
        var left = Left.AsSpan(0, n);
        left.Clear();
        var right = Right is null ? default : Right.AsSpan(0, n);
        right.Clear();
        // With workers, every track is rendered by now; the sum below keeps its order either way.
        Parallel?.PullAll(block);
        for (var k = 0; k < tracks.Length; k++)
        {
            var t = tracks[k];
            var got = t.Signal.Pull(block);
            produced = Math.Max(produced, got);
            var g = gains[k];
            if (g == 0f) continue; // muted: it still runs, so it comes back where it would be
            var l = t.Signal.Left;
            var r = t.Signal.Right ?? l;
            Kernels.SpanMath.AddScaled(left[..got], l.AsSpan(0, got), g);
            if (Right is not null) Kernels.SpanMath.AddScaled(right[..got], r.AsSpan(0, got), g);
        }
        return Finish(block, produced);
    }

    public override IEnumerable<Signal> Children => tracks.Select(t => t.Signal);
}
