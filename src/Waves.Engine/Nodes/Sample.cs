using Waves.Engine.Audio;
using Waves.Engine.Patching;
using Waves.Engine.Rendering;

namespace Waves.Engine.Nodes;

public sealed class SampleState : NodeState
{
    /// <summary>Play position in frames of the file, not wrapped into the loop (as the original kept it).</summary>
    public double Playhead;

    /// <summary>False until the first frame (and again after a chop change): the playhead is then placed at the window.</summary>
    public bool Started;

    public bool Ended;

    /// <summary>The chop file playing (−1 before the first).</summary>
    public int Chop = -1;

    public override void CopyFrom(NodeState other)
    {
        base.CopyFrom(other);
        var o = (SampleState)other;
        (Playhead, Started, Ended, Chop) = (o.Playhead, o.Started, o.Ended, o.Chop);
    }
}

/// <summary>
/// <c>sample</c>: plays an audio file, or with <c>chop</c> one of the <c>.wav</c> files of a folder
/// (sorted by name ignoring case; <c>int(chop)</c> clipped to the files; a new index restarts the
/// playhead). Files are read when the sound is compiled and cached by path and last-write time, so
/// a file changed on disk is read again at the next reload; a missing or unreadable file is an
/// error at the path. Every parameter is read per sample; the playhead is state and survives reloads.
/// <para>Deliberate differences from the original: the file's own sample rate is honoured (the
/// playhead moves by speed × file rate / session rate, read with <c>interpolation</c>); a stereo
/// file plays in stereo (the original kept channel 0); any WAV encoding is scaled right (the
/// original assumed 16 bits); <c>chop</c> is read per sample (the original took one sample per
/// chunk) and a reload does not restart a chop; the first frame played is the start frame itself
/// (the original began one step past it); played backwards without a loop, a sample starts at its
/// end (the original ended at once); <c>overlap</c> crossfades the loop seam (the original ignored it).</para>
/// </summary>
public sealed class Sample : Signal
{
    public static readonly NodeInfo Info = new(
        "sample", "plays an audio file, or one file of a folder of chops", "mono, or stereo when a file is",
        [
            new("file", ParamKind.String, "WAV file, relative to the project root (with chop: a folder of .wav files)"),
            new("start", ParamKind.Wave, "start of the window, 0…1 of the file") { Default = 0, Min = 0, Max = 1 },
            new("end", ParamKind.Wave, "end of the window, 0…1 of the file") { Default = 1, Min = 0, Max = 1 },
            new("loop", ParamKind.Bool, "repeat the window (else the sample ends when the playhead leaves it)"),
            new("speed", ParamKind.Wave, "playback rate; negative plays backwards") { Default = 1 },
            new("freq", ParamKind.Wave, "with base_freq: speed is multiplied by freq / base_freq"),
            new("base_freq", ParamKind.Wave, "the pitch the file is recorded at (see freq)"),
            new("offset", ParamKind.Wave, "seconds added to the playhead (a displacement, not accumulated)") { Default = 0 },
            new("chop", ParamKind.Wave, "index of the file to play in the folder named by 'file'"),
            new("overlap", ParamKind.Number, "fraction of the loop crossfaded into its start at each repeat") { Default = 0, Min = 0, Max = 0.9 },
            new("interpolation", ParamKind.Enum, "how the file is read between its frames") { DefaultText = "linear", Choices = ["linear", "cubic", "none"] },
        ],
        ExtraKeys.Forbid,
        Compile);

    readonly SampleState state;
    readonly WavData[] files;
    readonly double[] rateRatio;
    readonly bool loop;
    readonly double overlap;
    readonly Interpolation interpolation;
    readonly Wave speed, start, end, offset;
    readonly Wave? freq, baseFreq, chop;
    readonly long total;
    readonly float[] speedBuf, startBuf, endBuf, offsetBuf, freqBuf, baseBuf, chopBuf;

    Sample(NodeSpec spec, CompileScope scope, WavData[] files, bool chopping) : base(spec, scope.MaxBlock, files.Any(f => f.ChannelCount > 1))
    {
        state = scope.Bind<SampleState>(spec);
        this.files = files;
        rateRatio = [.. files.Select(f => (double)f.SampleRate / scope.SampleRate)];
        var children = scope.WithDuration(spec.Duration);
        loop = spec.Get("loop") is Value.Number { V: not 0 };
        overlap = spec.Get("overlap") is Value.Number o ? Math.Clamp(o.V, 0, 0.9) : 0;
        interpolation = Interpolate.Parse((spec.Get("interpolation") as Value.Text)?.V);
        speed = children.CompileWave(spec.Get("speed"), 1, spec, "speed");
        start = children.CompileWave(spec.Get("start"), 0, spec, "start");
        end = children.CompileWave(spec.Get("end"), 1, spec, "end");
        offset = children.CompileWave(spec.Get("offset"), 0, spec, "offset");
        if (Given(spec, "freq") && Given(spec, "base_freq"))
        {
            freq = children.CompileWave(spec.Get("freq"), 1, spec, "freq");
            baseFreq = children.CompileWave(spec.Get("base_freq"), 1, spec, "base_freq");
        }
        if (chopping) chop = children.CompileWave(spec.Get("chop"), 0, spec, "chop");
        total = spec.Duration is { } d ? FramesWave.ToFrames(d, scope.SampleRate) : long.MaxValue;
        var n = scope.MaxBlock;
        speedBuf = new float[n]; startBuf = new float[n]; endBuf = new float[n]; offsetBuf = new float[n];
        freqBuf = new float[n]; baseBuf = new float[n]; chopBuf = new float[n];
    }

