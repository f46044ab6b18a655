namespace Waves.Engine.Patching;

public enum Severity { Error, Warning }

/// <summary>
/// One thing wrong with a patch. The first line of <see cref="ToString"/> is the fixed format
/// <c>file:line:col: error|warning: message</c>; tools and editors parse it.
/// </summary>
public sealed record Problem(SourcePos Pos, Severity Severity, string Message)
{
    public static Problem Error(SourcePos pos, string message) => new(pos, Severity.Error, message);
    public static Problem Warning(SourcePos pos, string message) => new(pos, Severity.Warning, message);

    public bool IsError => Severity == Severity.Error;

    public override string ToString() =>
        $"{Pos}: {(IsError ? "error" : "warning")}: {Message}";
}
