using Waves.Engine.Patching;
using Waves.Engine.Rendering;
using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Patching;

/// <summary>
/// The sound library (spec §1): files and namespace, vars, node syntax and its sugar, YAML 1.1
/// scalars, node ids (README "Node ids"), sub-patches, sample paths and node strings (§1.6).
/// Values are checked by rendering a constant: <c>osc: {type: none, range: [x, x]}</c> outputs x.
/// </summary>
public sealed class SoundLibraryTests
{
    static readonly RenderSettings Settings = new(44100, 64, 1);

    static SoundLibrary Files(params (string Path, string Text)[] files) =>
        SoundLibrary.FromTexts(files.Select(f => new SoundLibrary.SourceFile(f.Path, f.Text)));

    static float[] RenderLib(SoundLibrary library, string sound, RawMapping? overrides = null, int frames = 200)
    {
        var r = PatchCompiler.Compile(library, sound, Settings, overrides);
        Assert.True(r.Ok, string.Join("\n", r.Problems));
        return OfflineRender.ToArrays(r.Patch!, frames).Left;
    }

    /// <summary>Every sample equals <paramref name="expected"/> (and there are samples).</summary>
    static void AssertConstant(float expected, float[] x, int frames = 200)
    {
        Assert.Equal(frames, x.Length);
        Assert.All(x, v => Assert.Equal(expected, v));
    }

    static NodeSpec Spec(string yaml, string sound = "s")
    {
        var r = Patches.Library(yaml).Build(sound);
        Assert.True(r.Ok, string.Join("\n", r.Problems));
        Assert.Empty(r.Problems);
        return r.Spec!;
    }

    static NodeSpec Node(Value? v) => Assert.IsType<Value.Node>(v).Spec;

    static string[] Lines(IEnumerable<Problem> problems) => [.. problems.Select(p => p.ToString())];

    // ---------------------------------------------------------------- files and namespace

