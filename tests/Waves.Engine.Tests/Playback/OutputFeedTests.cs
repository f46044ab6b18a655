using System.Runtime;
using Waves.Console.Output;
using Waves.Engine.Audio;
using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Playback;

/// <summary>
/// The device side of play's output ring: what a device callback gets when the ring is full, short,
/// paused or finished, at the session's rate or converted to another one, and that it allocates nothing.
/// </summary>
public sealed class OutputFeedTests
{
    static (OutputFeed Feed, SampleRing Ring) Feed(int sessionRate, int deviceRate, int capacity = 1 << 18)
    {
        var ring = new SampleRing(capacity);
        return (new OutputFeed(ring, sessionRate, deviceRate), ring);
    }

    static float[] Sine(double hz, int rate, int frames, double amp = 0.5)
    {
        var x = new float[frames];
        for (var i = 0; i < frames; i++) x[i] = (float)(amp * Math.Sin(2 * Math.PI * hz * i / rate));
        return x;
    }

    /// <summary>Reads <paramref name="frames"/> device frames in periods, as a device would; returns left and right.</summary>
    static (float[] Left, float[] Right) Drain(OutputFeed feed, int frames, int period)
    {
        var left = new float[frames];
        var right = new float[frames];
        var buffer = new float[2 * period];
        for (var at = 0; at < frames; at += period)
        {
            var n = Math.Min(period, frames - at);
            feed.Read(buffer.AsSpan(0, 2 * n));
            for (var i = 0; i < n; i++)
            {
                left[at + i] = buffer[2 * i];
                right[at + i] = buffer[2 * i + 1];
            }
        }
        return (left, right);
    }

    [Fact]
    public void Read_Converting44100To48000_KeepsA1kHzSineAtOneKilohertzAndItsLevel()
    {
        var (feed, ring) = Feed(44100, 48000);
        var sine = Sine(1000, 44100, 44100);
        ring.Write(sine, sine);
        Assert.True(feed.Converts);

        var (left, right) = Drain(feed, 46000, 256);

        // Past the resampler's start-up, up to where the second of input runs out.
        var steady = left.AsSpan(2000, 42000);
        Assert.InRange(Signals.Frequency(steady, 48000), 999.9, 1000.1);
        var levelDb = 20 * Math.Log10(Signals.Rms(steady) / (0.5 / Math.Sqrt(2)));
        Assert.InRange(levelDb, -0.05, 0.05);
        Assert.Equal(left, right);
        Assert.Equal(0, feed.Underruns);
    }

    [Theory]
    [InlineData(48000, 48000)]
    [InlineData(44100, 48000)]
    public void Read_PausedOrFinished_GivesSilenceWithoutCountingUnderruns(int sessionRate, int deviceRate)
    {
        var (feed, _) = Feed(sessionRate, deviceRate);
        var buffer = new float[2 * 256];

        feed.Paused = true;
        buffer.AsSpan().Fill(1);
        feed.Read(buffer);
        Assert.All(buffer, v => Assert.Equal(0, v));

        feed.Paused = false;
        feed.Finished = true;
        buffer.AsSpan().Fill(1);
        feed.Read(buffer);
        Assert.All(buffer, v => Assert.Equal(0, v));

        Assert.Equal(0, feed.Underruns);
        Assert.Equal(0, feed.MissingFrames);
        Assert.Equal(512, feed.Delivered);
        Assert.True(feed.Drained);
    }

    [Fact]
    public void Read_RingShorterThanThePeriod_PlaysWhatThereIsAndCountsOneUnderrunAndTheMissingFrames()
    {
        var (feed, ring) = Feed(48000, 48000);
        var ramp = Enumerable.Range(1, 100).Select(i => i / 100f).ToArray();
        ring.Write(ramp, ramp);

        var (left, right) = Drain(feed, 256, 256);

        Assert.Equal(ramp, left[..100]);
        Assert.Equal(ramp, right[..100]);
        Assert.All(left[100..], v => Assert.Equal(0, v));
        Assert.Equal(1, feed.Underruns);
        Assert.Equal(156, feed.MissingFrames);
        Assert.Equal(256, feed.Delivered);
    }

