namespace Waves.Engine.Tests.Support;

public static class RepoPaths
{
    /// <summary>The repository root: the folder above the test binaries that holds Waves.sln.</summary>
    public static string Root
    {
        get
        {
            for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
                if (File.Exists(Path.Combine(d.FullName, "Waves.sln"))) return d.FullName;
            throw new DirectoryNotFoundException("Waves.sln");
        }
    }
}
