using Waves.Engine.Nodes;
using Waves.Engine.Rendering;
using Waves.Engine.Tests.Reload;
using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Nodes;

public sealed class DelayTests
{
    /// <summary>A one-frame impulse at frame 0, delayed.</summary>
    static float[] Impulse(string parameters, double seconds, int block, int rate = 1000) =>
        Patches.Render($"s:\n  delay: {{{parameters}, signal: \"1 if t == 0 else 0\"}}\n", seconds, rate: rate, block: block).Left;

    [Theory]
    [InlineData(0.0, 64)]
    [InlineData(0.001, 64)]
    [InlineData(0.005, 64)]
    [InlineData(0.063, 64)]
    [InlineData(0.064, 64)]
    [InlineData(0.065, 64)]
    [InlineData(0.3, 64)]
    [InlineData(0.005, 1)]
    [InlineData(0.005, 7)]
    [InlineData(0.3, 7)]
    [InlineData(0.3, 512)]
    public void Impulse_AppearsExactlyOnItsFrame_ForTimesBelowAndAboveABlock(double time, int block)
    {
        var x = Impulse($"time: {time}", 1, block);
        var at = (int)Math.Round(time * 1000);
        for (var i = 0; i < at + 100; i++) Assert.Equal(i == at ? 1f : 0f, x[i]);
    }

    [Theory]
    [InlineData("digital")]
    [InlineData("tape")]
    public void Impulse_ThroughATimeThatIsAWave_AppearsOnItsFrame(string mode)
    {
        // An expression's value is a float (0.1 s is 99.9999994 frames at 1 kHz): it reads as the whole frame.
        var x = Impulse($"mode: {mode}, time: \"0.1 + 0 * t\"", 0.5, 64);
        for (var i = 0; i < 300; i++) Assert.Equal(i == 100 ? 1f : 0f, x[i]);
    }

    [Fact]
    public void FractionalTime_InterpolatesBetweenTwoFrames()
    {
        var x = Impulse("time: 0.0025", 0.1, 64);
        Assert.Equal(0.5f, x[2]);
        Assert.Equal(0.5f, x[3]);
        Assert.Equal(0f, x[1] + x[4]);
    }

    [Fact]
    public void ZeroTime_PassesTheSignalThrough_WhereTheOriginalReturnedOldContents()
    {
        const string osc = "{osc: {type: saw, freq: 441}}";
        var dry = Patches.Render($"s:\n  osc: {{type: saw, freq: 441}}\n", 0.1).Left;
        var wet = Patches.Render($"s:\n  delay: {{time: 0, signal: {osc}}}\n", 0.1).Left;
        Assert.Equal(dry, wet);
    }

    [Fact]
    public void ShortBurst_WrittenWithinOneBlock_ComesOutWhole_WhereTheOriginalLostIt()
    {
        // The original read a whole chunk before writing it, so a delay shorter than the chunk
        // returned stale samples and bursts like the corpus clap's vanished.
        var dry = Patches.Render("s:\n  osc: {type: saw, freq: 1000, duration: 0.01}\n", 0.1, block: 2048).Left;
        var wet = Patches.Render("s:\n  delay: {time: 0.015, signal: {osc: {type: saw, freq: 1000, duration: 0.01}}}\n", 0.1, block: 2048).Left;
        const int shift = 661;                                            // 661.5 frames: half of each sample at 661, half at 662
        Assert.Equal(dry.Length + 662, wet.Length);
        for (var i = 0; i < dry.Length; i++)
            Assert.Equal(dry[i] * 0.5 + (i > 0 ? dry[i - 1] : 0) * 0.5, wet[i + shift], 1e-6);
    }

    [Fact]
    public void Feedback_RepeatsAtEachPeriod_ScaledEachTime()
    {
        var x = Impulse("time: 0.1, feedback: 0.5", 0.5, 64);
        Assert.Equal(0f, x[0]);
        Assert.Equal(1f, x[100]);
        Assert.Equal(0.5f, x[200]);
        Assert.Equal(0.25f, x[300]);
        Assert.Equal(0f, x[150]);
    }

