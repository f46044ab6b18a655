using System.Diagnostics;
using System.Globalization;
using System.Text;
using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Playback;

/// <summary>
/// A private JACK server for the tests: <c>jackd</c> with the dummy backend (it keeps real-time
/// pace without a sound card), under a name of its own so that it meets no other server, stopped
/// on Dispose. Two silent capture ports give <c>jack_rec</c> something to start from (it insists on
/// connecting a source before it runs). Nothing is started when jackd is not installed: the tests
/// that need it are skipped then.
/// </summary>
public sealed class JackServer : IDisposable
{
    public const int Rate = 48000, Period = 256;

    static int count;
    readonly Process? jackd;
    readonly StringBuilder log = new();

    public JackServer()
    {
        Name = string.Create(CultureInfo.InvariantCulture, $"waves-test-{System.Environment.ProcessId}-{Interlocked.Increment(ref count)}");
        Environment = new Dictionary<string, string>
        {
            ["JACK_DEFAULT_SERVER"] = Name,
            ["JACK_NO_START_SERVER"] = "1",
            ["JACK_NO_AUDIO_RESERVATION"] = "1",
        };
        if (!Programs.Exists("jackd") || !Programs.Exists("jack_wait")) return;
        // Real-time, as JACK is run for music (and so that a busy machine does not starve the graph).
        jackd = Start("jackd", "--realtime", "--realtime-priority", "40", "-n", Name, "-d", "dummy", "-r", $"{Rate}", "-p", $"{Period}", "-C", "2", "-P", "2");
        jackd.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        jackd.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        jackd.BeginOutputReadLine();
        jackd.BeginErrorReadLine();
        var (exit, output) = Run(TimeSpan.FromSeconds(30), "jack_wait", "-w", "-t", "20");
        if (exit != 0)
        {
            Dispose();
            throw new InvalidOperationException($"jackd did not come up: {output}\n{Log}");
        }
    }

    /// <summary>The server's name (<c>-n</c>), as clients find it through JACK_DEFAULT_SERVER.</summary>
    public string Name { get; }

    /// <summary>What a client process needs to reach this server and never start one of its own.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    public bool Running => jackd is { HasExited: false };

    public string Log { get { lock (log) return log.ToString(); } }

    /// <summary>Starts a JACK program against this server, output redirected.</summary>
    public Process Start(string program, params string[] args) => StartIn(null, program, args);

    /// <summary>Starts a JACK program against this server in <paramref name="workingDirectory"/>, output redirected.</summary>
    public Process StartIn(string? workingDirectory, string program, params string[] args)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? "",
        };
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var (k, v) in Environment) info.Environment[k] = v;
        return Process.Start(info)!;
    }

    /// <summary>Runs a JACK program to its end; its exit code and everything it printed.</summary>
    public (int Exit, string Output) Run(TimeSpan timeout, string program, params string[] args)
    {
        using var p = Start(program, args);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
            return (-1, $"{program} did not end within {timeout}");
        }
        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary>The ports of the server, one name a line (<c>jack_lsp</c>).</summary>
    public string[] Ports() => Run(TimeSpan.FromSeconds(20), "jack_lsp").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public void Dispose()
    {
        if (jackd is null) return;
        try
        {
            if (!jackd.HasExited)
            {
                // SIGTERM lets jackd remove its sockets and shared memory; SIGKILL only when it hangs.
                using (var term = Process.Start("kill", ["-TERM", jackd.Id.ToString(CultureInfo.InvariantCulture)])) term.WaitForExit();
                if (!jackd.WaitForExit(TimeSpan.FromSeconds(10))) jackd.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException) { }
        jackd.Dispose();
    }
}

/// <summary>The tests that play through JACK share one server and run one at a time, alone: they keep
/// real-time pace, and other tests' work on the two cores would only make them late.</summary>
[CollectionDefinition("jack", DisableParallelization = true)]
public sealed class JackCollection : ICollectionFixture<JackServer>;
