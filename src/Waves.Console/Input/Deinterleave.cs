namespace Waves.Console.Input;

static class Deinterleave
{
    /// <summary>Interleaved stereo into two channels (as many frames as <paramref name="left"/> holds).</summary>
    public static void Stereo(ReadOnlySpan<float> interleaved, Span<float> left, Span<float> right)
    {
        for (var i = 0; i < left.Length; i++)
        {
            left[i] = interleaved[2 * i];
            right[i] = interleaved[2 * i + 1];
        }
    }
}
