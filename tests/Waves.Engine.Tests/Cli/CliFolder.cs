namespace Waves.Engine.Tests.Cli;

/// <summary>A temporary folder that is the current folder until disposed.</summary>
sealed class CliFolder : IDisposable
{
    readonly string previous = Environment.CurrentDirectory;

    public string Path { get; } = Directory.CreateTempSubdirectory("waves-tool-").FullName;

    public CliFolder() => Environment.CurrentDirectory = Path;

    public void Write(string relative, string text)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    public void Dispose()
    {
        Environment.CurrentDirectory = previous;
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
