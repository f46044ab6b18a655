using Waves.Engine.Patching;
using Waves.Engine.Rendering;
using Waves.Engine.Tests.Reload;
using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Patching;

/// <summary>
/// Sub-patch overrides (spec §1.5): numbers, expressions evaluated in the caller's scope, nodes;
/// <c>signal</c> → <c>input_signal</c>; unknown names; same file, other files, and reloads.
/// </summary>
public sealed class SubPatchOverrideTests
{
    static readonly RenderSettings Settings = new(44100, 64, 1);

    static SoundLibrary Files(params (string Path, string Text)[] files) =>
        SoundLibrary.FromTexts(files.Select(f => new SoundLibrary.SourceFile(f.Path, f.Text)));

    static float[] Render(SoundLibrary library, string sound = "s", RawMapping? overrides = null, int frames = 200)
    {
        var r = PatchCompiler.Compile(library, sound, Settings, overrides);
        Assert.True(r.Ok, string.Join("\n", r.Problems));
        return OfflineRender.ToArrays(r.Patch!, frames).Left;
    }

    static float[] Render(string yaml, string sound = "s", int frames = 200) => Render(Patches.Library(yaml), sound, null, frames);

    static void AssertConstant(float expected, float[] x) => Assert.All(x, v => Assert.Equal(expected, v));

    /// <summary>A sound whose root context defines <c>pitch</c> and <c>tone</c>; it outputs pitch + tone.</summary>
    const string Voice = """
        voice:
          context:
            pitch: 220
            tone: 0.5
            signal: pitch + tone

        """;

    [Fact]
    public void NumberOverride_ReplacesTheRootVariable()
    {
        AssertConstant(110.5f, Render(Voice + "s:\n  voice: {pitch: 110}\n"));
        var spec = Patches.Library(Voice + "s:\n  voice: {pitch: 110}\n").Build("s").Spec!;
        Assert.Equal("context", spec.Type);
        Assert.Equal("s/voice/context", spec.Id);
    }

    [Fact]
    public void ExpressionOverride_UsesTheCallersVariables()
    {
        const string yaml = Voice + """
            s:
              context:
                pitch_in: 100
                signal:
                  voice:
                    pitch: pitch_in * 3
            """;
        AssertConstant(300.5f, Render(yaml));
    }

    /// <summary>The original assigned the text to the root and evaluated it there, so <c>tone: pitch * 2</c>
    /// read the sound's own <c>pitch</c> (220); an override is the caller's argument and reads the caller's.</summary>
    [Fact]
    public void ExpressionOverride_SeesTheCallersPitch_NotTheSoundsOwn_WhereTheOriginalSawTheSounds()
    {
        const string yaml = Voice + """
            s:
              context:
                pitch: 100
                signal:
                  voice:
                    tone: pitch * 2
            """;
        AssertConstant(420f, Render(yaml));
    }

    [Fact]
    public void ExpressionOverride_OfTheVariableItNames_ReadsTheCallersValue()
    {
        const string yaml = Voice + "s:\n  context:\n    pitch: 100\n    signal:\n      voice: {pitch: pitch + 1}\n";
        AssertConstant(101.5f, Render(yaml));
    }

    [Fact]
    public void ExpressionOverride_ThatOnlyTheSoundDefines_IsAnErrorAtTheOverride()
    {
        var problems = Patches.Problems(Voice + "s:\n  voice:\n    tone: pitch * 2\n");
        Assert.Equal(["sounds/test.yaml:8:11: error: unknown name 'pitch' in expression"], problems);
    }

    [Fact]
    public void ExpressionOverride_IsWrappedInAContextAtThePathOfTheUse()
    {
        var spec = Patches.Library(Voice + "s:\n  mix:\n    a:\n      voice: {tone: 1 + 1, pitch: 3}\n").Build("s").Spec!;
        var use = Assert.IsType<Value.Node>(spec.Get("a")).Spec;
        Assert.Equal(("context", "s/mix/a/voice"), (use.Type, use.Id));
        var root = Assert.IsType<Value.Node>(use.Get("signal")).Spec;
        Assert.Equal("s/mix/a/voice/context", root.Id);
        Assert.Equal(3.0, Assert.IsType<Value.Number>(root.Get("pitch")).V);
        var hidden = Assert.IsType<Value.Text>(root.Get("tone")).V;
        Assert.Equal("1 + 1", Assert.IsType<Value.Text>(use.Get(hidden)).V);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(64)]
    [InlineData(4096)]
    public void ExpressionOverride_WithT_RunsOnTheSoundsClock_ForAnyBlockSize(int block)
    {
        var yaml = Voice + "s:\n  mix:\n    a: {voice: {pitch: t * 1000, tone: 0}}\n";
        var x = Patches.Render(yaml, 0.01, rate: 1000, block: block).Left;
        for (var i = 0; i < x.Length; i++) Assert.Equal(i, x[i], 1e-3);
    }

