using System.Globalization;
using System.Text;

namespace Waves.Properties;

/// <summary>Writes a generated node tree as a YAML file: the sound (block style for nodes, flow style
/// for lists and for nodes whose parameters are all scalars), then the sub-patches it uses.</summary>
public static class PatchYaml
{
    const int FlowWidth = 72;

    public static string Write(string sound, PNode root)
    {
        var sb = new StringBuilder();
        sb.Append(sound).Append(':').Append('\n');
        WriteNode(sb, root, 2);
        sb.Append(SubPatches.DefinitionsFor(root));
        return sb.ToString();
    }

    public static string Number(double v)
    {
        var s = v.ToString("0.####", CultureInfo.InvariantCulture);
        return s == "-0" ? "0" : s;
    }

    static void WriteNode(StringBuilder sb, PNode node, int indent)
    {
        sb.Append(' ', indent).Append(node.Type).Append(':');
        if (Flow(node) is { } flow && indent + node.Type.Length + flow.Length + 2 <= FlowWidth)
        {
            sb.Append(' ').Append(flow).Append('\n');
            return;
        }
        sb.Append('\n');
        foreach (var p in node.Params)
        {
            sb.Append(' ', indent + 2).Append(p.Name).Append(':');
            if (p.Value is PNode child)
            {
                sb.Append('\n');
                WriteNode(sb, child, indent + 4);
            }
            else sb.Append(' ').Append(Inline(p.Value)).Append('\n');
        }
    }

    /// <summary>The node as <c>{k: v, …}</c> when no parameter is a node, else null.</summary>
    static string? Flow(PNode node) =>
        node.Params.Any(p => p.Value is PNode)
            ? null
            : "{" + string.Join(", ", node.Params.Select(p => $"{p.Name}: {Inline(p.Value)}")) + "}";

    static string Inline(PValue v) => v switch
    {
        PNumber n => Number(n.V),
        PWord w => w.V,
        PExpr e => "\"" + e.V.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"",
        PList l => "[" + string.Join(", ", l.Items.Select(Inline)) + "]",
        // A node in a list (a sequencer step) is written in flow style all the way down.
        PNode n => "{" + n.Type + ": {" + string.Join(", ", n.Params.Select(p => $"{p.Name}: {Inline(p.Value)}")) + "}}",
        _ => throw new InvalidOperationException($"unknown value {v}"),
    };
}
