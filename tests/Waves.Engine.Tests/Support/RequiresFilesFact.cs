namespace Waves.Engine.Tests.Support;

/// <summary>
/// A fact that needs programs on the PATH and files on the machine (a library plugin, say): reported
/// as skipped, naming what is missing. Like <see cref="RequiresProgramsFactAttribute"/>, for what a
/// program's presence does not imply.
/// </summary>
public sealed class RequiresFilesFactAttribute : FactAttribute
{
    public RequiresFilesFactAttribute(string[] files, params string[] programs)
    {
        var missing = programs.Where(p => !Programs.Exists(p)).Concat(files.Where(f => !File.Exists(f))).ToArray();
        if (missing.Length > 0) Skip = $"needs {string.Join(", ", missing)} (not installed here)";
    }
}
