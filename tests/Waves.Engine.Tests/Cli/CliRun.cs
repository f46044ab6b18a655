using SysConsole = System.Console;
using WavesCli = Waves.Console.Cli;

namespace Waves.Engine.Tests.Cli;

/// <summary>The <c>waves</c> command run in process with its console captured (tests that use it
/// belong to the "cli" collection: the console and current folder are process-wide).</summary>
static class CliRun
{
    public sealed record Result(int Exit, string Out, string Err)
    {
        public override string ToString() => $"exit {Exit}\n--- stdout\n{Out}--- stderr\n{Err}";
    }

    public static Result Run(params string[] args) => RunWithInput("", args);

    public static Result RunWithInput(string input, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var (oldOut, oldErr, oldIn) = (SysConsole.Out, SysConsole.Error, SysConsole.In);
        SysConsole.SetOut(stdout);
        SysConsole.SetError(stderr);
        SysConsole.SetIn(new StringReader(input));
        int exit;
        try { exit = WavesCli.Run(args); }
        finally
        {
            SysConsole.SetOut(oldOut);
            SysConsole.SetError(oldErr);
            SysConsole.SetIn(oldIn);
        }
        return new Result(exit, stdout.ToString(), stderr.ToString());
    }
}
