using System.Diagnostics;
using System.Runtime.CompilerServices;
using Waves.Engine.Rendering;
using Waves.Engine.Tests.Support;
using Xunit.Abstractions;

namespace Waves.Engine.Tests.Reload;

/// <summary>
/// Hot reload under load: 1,000 reloads while a render thread renders as fast as it can. No block
/// is lost or rendered twice, nothing non-finite reaches the output, bad saves change nothing, the
/// state store stays bounded and the patches let go are really collectable.
/// </summary>
public sealed class StressTests(ITestOutputHelper output)
{
    const int Block = 64;
    const int Reloads = 1000;

    // Every line of the base sound; the variants change one thing each. The osc "keep" is the same
    // in every variant: it must keep one state object whose clock counts every frame exactly once.
    static readonly string[] BaseLines =
    [
        "s:",
        "  mix:",
        "    keep: {track: {pan: -0.5, signal: {osc: {id: keep, freq: 220, amp: 0.3}}}}",
        "    tune: {track: {pan: 0.5, signal: {osc: {id: tune, type: saw, freq: 330, amp: 0.2}}}}",
        "    voice: {osc: {id: voice, freq: 110, amp: 0.2}}",
    ];

    static readonly string Base = string.Join("\n", BaseLines) + "\n";

    static string Edit(string from, string to)
    {
        Assert.Contains(from, Base);
        return Base.Replace(from, to);
    }

    static readonly (string Name, string Text)[] Valid =
    [
        ("base", Base),
        ("changed numbers", Edit("freq: 330, amp: 0.2", "freq: 495, amp: 0.15")),
        ("expression", Edit("freq: 330", "freq: \"330 + 30 * sin(t * 5)\"")),
        ("added track", Edit("    voice:", "    extra: {track: {pan: 0, signal: {envelope: {attack: 0.01, decay: 0.1, sustain: 0.5, signal: {osc: {type: tri, freq: 550, amp: 0.2}}}}}}\n    voice:")),
        ("removed track", Edit(BaseLines[3] + "\n", "")),
        ("changed node type", Edit("voice: {osc: {id: voice, freq: 110, amp: 0.2}}", "voice: {envelope: {id: voice, attack: 0.02, signal: 0.1}}")),
    ];

    static readonly (string Name, string Text)[] Broken =
    [
        ("yaml", Edit("freq: 220", "freq: [220}")),
        ("unknown node", Edit("{osc: {id: voice", "{osx: {id: voice")),
        ("unknown parameter", Edit("freq: 110", "frq: 110")),
        ("expression syntax", Edit("freq: 330", "freq: 330 *")),
        ("truncated", "s: {mix: {keep: oops"),
        ("sound gone", "other:\n  osc: {}\n"),
    ];

    /// <summary>What the render thread saw, block by block (preallocated: the loop allocates nothing).</summary>
    sealed class RenderLog(int capacity)
    {
        public readonly long[] Starts = new long[capacity];
        public readonly int[] Produced = new int[capacity];
        public readonly float[] Peaks = new float[capacity];
        public long Blocks;
        public long NonFinite;
        public bool Overflow;
        public Exception? Error;
        public volatile bool Stop;
    }

    static void RenderLoop(Renderer renderer, RenderLog log)
    {
        var left = new float[Block];
        var right = new float[Block];
        try
        {
            while (!log.Stop)
            {
                var i = log.Blocks;
                if (i == log.Starts.Length) { log.Overflow = true; return; }
                log.Starts[i] = renderer.Frame;
                log.Produced[i] = renderer.RenderBlock(left, right, Block);
                float peak = 0;
                for (var k = 0; k < Block; k++)
                {
                    float a = left[k], b = right[k];
                    if (!float.IsFinite(a) || !float.IsFinite(b)) log.NonFinite++;
                    peak = Math.Max(peak, Math.Max(Math.Abs(a), Math.Abs(b)));
                }
                log.Peaks[i] = peak;
                Volatile.Write(ref log.Blocks, i + 1);
            }
        }
        catch (Exception e)
        {
            log.Error = e;
        }
    }