    [Fact]
    public void FromTexts_SoundsOfSeveralFiles_ShareOneNamespace()
    {
        var lib = Files(
            ("sounds/a.yaml", "lead:\n  osc: {type: none, range: [0.25, 0.25]}\n"),
            ("sounds/b.yaml", "s:\n  mix:\n    one:\n      lead: {}\n"));

        Assert.Empty(lib.Problems);
        Assert.Equal(["lead", "s"], lib.Sounds.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("sounds/a.yaml", lib.Sounds["lead"].File);
        Assert.Equal("sounds/b.yaml", lib.Sounds["s"].File);
        AssertConstant(0.25f, RenderLib(lib, "s"));
    }

    [Fact]
    public void FromTexts_WhenSoundIsDefinedInTwoFiles_LaterFileWinsWithWarningNamingTheFirst()
    {
        var lib = Files(
            ("sounds/a.yaml", "x:\n  osc: {type: none, range: [0.25, 0.25]}\n"),
            ("sounds/b.yaml", "other:\n  osc: {}\nx:\n  osc: {type: none, range: [0.75, 0.75]}\n"));

        Assert.Equal(["sounds/b.yaml:3:1: warning: sound 'x' is also defined at sounds/a.yaml:1:1; this one wins"], Lines(lib.Problems));
        Assert.Equal("sounds/b.yaml", lib.Sounds["x"].File);
        AssertConstant(0.75f, RenderLib(lib, "x"));
    }

    [Fact]
    public void FromTexts_WhenOneFileHasAYamlError_SoundsOfOtherFilesStillLoad()
    {
        var lib = Files(
            ("sounds/a.yaml", "s:\n  osc: {type: none, range: [0.5, 0.5]}\n"),
            ("sounds/b.yaml", "t:\n  osc: {freq: [1, 2}\n"));

        Assert.Equal(["sounds/b.yaml:2:20: error: YAML syntax: While parsing a flow sequence, did not find expected ',' or ']'."], Lines(lib.Problems));
        Assert.Equal(["s"], lib.Sounds.Keys);
        AssertConstant(0.5f, RenderLib(lib, "s"));
    }

    [Fact]
    public void Library_WithBrokenSounds_BuildsAndRendersTheGoodOnes()
    {
        const string yaml = """
            bad:
              foo: {}
            good:
              osc: {type: none, range: [0.5, 0.5]}
            worse:
              osc: {freqq: 1}
            cyclic:
              cyclic: {}
            """;
        var lib = Patches.Library(yaml);

        Assert.Empty(lib.Problems);
        Assert.False(lib.Build("bad").Ok);
        Assert.False(lib.Build("worse").Ok);
        Assert.False(lib.Build("cyclic").Ok);
        var good = lib.Build("good");
        Assert.True(good.Ok);
        Assert.Empty(good.Problems);
        AssertConstant(0.5f, RenderLib(lib, "good"));
    }

    // ---------------------------------------------------------------- vars

    [Fact]
    public void Vars_InAnyFile_AreNamesInExpressions()
    {
        var lib = Files(
            ("sounds/a.yaml", "s:\n  osc: {type: none, range: [twice, twice]}\n"),
            ("sounds/other.yaml", "vars:\n  base: 110\n  twice: base * 2\n"));

        Assert.Empty(lib.Problems);
        Assert.False(lib.Sounds.ContainsKey("vars"));
        AssertConstant(220f, RenderLib(lib, "s"));
    }

    [Fact]
    public void Vars_AreSeenAsAContextSignal()
    {
        var lib = Files(
            ("sounds/a.yaml", "vars:\n  depth: 0.3\n"),
            ("sounds/b.yaml", "s:\n  context:\n    signal: depth\n"));

        AssertConstant(0.3f, RenderLib(lib, "s"));
    }

    [Fact]
    public void Vars_WhenDefinedInTwoFiles_LaterWinsWithWarningAtTheSecond()
    {
        var lib = Files(
            ("sounds/a.yaml", "vars:\n  depth: 0.25\ns:\n  context:\n    signal: depth\n"),
            ("sounds/b.yaml", "vars:\n  depth: 0.75\n"));

        Assert.Equal(["sounds/b.yaml:2:3: warning: var 'depth' is defined again; this one wins"], Lines(lib.Problems));
        AssertConstant(0.75f, RenderLib(lib, "s"));
    }

    // ---------------------------------------------------------------- node syntax and sugar

    [Fact]
    public void Build_SiblingKeysOfANodeType_AreParametersOfThatNode()
    {
        var spec = Spec("s:\n  mix:\n    a: {osc: {freq: 2}, amp: 0.5}\n");

        var osc = Node(spec.Get("a"));
        Assert.Equal("osc", osc.Type);
        Assert.Equal(["freq", "amp"], osc.Params.Select(p => p.Name));
        Assert.Equal(2.0, Assert.IsType<Value.Number>(osc.Get("freq")).V);
        Assert.Equal(0.5, Assert.IsType<Value.Number>(osc.Get("amp")).V);
        Assert.Equal(new SourcePos("sounds/test.yaml", 3, 25), osc.GetParam("amp")!.KeyPos);
    }

    [Fact]
    public void Build_SiblingKeysAtTheSoundRoot_AreMergedIntoTheNode()
    {
        const string yaml = """
            s:
              osc:
                type: none
              range: [0.3, 0.3]
            """;
        var spec = Spec(yaml);

        Assert.Equal("osc", spec.Type);
        Assert.Equal(["type", "range"], spec.Params.Select(p => p.Name));
        AssertConstant(0.3f, Patches.Render(yaml, 200.0 / 44100).Left);
    }

    [Fact]
    public void Build_SiblingKeysOfASoundName_AreItsOverrides()
    {
        const string yaml = """
            p:
              context:
                level: 220
                signal: level
            s:
              mix:
                a: {p: {}, level: 110}
            """;
        var ctx = Node(Spec(yaml).Get("a"));

        Assert.Equal("context", ctx.Type);
        Assert.Equal(110.0, Assert.IsType<Value.Number>(ctx.Get("level")).V);
        AssertConstant(110f, Patches.Render(yaml, 200.0 / 44100).Left);
    }

    [Fact]
    public void Build_WhenTwoSiblingKeysAreNodeTypes_NothingIsMerged()
    {
        var problems = Patches.Problems("s:\n  mix:\n    a: {osc: {}, envelope: {}}\n");

        Assert.Equal(["sounds/test.yaml:3:8: error: track 'a' must be a node, got a mapping"], problems);
    }

    [Fact]
    public void Build_EmptyMappingAndNothing_BothWriteAParameterlessNode()
    {
        const string yaml = """
            s:
              mix:
                a:
                  osc: {}
                b:
                  osc:
            """;
        var spec = Spec(yaml);

        var a = Node(spec.Get("a"));
        var b = Node(spec.Get("b"));
        Assert.Equal(("osc", 0), (a.Type, a.Params.Length));
        Assert.Equal(("osc", 0), (b.Type, b.Params.Length));
        // Two default oscillators (sin, 1 Hz, amp 1) summed.
        var x = Patches.Render(yaml, 10.0 / 44100).Left;
        Assert.Equal(2 * Math.Sin(2 * Math.PI / 44100), x[0], 6);
    }

    [Fact]
    public void Build_SoundNameWithNothing_IsASubPatchWithItsDefaults()
    {
        const string yaml = """
            kick:
              osc: {type: none, range: [0.4, 0.4]}
            s:
              mix:
                a:
                  kick:
            """;
        var osc = Node(Spec(yaml).Get("a"));

        Assert.Equal("osc", osc.Type);
        Assert.Equal("s/mix/a/kick/osc", osc.Id);
        AssertConstant(0.4f, Patches.Render(yaml, 200.0 / 44100).Left);
    }

    [Fact]
    public void Build_SoundWhoseRootHasNothing_IsAParameterlessNode()
    {
        var spec = Spec("s:\n  osc:\n");

        Assert.Equal(("osc", 0, "s/osc"), (spec.Type, spec.Params.Length, spec.Id));
    }

    [Fact]
    public void Build_NodeInsideANestedList_IsParsedAsANode()
    {
        var spec = Spec("s:\n  osc:\n    duration: 1\n    freq: [0, [{osc: {freq: 3}}, 0.5], 1]\n");

        var list = Assert.IsType<Value.List>(spec.Get("freq"));
        var pair = Assert.IsType<Value.List>(list.Items[1]);
        var inner = Node(pair.Items[0]);
        Assert.Equal("osc", inner.Type);
        Assert.Equal("s/osc/freq/1/0/osc", inner.Id);
        Assert.Equal(3.0, Assert.IsType<Value.Number>(inner.Get("freq")).V);
        Assert.Equal(0.5, Assert.IsType<Value.Number>(pair.Items[1]).V);
    }

    [Fact]
    public void Read_WhenAKeyRepeatsInAMapping_LastWinsWithWarningAtTheSecondKey()
    {
        const string yaml = """
            s:
              osc:
                type: none
                range: [1, 1]
                range: [2, 2]
            """;

        Assert.Equal(["sounds/test.yaml:5:5: warning: duplicate key 'range' (first at line 4); the last one wins"], Lines(Patches.Library(yaml).Problems));
        AssertConstant(2f, Patches.Render(yaml, 200.0 / 44100).Left);
    }

    // ---------------------------------------------------------------- YAML 1.1 scalars

    [Theory]
    [InlineData("-.1", -0.1)]     // not a YAML 1.1 float: text, which as an expression is -0.1
    [InlineData("1e3", 1000)]     // not a YAML 1.1 float either (no sign in the exponent)
    [InlineData("yes", 1)]
    [InlineData("on", 1)]
    [InlineData("off", 0)]
    [InlineData("010", 8)]        // octal
    [InlineData("0x1F", 31)]
    [InlineData("1_000", 1000)]
    [InlineData(".5", 0.5)]
    [InlineData("1:30", 90)]      // sexagesimal
    public void Scalars_AreReadAsTheOriginalsYaml11LoaderReadThem(string text, double expected)
    {
        var x = Patches.Render($"s:\n  osc: {{type: none, range: [{text}, {text}]}}\n", 200.0 / 44100).Left;

        AssertConstant((float)expected, x);
    }

    [Fact]
    public void Scalars_KeepTheirKind_TextForNonYaml11FloatsAndNumbersForBooleansAndOctal()
    {
        var spec = Spec("s:\n  osc:\n    freq: -.1\n    amp: yes\n    phase: on\n    attack: 010\n    release: 1_000\n    pulse_width: .5\n");

        var freq = Assert.IsType<Value.Text>(spec.Get("freq"));
        Assert.Equal("-.1", freq.V);
        Assert.Equal(new SourcePos("sounds/test.yaml", 3, 11), freq.TextPos);
        Assert.Equal(1.0, Assert.IsType<Value.Number>(spec.Get("amp")).V);
        Assert.Equal(1.0, Assert.IsType<Value.Number>(spec.Get("phase")).V);
        Assert.Equal(8.0, Assert.IsType<Value.Number>(spec.Get("attack")).V);
        Assert.Equal(1000.0, Assert.IsType<Value.Number>(spec.Get("release")).V);
        Assert.Equal(0.5, Assert.IsType<Value.Number>(spec.Get("pulse_width")).V);
    }

    [Fact]
    public void Scalars_WhenQuoted_AreTextEvenIfTheyLookLikeBooleans()
    {
        var spec = Spec("s:\n  osc:\n    freq: \"yes\"\n    amp: '010'\n");

        var freq = Assert.IsType<Value.Text>(spec.Get("freq"));
        Assert.Equal("yes", freq.V);
        Assert.Equal(new SourcePos("sounds/test.yaml", 3, 12), freq.TextPos);
        Assert.Equal("010", Assert.IsType<Value.Text>(spec.Get("amp")).V);
    }

    // ---------------------------------------------------------------- node ids

    [Fact]
    public void Build_NodeIds_ArePathsOfParameterAndTrackNames()
    {
        const string yaml = """
            kick:
              context:
                signal:
                  mix:
                    thump:
                      osc:
                        phase:
                          osc: {}
            """;
        var root = Spec(yaml, "kick");

        var mix = Node(root.Get("signal"));
        var thump = Node(mix.Get("thump"));
        var phase = Node(thump.Get("phase"));
        Assert.Equal(
            ["kick/context", "kick/context/signal/mix", "kick/context/signal/mix/thump/osc", "kick/context/signal/mix/thump/osc/phase/osc"],
            [root.Id, mix.Id, thump.Id, phase.Id]);
        Assert.False(thump.ExplicitId);
    }

    [Fact]
    public void Build_ExplicitId_RestartsThePathForItsSubtree()
    {
        const string yaml = """
            s:
              mix:
                a:
                  envelope:
                    id: env
                    signal:
                      osc:
                        phase:
                          osc: {}
            """;
        var env = Node(Spec(yaml).Get("a"));
        var osc = Node(env.Get("signal"));

        Assert.Equal(("env", true), (env.Id, env.ExplicitId));
        Assert.Equal(("env/signal/osc", false), (osc.Id, osc.ExplicitId));
        Assert.Equal("env/signal/osc/phase/osc", Node(osc.Get("phase")).Id);
    }

    [Fact]
    public void Build_ListItems_AreIdentifiedByIndex()
    {
        var spec = Spec("s:\n  osc:\n    duration: 1\n    freq: [{osc: {}}, 5, {osc: {}}]\n");

        var items = Assert.IsType<Value.List>(spec.Get("freq")).Items;
        Assert.Equal("s/osc/freq/0/osc", Node(items[0]).Id);
        Assert.Equal("s/osc/freq/2/osc", Node(items[2]).Id);
    }

    [Fact]
    public void Compile_AddingASiblingTrack_KeepsTheOtherTracksIdAndState()
    {
        var before = Patches.Library("s:\n  mix:\n    b:\n      osc: {freq: 100}\n");
        var after = Patches.Library("s:\n  mix:\n    a:\n      osc: {freq: 50}\n    b:\n      osc: {freq: 100}\n");
        var first = PatchCompiler.Compile(before, "s", Settings).Patch!;
        OfflineRender.ToArrays(first, 100);

        var second = PatchCompiler.Compile(after, "s", Settings, previous: new PreviousPatch(first, first.Vars)).Patch!;

        Assert.Equal("s/mix/b/osc", Node(first.Spec.Get("b")).Id);
        Assert.Equal("s/mix/b/osc", Node(second.Spec.Get("b")).Id);
        Assert.Equal("s/mix/a/osc", Node(second.Spec.Get("a")).Id);
        Assert.Same(first.States["s/mix/b/osc"], second.States["s/mix/b/osc"]);
        Assert.Equal(100, second.States["s/mix/b/osc"].Clock);
        Assert.Equal(0, second.States["s/mix/a/osc"].Clock);
    }

    [Fact]
    public void Build_SubPatchUsedTwice_GetsAnIdPerUse()
    {
        const string yaml = """
            pluck:
              context:
                pitch: 1
                signal:
                  osc: {}
            s:
              mix:
                low:
                  pluck: {}
                high:
                  pluck: {}
            """;
        var spec = Spec(yaml);
        var low = Node(spec.Get("low"));
        var high = Node(spec.Get("high"));

        Assert.Equal("s/mix/low/pluck/context", low.Id);
        Assert.Equal("s/mix/high/pluck/context", high.Id);
        Assert.Equal("s/mix/low/pluck/context/signal/osc", Node(low.Get("signal")).Id);
    }

    // ---------------------------------------------------------------- sub-patches

    const string Pluck = """
        pluck:
          context:
            pitch: 220
            signal:
              osc: {type: none, range: [pitch, pitch]}

        """;

    [Fact]
    public void SubPatch_WithoutOverrides_UsesTheDefaultsOfItsRootContext() =>
        AssertConstant(220f, Patches.Render(Pluck + "s:\n  pluck: {}\n", 200.0 / 44100).Left);

    [Fact]
    public void SubPatch_Override_SetsTheRootContextVariable()
    {
        var yaml = Pluck + "s:\n  mix:\n    low:\n      pluck: {pitch: 110}\n";

        var ctx = Node(Spec(yaml).Get("low"));
        Assert.Equal(["pitch", "signal"], ctx.Params.Select(p => p.Name));
        Assert.Equal(110.0, Assert.IsType<Value.Number>(ctx.Get("pitch")).V);
        AssertConstant(110f, Patches.Render(yaml, 200.0 / 44100).Left);
    }

    [Fact]
    public void SubPatch_OverrideExpression_IsEvaluatedWhereItIsUsed()
    {
        var yaml = Pluck + "s:\n  context:\n    base: 100\n    signal:\n      pluck: {pitch: base * 3}\n";

        AssertConstant(300f, Patches.Render(yaml, 200.0 / 44100).Left);
    }

    [Fact]
    public void SubPatch_Override_SetsAParameterOfARootNodeEvenIfNotWritten()
    {
        const string yaml = """
            tone:
              osc: {type: none}
            s:
              tone: {range: [0.6, 0.6]}
            """;

        AssertConstant(0.6f, Patches.Render(yaml, 200.0 / 44100).Left);
    }

    [Fact]
    public void SubPatch_SignalOverride_GoesToInputSignal()
    {
        const string yaml = """
            fx:
              context:
                input_signal: 0
                signal:
                  osc: {type: none, range: [input_signal, input_signal]}
            s:
              fx:
                signal:
                  osc: {type: none, range: [0.25, 0.25]}
            """;
        var root = Spec(yaml);

        Assert.Equal(["input_signal", "signal"], root.Params.Select(p => p.Name));
        Assert.Equal("osc", Node(root.Get("input_signal")).Type);
        Assert.Equal("s/fx/context/input_signal/osc", Node(root.Get("input_signal")).Id);
        AssertConstant(0.25f, Patches.Render(yaml, 200.0 / 44100).Left);
    }

    [Fact]
    public void SubPatch_UnknownOverride_IsAWarningAndIgnored()
    {
        var yaml = Pluck + "s:\n  pluck:\n    pitch: 330\n    tone: 0.9\n";

        var r = Patches.Compile(yaml);
        Assert.Equal(["sounds/test.yaml:9:5: warning: 'tone' is not a parameter of sound 'pluck' (a 'context' node); ignored"], Lines(r.Problems));
        Assert.True(r.Ok);
        AssertConstant(330f, OfflineRender.ToArrays(r.Patch!, 200).Left);
    }

    [Fact]
    public void SubPatch_FromAnotherFile_TakesOverrides()
    {
        var lib = Files(
            ("sounds/a.yaml", "s:\n  pluck: {pitch: 55}\n"),
            ("sounds/synths.yaml", Pluck));

        AssertConstant(55f, RenderLib(lib, "s"));
    }

    [Fact]
    public async Task SubPatch_WhenASoundUsesItself_ReportsTheCycle()
    {
        var r = await BuildWithin("s:\n  mix:\n    a:\n      s: {}\n", "s");

        Assert.False(r.Ok);
        Assert.Equal(["sounds/test.yaml:4:7: error: sound 's' uses itself: s → s"], Lines(r.Problems));
    }

    [Fact]
    public async Task SubPatch_WhenASoundUsesItselfThroughAnother_ReportsTheCycle()
    {
        var r = await BuildWithin("a:\n  b: {}\nb:\n  mix:\n    t:\n      a: {}\n", "a");

        Assert.False(r.Ok);
        Assert.Equal(["sounds/test.yaml:6:7: error: sound 'a' uses itself: a → b → a"], Lines(r.Problems));
    }

    [Fact]
    public async Task SubPatch_WhenACycleCrossesFiles_ReportsTheCycle()
    {
        var lib = Files(("sounds/a.yaml", "a:\n  b: {}\n"), ("sounds/b.yaml", "b:\n  a: {}\n"));
        var r = await BuildWithin(lib, "b");

        Assert.Equal(["sounds/a.yaml:2:3: error: sound 'b' uses itself: b → a → b"], Lines(r.Problems));
    }

    /// <summary>Chaining an effect into itself (<c>fx</c> whose <c>signal</c> is another <c>fx</c>)
    /// is not a cycle: the inner use is written by the caller, not by <c>fx</c>.</summary>
    [Fact]
    public async Task SubPatch_UsedInsideItsOwnOverride_IsNotACycle()
    {
        const string yaml = """
            fx:
              context:
                input_signal: 0
                signal: input_signal * 2
            s:
              fx:
                signal:
                  fx:
                    signal: 0.125
            """;
        var r = await BuildWithin(yaml, "s");

        Assert.Empty(Lines(r.Problems));
        AssertConstant(0.5f, Patches.Render(yaml, 200.0 / 44100).Left);
    }

    /// <summary>Builds on another thread and fails with a <see cref="TimeoutException"/> if building hangs.</summary>
    static Task<BuildResult> BuildWithin(SoundLibrary lib, string sound) =>
        Task.Run(() => lib.Build(sound)).WaitAsync(TimeSpan.FromSeconds(10));

    static Task<BuildResult> BuildWithin(string yaml, string sound) => BuildWithin(Patches.Library(yaml), sound);

    // ---------------------------------------------------------------- sample paths

    sealed class Project : IDisposable
    {
        public readonly string Root = Path.Combine(Path.GetTempPath(), "waves-paths-" + Guid.NewGuid().ToString("N"));
        public string Sounds => Path.Combine(Root, "sounds");

        public Project()
        {
            Directory.CreateDirectory(Path.Combine(Root, "samples"));
            Directory.CreateDirectory(Sounds);
        }

        public void Touch(string relative) => File.WriteAllText(Path.Combine(Root, relative), "x");

        public SoundLibrary Library() => SoundLibrary.FromTexts([], Sounds);

        public void Dispose() => Directory.Delete(Root, true);
    }

    [Fact]
    public void ResolvePath_WhenFileIsUnderTheProjectRoot_ResolvesThere()
    {
        using var p = new Project();
        p.Touch("samples/kick.wav");

        Assert.Equal(p.Root, p.Library().ProjectRoot);
        Assert.Equal(Path.Combine(p.Root, "samples/kick.wav"), p.Library().ResolvePath("samples/kick.wav"));
    }

    [Fact]
    public void ResolvePath_WhenFileIsOnlyInTheSoundFolder_ResolvesThere()
    {
        using var p = new Project();
        p.Touch("sounds/local.wav");

        Assert.Equal(Path.Combine(p.Sounds, "local.wav"), p.Library().ResolvePath("local.wav"));
    }

    [Fact]
    public void ResolvePath_WhenFileIsInBoth_ProjectRootWins()
    {
        using var p = new Project();
        p.Touch("both.wav");
        p.Touch("sounds/both.wav");

        Assert.Equal(Path.Combine(p.Root, "both.wav"), p.Library().ResolvePath("both.wav"));
    }

    [Fact]
    public void ResolvePath_WhenFileIsNowhere_GivesThePathUnderTheProjectRoot()
    {
        using var p = new Project();

        Assert.Equal(Path.Combine(p.Root, "samples/missing.wav"), p.Library().ResolvePath("samples/missing.wav"));
    }

    [Fact]
    public void ResolvePath_WhenPathIsAbsolute_KeepsIt()
    {
        using var p = new Project();
        var absolute = Path.Combine(p.Root, "elsewhere", "x.wav");

        Assert.Equal(absolute, p.Library().ResolvePath(absolute));
    }

    // ---------------------------------------------------------------- node strings

    [Theory]
    [InlineData("kick_tom warp1", "kick_tom", "warp", "1", 1)]
    [InlineData("hihat v.2", "hihat", "v", ".2", 0.2)]
    [InlineData("pad f-2.5", "pad", "f", "-2.5", -2.5)]
    [InlineData("pad amp.5", "pad", "amp", ".5", 0.5)]
    [InlineData("pad cc16", "pad", "cc", "16", 16)]
    [InlineData("pad f+3", "pad", "f", "+3", 3)]
    [InlineData("pad pitch=330", "pad", "pitch", "330", 330)]
    public void NodeString_Parse_ReadsNameAndParameter(string text, string name, string key, string valueText, double value)
    {
        var parsed = NodeString.Parse(text);

        Assert.Equal(name, parsed.Name);
        Assert.Empty(parsed.Rejected);
        var entry = Assert.Single(parsed.Overrides.Entries);
        Assert.Equal(key, entry.Key.Text);
        var scalar = Assert.IsType<RawScalar>(entry.Value);
        Assert.Equal(valueText, scalar.Text);
        Assert.Equal(value, YamlScalars.AsNumber(scalar));
        Assert.Equal(new SourcePos("<command line>", 1, 2), entry.Key.Pos);
    }

    [Theory]
    [InlineData("x1e3")]
    [InlineData("loud")]
    [InlineData("f440.")]
    [InlineData("1f")]
    [InlineData("=3")]
    public void NodeString_Parse_RejectsTokensThatAreNotNameAndNumber(string token)
    {
        var parsed = NodeString.Parse($"pad {token} a1");

        Assert.Equal("pad", parsed.Name);
        Assert.Equal([token], parsed.Rejected);
        Assert.Equal(["a"], parsed.Overrides.Entries.Select(e => e.Key.Text));
    }

    [Fact]
    public void NodeString_Parse_KeepsOrderAndLastRepeatWins()
    {
        var parsed = NodeString.Parse("  kick   f440 a.5  f220 ");

        Assert.Equal("kick", parsed.Name);
        Assert.Equal(["a", "f"], parsed.Overrides.Entries.Select(e => e.Key.Text));
        Assert.Equal("220", ((RawScalar)parsed.Overrides.Get("f")!).Text);
        Assert.Equal(new SourcePos("<command line>", 1, 4), parsed.Overrides.Get("f")!.Pos);
    }

    [Fact]
    public void NodeString_Overrides_ApplyToTheSoundsRoot()
    {
        var lib = Patches.Library(Pluck);

        AssertConstant(330f, RenderLib(lib, "pluck", NodeString.Parse("pluck pitch330").Overrides));
        AssertConstant(165f, RenderLib(lib, "pluck", NodeString.Parse("pluck pitch=330/2").Overrides));
    }
}