    [Fact]
    public void ExpressionsInAListOverride_UseTheCallersScope_OverTheSoundsDuration()
    {
        const string yaml = """
            fade:
              context:
                duration: 1
                top: 9
                level: [1, 0]
                signal: level
            s:
              context:
                top: 4
                signal:
                  fade: {level: [top, [top / 2, 0.5], 0]}
            """;
        var x = Patches.Render(yaml, 2, rate: 1000).Left;
        Assert.Equal(1000, x.Length);
        Assert.Equal(4, x[0], 1e-5);
        Assert.Equal(2, x[500], 1e-5);
        Assert.Equal(1, x[750], 1e-2);
    }

    /// <summary>An override of <c>exp</c> is the caller's expression too: it cannot read the sound's inputs
    /// (the original evaluated it inside the sound, where it could).</summary>
    [Fact]
    public void ExpOverride_IsTheCallersExpression_AndCannotReadTheSoundsInputs_WhereTheOriginalCould()
    {
        const string ring = "ring:\n  expression: {exp: a * b, a: 2, b: 3}\n";
        AssertConstant(12f, Render(ring + "s:\n  context:\n    a: 4\n    signal:\n      ring: {exp: a * b}\n".Replace("a * b}", "a * 3}")));
        Assert.Equal(["sounds/test.yaml:7:23: error: unknown name 'b' in expression"],
            Patches.Problems(ring + "s:\n  context:\n    a: 4\n    signal:\n      ring: {exp: a * b}\n"));
    }

    [Fact]
    public void NodeOverride_ReplacesAVariable()
    {
        const string yaml = Voice + "s:\n  voice:\n    pitch: {osc: {type: none, range: [7, 7]}}\n";
        AssertConstant(7.5f, Render(yaml));
    }

    [Fact]
    public void SignalOverride_GoesToInputSignal_AndMayBeAnExpression()
    {
        const string yaml = """
            fx:
              context:
                input_signal: 0
                signal: input_signal * 2
            s:
              context:
                x: 0.125
                signal:
                  fx: {signal: x}
            """;
        AssertConstant(0.25f, Render(yaml));
    }

    [Fact]
    public void OverrideOfAnOscillatorRoot_CanUseTheCallersVariables()
    {
        const string yaml = "tone:\n  osc: {type: none}\ns:\n  context:\n    lo: 0.5\n    signal:\n      tone: {range: [lo, lo], amp: lo * 0}\n";
        AssertConstant(0.5f, Render(yaml));
    }

    [Fact]
    public void UnknownOverride_IsAWarningAtItsName_AndTheRestApplies()
    {
        var r = PatchCompiler.Compile(Patches.Library(Voice + "s:\n  voice:\n    pitch: 1\n    nosuch: 3\n"), "s", Settings);
        Assert.True(r.Ok);
        Assert.Equal(["sounds/test.yaml:9:5: warning: 'nosuch' is not a parameter of sound 'voice' (a 'context' node); ignored"],
            r.Problems.Select(p => p.ToString()));
        AssertConstant(1.5f, OfflineRender.ToArrays(r.Patch!, 200).Left);
    }

