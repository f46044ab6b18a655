using Waves.Engine.Rendering;
using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Reload;

/// <summary>A reload compiled ahead (while the previous patch plays on) and published later sounds
/// exactly as one compiled when published: that is what lets the live pipeline compile a save during
/// its coalescing window.</summary>
public sealed class PreparedReloadTests
{
    // State everywhere: phases, an envelope, a delay line with feedback, a filter's memory, noise.
    const string Sound = """
        s:
          mix:
            a: {track: {pan: -0.5, signal: {delay: {time: 0.031, feedback: 0.5, signal: {envelope: {attack: 0.01, decay: 0.2, sustain: 0.3, signal: {osc: {type: saw, freq: 220}}}}}}}}
            b: {track: {pan: 0.5, signal: {filter: {type: lowpass, cutoff: 900, peak: 1, signal: {osc: {type: noise, amp: 0.3}}}}}}
        """;

    static string Edit(string from, string to) => Sound.Replace(from, to);

    static float[] Run(LiveSession session, int blocks, Func<int, LiveSession, int> onBlock)
    {
        var block = session.Settings.BlockSize;
        var l = new float[block];
        var r = new float[block];
        var output = new List<float>();
        for (var b = 0; b < blocks; b++)
        {
            onBlock(b, session);
            session.Renderer.RenderBlock(l, r, block);
            output.AddRange(l);
            output.AddRange(r);
        }
        return [.. output];
    }

    [Fact]
    public void PreparedBlocksEarlier_SoundsAsAReloadCompiledWhenPublished()
    {
        var edited = Patches.Library(Edit("freq: 220", "freq: 330").Replace("cutoff: 900", "cutoff: 2000"));
        var direct = Run(LiveRun.Start(Sound), 200, (b, s) => b == 100 ? s.Reload(edited).Revision : 0);
        PreparedReload? prepared = null;
        var ahead = Run(LiveRun.Start(Sound), 200, (b, s) =>
        {
            if (b == 90) prepared = s.Prepare(edited);
            return b == 100 ? s.Reload(prepared!).Revision : 0;
        });

        Assert.Equal(-1, LiveRun.FirstDifference(direct, ahead));
        Assert.NotEqual(-1, LiveRun.FirstDifference(direct, Run(LiveRun.Start(Sound), 200, (_, _) => 0)));
    }

    [Fact]
    public void PreparedReload_OvertakenByAnother_IsCompiledAgainAgainstThePlayingPatch()
    {
        var first = Patches.Library(Edit("freq: 220", "freq: 330"));
        var second = Patches.Library(Edit("freq: 220", "freq: 330").Replace("pan: 0.5", "pan: 0.2"));
        var direct = Run(LiveRun.Start(Sound), 200, (b, s) => b switch
        {
            60 => s.Reload(first).Revision,
            100 => s.Reload(second).Revision,
            _ => 0,
        });
        PreparedReload? stale = null;
        var reports = new List<ReloadReport>();
        var overtaken = Run(LiveRun.Start(Sound), 200, (b, s) =>
        {
            if (b == 50) stale = s.Prepare(second);             // against revision 1
            if (b == 60) reports.Add(s.Reload(first));          // revision 2 plays from here
            if (b == 100) reports.Add(s.Reload(stale!));        // so this one is compiled again
            return 0;
        });

        Assert.Equal([2, 3], reports.Select(r => r.Revision));
        Assert.Equal(["s/mix/b/track"], reports[1].Changes.Retuned);
        Assert.Equal(-1, LiveRun.FirstDifference(direct, overtaken));
    }

    [Fact]
    public void Prepare_PublishesNothing()
    {
        var session = LiveRun.Start(Sound);
        var before = session.Renderer.Current;

        var prepared = session.Prepare(Patches.Library(Edit("freq: 220", "freq: 330")));

        Assert.NotNull(prepared.Compiled.Patch);
        Assert.Same(before, prepared.Basis);
        Assert.Same(before, session.Latest);
        session.Renderer.RenderBlock(new float[128], new float[128], 128);
        Assert.Same(before, session.Renderer.Current);
    }

    [Fact]
    public void PreparedRejection_ChangesNothing_AndReportsItsErrors()
    {
        var session = LiveRun.Start(Sound);
        var prepared = session.Prepare(Patches.Library(Edit("freq: 220", "freq: [")));

        var report = session.Reload(prepared);

        Assert.False(report.Accepted);
        Assert.NotEmpty(report.Errors);
        Assert.Equal(1, session.Latest.Revision);
    }
}
