using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using Waves.Engine.Nodes;

namespace Waves.Properties;

public static partial class PatchGen
{
    static readonly string[] InputNames = ["carrier", "mod"];

    /// <summary>An expression node: zero to two node inputs (which may end inside a block and so end
    /// the node), maybe a value input <c>drive</c> (an expression that may read them, or any wave whose
    /// nodes see only the context variables, as node inputs do), and a formula of them and <c>t</c>.</summary>
    static Gen<PNode> Expression(GenScope scope)
    {
        var info = Registry.Node("expression");
        if (info.Extra != ExtraKeys.Allow || InputNames.Append("drive").Any(n => info.Param(n) is not null))
            throw new InvalidOperationException("expression no longer takes the generator's input names as extra keys");
        var exp = Registry.Param("expression", "exp").Name;
        return from duration in Maybe(Percent("expression", "duration"), Duration())
               let inner = scope.WithOwnDuration(duration is not null)
               from count in Gen.Choose(0, 2)
               from inputs in Gen.CollectToList(InputNames.Take(count).Select(name =>
                   Defer(() => Node(inner.Down)).Select(n => new PParam(name, n))))
               let visible = scope.Vars.AddRange(InputNames.Take(count))
               from drive in Maybe(50, Gen.Frequency(
                   (2, Expr((0.5, 2), visible)),
                   (1, Defer(() => Wave(inner.Down, (0.5, 2))))))
               from formula in Gen.Elements(Formulas[count])
               let text = drive is null ? formula : $"({formula}) * drive"
               select new PNode("expression", [
                   new(exp, new PExpr(text)),
                   .. inputs,
                   .. drive is null ? ImmutableArray<PParam>.Empty : [new PParam("drive", drive)],
                   .. duration is { } d ? [new PParam("duration", new PNumber(d))] : ImmutableArray<PParam>.Empty,
               ]);
    }

    /// <summary>Formulas by the number of node inputs.</summary>
    static readonly string[][] Formulas =
    [
        ["0.5 * sin(t * tau * 220)", "rand(-0.5, 0.5)", "[0.2, -0.2, 0.4][t * 30]"],
        ["carrier", "clip(carrier * 2, -0.8, 0.8)", "carrier * (0.5 + 0.5 * sin(t * 20))"],
        ["carrier * (0.5 + 0.5 * mod)", "carrier - mod", "max(carrier, mod) + rand([0, 0.1])"],
    ];
}
