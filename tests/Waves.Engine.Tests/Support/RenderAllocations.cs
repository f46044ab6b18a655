using Waves.Engine.Rendering;

namespace Waves.Engine.Tests.Support;

/// <summary>Bytes the render thread allocates while a patch plays.</summary>
public static class RenderAllocations
{
    /// <summary>Plays <paramref name="blocks"/> blocks of a freshly compiled patch, several times. The
    /// runtime may allocate while it compiles or tiers up code during the first runs; an allocation of
    /// the patch's own shows in every run, so the quietest run is the answer.</summary>
    public static long Of(Func<Patch> compile, int blocks)
    {
        var quietest = long.MaxValue;
        for (var run = 0; run < 4; run++)
        {
            var patch = compile();
            var renderer = new Renderer(patch);
            var n = patch.Settings.BlockSize;
            var left = new float[n];
            var right = new float[n];
            renderer.RenderBlock(left, right, n);
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 1; i < blocks; i++) renderer.RenderBlock(left, right, n);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (run > 0) quietest = Math.Min(quietest, allocated);
        }
        return quietest;
    }
}