    sealed record ControlResult(
        List<string> Failures, int Accepted, int Rejected, int MaxCurrentStates, int Retired, int AppliedBeforeReplaced, int Superseded,
        List<WeakReference> Patches, List<WeakReference> States, long FirstAppliedFrame, long LastAppliedFrame);

    /// <summary>The control side: 1,000 reloads, each checked; kept out of line so that no local of it
    /// keeps a patch alive when the caller collects.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    static ControlResult ReloadManyTimes(LiveSession session, int[] expectedStates, int maxStates)
    {
        var failures = new List<string>();
        var weakPatches = new List<WeakReference>();
        var weakStates = new List<WeakReference>();
        var random = new Random(20250101);
        int accepted = 0, rejected = 0, maxSeen = 0, retired = 0, appliedBeforeReplaced = 0, superseded = 0;
        long firstApplied = -1, lastApplied = -1, lastRetiredRevision = 0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Reloads; i++)
        {
            // The last two reloads are the base text twice: the final patch then has no fade that
            // still reads the states of the one before it.
            var broken = i < Reloads - 2 && random.Next(5) == 0;
            var (name, text) = i >= Reloads - 2 ? Valid[0] : broken ? Broken[random.Next(Broken.Length)] : Valid[random.Next(Valid.Length)];
            var variant = Array.FindIndex(Valid, v => v.Name == name);
            var before = session.Latest;
            var report = session.Reload(Patches.Library(text));
            if (broken)
            {
                rejected++;
                if (report.Accepted) failures.Add($"reload {i} ({name}): broken text accepted");
                else if (!report.Errors.Any()) failures.Add($"reload {i} ({name}): rejected without an error");
                if (!ReferenceEquals(before, session.Latest)) failures.Add($"reload {i} ({name}): a rejected reload replaced the patch");
            }
            else
            {
                accepted++;
                if (!report.Accepted) failures.Add($"reload {i} ({name}): rejected: {string.Join("; ", report.Errors)}");
                else
                {
                    if (before.AppliedFrame >= 0) appliedBeforeReplaced++;
                    else superseded++;
                    if (session.Latest.States.Count != expectedStates[variant])
                        failures.Add($"reload {i} ({name}): {session.Latest.States.Count} states, expected {expectedStates[variant]}");
                    if (i % 50 == 10 && i < Reloads - 20)
                    {
                        weakPatches.Add(new WeakReference(session.Latest));
                        foreach (var s in session.Latest.States.Values) weakStates.Add(new WeakReference(s));
                    }
                }
            }
            // Two reloads in three wait (yielding) until the renderer has taken the patch, wherever
            // it is in its block; the others follow back to back, so that a patch is sometimes
            // replaced in the mailbox before the renderer gets to it.
            // (On a machine so loaded that this takes more than 10 s, the rest go back to back.)
            if (report.Accepted && random.Next(3) != 0 && clock.Elapsed < TimeSpan.FromSeconds(10))
                while (!ReferenceEquals(session.Renderer.Current, session.Latest) && clock.Elapsed < TimeSpan.FromSeconds(10)) Thread.Yield();
            var count = session.Renderer.Current.States.Count;
            maxSeen = Math.Max(maxSeen, count);
            if (count > maxStates) failures.Add($"reload {i}: the running patch has {count} states, more than any variant ({maxStates})");
            if (session.Renderer.TakeRetired() is { } old)
            {
                retired++;
                if (old.Revision <= lastRetiredRevision) failures.Add($"reload {i}: retired revision {old.Revision} after {lastRetiredRevision}");
                lastRetiredRevision = old.Revision;
                if (old.Revision > 1 && (old.AppliedFrame < 0 || old.AppliedFrame % Block != 0)) failures.Add($"revision {old.Revision} applied at frame {old.AppliedFrame}, not a block boundary");
                if (old.AppliedFrame >= 0 && old.Revision > 1)
                {
                    if (firstApplied < 0) firstApplied = old.AppliedFrame;
                    if (old.AppliedFrame < lastApplied) failures.Add($"revision {old.Revision} applied at frame {old.AppliedFrame}, before {lastApplied}");
                    lastApplied = old.AppliedFrame;
                }
            }
        }
        return new ControlResult(failures, accepted, rejected, maxSeen, retired, appliedBeforeReplaced, superseded, weakPatches, weakStates, firstApplied, lastApplied);
    }

    [Fact]
    public void Stress_ThousandReloadsWhileRendering_LosesNoBlock_AndLeaksNoState()
    {
        Assert.All(Broken, b => Assert.False(Patches.Compile(b.Text).Ok, b.Name));
        var expectedStates = Valid.Select(v => Patches.Patch(v.Text, block: Block).States.Count).ToArray();
        var maxStates = expectedStates.Max();

        var session = LiveRun.Start(Base, block: Block);                 // fades on: crossfades and track fades are exercised
        var keep = session.Renderer.Current.States["keep"];
        var log = new RenderLog(1 << 23);
        var render = new Thread(() => RenderLoop(session.Renderer, log)) { IsBackground = true, Name = "stress render" };
        var clock = Stopwatch.StartNew();
        render.Start();
        ControlResult result;
        try
        {
            while (Volatile.Read(ref log.Blocks) < 16 && log.Error is null) Thread.Yield();
            result = ReloadManyTimes(session, expectedStates, maxStates);
            // Let the renderer take the last patch and play it for a while.
            var wait = Stopwatch.StartNew();
            while (!ReferenceEquals(session.Renderer.Current, session.Latest) && wait.Elapsed < TimeSpan.FromSeconds(5) && log.Error is null)
                Thread.Sleep(1);
            var at = Volatile.Read(ref log.Blocks);
            while (Volatile.Read(ref log.Blocks) < at + 16 && wait.Elapsed < TimeSpan.FromSeconds(5) && log.Error is null) Thread.Yield();
        }
        finally
        {
            log.Stop = true;
            render.Join();
        }
        var elapsed = clock.Elapsed;

        output.WriteLine($"{log.Blocks} blocks in {elapsed.TotalSeconds:0.00} s; {result.Accepted} accepted, {result.Rejected} rejected, " +
            $"{result.Retired} retired, {result.AppliedBeforeReplaced} applied before the next reload, {result.Superseded} replaced before being applied; states ≤ {result.MaxCurrentStates} of {maxStates}; " +
            $"sampled {result.Patches.Count} patches, {result.States.Count} states");
        Assert.Null(log.Error);
        Assert.False(log.Overflow, "the block log filled up");
        Assert.True(result.Failures.Count == 0, string.Join("\n", result.Failures.Take(20)));
        Assert.Equal(Reloads, result.Accepted + result.Rejected);
        Assert.InRange(result.Rejected, 100, 300);
        Assert.Equal(1 + result.Accepted, session.Latest.Revision);
        Assert.Same(session.Latest, session.Renderer.Current);
        Assert.InRange(result.MaxCurrentStates, 1, maxStates);
        // Reloads really ran while rendering: patches were swapped in along the way, not only at the end.
        Assert.True(result.AppliedBeforeReplaced > Reloads / 10, $"only {result.AppliedBeforeReplaced} patches were rendered before the next reload");
        Assert.True(result.Retired > Reloads / 10, $"only {result.Retired} patches retired during the reloads");
        Assert.True(result.FirstAppliedFrame < result.LastAppliedFrame, $"{result.FirstAppliedFrame} … {result.LastAppliedFrame}");

        // No gap, no repeat: each block starts where the previous one ended.
        var blocks = log.Blocks;
        Assert.True(blocks > 1000, $"only {blocks} blocks rendered in {elapsed}");
        for (long i = 0; i < blocks; i++)
        {
            if (log.Starts[i] != i * Block) Assert.Fail($"block {i} started at frame {log.Starts[i]}, expected {i * Block}");
            if (log.Produced[i] != Block) Assert.Fail($"block {i} produced {log.Produced[i]} frames");
        }
        Assert.Equal(blocks * Block, session.Renderer.Frame);
        Assert.Equal(0, log.NonFinite);
        var peaks = log.Peaks.AsSpan(0, (int)blocks);
        Assert.True(Signals.Peak(peaks) is > 0.1f and < 2f, $"peak {Signals.Peak(peaks)}");
        // The node present in every variant kept its state, and that state advanced once per frame.
        Assert.Same(keep, session.Renderer.Current.States["keep"]);
        Assert.Equal(blocks * Block, keep.Clock);

        // Once the last retired patch has been taken, every old patch and every state the running
        // patch no longer holds can be collected.
        session.Renderer.TakeRetired();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.True(result.Patches.Count >= 10, $"{result.Patches.Count} patches sampled");
        var alivePatches = result.Patches.Count(w => w.IsAlive);
        Assert.True(alivePatches == 0, $"{alivePatches} of {result.Patches.Count} old patches are still reachable");
        var live = session.Renderer.Current.States.Values.ToHashSet<object>(ReferenceEqualityComparer.Instance);
        var leaked = result.States.Count(w => w.Target is { } s && !live.Contains(s));
        Assert.True(leaked == 0, $"{leaked} of {result.States.Count} states of old patches are still reachable");
    }

    [Fact]
    public void Stress_ThousandRetunesAtBlockBoundaries_EachReportsExactlyTheChangedOsc()
    {
        const string a = "s:\n  mix:\n    a: {osc: {freq: 220, amp: 0.5}}\n    b: {osc: {type: tri, freq: 330, amp: 0.25}}\n";
        const string b = "s:\n  mix:\n    a: {osc: {freq: 247, amp: 0.5}}\n    b: {osc: {type: tri, freq: 330, amp: 0.25}}\n";
        const string osc = "s/mix/a/osc";
        var session = LiveRun.Start(a, block: Block, fadeFrames: 0);
        var state = session.Renderer.Current.States[osc];
        var other = session.Renderer.Current.States["s/mix/b/osc"];
        var left = new float[Block];
        var right = new float[Block];
        session.Renderer.RenderBlock(left, right, Block);
        var previous = left[^1];
        var maxStep = Math.Abs(left[0]);
        for (var i = 0; i < Reloads; i++)
        {
            var report = session.Reload(Patches.Library(i % 2 == 0 ? b : a));
            Assert.True(report.Accepted, $"reload {i}: {string.Join("; ", report.Errors)}");
            Assert.Equal(i + 2, report.Revision);
            Assert.Equal([osc], report.Changes.Retuned);
            Assert.Empty(report.Changes.Added);
            Assert.Empty(report.Changes.Removed);
            var frame = session.Renderer.Frame;
            Assert.Equal(Block, session.Renderer.RenderBlock(left, right, Block));
            Assert.Equal(frame, session.Renderer.Current.AppliedFrame);
            Assert.Equal(i + 2, session.Renderer.Current.Revision);
            Assert.Equal(report.Revision - 1, session.Renderer.TakeRetired()?.Revision);
            foreach (var x in left)
            {
                Assert.True(float.IsFinite(x), $"reload {i}: {x}");
                maxStep = Math.Max(maxStep, Math.Abs(x - previous));
                previous = x;
            }
        }
        // Retuning keeps the state: the phase goes on, so there is never a jump larger than the
        // steepest step of the two sines at their highest frequencies.
        Assert.Same(state, session.Renderer.Current.States[osc]);
        Assert.Same(other, session.Renderer.Current.States["s/mix/b/osc"]);
        Assert.Equal((Reloads + 1) * Block, state.Clock);
        var steepest = 0.5 * 2 * Math.Sin(Math.PI * 247 / 44100) + 0.25 * 4 * 330 * 2.0 / 44100;
        Assert.True(maxStep <= steepest * 1.01, $"step {maxStep} > {steepest}");
    }
}
