using System.Globalization;
using System.Text;

namespace Waves.Engine.Nodes;

/// <summary>The language reference (docs/reference.md) in Markdown, written from the registry.</summary>
public static class NodeMarkdown
{
    public const string RegenerateCommand = "./waves nodes --markdown > docs/reference.md";

    static string Num(double v) => v.ToString("0.######", CultureInfo.InvariantCulture);

    public static string Reference()
    {
        var sb = new StringBuilder();
        var nodes = NodeRegistry.Implemented.Values.OrderBy(i => i.Key, StringComparer.Ordinal).ToList();
        sb.Append("# Node reference\n\n");
        sb.Append($"<!-- generated from the node registry by `{RegenerateCommand}`; do not edit -->\n\n");
        sb.Append("A node is written `type: {parameters}` (or with its parameters beside the type key). A *wave*\n");
        sb.Append("parameter takes a number, an expression, an interpolation list or a node, applied per sample.\n");
        sb.Append("`./waves nodes TYPE` prints one of these in the terminal.\n\n");
        sb.Append(string.Join(" · ", nodes.Select(n => $"[`{n.Key}`](#{n.Key})"))).Append("\n\n");
        var missing = NodeRegistry.LanguageTypes.Where(t => !NodeRegistry.Implemented.ContainsKey(t)).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
            sb.Append($"Recognised but not available in this version: {string.Join(", ", missing.Select(m => $"`{m}`"))}.\n\n");
        sb.Append("## Parameters of every node\n\n");
        Table(sb, NodeRegistry.BaseParams);
        foreach (var info in nodes)
        {
            sb.Append($"## {info.Key}\n\n{info.Doc}\n\nOutput: {info.Output}.\n\n");
            if (info.Params.IsEmpty) sb.Append("No parameters of its own.\n\n");
            else Table(sb, info.Params);
            sb.Append(info.Extra switch
            {
                ExtraKeys.Allow => "Other keys: " + (info.Key == "mix" ? "tracks" : "variables") + ".\n\n",
                ExtraKeys.Ignore => "Other keys: ignored, with a warning.\n\n",
                _ => "Other keys: an error.\n\n",
            });
        }
        return sb.ToString();
    }

    static void Table(StringBuilder sb, IEnumerable<ParamInfo> ps)
    {
        sb.Append("| parameter | kind | default | values | meaning |\n|---|---|---|---|---|\n");
        foreach (var p in ps)
        {
            var def = p.Default is { } d ? Num(d) : p.DefaultText ?? "";
            var values = !p.Choices.IsEmpty ? string.Join(", ", p.Choices.Select(c => $"`{c}`"))
                : p.Min is not null || p.Max is not null ? $"{(p.Min is { } lo ? Num(lo) : "…")} … {(p.Max is { } hi ? Num(hi) : "")}".TrimEnd()
                : "";
            if (!p.Aliases.IsEmpty)
                values += " (also " + string.Join(", ", p.Aliases.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"`{a.Key}`")) + ")";
            sb.Append($"| `{p.Name}` | {p.Kind.ToString().ToLowerInvariant()} | {Cell(def)} | {values} | {Cell(p.Doc)} |\n");
        }
        sb.Append('\n');
    }

    static string Cell(string s) => s.Replace("|", "\\|").Replace("\n", " ");
}
