using Waves.Engine.Nodes;

namespace Waves.Engine.Rendering;

/// <summary>
/// Renders the tracks of a mix on several threads, offline. Before the mix sums a block, each track is
/// pulled on its worker (track k on worker k mod threads; worker 0 is the calling thread); the mix then
/// finds every track rendered for the block and sums them in its fixed order, so the output has the
/// same bits for any thread count. Only for tracks that share nothing: no reference leaves its track
/// (or comes from outside the tracks), no feedback, no named buffers, no sample files, no MIDI output.
/// Workers spin between blocks, so this is for offline rendering with threads ≤ cores, not the live
/// render thread.
/// </summary>
public sealed class ParallelTracks : IDisposable
{
    static readonly HashSet<string> Shared = ["buffer", "sample", "midi_out"];

    readonly Mix mix;
    readonly Signal[] tracks;
    readonly int threads;
    readonly Thread[] workers;
    readonly long[] rendered;
    Block job;
    long generation, done;
    volatile bool stopping;

    ParallelTracks(Mix mix, int threads)
    {
        this.mix = mix;
        tracks = [.. mix.Tracks.Select(t => t.Signal)];
        this.threads = threads;
        rendered = new long[threads * Stride];
        workers = new Thread[threads - 1];
        for (var w = 1; w < threads; w++)
        {
            var id = w;
            workers[w - 1] = new Thread(() => Work(id)) { IsBackground = true, Name = $"waves track worker {w}" };
            workers[w - 1].Start();
        }
    }

    /// <summary>Tracks rendered by each worker so far (index 0: the calling thread).</summary>
    public IReadOnlyList<long> TracksRendered => [.. Enumerable.Range(0, threads).Select(w => Volatile.Read(ref rendered[w * Stride]))];

    /// <summary>Each worker's count on a cache line of its own (128 bytes apart), so that counting
    /// does not bounce a shared line between the cores.</summary>
    const int Stride = 16;

    public int Threads => threads;

    /// <summary>Workers for the stem mix of <paramref name="patch"/>, installed on it; null (and the mix
    /// renders as usual) for one thread, fewer than two tracks, or tracks that are not independent.</summary>
    public static ParallelTracks? TryInstall(Patch patch, int threads)
    {
        if (threads < 2 || patch.StemMix is not { } mix || mix.Tracks.Count < 2) return null;
        if (!Independent(patch.Root, mix)) return null;
        var p = new ParallelTracks(mix, Math.Min(threads, mix.Tracks.Count));
        mix.Parallel = p;
        return p;
    }

    static bool Independent(Signal root, Mix mix)
    {
        var owner = new Dictionary<Signal, int>(ReferenceEqualityComparer.Instance);
        for (var k = 0; k < mix.Tracks.Count; k++)
            foreach (var s in mix.Tracks[k].Signal.Walk())
                if (!owner.TryAdd(s, k)) return false; // a node shared by two tracks
        foreach (var s in root.Walk())
        {
            if (s.Feedback is not null || s.Spec is { } spec && Shared.Contains(spec.Type)) return false;
            if (s is ReferenceReader r && r.Target is { } target &&
                (!owner.TryGetValue(s, out var from) || !owner.TryGetValue(target, out var to) || from != to))
                return false;
        }
        return true;
    }

    /// <summary>Renders every track for <paramref name="block"/> (the mix's, at the start of its render).</summary>
    internal void PullAll(in Block block)
    {
        job = block;
        Volatile.Write(ref done, 0);
        Interlocked.Increment(ref generation);
        Pull(0);
        var spin = new SpinWait();
        while (Volatile.Read(ref done) < threads - 1) spin.SpinOnce(-1);
    }

    void Pull(int worker)
    {
        var block = job;
        var count = 0;
        for (var k = worker; k < tracks.Length; k += threads)
        {
            tracks[k].Pull(block);
            count++;
        }
        rendered[worker * Stride] += count;
    }

    void Work(int worker)
    {
        long seen = 0;
        var spin = new SpinWait();
        while (!stopping)
        {
            var g = Volatile.Read(ref generation);
            if (g == seen)
            {
                spin.SpinOnce(-1);
                continue;
            }
            spin.Reset();
            seen = g;
            Pull(worker);
            Interlocked.Increment(ref done);
        }
    }

    public void Dispose()
    {
        stopping = true;
        foreach (var w in workers) w.Join();
        if (mix.Parallel == this) mix.Parallel = null;
    }
}
