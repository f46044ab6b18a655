using Waves.Engine.Rendering;
using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Reload;

/// <summary>A live session snapshots every state every few seconds, on the render thread: a capture
/// into a snapshot shaped by <see cref="StateSnapshot.ShapedLike"/> allocates nothing, even for
/// states that hold buffers (delay lines, shared buffers, retrigger rings, feedback blocks).</summary>
public sealed class CaptureAllocationTests
{
    const string Yaml = """
        s:
          mix:
            echo: {delay: {time: 0.3, signal: {osc: {freq: 220}}}}
            taps: {retrigger: {time: 0.1, repeat: 3, signal: {osc: {freq: 330, duration: 0.2}}}}
            loop: {buffer: {name: b, length: 0.5, signal: {osc: {freq: 440}}}}
            back: {osc: {id: fb, freq: 100, phase: "0.5 * $fb"}}
        """;

    [Fact]
    public void Capture_OfStatesWithBuffers_AllocatesNothingOnTheRenderThread()
    {
        var patch = Patches.Patch(Yaml);
        var renderer = new Renderer(patch);
        var (left, right) = (new float[256], new float[256]);
        for (var i = 0; i < 20; i++) renderer.RenderBlock(left, right, 256);
        long quietest = long.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            var target = StateSnapshot.ShapedLike(patch);        // made off the render thread
            renderer.RequestCapture(target);
            var before = GC.GetAllocatedBytesForCurrentThread();
            renderer.RenderBlock(left, right, 256);             // the capture happens here
            quietest = Math.Min(quietest, GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.True(target.Frame >= 0, "the capture was not taken");
            foreach (var (id, state) in target.States)
                Assert.Equal(patch.States[id].GetType(), state.GetType());
        }
        Assert.Equal(0, quietest);
    }
}
