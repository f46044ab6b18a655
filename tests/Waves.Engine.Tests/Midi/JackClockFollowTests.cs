using System.Diagnostics;
using System.Runtime.InteropServices;
using Waves.Console.Output.Native;
using Waves.Engine.Audio;
using Waves.Engine.Tests.Playback;
using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Midi;

/// <summary>
/// <c>tempo: {source: external}</c> following a 24-ppqn MIDI clock sent into JACK by a small client of
/// the test, which writes each clock on its exact JACK frame.
/// </summary>
[Collection("jack")]
public sealed class JackClockFollowTests(JackServer jack) : IDisposable
{
    readonly string dir = Directory.CreateTempSubdirectory("waves-jackclock-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
    }

    [RequiresProgramsFact("jackd", "jack_wait")]
    public void ExternalTempo_FollowsA24PpqnClockFromJack_WithinOnePercentAfterABar()
    {
        Directory.CreateDirectory(Path.Combine(dir, "sounds"));
        // The follower outputs its bpm (÷ 1000) as audio, so the recording shows what it followed.
        File.WriteAllText(Path.Combine(dir, "sounds", "x.yaml"),
            "follow:\n  tempo: {source: external, bpm: 60, signal: {expression: {exp: \"bpm / 1000\"}}}\n");
        // 100 bpm at 48 kHz: a clock every 60 / 100 / 24 s = 1200 frames.
        using var clock = new ClockClient(jack.Name, "waves-clock", 1200);
        Thread.Sleep(300);
        using var p = WavesProcess.Start(dir, jack.Environment, "play", "follow", "--output", "jack", "--rate", "48000", "--no-ui",
            "--duration", "4", "--midi-in", "waves-clock", "--record", "rec.wav", "--journal", "j.db");
        var exit = p.Wait(TimeSpan.FromSeconds(60));
        Assert.True(exit == 0, p.ToString());
        Assert.True(clock.Sent > 100, $"the clock client sent {clock.Sent} clocks");
        var bpm = WavReader.Read(Path.Combine(dir, "rec.wav")).Channels[0];
        // A bar (4 beats, 2.4 s) after the first clocks it reads 100 bpm within 1 %.
        foreach (var at in new[] { 3 * 48000, 3 * 48000 + 24000, bpm.Length - 1000 })
            Assert.InRange(bpm[at] * 1000, 99f, 101f);
    }

    /// <summary>A JACK client with one MIDI output, <c>NAME:out</c>, sending a MIDI clock (0xF8) every
    /// <c>interval</c> frames of JACK time.</summary>
    sealed class ClockClient : IDisposable
    {
        static readonly byte[] Tick = [0xF8];
        readonly IntPtr client, port;
        readonly LibJack.ProcessCallback process;
        readonly int interval;
        long time, next, sent;

        public ClockClient(string server, string name, int interval)
        {
            // libjack reads the server's name from the process environment, which .NET does not write through.
            setenv("JACK_DEFAULT_SERVER", server, 1);
            this.interval = interval;
            client = LibJack.ClientOpen(name, LibJack.NoStartServer, out var status);
            if (client == IntPtr.Zero) throw new InvalidOperationException($"jack_client_open failed: status {status}");
            port = LibJack.PortRegister(client, "out", LibJack.MidiType, LibJack.PortIsOutput, 0);
            process = Process;
            LibJack.SetProcessCallback(client, process, IntPtr.Zero);
            if (LibJack.Activate(client) != 0) throw new InvalidOperationException("jack_activate failed");
        }

        public long Sent => Interlocked.Read(ref sent);

        int Process(uint frames, IntPtr arg)
        {
            var buffer = LibJack.PortGetBuffer(port, frames);
            LibJack.MidiClearBuffer(buffer);
            for (; next < time + frames; next += interval)
                if (LibJack.MidiEventWrite(buffer, (uint)(next - time), Tick, 1) == 0) Interlocked.Increment(ref sent);
            time += frames;
            return 0;
        }

        public void Dispose()
        {
            LibJack.Deactivate(client);
            LibJack.ClientClose(client);
        }

        [DllImport("libc", SetLastError = true)]
        static extern int setenv(string name, string value, int overwrite);
    }
}