    [Fact]
    public void Read_ConvertingWithARingShorterThanThePeriod_CountsOneUnderrunAndAboutTheMissingFrames()
    {
        var (feed, ring) = Feed(44100, 48000);
        var sine = Sine(1000, 44100, 1000);
        ring.Write(sine, sine);

        var (left, _) = Drain(feed, 2048, 2048);

        // 1000 session frames are about 1088 device frames. The feed converts 256 device frames at a
        // time and never hands the resampler less than it asks for: what is left for a last, partial
        // chunk (with the filter's look-ahead) waits in the ring for more.
        Assert.Equal(1, feed.Underruns);
        Assert.InRange(feed.MissingFrames, 2048 - 1088, 2048 - 1088 + 256);
        Assert.Equal(1024, 2048 - feed.MissingFrames);
        Assert.True(Signals.Peak(left.AsSpan(100, 900)) > 0.45);
        Assert.All(left[^(int)feed.MissingFrames..], v => Assert.Equal(0, v));
    }

    [Theory]
    [InlineData(48000, 48000, 256)]
    [InlineData(44100, 48000, 256)]
    [InlineData(44100, 48000, 8192)]
    [InlineData(48000, 44100, 1000)]
    [InlineData(96000, 48000, 8192)]
    [InlineData(22050, 48000, 8192)]
    public void Read_AllocatesNothing_FromTheFirstRead_WhetherTheRingIsFullShortOrEmpty(int sessionRate, int deviceRate, int period)
    {
        // A period's worth and half as much again: each cycle reads a full period, a short one and an empty one.
        var block = Sine(440, sessionRate, (int)((long)period * sessionRate / deviceRate) + period / 2);
        var buffer = new float[2 * period];
        void Cycle(OutputFeed feed, SampleRing ring)
        {
            ring.Write(block, block);
            feed.Read(buffer);
            feed.Read(buffer);
            feed.Read(buffer);
        }
        // Compiling and initialising the code allocates, once per process: a feed thrown away takes that.
        var (first, firstRing) = Feed(sessionRate, deviceRate);
        Cycle(first, firstRing);

        // A collection, background ones included, caused by other tests' threads charges this thread for
        // the rest of its allocation quantum: measured where none can happen, again when one did.
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var (feed, ring) = Feed(sessionRate, deviceRate);
            if (!GC.TryStartNoGCRegion(32 << 20)) continue;
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 20; i++) Cycle(feed, ring);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (GCSettings.LatencyMode != GCLatencyMode.NoGCRegion) continue;
            GC.EndNoGCRegion();

            Assert.Equal(0, allocated);
            // Each cycle's last read finds the ring empty; the one before it may too, as the converted
            // chunks fall (a partial chunk waits in the ring).
            Assert.InRange(feed.Underruns, 20, 40);
            if (!feed.Converts) Assert.Equal(40, feed.Underruns);
            return;
        }
        Assert.Fail("other threads allocated too much for a measurement without collection, 10 times");
    }

    [Theory]
    [InlineData(96000, 48000)]
    [InlineData(192000, 44100)]
    public void Read_DownConvertingInLargePeriods_FillsThePeriodWithSound(int sessionRate, int deviceRate)
    {
        var (feed, ring) = Feed(sessionRate, deviceRate, capacity: 4 * sessionRate);
        var sine = Sine(500, sessionRate, sessionRate);
        ring.Write(sine, sine);

        var (left, _) = Drain(feed, deviceRate / 2, 8192);

        Assert.Equal(0, feed.Underruns);
        Assert.InRange(Signals.Frequency(left.AsSpan(1000), deviceRate), 499.9, 500.1);
    }
}
