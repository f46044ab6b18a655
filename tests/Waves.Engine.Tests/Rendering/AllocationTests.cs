using Waves.Engine.Rendering;
using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Rendering;

/// <summary>The render thread allocates nothing after warm-up: every buffer is made when compiling.</summary>
public sealed class AllocationTests
{
    static long AllocatedWhileRendering(Patch patch, int blocks)
    {
        var renderer = new Renderer(patch);
        var n = patch.Settings.BlockSize;
        var left = new float[n];
        var right = new float[n];
        for (var i = 0; i < 4; i++) renderer.RenderBlock(left, right, n); // warm-up
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < blocks; i++) renderer.RenderBlock(left, right, n);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Fact]
    public void RenderBlock_OfTheDemo_AllocatesNothing()
    {
        var library = Waves.Engine.Patching.SoundLibrary.Load(Path.Combine(RepoPaths.Root, "sounds"));
        // The quietest of several runs: the runtime may allocate while it tiers up code in the first.
        Assert.Equal(0, RenderAllocations.Of(() => PatchCompiler.Compile(library, "demo", new RenderSettings(BlockSize: 256)).Patch!, 400));
    }

    [Theory]
    [InlineData("kick_tom")]
    [InlineData("rumble")]
    [InlineData("test_stereo_autopan")]
    [InlineData("ring")]
    public void RenderBlock_OfCorpusSounds_AllocatesNothing(string sound)
    {
        var patch = PatchCompiler.Compile(CorpusFiles.Library, sound, new RenderSettings(BlockSize: 128)).Patch!;
        Assert.Equal(0, AllocatedWhileRendering(patch, 300));
    }

    [Fact]
    public void RenderBlock_AcrossASwapWithFadesAndAStateWrite_AllocatesNothing()
    {
        const string before = "s:\n  mix:\n    a: {osc: {type: saw, freq: 110}}\n    b: {osc: {freq: 220}}\n";
        const string after = "s:\n  mix:\n    a: {osc: {type: sqr, freq: 110}}\n    c: {envelope: {attack: 0.1, signal: {osc: {}}}}\n";
        var (session, _) = LiveSession.Start(Patches.Library(before), "s", new RenderSettings(BlockSize: 64), fadeFrames: 2000);
        var left = new float[64];
        var right = new float[64];
        for (var i = 0; i < 4; i++) session!.Renderer.RenderBlock(left, right, 64);
        Assert.True(session!.Reload(Patches.Library(after)).Accepted);  // compiled here, off the measured span
        var reset = StateWrite.Reset(session.Latest)!;
        var before0 = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            if (i == 50) session.Renderer.Write(reset);
            session.Renderer.RenderBlock(left, right, 64);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before0);
        Assert.True(reset.Applied);
    }

    [Fact]
    public void RenderBlock_OfEveryWaveformAndEnvelopeMode_AllocatesNothing()
    {
        var patch = Patches.Patch("""
            s:
              mix:
                a: {osc: {type: noise, attack: 0.5}}
                b: {osc: {type: perlin}}
                c: {osc: {type: wander}}
                d: {osc: {type: sqr, freq: "100 + 50 * sin(t)", pulse_width: [0.1, 0.9], duration: 5}}
                e: {envelope: {attack: 0.01, release: 0.1, gate: {osc: {type: sqr, freq: 5}}, signal: {osc: {type: tri}}}}
                f: {track: {pan: {osc: {freq: 1}}, signal: {context: {x: "rand(1, 2)", signal: {osc: {freq: x * 100}}}}}}
            """, block: 200);
        Assert.Equal(0, AllocatedWhileRendering(patch, 300));
    }
}
