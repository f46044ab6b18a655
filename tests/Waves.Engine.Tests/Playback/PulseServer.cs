using System.Diagnostics;
using System.Globalization;
using System.Text;
using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Playback;

/// <summary>
/// A private headless PulseAudio server for the tests that play through a real audio server: its
/// own runtime folder and socket, a null sink <c>waves_null</c> (float32, 48000 Hz, stereo) that
/// consumes audio at real-time pace, and a loopback from its monitor into a second null sink, without
/// which an idle null sink sleeps in 2 s blocks and stalls the first write. Started on first use (so
/// that skipped tests start nothing) and stopped when the collection is done. Child processes reach it
/// through <see cref="Environment"/>; the test process's own environment is left alone.
/// </summary>
public sealed class PulseServer : IDisposable
{
    public const string Sink = "waves_null";
    public const int SinkRate = 48000;

    readonly Lock gate = new();
    readonly StringBuilder log = new();
    string? dir;
    Process? server;
    Dictionary<string, string>? environment;

    /// <summary>PULSE_SERVER and PULSE_RUNTIME_PATH of the running server (starting it if needed).</summary>
    public IReadOnlyDictionary<string, string> Environment
    {
        get
        {
            Start();
            return environment!;
        }
    }

    void Start()
    {
        lock (gate)
        {
            if (server is not null) return;
            // Created with mode 700 on Unix, as PulseAudio requires of its runtime folder.
            dir = Directory.CreateTempSubdirectory("waves-pulse-").FullName;
            var socket = Path.Combine(dir, "native");
            File.WriteAllText(Path.Combine(dir, "headless.pa"), $"""
                load-module module-native-protocol-unix auth-anonymous=1 socket={socket}
                load-module module-null-sink sink_name={Sink} format=float32le rate={SinkRate} channels=2
                load-module module-null-sink sink_name=keepalive_null format=float32le rate={SinkRate} channels=2
                load-module module-loopback source={Sink}.monitor sink=keepalive_null latency_msec=20
                set-default-sink {Sink}

                """);
            environment = new Dictionary<string, string>
            {
                ["PULSE_SERVER"] = $"unix:{socket}",
                ["PULSE_RUNTIME_PATH"] = dir,
                ["PULSE_STATE_PATH"] = dir,
            };
            server = Launch("pulseaudio", ["--daemonize=no", "--exit-idle-time=-1", "-n", "-F", Path.Combine(dir, "headless.pa"),
                $"--log-target=file:{Path.Combine(dir, "pulse.log")}"]);
            var clock = Stopwatch.StartNew();
            while (!Answers())
            {
                if (server.HasExited || clock.Elapsed > TimeSpan.FromSeconds(30))
                    throw new InvalidOperationException($"the test PulseAudio server did not come up:\n{log}\n{ReadLog()}");
                Thread.Sleep(50);
            }
            // The sinks settle (the loopback starts running) in about two seconds.
            Thread.Sleep(2100);
        }
    }

    bool Answers()
    {
        using var info = Launch("pactl", ["info"]);
        if (!info.WaitForExit(TimeSpan.FromSeconds(10))) info.Kill();
        info.WaitForExit();
        return info.ExitCode == 0;
    }

    Process Launch(string program, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (k, v) in environment!) start.Environment[k] = v;
        var p = new Process { StartInfo = start };
        p.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.AppendLine(e.Data); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.AppendLine(e.Data); };
        p.Start();
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    string ReadLog()
    {
        try { return File.ReadAllText(Path.Combine(dir!, "pulse.log")); }
        catch (IOException) { return ""; }
    }

    /// <summary>Records what the sink plays, as raw interleaved float32 stereo at 48000 Hz, into <paramref name="file"/>.</summary>
    public PulseCapture Capture(string file)
    {
        Start();
        // At a real-time priority where allowed, so that a busy machine does not make the capture drop audio.
        string[] record = ["parec", "-d", $"{Sink}.monitor", "--raw", "--format=float32le", $"--rate={SinkRate}", "--channels=2", "--latency-msec=20", file];
        var parec = Programs.Exists("chrt") ? Launch("chrt", ["-r", "10", .. record]) : Launch(record[0], record[1..]);
        // Recording has begun once the monitor's first fragments (silence) are in the file.
        var clock = Stopwatch.StartNew();
        while (!(File.Exists(file) && new FileInfo(file).Length > 0))
        {
            if (parec.HasExited || clock.Elapsed > TimeSpan.FromSeconds(15))
                throw new InvalidOperationException($"parec did not start recording:\n{log}");
            Thread.Sleep(20);
        }
        return new PulseCapture(parec);
    }

    public void Dispose()
    {
        lock (gate)
        {
            if (server is null) return;
            if (!server.HasExited)
            {
                Signal(server, "TERM");
                if (!server.WaitForExit(TimeSpan.FromSeconds(5))) server.Kill();
            }
            server.WaitForExit();
            server.Dispose();
            server = null;
            try { Directory.Delete(dir!, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    internal static void Signal(Process p, string name)
    {
        using var kill = Process.Start("kill", ["-" + name, p.Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }
}

/// <summary>A running <c>parec</c>; <see cref="Stop"/> ends it as Ctrl-C would, so the file is complete.</summary>
public sealed class PulseCapture(Process parec) : IDisposable
{
    public void Stop()
    {
        if (parec.HasExited) return;
        PulseServer.Signal(parec, "INT");
        if (!parec.WaitForExit(TimeSpan.FromSeconds(10))) parec.Kill();
        parec.WaitForExit();
    }

    public void Dispose()
    {
        Stop();
        parec.Dispose();
    }
}

/// <summary>One PulseAudio server for every test that plays through it, which therefore run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class PulseCollection : ICollectionFixture<PulseServer>
{
    public const string Name = "pulse server";
}