    [Fact]
    public void Mix_BlendsDryAndDelayed()
    {
        var x = Impulse("time: 0.1, feedback: 0.5, mix: 0.5", 0.5, 64);
        Assert.Equal(0.5f, x[0]);
        Assert.Equal(0.5f, x[100]);
        Assert.Equal(0.25f, x[200]);
    }

    [Fact]
    public void Tail_EndsWhenTheLineHasPlayedOut()
    {
        // Input of 50 frames (ended at frame 50), delay 100 frames: output ends at 150.
        var x = Patches.Render("s:\n  delay: {time: 0.1, signal: {osc: {freq: 20, duration: 0.05}}}\n", 1, rate: 1000, block: 16).Left;
        Assert.Equal(150, x.Length);
        // With feedback the echoes go on until they are below −120 dB.
        var y = Patches.Render("s:\n  delay: {time: 0.1, feedback: 0.5, signal: {osc: {freq: 20, duration: 0.05}}}\n", 10, rate: 1000, block: 16).Left;
        Assert.InRange(y.Length, 1500, 3000);
        Assert.True(Signals.Peak(y.AsSpan(y.Length - 100)) < 1e-5);
    }

    [Fact]
    public void Stereo_IsDelayedPerChannel()
    {
        var s = Patches.Render("s:\n  delay: {time: 0.01, signal: {track: {pan: 0.5, signal: {osc: {freq: 300}}}}}\n", 0.2);
        var m = Patches.Render("s:\n  track: {pan: 0.5, signal: {osc: {freq: 300}}}\n", 0.2);
        for (var i = 441; i < m.Left.Length; i++)
        {
            Assert.Equal(m.Left[i - 441], s.Left[i]);
            Assert.Equal(m.Right![i - 441], s.Right![i]);
        }
    }

    [Theory]
    [InlineData("digital", true)]
    [InlineData("tape", true)]
    [InlineData("digital", false)]
    [InlineData("tape", false)]
    public void ModulatedTimeFeedbackAndMix_AreTheSameForAnyBlockSize(string mode, bool withMix)
    {
        // Without a dry part, blocks shorter than the delay publish their output before reading the
        // input and longer ones interleave reads and writes: both give the same samples.
        var yaml = """
            s:
              delay:
                mode: MODE
                time: {osc: {freq: 3, range: [0.001, 0.02]}}
                feedback: {osc: {type: tri, freq: 1, range: [0, 0.8]}}
                mix: "0.5 + 0.3 * sin(t)"
                max_time: 0.05
                signal: {track: {pan: {osc: {freq: 2}}, signal: {osc: {type: saw, freq: 220}}}}
            """.Replace("MODE", mode);
        if (!withMix) yaml = yaml.Replace("mix: \"0.5 + 0.3 * sin(t)\"", "mix: 1");
        var a = Patches.Render(yaml, 0.5, block: 64);
        var b = Patches.Render(yaml, 0.5, block: 1);
        var c = Patches.Render(yaml, 0.5, block: 1000);
        Assert.Equal(a.Left, b.Left);
        Assert.Equal(a.Left, c.Left);
        Assert.Equal(a.Right, c.Right);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(16)]
    [InlineData(100)]
    public void FeedbackThroughAReference_KeepsTheExactTime_WhenTheDelayIsAtLeastABlock(int block)
    {
        const string yaml = """
            s:
              delay:
                id: echo
                time: 0.1
                signal:
                  expression: {exp: "dry + 0.5 * fb", dry: "1 if t == 0 else 0", fb: {reference: {ref: echo}}}
            """;
        Assert.DoesNotContain(Patches.Compile(yaml, rate: 1000, block: block).Problems, p => p.Message.Contains("feedback"));
        var x = Patches.Render(yaml, 0.5, rate: 1000, block: block).Left;
        for (var i = 0; i < 450; i++)
            Assert.Equal(i % 100 == 0 && i > 0 ? MathF.Pow(0.5f, i / 100 - 1) : 0f, x[i]);
    }

