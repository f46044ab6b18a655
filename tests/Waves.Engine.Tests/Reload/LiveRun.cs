using Waves.Engine.Patching;
using Waves.Engine.Rendering;
using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Reload;

/// <summary>Plays a sound block by block the way the live loop does, with reloads at chosen frames.</summary>
public static class LiveRun
{
    public static LiveSession Start(string yaml, string sound = "s", int block = 128, int fadeFrames = 441)
    {
        var (session, problems) = LiveSession.Start(Patches.Library(yaml), sound, new RenderSettings(44100, block, 1), fadeFrames: fadeFrames);
        Assert.True(session is not null, string.Join("\n", problems));
        return session;
    }

    /// <summary>Renders <paramref name="frames"/> frames; before each block, <paramref name="edits"/>
    /// whose frame has been reached are applied (text → reload).</summary>
    public static (float[] Left, float[] Right, List<ReloadReport> Reports) Play(LiveSession session, long frames, params (long Frame, string Yaml)[] edits)
    {
        var block = session.Settings.BlockSize;
        var left = new List<float>();
        var right = new List<float>();
        var l = new float[block];
        var r = new float[block];
        var reports = new List<ReloadReport>();
        var pending = new Queue<(long Frame, string Yaml)>(edits.OrderBy(e => e.Frame));
        for (long done = 0; done < frames; done += block)
        {
            while (pending.Count > 0 && pending.Peek().Frame <= done)
                reports.Add(session.Reload(Patches.Library(pending.Dequeue().Yaml)));
            var count = (int)Math.Min(block, frames - done);
            session.Renderer.RenderBlock(l, r, count);
            left.AddRange(l.AsSpan(0, count));
            right.AddRange(r.AsSpan(0, count));
        }
        return (left.ToArray(), right.ToArray(), reports);
    }

    /// <summary>First index where two signals differ, or −1.</summary>
    public static int FirstDifference(float[] a, float[] b)
    {
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
            if (BitConverter.SingleToInt32Bits(a[i]) != BitConverter.SingleToInt32Bits(b[i])) return i;
        return a.Length == b.Length ? -1 : n;
    }
}
