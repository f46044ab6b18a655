using Waves.Engine.Patching;

namespace Waves.Engine.Rendering;

public sealed record CompileResult(Patch? Patch, IReadOnlyList<Problem> Problems)
{
    public bool Ok => Patch is not null;
}

/// <summary>Compiles a spec tree into a <see cref="Patch"/>. In a reload it is told the running
/// patch: a node whose id and state type are unchanged adopts that patch's state object, a new id
/// starts fresh, and a node whose own parameters changed is declicked.</summary>
public static class PatchCompiler
{
    public static CompileResult Compile(NodeSpec spec, RenderSettings settings,
        IReadOnlyDictionary<string, RawNode>? vars = null, PreviousPatch? previous = null,
        int fadeFrames = 0, string projectRoot = ".")
    {
        var ids = spec.Descendants().Prepend(spec).ToList();
        var allIds = ids.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var explicitIds = ids.Where(s => s.ExplicitId).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var layouts = new Dictionary<string, bool>(StringComparer.Ordinal);
        CompileEnv env;
        Signal root;
        // A 'reference' compiled before its target guesses the target's channels (mono); when a guess
        // was wrong the sound is compiled again knowing them (rarely more than once more).
        for (var pass = 1; ; pass++)
        {
            env = new CompileEnv
            {
                SampleRate = settings.SampleRate,
                MaxBlock = settings.BlockSize,
                Seed = settings.Seed,
                States = new StateStore(previous?.Patch.States),
                Vars = vars ?? new Dictionary<string, RawNode>(),
                ProjectRoot = projectRoot,
                Inputs = settings.Inputs,
                Previous = previous,
                FadeFrames = fadeFrames,
                Ids = allIds,
                ExplicitIds = explicitIds,
                Layouts = layouts,
            };
            env.Links.Register(env);
            // One id on two nodes (the original let them share a state): references read the first.
            static SourcePos IdPos(NodeSpec s) => s.GetParam("id")?.Value.Pos ?? s.Pos;
            foreach (var twice in ids.Where(s => s.ExplicitId).GroupBy(s => s.Id).Where(g => g.Count() > 1))
                foreach (var other in twice.Skip(1))
                    env.Warning(IdPos(other), $"id '{twice.Key}' is also given at {IdPos(twice.First())}; an id names one node (a reference reads the first)");
            root = CompileScope.Root(env).CompileNode(spec);
            var wrong = env.Links.Link(root, env);
            if (wrong.Count == 0 || pass == 3) break;
            layouts = new Dictionary<string, bool>(layouts, StringComparer.Ordinal);
            foreach (var (id, stereo) in wrong) layouts[id] = stereo;
        }
        var problems = env.Problems.Distinct().ToList();
        if (problems.Any(p => p.IsError)) return new CompileResult(null, problems);
        var states = env.States.Bound;
        var changes = previous is null
            ? new PatchChanges([.. states.Keys.Order(StringComparer.Ordinal)], [], [])
            : new PatchChanges(
                [.. states.Keys.Where(k => !previous.Patch.States.TryGetValue(k, out var s) || !ReferenceEquals(s, states[k])).Order(StringComparer.Ordinal)],
                [.. previous.Patch.States.Keys.Where(k => !states.TryGetValue(k, out var s) || !ReferenceEquals(s, previous.Patch.States[k])).Order(StringComparer.Ordinal)],
                [.. env.Retuned.Distinct().Order(StringComparer.Ordinal)]);
        var revision = (previous?.Patch.Revision ?? 0) + 1;
        return new CompileResult(new Patch(root, spec, states, settings, revision, changes, vars, [.. env.Monitors]), problems);
    }

    /// <summary>Builds and compiles a sound of a library.</summary>
    public static CompileResult Compile(SoundLibrary library, string sound, RenderSettings settings,
        RawMapping? overrides = null, PreviousPatch? previous = null, int fadeFrames = 0)
    {
        var built = library.Build(sound, overrides);
        if (built.Spec is null) return new CompileResult(null, built.Problems);
        // Compiled even when building found errors, so that every problem is reported at once.
        var compiled = Compile(built.Spec, settings, library.Vars, previous, fadeFrames, library.ProjectRoot);
        IReadOnlyList<Problem> all = [.. built.Problems, .. compiled.Problems.Except(built.Problems)];
        return new CompileResult(built.Ok ? compiled.Patch : null, all);
    }
}
