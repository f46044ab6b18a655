namespace Waves.Engine.Tests.Support;

/// <summary>
/// A fact that needs programs installed on the machine (an audio server, tmux): reported as skipped,
/// naming what is missing, when one is not on the PATH. CI installs them and fails on any skip.
/// </summary>
public sealed class RequiresProgramsFactAttribute : FactAttribute
{
    public RequiresProgramsFactAttribute(params string[] programs)
    {
        var missing = programs.Where(p => !Programs.Exists(p)).ToArray();
        if (missing.Length > 0) Skip = $"needs {string.Join(", ", missing)} (not installed here)";
    }
}

public static class Programs
{
    public static bool Exists(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, name)));
}
