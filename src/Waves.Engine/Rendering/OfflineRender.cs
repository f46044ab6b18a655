namespace Waves.Engine.Rendering;

/// <summary>Rendered audio held in memory: one array per channel.</summary>
public sealed record RenderedAudio(float[][] Channels, int SampleRate)
{
    public int Frames => Channels.Length == 0 ? 0 : Channels[0].Length;
    public float[] Left => Channels[0];
    public float[]? Right => Channels.Length > 1 ? Channels[1] : null;
}

/// <summary>Renders a patch as fast as the CPU allows, block by block, until it ends or a
/// frame limit is reached.</summary>
public static class OfflineRender
{
    /// <summary>Calls <paramref name="sink"/> with each block (left, right — empty for mono — and
    /// the frames to keep). Returns the frames rendered.</summary>
    /// <remarks>With <paramref name="threads"/> above 1, the independent tracks of the sound's mix render
    /// on that many threads (see <see cref="ParallelTracks"/>): the same samples, sooner.</remarks>
    public static long Run(Patch patch, long maxFrames, Action<ReadOnlyMemory<float>, ReadOnlyMemory<float>> sink, Action<long>? progress = null, CancellationToken cancel = default, int threads = 1)
    {
        using var parallel = ParallelTracks.TryInstall(patch, threads);
        var renderer = new Renderer(patch);
        var size = patch.Settings.BlockSize;
        var left = new float[size];
        var right = new float[patch.Channels == 2 ? size : 0];
        long done = 0;
        while (done < maxFrames && !cancel.IsCancellationRequested)
        {
            var count = (int)Math.Min(size, maxFrames - done);
            var produced = renderer.RenderBlock(left, right, count);
            sink(left.AsMemory(0, produced), right.AsMemory(0, patch.Channels == 2 ? produced : 0));
            done += produced;
            progress?.Invoke(done);
            if (produced < count) break;
        }
        return done;
    }

    public static RenderedAudio ToArrays(Patch patch, long maxFrames, int threads = 1)
    {
        var l = new List<float>();
        var r = new List<float>();
        Run(patch, maxFrames, (a, b) =>
        {
            l.AddRange(a.Span);
            r.AddRange(b.Span);
        }, threads: threads);
        float[][] channels = patch.Channels == 2 ? [l.ToArray(), r.ToArray()] : [l.ToArray()];
        return new RenderedAudio(channels, patch.Settings.SampleRate);
    }
}
