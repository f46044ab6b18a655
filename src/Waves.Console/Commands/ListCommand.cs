using System.Globalization;
using Waves.Engine.Patching;

namespace Waves.Console.Commands;

static class ListCommand
{
    public static int Run(string[] args)
    {
        var o = Options.Parse(args, new HashSet<string>());
        o.RequireOnly(["--sounds"], positional: 0);
        var library = SoundLibrary.Load(o.Get("--sounds") ?? "sounds");
        foreach (var p in library.Problems.Where(p => p.IsError)) System.Console.Error.WriteLine(p);
        if (!Directory.Exists(library.Folder)) return 1;
        var rows = library.Sounds.Values.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s =>
        {
            var built = library.Build(s.Name);
            var d = built.Spec?.DeclaredDuration();
            var dur = built.Spec is null ? "(error)" : d is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) + " s" : "-";
            return (s.Name, File: $"{s.File}:{s.Pos.Line}", Dur: dur);
        }).ToList();
        var w1 = rows.Select(r => r.Name.Length).DefaultIfEmpty(4).Max();
        var w2 = rows.Select(r => r.File.Length).DefaultIfEmpty(4).Max();
        foreach (var r in rows)
            System.Console.Out.WriteLine($"{r.Name.PadRight(w1)}  {r.File.PadRight(w2)}  {r.Dur}");
        return 0;
    }
}
