using Waves.Engine.Rendering;
using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Nodes;

/// <summary>
/// <c>input</c> reads the session's audio input: a scripted source written into the same ring that live
/// capture and replay fill, a block's frames before each block, as the live and replay loops do.
/// </summary>
public sealed class InputTests
{
    const int Rate = 44100;

    /// <summary>A known stereo input: left a 441 Hz sine, right a slower ramp, no two frames alike.</summary>
    static (float[] L, float[] R) Script(int frames)
    {
        var l = new float[frames];
        var r = new float[frames];
        for (var i = 0; i < frames; i++)
        {
            l[i] = (float)Math.Sin(2 * Math.PI * 441 * i / Rate) * 0.8f;
            r[i] = (i % 1000) / 1000f - 0.5f;
        }
        return (l, r);
    }

    /// <summary>Renders <paramref name="yaml"/>'s sound <c>s</c> with <paramref name="input"/>, handing the
    /// ring each block's frames (or <paramref name="deliver"/> of them) just before the block.</summary>
    static (float[] L, float[] R, AudioInput Audio) Run(string yaml, int block, (float[] L, float[] R) input, int frames,
        Func<int, int, int>? deliver = null)
    {
        var audio = new AudioInput(Rate, block, keepUsed: true);
        var settings = new RenderSettings(Rate, block) { Inputs = new SessionInputs { Audio = audio } };
        var patch = PatchCompiler.Compile(Patches.Library(yaml), "s", settings).Patch!;
        var renderer = new Renderer(patch);
        var (outL, outR) = (new float[frames], new float[frames]);
        var (l, r) = (new float[block], new float[block]);
        var fed = 0;
        for (var done = 0; done < frames;)
        {
            var count = Math.Min(block, frames - done);
            var give = Math.Min(deliver?.Invoke(done, count) ?? count, input.L.Length - fed);
            audio.Write(input.L.AsSpan(fed, give), input.R.AsSpan(fed, give));
            fed += give;
            renderer.RenderBlock(l, r, count);
            l.AsSpan(0, count).CopyTo(outL.AsSpan(done));
            r.AsSpan(0, count).CopyTo(outR.AsSpan(done));
            done += count;
        }
        return (outL, outR, audio);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(64)]
    [InlineData(4096)]
    public void Input_WithAScriptedSource_GivesExactlyItsFirstChannel(int block)
    {
        var input = Script(10_000);
        var (l, r, audio) = Run("s:\n  input: {}\n", block, input, 10_000);
        Assert.Equal(input.L, l);
        Assert.Equal(input.L, r); // a mono root plays on both sides
        Assert.Equal(0, audio.MissingFrames);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(64)]
    [InlineData(4096)]
    public void Input_Stereo_GivesBothChannels(int block)
    {
        var input = Script(9_000);
        var (l, r, _) = Run("s:\n  input: {channel: stereo}\n", block, input, 9_000);
        Assert.Equal(input.L, l);
        Assert.Equal(input.R, r);
    }

    [Fact]
    public void Input_RightMixAndAmp_AreReadPerSample()
    {
        var input = Script(3_000);
        var (right, _, _) = Run("s:\n  input: {channel: right}\n", 64, input, 3_000);
        Assert.Equal(input.R, right);
        var (mix, _, _) = Run("s:\n  input: {channel: mix, amp: 0.5}\n", 64, input, 3_000);
        Assert.Equal(input.L.Zip(input.R, (a, b) => (a + b) * 0.5f * 0.5f), mix);
        // amp as a wave: a ramp over the duration, applied per sample
        var (ramped, _, _) = Run("s:\n  input: {duration: 0.05, amp: [0, 1]}\n", 64, input, 3_000);
        Assert.Equal(0f, ramped[0]);
        Assert.True(Math.Abs(ramped[1102] - input.L[1102] * 0.5f) < 0.01f);
        Assert.All(ramped[2205..], v => Assert.Equal(0f, v)); // ended with its duration
    }

    [Fact]
    public void Input_ReadByTwoNodes_GivesBothTheSameFrames()
    {
        var input = Script(5_000);
        var (l, _, _) = Run("s:\n  expression:\n    exp: a + b\n    a: {input: {}}\n    b: {input: {}}\n", 64, input, 5_000);
        Assert.Equal(input.L.Select(v => v + v), l);
    }

    [Fact]
    public void Input_WhenTheDeviceIsLate_PlaysThatBlockSilentAndCountsIt_ThenCarriesOn()
    {
        var input = Script(64 * 20);
        // Block 3 arrives short (32 of 64 frames); block 4 brings the rest and its own.
        var (l, _, audio) = Run("s:\n  input: {}\n", 64, input, 64 * 20, (done, count) => done == 3 * 64 ? 32 : done == 4 * 64 ? 96 : count);
        Assert.Equal(input.L[..192], l[..192]);
        Assert.All(l[192..256], v => Assert.Equal(0f, v));
        Assert.Equal(input.L[192..(64 * 19)], l[256..]); // a block later from there on, nothing lost
        Assert.Equal(64, audio.MissingFrames);
        // What the render thread used is handed on, frame for frame: the silent block included.
        var (usedL, usedR) = (new float[64 * 20], new float[64 * 20]);
        Assert.Equal(64 * 20, audio.Used!.Read(usedL, usedR));
        Assert.Equal(l, usedL);
    }

    [Fact]
    public void Input_WithoutALiveSource_IsSilent()
    {
        var audio = Patches.Render("s:\n  input: {amp: 3}\n", 0.2);
        Assert.Equal(8820, audio.Frames);
        Assert.All(audio.Left, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Input_RenderedWholeWhenCompiled_IsSilentEvenWithASource()
    {
        var input = Script(4_000);
        var (l, _, _) = Run("s:\n  invert:\n    signal: {input: {duration: 0.05}}\n", 64, input, 2_000);
        Assert.All(l, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Input_WithABadChannel_IsAnErrorAtItsPosition()
    {
        var problems = Patches.Problems("s:\n  input: {channel: middle}\n");
        Assert.Contains(problems, p => p.StartsWith("sounds/test.yaml:2:", StringComparison.Ordinal) && p.Contains("middle", StringComparison.Ordinal));
    }

    [Fact]
    public void RenderBlock_WithALiveInput_AllocatesNothing()
    {
        const int block = 128;
        var audio = new AudioInput(Rate, block, keepUsed: true);
        var settings = new RenderSettings(Rate, block) { Inputs = new SessionInputs { Audio = audio } };
        var patch = PatchCompiler.Compile(Patches.Library("s:\n  mix:\n    a: {input: {channel: stereo, amp: {osc: {freq: 2}}}}\n    b: {osc: {phase: {input: {channel: mix}}}}\n"),
            "s", settings).Patch!;
        var renderer = new Renderer(patch);
        var input = Script(block);
        var (l, r) = (new float[block], new float[block]);
        var (usedL, usedR) = (new float[block], new float[block]);
        for (var i = 0; i < 4; i++)
        {
            audio.Write(input.L, input.R);
            renderer.RenderBlock(l, r, block);
            audio.Used!.Read(usedL, usedR);
        }
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 300; i++)
        {
            audio.Write(input.L, i % 7 == 0 ? input.R.AsSpan(0, 0) : input.R);
            if (i % 11 != 0) renderer.RenderBlock(l, r, block); // now and then the ring runs ahead
            audio.Used!.Read(usedL, usedR);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(Signals.Peak(l) > 0.1f);
    }
}
