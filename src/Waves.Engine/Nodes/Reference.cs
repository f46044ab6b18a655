using Waves.Engine.Patching;
using Waves.Engine.Rendering;

namespace Waves.Engine.Nodes;

/// <summary>
/// <c>reference</c>: the output of the node whose id is <c>ref</c> — an explicit id, or a path id
/// such as <c>echo2/mix/dry/osc</c> (hyphens allowed, unlike <c>$id</c> in an expression) — mono or
/// stereo as that node is. Inside a sub-patch a bare id means that use's node first. Ends when the
/// node ends.
/// <para>Deliberate differences from the original, which looked the node up among those that had
/// already rendered: a reference to a node declared later works from the first block (the original
/// failed with "has not been defined yet"); the node renders once per block, before the reference
/// reads it, wherever it is declared (the original rendered a node with a path id again for each
/// reference); and feedback — a node that reads itself through references — reads its previous
/// block at the point where the loop comes back, rendering nothing twice (the original rendered the
/// node a second time, nested, advancing its state twice per chunk). An unknown id is a compile
/// error with its position, not a failure while playing.</para>
/// </summary>
public sealed class Reference : ReferenceReader
{
    public static readonly NodeInfo Info = new(
        "reference", "the output of another node, by id", "mono or stereo, as the node read",
        [new("ref", ParamKind.String, "id of the node to read: its explicit id, or its path id")],
        ExtraKeys.Forbid,
        Compile);

    Reference(NodeSpec spec, int maxBlock, bool stereo) : base(spec, maxBlock, stereo)
    {
    }

    static Signal Compile(NodeSpec spec, CompileScope scope)
    {
        if (spec.Get("ref") is not Value.Text { V: var written } text || written.Trim().Length == 0)
        {
            scope.Env.Error(spec.GetParam("ref")?.KeyPos ?? spec.Pos, "'reference' needs 'ref': the id of the node to read");
            return new SilenceSignal(scope.MaxBlock);
        }
        var name = written.Trim();
        if (scope.ResolveId(name) is not { } id)
        {
            scope.Env.Error(text.Pos, $"unknown id '{name}': no node of this sound has it (ids are explicit 'id:' values or paths such as '{spec.Id}')");
            return new SilenceSignal(scope.MaxBlock);
        }
        var node = new Reference(spec, scope.MaxBlock, ReferenceLinks.StereoOf(id, scope.Env));
        scope.Env.Links.Add(node, id, text.Pos, scope.Env, passesLayout: true);
        return node;
    }
}