    static bool Given(NodeSpec spec, string name) => spec.Get(name) is { } v and not Value.Null and not Value.Invalid;

    static Signal Compile(NodeSpec spec, CompileScope scope)
    {
        var path = SampleFiles.PathOf(spec, "file", scope);
        if (path is null)
        {
            if (!Given(spec, "file")) scope.Env.Error(spec.Pos, "sample needs 'file': the path of a WAV file");
            return new SilenceSignal(scope.MaxBlock);
        }
        var chopping = Given(spec, "chop");
        WavData[]? files = chopping
            ? SampleFiles.LoadFolder(path, scope, spec)
            : SampleFiles.Load(path, scope, spec) is { } one ? [one] : null;
        return files is null ? new SilenceSignal(scope.MaxBlock) : new Sample(spec, scope, files, chopping);
    }

    protected override int Render(in Block block)
    {
        var clock = state.Clock;
        var n = (int)Math.Min(block.Count, Math.Max(0, total - clock));
        if (state.Ended || n == 0) return Finish(block, 0);
        var sub = block with { Count = n };
        speed.Fill(sub, clock, speedBuf);
        start.Fill(sub, clock, startBuf);
        end.Fill(sub, clock, endBuf);
        offset.Fill(sub, clock, offsetBuf);
        if (freq is not null && baseFreq is not null)
        {
            freq.Fill(sub, clock, freqBuf);
            baseFreq.Fill(sub, clock, baseBuf);
        }
        chop?.Fill(sub, clock, chopBuf);

        var st = state;
        var ph = st.Playhead;
        var produced = n;
        for (var i = 0; i < n; i++)
        {
            var index = 0;
            if (chop is not null)
            {
                index = ChopIndex(chopBuf[i], files.Length);
                if (index != st.Chop)
                {
                    st.Chop = index;
                    st.Started = false;
                }
            }
            var file = files[index];
            var length = file.Frames;
            double sp = speedBuf[i];
            if (freq is not null) sp *= freqBuf[i] / Math.Max(baseBuf[i], 1e-6);
            sp *= rateRatio[index];
            if (!double.IsFinite(sp)) sp = 0;
            var from = WindowIndex(startBuf[i], length, length - 1);
            var to = WindowIndex(endBuf[i], length, length);
            if (!st.Started)
            {
                ph = sp >= 0 ? from : loop ? LoopRead.ReverseStart(from, to, overlap) : to - 1;
                st.Started = true;
            }
            var pos = ph + (double.IsFinite(offsetBuf[i]) ? offsetBuf[i] * file.SampleRate : 0);
            if (length == 0 || !loop && (pos >= to || pos < from))
            {
                st.Ended = true;
                produced = i;
                break;
            }
            var channels = file.Channels;
            if (!loop)
            {
                Left[i] = Interpolate.Clamped(channels[0], pos, interpolation);
                if (Right is not null) Right[i] = Interpolate.Clamped(channels.Length > 1 ? channels[1] : channels[0], pos, interpolation);
            }
            else
            {
                var r = LoopRead.At(pos, from, to, overlap);
                Left[i] = Read(channels[0], r);
                if (Right is not null) Right[i] = Read(channels.Length > 1 ? channels[1] : channels[0], r);
            }
            ph += sp;
            if (!double.IsFinite(ph)) ph = from; // only an absurd speed gets here
        }
        st.Playhead = ph;
        st.Clock = clock + produced;
        return Finish(block, produced);
    }

    float Read(float[] data, in LoopRead r)
    {
        var v = Interpolate.Clamped(data, r.Position, interpolation);
        return r.OtherGain > 0 ? v * r.Gain + Interpolate.Clamped(data, r.Other, interpolation) * r.OtherGain : v;
    }

    /// <summary><c>int(clip(x·L, 0, max))</c> of the original; a NaN reads as 0.</summary>
    static int WindowIndex(float x, int length, int max) =>
        float.IsNaN(x) ? 0 : (int)Math.Clamp((double)x * length, 0, Math.Max(0, max));

    /// <summary>Python's <c>int()</c> (towards zero) clipped to the files.</summary>
    static int ChopIndex(float x, int count) => float.IsNaN(x) ? 0 : (int)Math.Clamp(Math.Truncate(x), 0, count - 1);

    public override IEnumerable<Signal> Children =>
        new[] { speed, start, end, offset, freq, baseFreq, chop }.SelectMany(w => w?.Children ?? []);
}
