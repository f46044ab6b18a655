using Waves.Engine.Rendering;

namespace Waves.Engine.Nodes;

/// <summary>
/// A shuffle's plan: chunk boundaries over the whole signal, a seeded order, the chunks played
/// backwards, and equal-power crossfades of <c>fade</c> frames at every seam (at most half the
/// shortest chunk). The output is every chunk once, overlapped by the fades.
/// </summary>
public sealed class Arrangement
{
    readonly long[] bounds;
    readonly int[] order;
    readonly bool[] reversed;
    readonly int fade;

    public Arrangement(long[] bounds, double invert, long fade, ulong seed)
    {
        this.bounds = bounds;
        var n = bounds.Length - 1;
        order = [.. Enumerable.Range(0, Math.Max(0, n))];
        reversed = new bool[Math.Max(0, n)];
        var shortest = n > 0 ? Enumerable.Range(0, n).Min(i => bounds[i + 1] - bounds[i]) : 0;
        this.fade = (int)Math.Max(0, Math.Min(fade, shortest / 2));
        if (n < 2) return;
        var rng = new SplitMix(seed);
        for (var i = n - 1; i > 0; i--)
        {
            var j = rng.Below(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        // k distinct output positions, by a partial Fisher-Yates over the positions.
        var positions = Enumerable.Range(0, n).ToArray();
        var k = (int)(invert * n);
        for (var i = 0; i < k; i++)
        {
            var j = i + rng.Below(n - i);
            (positions[i], positions[j]) = (positions[j], positions[i]);
            reversed[positions[i]] = true;
        }
    }

    /// <summary>The order of the source chunks in the output.</summary>
    public IReadOnlyList<int> Order => order;

    /// <summary>Per output position: whether that chunk plays backwards.</summary>
    public IReadOnlyList<bool> Reversed => reversed;

    public int Fade => fade;

    /// <summary><paramref name="count"/> chunks covering all <paramref name="length"/> frames, as equal as whole frames allow.</summary>
    public static long[] EvenBounds(long length, long count)
    {
        count = Math.Max(1, Math.Min(count, Math.Max(1, length)));
        return [.. Enumerable.Range(0, (int)count + 1).Select(k => k * length / count)];
    }

    /// <summary>Chunks of <paramref name="size"/> frames; a remainder of at least half a chunk is a
    /// chunk of its own, a shorter one joins the last chunk.</summary>
    public static long[] SizedBounds(long length, long size)
    {
        var bounds = new List<long> { 0 };
        var whole = length / size;
        for (long k = 1; k <= whole; k++) bounds.Add(k * size);
        var rest = length - whole * size;
        if (rest > 0)
        {
            if (whole > 0 && rest < size / 2.0) bounds[^1] = length;
            else bounds.Add(length);
        }
        return [.. bounds];
    }

    /// <summary>The arranged audio; a signal of fewer than two chunks is returned as it is.</summary>
    public Rendered Apply(Rendered source)
    {
        var n = order.Length;
        if (n < 2) return source;
        long length = source.Frames - (long)(n - 1) * fade;
        var left = new float[length];
        var right = source.Right is null ? null : new float[length];
        long at = 0;
        for (var j = 0; j < n; j++)
        {
            var c = order[j];
            var from = bounds[c];
            var len = (int)(bounds[c + 1] - from);
            for (var t = 0; t < len; t++)
            {
                var w = 1.0;
                if (j > 0 && t < fade) w *= Math.Sqrt((t + 0.5) / fade);
                if (j < n - 1 && t >= len - fade) w *= Math.Sqrt(1 - (t - (len - fade) + 0.5) / fade);
                var src = from + (reversed[j] ? len - 1 - t : t);
                left[at + t] += (float)(source.Left[src] * w);
                if (right is not null) right[at + t] += (float)(source.Right![src] * w);
            }
            at += len - fade;
        }
        return new Rendered(left, right);
    }

    /// <summary>SplitMix64: a small seeded generator whose whole state is one number.</summary>
    sealed class SplitMix(ulong seed)
    {
        ulong state = seed;

        public int Below(int n) => (int)(Seeds.Unit(Seeds.Mix(state++)) * n);
    }
}
