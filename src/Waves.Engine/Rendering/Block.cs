namespace Waves.Engine.Rendering;

/// <summary>The block being rendered: its sequence number, first session frame and length, and the
/// frame at which the patch rendering it was swapped in (declicks count from there).</summary>
public readonly record struct Block(long Index, long Frame, int Count, long SwapFrame = 0)
{
    /// <summary>Frames from the swap to the first frame of this block.</summary>
    public long SinceSwap => Frame - SwapFrame;
}