    [Fact]
    public void Digital_ATimeThatGrowsSteadily_LowersThePitchByItsRate()
    {
        // The delay grows by 0.2 s per second: the read point moves at 0.8 of real time.
        var x = Patches.Render("s:\n  delay: {time: \"0.05 + 0.2 * t\", signal: {osc: {freq: 1000}}}\n", 1).Left;
        Assert.Equal(800, Signals.Frequency(x.AsSpan(22050, 22050), 44100), 1.0);
    }

    [Fact]
    public void Tape_AChangeOfTime_BendsThePitchByOldOverNew_ThenSettles()
    {
        // 0.1 s → 0.2 s at t = 1 s: the head glides, d ← d + (T − d)/T per frame, so the pitch is
        // f·d/T: half at first, back to f within a few delay periods.
        const int rate = 44100;
        const double f = 4000;
        var x = Patches.Render($"s:\n  delay: {{mode: tape, time: \"0.1 if t < 1 else 0.2\", signal: {{osc: {{freq: {f}}}}}}}\n", 3).Left;
        const double T = 0.2 * rate;
        double D(long n) => n < rate ? 0.1 * rate : T - (T - 0.1 * rate) * Math.Pow(1 - 1 / T, n - rate + 1);
        foreach (var start in new[] { rate + 10, rate + 2205, rate + 4410, rate + 8820, rate + 17640, 2 * rate + 30000 })
        {
            const int window = 441;
            var predicted = f * ((start + window - D(start + window)) - (start - D(start))) / window;
            var measured = Signals.Frequency(x.AsSpan(start, window), rate);
            Assert.Equal(predicted, measured, predicted * 0.01);
        }
        Assert.Equal(f / 2, f * D(rate) / T, 1.0);
        Assert.Equal(f, Signals.Frequency(x.AsSpan(2 * rate + 30000, 4410), rate), f * 0.002);
    }

    [Fact]
    public void Digital_AChangeOfTime_JumpsWithoutBending()
    {
        var x = Patches.Render("s:\n  delay: {time: \"0.1 if t < 1 else 0.2\", signal: {osc: {freq: 4000}}}\n", 1.2).Left;
        Assert.Equal(4000, Signals.Frequency(x.AsSpan(44100 + 10, 2205), 44100), 4000 * 0.002);
    }

    [Fact]
    public void Reload_KeepsTheLine()
    {
        // A burst in the first 0.1 s, a delay of 0.2 s; the reload at 0.15 s changes only the mix, so
        // the burst already in the line still comes out at 0.2 s.
        const string before = "s:\n  delay: {time: 0.2, signal: {osc: {freq: 100, amp: \"1 if t < 0.1 else 0\"}}}\n";
        const string after = "s:\n  delay: {time: 0.2, mix: 0.999, signal: {osc: {freq: 100, amp: \"1 if t < 0.1 else 0\"}}}\n";
        var plain = Patches.Render(before, 0.5, block: 128).Left;
        var (left, _, reports) = LiveRun.Play(LiveRun.Start(before, fadeFrames: 0), 22050, ((long)(0.15 * 44100), after));
        Assert.True(reports[0].Accepted);
        for (var i = 8820; i < 13230; i++) Assert.Equal(plain[i] * 0.999f, left[i], 1e-4);
    }

