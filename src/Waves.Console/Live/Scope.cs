namespace Waves.Console.Live;

/// <summary>The last frames of the mix, folded to mono, for the view's waveform (control thread only).</summary>
sealed class Scope(int frames)
{
    readonly float[] samples = new float[frames];
    int next;

    public int Length => samples.Length;

    public void Add(ReadOnlySpan<float> left, ReadOnlySpan<float> right)
    {
        for (var i = 0; i < left.Length; i++)
        {
            samples[next] = 0.5f * (left[i] + right[i]);
            next = (next + 1) % samples.Length;
        }
    }

    /// <summary>Copies the frames oldest first into <paramref name="destination"/> (of <see cref="Length"/>).</summary>
    public void CopyTo(Span<float> destination)
    {
        var tail = samples.Length - next;
        samples.AsSpan(next).CopyTo(destination);
        samples.AsSpan(0, next).CopyTo(destination[tail..]);
    }
}
