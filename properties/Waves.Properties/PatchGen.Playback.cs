using FsCheck;
using FsCheck.Fluent;
using Waves.Engine.Audio;
using Waves.Engine.Nodes;

namespace Waves.Properties;

public static partial class PatchGen
{
    /// <summary>WAV files the generated samples play (mono and stereo, at three rates) and a folder of
    /// chops, written once per process; their paths are absolute, so any sound folder finds them.</summary>
    static readonly Lazy<(string[] Files, string Chops)> PlaybackFiles = new(WritePlaybackFiles);

    /// <summary>Sounds of the nodes that play audio from memory: <c>sample</c>, <c>buffer</c> (a writer,
    /// its readers, a file buffer), <c>shuffle</c> and <c>invert</c> over generated sounds given a length,
    /// and <c>pitch</c> of a generated sound; alone or two in a mix. Parameters come from the registry.
    /// Buffers are at least 0.1 s long (longer than the largest block) and a writer with readers writes
    /// at speed 1: the two conditions under which <c>buffer</c> promises the same frames for any block size.</summary>
    public static Gen<GeneratedPatch> Played =>
        Gen.Sized(size => Gen.OneOf(
                Player(GenScope.Root(DepthFor(size)), "A"),
                from a in Player(GenScope.Root(DepthFor(size) - 1), "A")
                from b in Player(GenScope.Root(DepthFor(size) - 1), "B")
                select new PNode("mix", [new("lead", a), new("pad", b)])))
            .Select(n => new GeneratedPatch(n));

    /// <param name="name">The name of the buffer it writes, if it is a buffer (two players never share one).</param>
    static Gen<PNode> Player(GenScope scope, string name) =>
        Gen.Frequency(
            (3, Defer(() => SampleNode(scope))),
            (3, Defer(() => Buffers(scope, name))),
            (2, Defer(() => Rearranged("shuffle", scope))),
            (1, Defer(() => Rearranged("invert", scope))),
            (2, Defer(() => PitchNode(scope))));

    static Gen<PValue> Flag => Gen.Elements("true", "false").Select(w => (PValue)new PWord(w));

    static Gen<PValue> Path(string path) => Gen.Constant((PValue)new PExpr(path));

    static Gen<PNode> SampleNode(GenScope scope) =>
        from chopping in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        from file in Gen.Elements(PlaybackFiles.Value.Files)
        from duration in Maybe(40, Duration())
        let inner = scope.WithOwnDuration(duration is not null)
        from ps in Params(Registry.Node("sample").Params, p => p.Name switch
        {
            "file" => Some(p.Name, Path(chopping ? PlaybackFiles.Value.Chops : file)),
            "chop" => chopping ? Some(p.Name, Wave(inner, (0, 3))) : None,
            "start" => Opt(p.Name, 30, Wave(inner, (0, 0.4))),
            "end" => Opt(p.Name, 30, Wave(inner, (0.6, 1))),
            "loop" => Opt(p.Name, 60, Flag),
            "speed" => Opt(p.Name, 60, Wave(inner, (-2, 2))),
            "freq" or "base_freq" => Opt(p.Name, 25, Number((100, 400)).Select(Num)),
            "offset" => Opt(p.Name, 25, Wave(inner, (0, 0.01))),
            "overlap" => Opt(p.Name, 30, Number((0, 0.5)).Select(Num)),
            "interpolation" => Opt(p.Name, 40, Gen.Elements(p.Choices.ToArray()).Select(w => (PValue)new PWord(w))),
            _ => None,
        })
        select Build("sample", ps, duration);

    /// <summary>A writer and up to two readers of one buffer, or a buffer loaded from a file, in a mix.</summary>
    static Gen<PNode> Buffers(GenScope scope, string name) =>
        from readers in Gen.Choose(0, 2)
        from writer in BufferNode(scope, name, writer: true, varispeed: readers == 0, file: null)
        from rs in Gen.CollectToList(Enumerable.Range(0, readers).Select(_ => BufferNode(scope, name, writer: false, varispeed: true, file: null)))
        from file in Gen.Elements(PlaybackFiles.Value.Files)
        from fromFile in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        from loaded in BufferNode(scope, "F", writer: false, varispeed: true, file: file)
        from order in Gen.Shuffle(Enumerable.Range(0, readers + 1).ToArray())
        let nodes = (IReadOnlyList<PNode>)[writer, .. rs]
        select new PNode("mix", [
            .. order.Select(i => new PParam(i == 0 ? "w" : $"r{i}", nodes[i])),
            .. fromFile ? [new PParam("f", loaded)] : Array.Empty<PParam>(),
        ]);

