using Waves.Engine.Patching;
using Waves.Engine.Rendering;

namespace Waves.Console.Commands;

/// <summary>Builds and compiles every sound; prints every problem once; exit 1 if any is an error.</summary>
static class CheckCommand
{
    public static int Run(string[] args)
    {
        var o = Options.Parse(args, new HashSet<string>());
        o.RequireOnly(["--sounds"], positional: 0);
        var library = SoundLibrary.Load(o.Get("--sounds") ?? "sounds");
        var problems = Check(library);
        foreach (var p in problems) System.Console.Out.WriteLine(ProblemText.Format(p, library));
        var errors = problems.Count(p => p.IsError);
        var warnings = problems.Count - errors;
        System.Console.Out.WriteLine($"{library.Sounds.Count} sounds, {errors} errors, {warnings} warnings");
        return errors > 0 ? 1 : 0;
    }

    public static List<Problem> Check(SoundLibrary library)
    {
        var all = new List<Problem>(library.Problems);
        foreach (var name in library.Sounds.Keys)
            all.AddRange(PatchCompiler.Compile(library, name, new RenderSettings(BlockSize: 64)).Problems);
        return [.. all.Distinct().OrderBy(p => p.Pos.File, StringComparer.Ordinal).ThenBy(p => p.Pos.Line).ThenBy(p => p.Pos.Column)];
    }
}
