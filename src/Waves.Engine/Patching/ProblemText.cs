using System.Text;

namespace Waves.Engine.Patching;

/// <summary>A problem as people read it: the fixed <c>file:line:col: …</c> line, then the
/// offending source line with a caret under the column.</summary>
public static class ProblemText
{
    public static string Format(Problem problem, SoundLibrary library) => Format(problem, library.Files);

    public static string Format(Problem problem, IReadOnlyList<SoundLibrary.SourceFile> files)
    {
        var head = problem.ToString();
        var file = files.FirstOrDefault(f => f.Path == problem.Pos.File);
        if (file is null || problem.Pos.Line < 1) return head;
        var line = Line(file.Text, problem.Pos.Line);
        if (line is null) return head;
        line = line.Replace('\t', ' ').TrimEnd('\r');
        var number = problem.Pos.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var gutter = new string(' ', number.Length);
        var col = Math.Clamp(problem.Pos.Column, 1, line.Length + 1) - 1;
        var sb = new StringBuilder(head).Append('\n');
        sb.Append("  ").Append(number).Append(" | ").Append(line).Append('\n');
        sb.Append("  ").Append(gutter).Append(" | ").Append(new string(' ', col)).Append('^');
        // Underline the rest of a name, so the eye finds the whole word.
        var end = col + 1;
        while (end < line.Length && (char.IsLetterOrDigit(line[end]) || line[end] is '_' or '-' or '.')) end++;
        if (col < line.Length && (char.IsLetterOrDigit(line[col]) || line[col] == '_')) sb.Append('~', end - col - 1);
        return sb.ToString();
    }

    static string? Line(string text, int number)
    {
        var start = 0;
        for (var n = 1; n < number; n++)
        {
            start = text.IndexOf('\n', start);
            if (start < 0) return null;
            start++;
        }
        var end = text.IndexOf('\n', start);
        return end < 0 ? text[start..] : text[start..end];
    }
}
