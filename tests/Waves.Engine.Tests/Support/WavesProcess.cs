using System.Diagnostics;
using System.Text;

namespace Waves.Engine.Tests.Support;

/// <summary>
/// The <c>waves</c> program as a real process (built beside the tests), for what only a process
/// shows: signals, a real audio server's view of the client, exit codes. Output is collected as it
/// comes; <see cref="Signal"/> sends SIGTERM, SIGKILL or SIGINT.
/// </summary>
public sealed class WavesProcess : IDisposable
{
    readonly Process process;
    readonly StringBuilder stdout = new(), stderr = new();

    WavesProcess(Process process) => this.process = process;

    /// <summary>Starts <c>waves args…</c> in <paramref name="workingDirectory"/> with extra environment variables.</summary>
    public static WavesProcess Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "waves.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) info.Environment[k] = v;
        var p = new Process { StartInfo = info };
        var w = new WavesProcess(p);
        p.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (w.stdout) w.stdout.AppendLine(e.Data); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (w.stderr) w.stderr.AppendLine(e.Data); };
        p.Start();
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return w;
    }

    public int Id => process.Id;

    public string Out { get { lock (stdout) return stdout.ToString(); } }
    public string Error { get { lock (stderr) return stderr.ToString(); } }

    /// <summary>Types a line on the process's standard input.</summary>
    public void Type(string line)
    {
        try
        {
            process.StandardInput.WriteLine(line);
            process.StandardInput.Flush();
        }
        catch (IOException e)
        {
            // The process has ended: say so with what it printed, rather than "broken pipe".
            throw new InvalidOperationException($"cannot type '{line}': waves has ended ({e.Message})\n{this}", e);
        }
    }

    /// <summary>Waits until standard output contains <paramref name="text"/> (false: timeout or exit).</summary>
    public bool WaitForOutput(string text, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!Out.Contains(text, StringComparison.Ordinal))
        {
            if (clock.Elapsed > timeout || process.HasExited)
            {
                if (process.HasExited) process.WaitForExit(); // the last output lines
                return Out.Contains(text, StringComparison.Ordinal);
            }
            Thread.Sleep(20);
        }
        return true;
    }

    /// <summary>Sends a POSIX signal by name (TERM, KILL, INT, HUP).</summary>
    public void Signal(string name)
    {
        using var kill = Process.Start("kill", ["-" + name, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>Waits for the exit; returns the exit code (fails the test on timeout).</summary>
    public int Wait(TimeSpan timeout)
    {
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"waves did not exit within {timeout}\n{this}");
        }
        process.WaitForExit(); // flushes the output readers
        return process.ExitCode;
    }

    public override string ToString() => $"--- stdout\n{Out}--- stderr\n{Error}";

    public void Dispose()
    {
        try { if (!process.HasExited) process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        process.Dispose();
    }
}
