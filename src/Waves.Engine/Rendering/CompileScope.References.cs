using System.Collections.Immutable;
using Waves.Engine.Patching;

namespace Waves.Engine.Rendering;

public sealed partial class CompileScope
{
    /// <summary>Where something is compiled: the id of the node being compiled (where a name is
    /// written, for ids inside sub-patches), the ids of the nodes above it that give it names of
    /// signals they fill as they render (a context's variables), outermost first, and, inside a voice
    /// (a copy of a template that multiply or spawn plays), the voice's id for each explicit id of
    /// the template (<c>x</c> → <c>x#2</c>).</summary>
    internal sealed record Place(string NodeId, ImmutableList<string> Providers, Voice? Voice)
    {
        public Place Providing() => Providers.LastOrDefault() == NodeId ? this : this with { Providers = Providers.Add(NodeId) };
    }

    readonly Place? place;

    string? nodeId => place?.NodeId;

    CompileScope AtNode(NodeSpec spec) =>
        new(Env, names, Duration, inFade, new Place(spec.Id, place?.Providers ?? [], place?.Voice ?? VoiceOf(spec)), slot);

    /// <summary>A voice: the voice's id of each explicit id of its template as written, and how the path
    /// ids of its nodes differ from the template's (<c>parent/signal/2/…</c> for <c>parent/signal/…</c>);
    /// inside a voice of another voice (a sequencer in a step), the template is itself a voice's.</summary>
    internal sealed record Voice(ImmutableDictionary<string, string> Ids, string From, string To, Voice? Outer = null)
    {
        /// <summary>The id in the template as written of a node of the voice.</summary>
        public string Template(string id)
        {
            if (id.LastIndexOf('#') is > 0 and var cut) id = id[..cut];
            id = To.Length > 0 && id.StartsWith(To + "/", StringComparison.Ordinal) ? From + id[To.Length..] : id;
            return Outer?.Template(id) ?? id;
        }
    }

    /// <summary>For the nodes of a voice whose ids were moved from under <paramref name="from"/> (the
    /// template as written) to under <paramref name="to"/>: <c>$id</c> and <c>reference</c> inside it
    /// mean the voice's own copies of the template's nodes.</summary>
    internal CompileScope WithVoice(NodeSpec template, NodeSpec voice, string from, string to)
    {
        var outer = place?.Voice;
        var written = outer?.Ids.ToDictionary(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal);
        var ids = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (t, v) in template.Descendants().Prepend(template).Zip(voice.Descendants().Prepend(voice)))
            if (t.ExplicitId) ids.TryAdd(written?.GetValueOrDefault(t.Id) ?? t.Id, v.Id);
        var at = new Place(place?.NodeId ?? voice.Id, place?.Providers ?? [], new Voice(ids.ToImmutable(), from, to, outer));
        return new(Env, names, Duration, inFade, at, slot);
    }

    /// <summary>The id as written in the tree of a node of the voice being compiled (itself outside voices).</summary>
    internal string TemplateOf(string id) => place?.Voice?.Template(id) ?? id;

    /// <summary>For a node that is not in the tree as written (the root of a voice): the voice.</summary>
    Voice? VoiceOf(NodeSpec spec)
    {
        if (Env.Ids.Contains(spec.Id)) return null;
        var ids = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var d in spec.Descendants().Prepend(spec))
            if (d.ExplicitId && d.Id.LastIndexOf('#') is > 0 and var cut) ids.TryAdd(d.Id[..cut], d.Id);
        // The voice's path: the template's with the voice's number inserted.
        var parts = spec.Id.Split('/');
        for (var i = 1; i < parts.Length; i++)
            if (parts[i].Length > 0 && parts[i].All(char.IsAsciiDigit) &&
                Env.Ids.Contains(string.Join('/', parts.Where((_, j) => j != i))))
                return new Voice(ids.ToImmutable(), string.Join('/', parts[..i]), string.Join('/', parts[..(i + 1)]));
        return new Voice(ids.ToImmutable(), "", "");
    }

    /// <summary>Records the node compiled for an id, and the nodes whose names it may read.</summary>
    void Register(NodeSpec spec, Signal signal)
    {
        if (Env.Compiled.TryAdd(spec.Id, signal)) Env.Providers[spec.Id] = place?.Providers ?? [];
    }

    /// <summary>
    /// The node id that <paramref name="name"/> (a <c>$name</c> or a <c>ref:</c>) means where this node
    /// is written, or null. Inside a sub-patch, an explicit id of that use comes first (the innermost
    /// use first): its ids carry the use's path (<c>song/mix/a/echo_fx/echo</c>), and a path that
    /// begins with the use's path lies inside it. Then any id of the tree, as written. Inside a voice,
    /// an explicit id of its template means the voice's own copy.
    /// </summary>
    public string? ResolveId(string name)
    {
        var id = WrittenId(name);
        return id is not null && place?.Voice is { } voice && voice.Ids.TryGetValue(id, out var own) ? own : id;
    }

    string? WrittenId(string name)
    {
        if (nodeId is { } at && (place?.Voice?.Template(at) ?? at) is var path)
            for (var cut = path.LastIndexOf('/'); cut > 0; cut = path.LastIndexOf('/', cut - 1))
            {
                var candidate = string.Concat(path.AsSpan(0, cut + 1), name);
                if (Env.ExplicitIds.Contains(candidate)) return candidate;
            }
        return Env.Ids.Contains(name) ? name : null;
    }

    /// <summary>For the old version of a node in a reload: its references may read the new patch, and
    /// the feedback of its cycles starts from the live one (copied at the swap with its other states).</summary>
    void PrepareShadow(NodeSpec old, PreviousPatch previous, CompileEnv shadow)
    {
        Env.Links.Register(shadow);
        foreach (var id in old.Descendants().Select(d => d.Id).Prepend(old.Id))
            if (previous.Patch.States.TryGetValue(id + "#feedback", out var live) && live is FeedbackState f)
                shadow.States.Bind<FeedbackState>(id + "#feedback").Size(f.Left.Length, f.Right.Length > 0);
    }
}
