using System.Globalization;
using System.Text.RegularExpressions;

namespace Waves.Properties;

/// <summary>
/// Shrinks a generated sound towards a short, readable counter-example: first a node below the root
/// becomes the whole sound, then parameters are dropped one at a time, then values get simpler (a
/// node, expression or list becomes a number, a list loses a middle point, a number loses decimals).
/// Every candidate must still satisfy <c>keep</c> (it compiles; for noisy sounds, the noise stays audible).
/// </summary>
public static partial class PatchShrinker
{
    public static IEnumerable<GeneratedPatch> Shrink(GeneratedPatch patch, Func<GeneratedPatch, bool> keep) =>
        Candidates(patch.Root).Select(n => new GeneratedPatch(n)).Where(keep);

    public static IEnumerable<PNode> Candidates(PNode root) => root.Descendants().Concat(Edits(root));

    static IEnumerable<PNode> Edits(PNode node)
    {
        for (var i = 0; i < node.Params.Length; i++)
            yield return node with { Params = node.Params.RemoveAt(i) };
        for (var i = 0; i < node.Params.Length; i++)
            foreach (var v in Simpler(node.Params[i].Value))
                yield return node with { Params = node.Params.SetItem(i, node.Params[i] with { Value = v }) };
    }

    static IEnumerable<PValue> Simpler(PValue value)
    {
        switch (value)
        {
            case PNode n:
                if (n.Get("range") is PList { Items: [PNumber lo, ..] }) yield return lo;
                foreach (var e in Edits(n)) yield return e;
                break;
            case PExpr e when LeadingNumber().Match(e.V) is { Success: true } m:
                yield return new PNumber(double.Parse(m.Value, CultureInfo.InvariantCulture));
                break;
            case PList l:
                if (l.Items is [PNumber first, ..]) yield return first;
                for (var i = 1; i < l.Items.Length - 1 && l.Items.Length > 2; i++)
                    yield return l with { Items = l.Items.RemoveAt(i) };
                break;
            case PNumber n:
                var tenth = Math.Round(n.V, 1);
                if (tenth != n.V) yield return new PNumber(tenth);
                var whole = Math.Round(n.V);
                if (whole != n.V && whole != tenth) yield return new PNumber(whole);
                break;
        }
    }

    [GeneratedRegex(@"-?\d+(\.\d+)?")]
    private static partial Regex LeadingNumber();
}
