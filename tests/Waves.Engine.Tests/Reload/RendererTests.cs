using System.Reflection;
using Waves.Engine.Nodes;
using Waves.Engine.Patching;
using Waves.Engine.Rendering;
using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Reload;

public sealed class RendererTests
{
    static readonly float[] L = new float[64], R = new float[64];

    [Fact]
    public void Publish_TwoPatchesBeforeOneBlock_InstallsOnlyTheNewest()
    {
        var first = Patches.Patch("s:\n  osc: {type: none, range: [1, 1]}\n", block: 64);
        var second = Patches.Patch("s:\n  osc: {type: none, range: [2, 2]}\n", block: 64);
        var third = Patches.Patch("s:\n  osc: {type: none, range: [3, 3]}\n", block: 64);
        var renderer = new Renderer(first);
        renderer.RenderBlock(L, R, 64);
        renderer.Publish(second);
        renderer.Publish(third);
        var published = System.Diagnostics.Stopwatch.GetTimestamp();
        renderer.RenderBlock(L, R, 64);
        Assert.Equal(3f, L[0]);
        Assert.Same(third, renderer.Current);
        Assert.Equal(64, third.AppliedFrame);
        Assert.Equal(-1, second.AppliedFrame);
        // The render thread stamps the moment of the swap.
        Assert.InRange(third.AppliedAt, published, System.Diagnostics.Stopwatch.GetTimestamp());
        Assert.Equal(0, second.AppliedAt);
        Assert.Same(first, renderer.TakeRetired());
        Assert.Null(renderer.TakeRetired());
    }

    [Fact]
    public void Reload_OnceSwappedIn_CollectsItsGarbage_AndARejectedOneDoesNot()
    {
        var session = LiveRun.Start("s:\n  osc: {freq: 220}\n");
        session.Renderer.RenderBlock(L, R, 64);
        Assert.False(session.Reload(Patches.Library("s:\n  osc: {freq: 220 *}\n")).Accepted);
        Assert.True(session.Reload(Patches.Library("s:\n  osc: {freq: 330}\n")).Accepted);
        Thread.Sleep(50);
        Assert.Equal(0, session.CollectionsAfterSwap); // not swapped in yet: nothing collected
        session.Renderer.RenderBlock(L, R, 64);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (session.CollectionsAfterSwap == 0 && clock.Elapsed < TimeSpan.FromSeconds(10)) Thread.Sleep(5);
        Assert.Equal(1, session.CollectionsAfterSwap);
    }

    [Fact]
    public void Reload_ReleasesTheStateOfRemovedIds()
    {
        var session = LiveRun.Start("s:\n  mix:\n    a: {osc: {}}\n    b: {osc: {}}\n");
        session.Renderer.RenderBlock(L, R, 64);
        session.Reload(Patches.Library("s:\n  mix:\n    a: {osc: {}}\n"));
        session.Renderer.RenderBlock(L, R, 64);
        Assert.Equal(["s/mix/a/osc"], session.Renderer.Current.Ids.Order());
        var old = session.Renderer.TakeRetired()!;
        Assert.Contains("s/mix/b/osc", old.Ids);
    }

    sealed class Throwing() : Signal(null, 64, false)
    {
        public int Calls;
        protected override int Render(in Block block)
        {
            Calls++;
            throw new InvalidOperationException("boom");
        }
    }

    sealed class Sum(Signal a, Signal b) : Signal(null, 64, false)
    {
        protected override int Render(in Block block)
        {
            a.Pull(block);
            b.Pull(block);
            for (var i = 0; i < block.Count; i++) Left[i] = a.Left[i] + b.Left[i];
            return block.Count;
        }
        public override IEnumerable<Signal> Children => [a, b];
    }

    [Fact]
    public void RenderException_InOneNode_SilencesItAlone_AndIsReportedOnce()
    {
        var good = Patches.Patch("s:\n  osc: {freq: 100}\n", block: 64);
        var bad = new Throwing();
        var patch = new Patch(new Sum(good.Root, bad), good.Spec, good.States, good.Settings);
        var renderer = new Renderer(patch);
        var expected = new Renderer(Patches.Patch("s:\n  osc: {freq: 100}\n", block: 64));
        var e = new float[64];
        for (var i = 0; i < 10; i++)
        {
            renderer.RenderBlock(L, R, 64);
            expected.RenderBlock(e, R, 64);
            Assert.Equal(e, L);
        }
        Assert.Equal(10, bad.Calls);
        Assert.Equal("boom", bad.Fault!.Message);
        Assert.Single(patch.Root.Faults());
    }

    [Fact]
    public void NonFiniteSamples_NeverReachTheOutput_AndTheNodeIsFlagged()
    {
        var patch = Patches.Patch("s:\n  mix:\n    bad: {osc: {freq: 100, amp: log(0)}}\n    good: {osc: {type: none, range: [0.25, 0.25]}}\n", block: 64);
        var renderer = new Renderer(patch);
        renderer.RenderBlock(L, R, 64);
        Assert.All(L, v => Assert.Equal(0.25f, v));
        var fault = Assert.Single(patch.Root.Faults());
        Assert.Contains("osc: produced NaN or infinity; silenced", fault);
        Assert.StartsWith("sounds/test.yaml:3:", fault);
    }

