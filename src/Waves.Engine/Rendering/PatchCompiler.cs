using Waves.Engine.Patching;

namespace Waves.Engine.Rendering;

public sealed record CompileResult(Patch? Patch, IReadOnlyList<Problem> Problems)
{
    public bool Ok => Patch is not null;
}

/// <summary>Compiles a spec tree into a <see cref="Patch"/>, adopting the states of the previous
/// patch by id (same id and type keep their state; new ids start fresh).</summary>
public static class PatchCompiler
{
    public static CompileResult Compile(NodeSpec spec, RenderSettings settings,
        IReadOnlyDictionary<string, RawNode>? vars = null,
        IReadOnlyDictionary<string, NodeState>? previous = null,
        string projectRoot = ".")
    {
        var env = new CompileEnv
        {
            SampleRate = settings.SampleRate,
            MaxBlock = settings.BlockSize,
            Seed = settings.Seed,
            States = new StateStore(previous),
            Vars = vars ?? new Dictionary<string, RawNode>(),
            ProjectRoot = projectRoot,
        };
        var root = CompileScope.Root(env).CompileNode(spec);
        var problems = env.Problems.Distinct().ToList();
        if (problems.Any(p => p.IsError)) return new CompileResult(null, problems);
        return new CompileResult(new Patch(root, spec, env.States.Bound, settings), problems);
    }

    /// <summary>Builds and compiles a sound of a library.</summary>
    public static CompileResult Compile(SoundLibrary library, string sound, RenderSettings settings,
        RawMapping? overrides = null, IReadOnlyDictionary<string, NodeState>? previous = null)
    {
        var built = library.Build(sound, overrides);
        if (built.Spec is null) return new CompileResult(null, built.Problems);
        // Compiled even when building found errors, so that every problem is reported at once.
        var compiled = Compile(built.Spec, settings, library.Vars, previous, library.ProjectRoot);
        IReadOnlyList<Problem> all = [.. built.Problems, .. compiled.Problems.Except(built.Problems)];
        return new CompileResult(built.Ok ? compiled.Patch : null, all);
    }
}
