using SysConsole = System.Console;
using WavesCli = Waves.Console.Cli;

namespace Waves.Engine.Tests.Cli;

/// <summary><c>render</c> and <c>play</c> report every override token they cannot read, with why,
/// and do nothing else (the original dropped such tokens silently).</summary>
[Collection("cli")]
public sealed class OverrideTokenTests : IDisposable
{
    readonly string dir = Directory.CreateTempSubdirectory("waves-override-").FullName;
    readonly string previousDirectory = Environment.CurrentDirectory;

    public OverrideTokenTests()
    {
        Environment.CurrentDirectory = dir;
        Directory.CreateDirectory("sounds");
        File.WriteAllText("sounds/x.yaml", "p: {context: {pitch: 440, signal: {osc: {freq: pitch, duration: 0.2}}}}\n");
    }

    public void Dispose()
    {
        Environment.CurrentDirectory = previousDirectory;
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
    }

    [Theory]
    [InlineData("render")]
    [InlineData("play")]
    public void MalformedTokens_AreEachReportedWithTheReason(string command)
    {
        string[] options = command == "play" ? ["--output", "null", "--no-ui"] : [];
        var (exit, err) = Run([command, "p", "pitch220", "x1e3", "f440.", "loud", .. options]);

        Assert.Equal(2, exit);
        Assert.Contains("waves: cannot read override 'x1e3': a compact value has no exponent; write x=1e3", err);
        Assert.Contains("waves: cannot read override 'f440.': a number cannot end with a dot; write f440", err);
        Assert.Contains("waves: cannot read override 'loud': 'loud' has no value: write the number right after the name (loud1) or loud=value", err);
        Assert.DoesNotContain("pitch220", err);
        Assert.False(Directory.Exists("output"));
    }

    static (int Exit, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var (oldOut, oldErr) = (SysConsole.Out, SysConsole.Error);
        SysConsole.SetOut(stdout);
        SysConsole.SetError(stderr);
        try { return (WavesCli.Run(args), stderr.ToString()); }
        finally
        {
            SysConsole.SetOut(oldOut);
            SysConsole.SetError(oldErr);
        }
    }
}
