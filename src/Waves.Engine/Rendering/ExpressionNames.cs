using Waves.Engine.Expressions;
using Waves.Engine.Patching;

namespace Waves.Engine.Rendering;

/// <summary>
/// The names one expression sees: a node id (<c>$lfo</c> or <c>lfo</c>) reads that node's output,
/// above every other name but <c>t</c> and <c>time</c> — the precedence is built-in constants, notes
/// and scales &lt; library vars &lt; parameters and context variables &lt; node ids &lt; <c>t</c>, as in
/// the original. Each id read gets a <see cref="ReferenceReader"/>, linked once the tree is compiled.
/// </summary>
sealed class ExpressionNames(CompileScope scope, Value.Text text) : INameResolver
{
    readonly Dictionary<string, (ReferenceReader Reader, string Name)> reads = new(StringComparer.Ordinal);

    public NameBinding? Resolve(string name)
    {
        if (name is not ("t" or "time") && scope.ResolveId(name) is { } id)
        {
            if (!reads.TryGetValue(id, out var read))
                reads[id] = read = (new ReferenceReader(null, scope.MaxBlock, stereo: false), name);
            return new NameBinding.Signal(read.Reader);
        }
        return scope.Resolve(name);
    }

    /// <summary>The expression's wave, pulling the nodes it reads first (once the expression compiled).</summary>
    public Wave Wrap(Wave wave)
    {
        if (reads.Count == 0) return wave;
        foreach (var (id, (reader, name)) in reads)
            scope.Env.Links.Add(reader, id, PositionOf(name), scope.Env, passesLayout: false);
        return new ReferencingWave(wave, [.. reads.Values.Select(r => r.Reader)]);
    }

    /// <summary>Where the name is written (<c>$name</c> first), or the expression's start.</summary>
    SourcePos PositionOf(string name)
    {
        var s = text.V;
        if (s.Contains('\n')) return text.TextPos;
        foreach (var written in new[] { "$" + name, name })
            for (var at = s.IndexOf(written, StringComparison.Ordinal); at >= 0; at = s.IndexOf(written, at + 1, StringComparison.Ordinal))
            {
                var end = at + written.Length;
                var before = written[0] == '$' || at == 0 || !IsNameChar(s[at - 1]);
                if (before && (end == s.Length || !IsNameChar(s[end]))) return text.TextPos.Offset(at);
            }
        return text.TextPos;
    }

    static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
