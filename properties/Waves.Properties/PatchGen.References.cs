using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;

namespace Waves.Properties;

public static partial class PatchGen
{
    /// <summary>A sub-patch (see <see cref="SubPatches"/>), maybe with its variable overridden.</summary>
    static Gen<PNode> SubPatch() =>
        from sub in Gen.Elements(SubPatches.All)
        from value in Maybe(70, Number(sub.Range).Select(Num))
        select new PNode(sub.Name, value is null ? [] : [new PParam(sub.Variable, value)]);

    /// <summary>
    /// Adds reads by id to a generated sound, two times in three: one or two of its nodes (not the
    /// root) get an id (<c>r1</c>; <c>r-2</c>, with a hyphen, is read only by <c>reference</c>), and each
    /// is read one to three times: as <c>$id</c> or a <c>reference</c> node in the phase of an oscillator
    /// anywhere (before the node, after it, or inside it, which closes a feedback loop that stays
    /// bounded), or as a <c>reference</c> track of a mix around the sound, before or after it.
    /// </summary>
    static Gen<PNode> WithReferences(PNode root) =>
        Gen.Frequency(
            (1, Gen.Constant(root)),
            (2, from picks in Gen.ArrayOf(Gen.Choose(0, 9999), 12) select AddReads(root, picks)));

    static PNode AddReads(PNode root, int[] picks)
    {
        var k = 0;
        int Pick(int count) => picks[k++ % picks.Length] % count;
        // Not read by id: a node of a voice template (multiply, spawn, sequencer), which is only a
        // template (its voices have ids of their own), and a node that renders in parts of blocks
        // (below select and automation), which references from elsewhere do not support.
        var templates = ReplayTree.Slots(root)
            .Where(s => s.Parent is PNode { Type: "multiply" or "spawn" or "sequencer" or "select" or "automation" })
            .Select(s => s.Path).ToList();
        var nodes = ReplayTree.Slots(root)
            .Where(s => s.Value is PNode n && !s.IsRoot && !SubPatches.IsSubPatch(n.Type) && !templates.Any(t => s.Path.Take(t.Length).SequenceEqual(t)))
            .ToList();
        if (nodes.Count == 0) return root;
        var chosen = new[] { nodes[Pick(nodes.Count)], nodes[Pick(nodes.Count)] }.Distinct().Take(nodes.Count == 1 || Pick(2) == 0 ? 1 : 2).ToList();
        var result = root;
        var before = new List<PParam>();
        var after = new List<PParam>();
        string IdOf(int t) => t == 0 ? "r1" : "r-2";
        // The id is written first among the node's parameters (an id as the last line of the file would
        // swallow the extra bracket of a broken edit); the deeper node first, so that the other's path
        // stays valid. Readers only replace or append parameters, which moves no path.
        foreach (var t in Enumerable.Range(0, chosen.Count).OrderByDescending(t => chosen[t].Path.Length))
            result = ReplayTree.ReplaceIn(result, chosen[t].Path,
                v => v is PNode n ? n with { Params = n.Params.Insert(0, new PParam("id", new PWord(IdOf(t)))) } : v);
        for (var t = 0; t < chosen.Count; t++)
        {
            var id = IdOf(t);
            // A phase that is a node other than a reader is kept: it may be (or hold) a node read by id.
            // Readers are not put where nodes render in parts of blocks or as voice templates either
            // (a read from there is not aligned with the node read: a known limitation).
            var parts = ReplayTree.Slots(result)
                .Where(s => s.Parent is PNode { Type: "multiply" or "spawn" or "sequencer" or "select" or "automation" })
                .Select(s => s.Path).ToList();
            var oscs = ReplayTree.Slots(result)
                .Where(s => s.Value is PNode { Type: "osc" } o && o.Get("phase") is null or not PNode or PNode { Type: "reference" })
                .Where(s => !parts.Any(t => s.Path.Take(t.Length).SequenceEqual(t)))
                .ToList();
            for (var reads = 1 + Pick(3); reads > 0; reads--)
            {
                var reference = new PNode("reference", [new PParam("ref", new PWord(id))]);
                var kind = oscs.Count == 0 ? 2 : Pick(3);
                if (kind == 2)
                {
                    var track = new PParam($"read{before.Count + after.Count + 1}", reference);
                    (Pick(2) == 0 ? before : after).Add(track);
                    continue;
                }
                PValue reader = kind == 0 && !id.Contains('-') ? new PExpr($"{F(0.1 + Pick(20) / 10.0)} * ${id}") : reference;
                // Mostly outside the node read, so that most sounds have no loop and keep the same
                // samples for any block size.
                var target = ReplayTree.Slots(result).First(s => s.Value is PNode n && n.Get("id") is PWord w && w.V == id).Path;
                var outside = oscs.Where(o => o.Path.Length < target.Length || !o.Path.Take(target.Length).SequenceEqual(target)).ToList();
                var among = outside.Count > 0 && Pick(5) != 0 ? outside : oscs;
                result = ReplayTree.ReplaceIn(result, among[Pick(among.Count)].Path, v => v is PNode o ? WithParam(o, "phase", reader) : v);
            }
        }
        return before.Count + after.Count == 0 ? result : new PNode("mix", [.. before, new PParam("main", result), .. after]);
    }

    /// <summary>The node with a parameter replaced in place, or appended.</summary>
    static PNode WithParam(PNode node, string name, PValue value)
    {
        var i = node.Params.IndexOf(node.Params.FirstOrDefault(p => p.Name == name)!);
        return node with { Params = i >= 0 ? node.Params.SetItem(i, new PParam(name, value)) : node.Params.Add(new PParam(name, value)) };
    }
}