    [Fact]
    public void Reset_OfOneId_RestartsThatNodeOnly()
    {
        var session = LiveRun.Start("s:\n  mix:\n    a: {track: {pan: -1, signal: {osc: {freq: 100}}}}\n    b: {track: {pan: 1, signal: {osc: {freq: 100}}}}\n", block: 64);
        for (var i = 0; i < 10; i++) session.Renderer.RenderBlock(L, R, 64);
        Assert.NotNull(session.Reset("s/mix/a/track/signal/osc"));
        Assert.Null(session.Reset("no/such/id"));
        session.Renderer.RenderBlock(L, R, 64);
        Assert.Equal(Math.Sin(2 * Math.PI * 100 / 44100), L[0], 1e-6);     // a: from phase 0
        Assert.Equal(Math.Sin(2 * Math.PI * 100 * 641 / 44100), R[0], 1e-4); // b: went on
    }

    [Fact]
    public void CaptureAndRestore_ReplayTheSameSamplesFromTheCapturedPoint()
    {
        var patch = Patches.Patch("s:\n  envelope: {attack: 0.01, decay: 0.1, sustain: 0.3, signal: {osc: {type: saw, freq: \"100 + 50 * sin(t)\"}}}\n", block: 64);
        var renderer = new Renderer(patch);
        for (var i = 0; i < 5; i++) renderer.RenderBlock(L, R, 64);
        var snapshot = StateSnapshot.ShapedLike(patch);
        renderer.RequestCapture(snapshot);
        var first = new List<float>();
        for (var i = 0; i < 20; i++) { renderer.RenderBlock(L, R, 64); first.AddRange(L); }
        Assert.Equal(5 * 64, snapshot.Frame);
        renderer.Write(StateWrite.Restore(patch, snapshot));
        var again = new List<float>();
        for (var i = 0; i < 20; i++) { renderer.RenderBlock(L, R, 64); again.AddRange(L); }
        Assert.Equal(first, again);
    }

    [Fact]
    public void Loop_RestartsOnTheFrameTheSoundEnded_WithoutAllocating()
    {
        const string shot = "s:\n  osc: {freq: 441, amp: [1, 0], duration: 0.01}\n"; // 441 frames
        var once = Patches.Render(shot, 1).Left;
        var renderer = new Renderer(Patches.Patch(shot, block: 64)) { Loop = true };
        var all = new float[64 * 40];
        renderer.RenderBlock(all.AsSpan(0, 64), default, 64);
        var produced = new int[40];
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var b = 1; b < 40; b++)
            produced[b] = renderer.RenderBlock(all.AsSpan(b * 64, 64), default, 64);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.All(produced[1..], p => Assert.Equal(64, p));
        for (var start = 0; start + 441 <= all.Length; start += 441)
            Assert.Equal(once, all[start..(start + 441)]);
        Assert.Equal(64 * 40, renderer.Frame);
    }

    [Theory]
    [InlineData(441)]
    [InlineData(64)]
    public void Loop_WhenTheSoundEndsOnABlockBoundary_StillRestarts(int block)
    {
        const string shot = "s:\n  osc: {freq: 441, duration: 0.02}\n"; // 882 frames: two blocks of 441
        var renderer = new Renderer(Patches.Patch(shot, block: block)) { Loop = true };
        var l = new float[block];
        for (var i = 0; i < 4000 / block; i++) Assert.Equal(block, renderer.RenderBlock(l, default, block));
    }

    public static TheoryData<Type> StateTypes =>
        [.. typeof(NodeState).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(NodeState)) && !t.IsAbstract)];

    [Theory]
    [MemberData(nameof(StateTypes))]
    public void CopyFrom_CopiesEveryField(Type type)
    {
        var source = (NodeState)Activator.CreateInstance(type)!;
        var fields = type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance);
        var random = new Random(7);
        object Value(Type t, object? current) => t switch
        {
            _ when t == typeof(double) => random.NextDouble() + 1,
            _ when t == typeof(float) => (float)random.NextDouble() + 1,
            _ when t == typeof(long) => (long)random.Next(1, 1000),
            _ when t == typeof(int) => random.Next(1, 1000),
            _ when t == typeof(ulong) => (ulong)random.Next(1, 1000),
            _ when t == typeof(bool) => !(bool)(current ?? false),
            _ when t == typeof(string) => $"s{random.Next(1, 1000)}",
            _ when t.IsEnum => Enum.GetValues(t).GetValue(Enum.GetValues(t).Length - 1)!,
            // Arrays (delay lines, voice tables …): filled element by element, at their own length.
            _ when t.IsArray => Filled((Array?)current ?? Array.CreateInstance(t.GetElementType()!, 3)),
            _ => throw new NotSupportedException($"{type.Name}: {t}"),
        };
        Array Filled(Array a)
        {
            for (var i = 0; i < a.Length; i++) a.SetValue(Value(a.GetType().GetElementType()!, a.GetValue(i)), i);
            return a;
        }
        foreach (var f in fields) f.SetValue(source, Value(f.FieldType, f.GetValue(source)));
        var copy = source.Clone();
        foreach (var f in fields)
        {
            Assert.Equal(f.GetValue(source), f.GetValue(copy));
            // A copy that shared an array with its source would let a shadow render change live state.
            if (f.FieldType.IsArray && f.GetValue(source) is Array { Length: > 0 } array) Assert.NotSame(array, f.GetValue(copy));
        }
    }
}