    static Gen<PNode> BufferNode(GenScope scope, string name, bool writer, bool varispeed, string? file) =>
        // A writer at a speed other than 1 reads exactly only in offset mode.
        from positions in writer && varispeed ? Gen.Constant(false) : Gen.Frequency((writer ? 1 : 2, Gen.Constant(true)), (2, Gen.Constant(false)))
        from duration in Maybe(30, Duration())
        let inner = scope.WithOwnDuration(duration is not null)
        from ps in Params(Registry.Node("buffer").Params, p => p.Name switch
        {
            "name" => file is null ? Some(p.Name, Gen.Constant((PValue)new PWord(name))) : None,
            "file" => file is null ? None : Some(p.Name, Path(file)),
            "length" => writer ? Some(p.Name, Number((0.1, 0.5)).Select(Num)) : None,
            "signal" => writer ? Some(p.Name, scope.Depth > 0 ? Defer(() => Node(scope.Down)).Select(n => (PValue)n) : Osc(scope, OscRole.Audio).Select(n => (PValue)n)) : None,
            "offset" => positions ? None : Opt(p.Name, 60, Wave(inner, (0, 0.09))),
            "start" => positions ? Opt(p.Name, 70, Wave(inner, (0, 0.4))) : None,
            "end" => positions ? Some(p.Name, Wave(inner, (0.6, 1))) : None,
            "loop" or "overlap" when !positions => None,
            "loop" => Opt(p.Name, 60, Flag),
            "overlap" => Opt(p.Name, 30, Number((0, 0.5)).Select(Num)),
            "speed" => varispeed ? Opt(p.Name, 50, Wave(inner, (-2, 2))) : None,
            "freq" or "base_freq" => positions ? Opt(p.Name, 25, Number((100, 400)).Select(Num)) : None,
            _ => None,
        })
        select Build("buffer", ps, duration);

    /// <summary><c>shuffle</c> or <c>invert</c> of a generated sound cut to a length by a context.</summary>
    static Gen<PNode> Rearranged(string type, GenScope scope) =>
        from length in Number((0.05, 0.4))
        from inner in scope.Depth > 0 ? Defer(() => Node(scope.Down)) : Osc(scope, OscRole.Audio)
        let signal = new PNode("context", [new("duration", new PNumber(length)), new("signal", inner)])
        from ps in Params(Registry.Node(type).Params, p => p.Name switch
        {
            "signal" => Some(p.Name, Gen.Constant((PValue)signal)),
            "size" => Opt(p.Name, 70, Number((0.005, 0.08)).Select(Num)),
            "chunks" => Opt(p.Name, 20, Gen.Choose(2, 12).Select(i => (PValue)new PNumber(i))),
            "invert" => Opt(p.Name, 60, Number((0, 1)).Select(Num)),
            "crossfade" => Opt(p.Name, 50, Number((0, 0.01)).Select(Num)),
            "seed" => Opt(p.Name, 20, Gen.Choose(1, 9).Select(i => (PValue)new PNumber(i))),
            _ => None,
        })
        select Build(type, ps, null);

    static Gen<PNode> PitchNode(GenScope scope) =>
        from ps in Params(Registry.Node("pitch").Params, p => p.Name switch
        {
            "signal" => Some(p.Name, scope.Depth > 0 ? Defer(() => Node(scope.Down)).Select(n => (PValue)n) : Osc(scope, OscRole.Audio).Select(n => (PValue)n)),
            "min_freq" => Opt(p.Name, 50, Number((50, 150)).Select(Num)),
            "max_freq" => Opt(p.Name, 50, Number((600, 2000)).Select(Num)),
            "per_sample" => Opt(p.Name, 30, Flag),
            "smoothing" => Opt(p.Name, 50, Number((0, 0.99)).Select(Num)),
            _ => None,
        })
        select Build("pitch", ps, null);

    static (string[] Files, string Chops) WritePlaybackFiles()
    {
        var dir = Directory.CreateTempSubdirectory("waves-properties-").FullName;
        string Write(string name, int rate, int frames, bool stereo)
        {
            var path = System.IO.Path.Combine(dir, name);
            var left = new float[frames];
            var right = new float[frames];
            for (var i = 0; i < frames; i++)
            {
                left[i] = (float)(0.6 * Math.Sin(2 * Math.PI * 220 * i / rate) + 0.2 * Math.Sin(2 * Math.PI * 1375 * i / rate));
                right[i] = (float)(0.5 * Math.Sin(2 * Math.PI * 330 * i / rate) * (1 - (double)i / frames));
            }
            using var w = new WavWriter(path, rate, stereo ? 2 : 1, SampleFormat.S16);
            w.Write(left, stereo ? right : []);
            return path;
        }
        string[] files =
        [
            Write("mono.wav", 44100, 11025, false),
            Write("stereo.wav", 48000, 9000, true),
            Write("low.wav", 22050, 4000, false),
        ];
        var chops = System.IO.Path.Combine(dir, "chops");
        Directory.CreateDirectory(chops);
        for (var k = 0; k < 4; k++) File.Copy(files[k % files.Length], System.IO.Path.Combine(chops, $"chop_{k}.wav"));
        return (files, chops);
    }
}