    [Fact]
    public void UnknownOverride_OnTheCommandLine_IsAWarningAtItsArgument()
    {
        var parsed = NodeString.Parse(["voice", "pitch1", "nosuch3"]);
        var r = PatchCompiler.Compile(Patches.Library(Voice), parsed.Name, Settings, parsed.Overrides);
        Assert.Equal(["<command line>:1:3: warning: 'nosuch' is not a parameter of sound 'voice' (a 'context' node); ignored"],
            r.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void CommandLineExpressionOverride_SeesTheLibraryVars_NotTheSoundsVariables()
    {
        var lib = Files(("sounds/waves.yaml", "vars:\n  pitch: 1000\n"), ("sounds/v.yaml", Voice));
        AssertConstant(2000.5f, Render(lib, "voice", NodeString.Parse(["voice", "pitch=pitch*2"]).Overrides));
        AssertConstant(2220f, Render(lib, "voice", NodeString.Parse(["voice", "tone=pitch*2"]).Overrides));
    }

    [Fact]
    public void SubPatchFromAnotherFile_TakesNumberExpressionAndNodeOverrides()
    {
        var lib = Files(
            ("sounds/a.yaml", "s:\n  context:\n    k: 10\n    signal:\n      voice:\n        pitch: k * 2\n        tone: {osc: {type: none, range: [3, 3]}}\n"),
            ("sounds/b.yaml", Voice));
        AssertConstant(23f, Render(lib));
    }

    [Fact]
    public void SubPatchUsedTwice_TakesEachUsesOverrides()
    {
        const string yaml = Voice + "s:\n  mix:\n    a: {voice: {pitch: 1, tone: 0}}\n    b: {voice: {pitch: 1 + 1, tone: 0}}\n";
        AssertConstant(3f, Render(yaml));
    }

    [Fact]
    public void EditOfTheSubPatchsFile_ReachesThePlayedSound_OnReload()
    {
        const string caller = "s:\n  context:\n    k: 10\n    signal:\n      voice: {pitch: k * 2}\n";
        var session = LiveSession.Start(Files(("sounds/a.yaml", caller), ("sounds/b.yaml", Voice)), "s", Settings).Session!;
        var before = Play(session, 128);
        AssertConstant(20.5f, before);

        var report = session.Reload(Files(("sounds/a.yaml", caller), ("sounds/b.yaml", Voice.Replace("pitch + tone", "(pitch + tone) * 2"))));
        Assert.True(report.Accepted, string.Join("\n", report.Problems));
        session.WaitForSwap();
        AssertConstant(41f, Play(session, 128));

        report = session.Reload(Files(("sounds/a.yaml", caller.Replace("k * 2", "k * 3")), ("sounds/b.yaml", Voice)));
        Assert.True(report.Accepted, string.Join("\n", report.Problems));
        AssertConstant(30.5f, Play(session, 128));
    }

    [Fact]
    public void ExpressionOverride_KeepsItsClockAcrossAReload()
    {
        const string yaml = Voice + "s:\n  voice: {pitch: t * 44100, tone: 0}\n";
        var session = LiveRun.Start(yaml, block: 100, fadeFrames: 0);
        var (left, _, reports) = LiveRun.Play(session, 1000, (500, yaml.Replace("tone: 0}", "tone: 1}")));
        Assert.True(reports[0].Accepted);
        Assert.Equal(499, left[499], 1e-2);
        Assert.Equal(501, left[500], 1e-2);
    }

    [Fact]
    public void RumbleWithNoOverrides_InsideAnExpression_AsInKickTest()
    {
        var lib = SoundLibrary.FromTexts([
            .. CorpusFiles.Library.Files,
            new SoundLibrary.SourceFile(Path.Combine(CorpusFiles.Sounds, "zz_kick_test_part.yaml"),
                "rumble_part:\n  expression:\n    exp: signal * amp\n    signal:\n      rumble: {}\n    amp: 0.3\n"),
        ], CorpusFiles.Sounds);
        var part = Render(lib, "rumble_part", frames: 44100);
        var rumble = Render(lib, "rumble", frames: 44100);
        Assert.Equal(rumble.Length, part.Length);
        Assert.True(Signals.Rms(rumble) > 0.01);
        for (var i = 0; i < part.Length; i++) Assert.Equal(rumble[i] * 0.3f, part[i], 1e-6);
    }

    static float[] Play(LiveSession session, int frames)
    {
        var l = new float[frames];
        var r = new float[frames];
        var n = session.Settings.BlockSize;
        for (var done = 0; done < frames; done += n)
            session.Renderer.RenderBlock(l.AsSpan(done, Math.Min(n, frames - done)), r.AsSpan(done, Math.Min(n, frames - done)), Math.Min(n, frames - done));
        return l;
    }
}