    [Fact]
    public void Reload_ToALongerTime_GrowsTheLine_KeepingTheRecentContents()
    {
        // The burst (0 … 0.1 s) is in the line at 0.15 s; the reload lengthens the delay from 0.2 s to
        // 0.4 s, so the burst comes out from 0.4 s, from a line grown at the reload.
        const string before = "s:\n  delay: {time: 0.2, signal: {osc: {freq: 100, amp: \"1 if t < 0.1 else 0\"}}}\n";
        const string after = "s:\n  delay: {time: 0.4, signal: {osc: {freq: 100, amp: \"1 if t < 0.1 else 0\"}}}\n";
        var dry = Patches.Render("s:\n  osc: {freq: 100, amp: \"1 if t < 0.1 else 0\"}\n", 0.2).Left;
        var session = LiveRun.Start(before, fadeFrames: 0);
        var shortLine = ((DelayState)session.Latest.States["s/delay"]).Line.Length;
        var (left, _, _) = LiveRun.Play(session, 44100, ((long)(0.15 * 44100), after));
        Assert.True(((DelayState)session.Latest.States["s/delay"]).Line.Length > shortLine);
        Assert.Equal(0, Signals.Peak(left.AsSpan(6615, 17640 - 6615)));   // nothing between the reload and 0.4 s
        for (var i = 0; i < 4410; i++) Assert.Equal(dry[i], left[17640 + i], 1e-6);
    }

    [Fact]
    public void Reload_FromANumberToAWave_KeepsTheRecentContents()
    {
        const string before = "s:\n  delay: {mode: tape, time: 0.2, signal: {osc: {freq: 100, amp: \"1 if t < 0.1 else 0\"}}}\n";
        const string after = "s:\n  delay: {mode: tape, time: \"0.2 + 0 * t\", signal: {osc: {freq: 100, amp: \"1 if t < 0.1 else 0\"}}}\n";
        var plain = Patches.Render(before, 0.5, block: 128).Left;
        var session = LiveRun.Start(before, fadeFrames: 0);
        var (left, _, _) = LiveRun.Play(session, 22050, ((long)(0.15 * 44100), after));
        Assert.Equal((int)Math.Ceiling(Delay.DefaultMaxTime * 44100) + 4, ((DelayState)session.Latest.States["s/delay"]).Line.Length);
        for (var i = 8820; i < 13230; i++) Assert.Equal(plain[i], left[i], 1e-5);
    }

    [Fact]
    public void Reset_ClearsTheLine_WithoutANewOne()
    {
        var session = LiveRun.Start("s:\n  delay: {time: 0.2, signal: {osc: {freq: 100, amp: \"1 if t < 0.1 else 0\"}}}\n", fadeFrames: 0);
        LiveRun.Play(session, 6615);
        var line = ((DelayState)session.Latest.States["s/delay"]).Line;
        Assert.NotNull(session.Reset("s/delay"));
        var (left, _, _) = LiveRun.Play(session, 13230);
        Assert.Same(line, ((DelayState)session.Latest.States["s/delay"]).Line);
        Assert.Equal(0, Signals.Peak(left));
    }

    [Fact]
    public void CaptureAndRestore_GiveTheSameSamples()
    {
        var patch = Patches.Patch("s:\n  delay: {mode: tape, time: {osc: {freq: 2, range: [0.01, 0.05]}}, feedback: 0.6, max_time: 0.1, signal: {osc: {type: saw, freq: 150}}}\n", block: 64);
        var renderer = new Renderer(patch);
        var l = new float[64];
        var r = new float[64];
        for (var i = 0; i < 50; i++) renderer.RenderBlock(l, r, 64);
        var snapshot = StateSnapshot.ShapedLike(patch);
        renderer.RequestCapture(snapshot);
        var first = new List<float>();
        for (var i = 0; i < 40; i++) { renderer.RenderBlock(l, r, 64); first.AddRange(l); }
        renderer.Write(StateWrite.Restore(patch, snapshot));
        var again = new List<float>();
        for (var i = 0; i < 40; i++) { renderer.RenderBlock(l, r, 64); again.AddRange(l); }
        Assert.Equal(first, again);
    }

