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
        var env = new CompileEnv
        {
            SampleRate = settings.SampleRate,
            MaxBlock = settings.BlockSize,
            Seed = settings.Seed,
            States = new StateStore(previous?.Patch.States),
            Vars = vars ?? new Dictionary<string, RawNode>(),
            ProjectRoot = projectRoot,
            Previous = previous,
            FadeFrames = fadeFrames,
        };
        var root = CompileScope.Root(env).CompileNode(spec);
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