    [Fact]
    public void CopyIntoABlank_AllocatesNothing()
    {
        // What a state snapshot taken on the render thread needs: a blank shaped like the live state.
        var patch = Patches.Patch("s:\n  delay: {time: 0.5, signal: {track: {pan: 0.5, signal: {osc: {}}}}}\n");
        OfflineRender.ToArrays(patch, 30000);
        var live = (DelayState)patch.States["s/delay"];
        var blank = (DelayState)live.Blank();
        blank.CopyFrom(live);
        var before = GC.GetAllocatedBytesForCurrentThread();
        blank.CopyFrom(live);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(live.Line, blank.Line);
        Assert.Equal(live.LineRight, blank.LineRight);
        Assert.Equal(live.Write, blank.Write);
    }

    [Theory]
    [InlineData("s:\n  delay: {signal: {osc: {}}}\n", "sounds/test.yaml:2:3: error: 'delay' needs 'time'")]
    [InlineData("s:\n  delay: {time: -1, signal: {osc: {}}}\n", "sounds/test.yaml:2:17: error: 'time' of 'delay' must be between 0 and 120")]
    [InlineData("s:\n  delay: {time: {osc: {}}, max_time: 1000, signal: {osc: {}}}\n", "sounds/test.yaml:2:38: error: 'max_time' of 'delay' must be")]
    [InlineData("s:\n  delay: {time: 1, mode: reel, signal: {osc: {}}}\n", "sounds/test.yaml:2:26: error: 'mode' of 'delay' must be one of digital, tape")]
    public void BadParameters_AreErrorsWithTheirPosition(string yaml, string message) =>
        Assert.Contains(Patches.Problems(yaml), p => p.StartsWith(message));

    [Fact]
    public void Render_AllocatesNothing()
    {
        Assert.Equal(0, RenderAllocations.Of(() => Patches.Patch("""
            s:
              mix:
                a: {delay: {time: 0.3, feedback: 0.5, signal: {osc: {freq: 220, amp: "1 if t < 0.1 else 0"}}}}
                b: {delay: {mode: tape, time: {osc: {freq: 0.5, range: [0.001, 0.4]}}, max_time: 0.5, mix: 0.5, signal: {track: {pan: 0.3, signal: {osc: {type: saw}}}}}}
                c: {delay: {time: "0.001 + 0.0005 * sin(t)", feedback: {osc: {freq: 1, range: [0, 0.9]}}, signal: {osc: {type: noise}}}}
                d: {delay: {time: 0.05, signal: {osc: {duration: 0.1}}}}
            """, block: 128), 300));
    }

    [Fact]
    public void Render_AcrossAReloadThatGrowsTheLine_AllocatesNothing()
    {
        const string before = "s:\n  delay: {time: 0.1, feedback: 0.3, signal: {osc: {type: saw}}}\n";
        const string after = "s:\n  delay: {time: 0.5, feedback: 0.3, signal: {osc: {type: saw}}}\n";
        long Run()
        {
            var (session, _) = LiveSession.Start(Patches.Library(before), "s", new RenderSettings(BlockSize: 64), fadeFrames: 2000);
            var left = new float[64];
            var right = new float[64];
            for (var i = 0; i < 100; i++) session!.Renderer.RenderBlock(left, right, 64);
            Assert.True(session!.Reload(Patches.Library(after)).Accepted);  // the longer line is made here, off the render thread
            var reset = StateWrite.Reset(session.Latest)!;
            var start = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 200; i++)
            {
                if (i == 150) session.Renderer.Write(reset);
                session.Renderer.RenderBlock(left, right, 64);
            }
            var allocated = GC.GetAllocatedBytesForCurrentThread() - start;
            Assert.Equal((int)Math.Ceiling(0.5 * 44100) + 4, ((DelayState)session.Latest.States["s/delay"]).Line.Length);
            return allocated;
        }
        Run();
        Assert.Equal(0, Math.Min(Run(), Run()));
    }
}
