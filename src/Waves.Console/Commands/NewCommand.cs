using Waves.Console.Templates;
using Waves.Engine.Nodes;
using Waves.Engine.Patching;

namespace Waves.Console.Commands;

/// <summary><c>waves new DIR</c>: a new project with a starter library, a samples folder, a README
/// and the schema for editors. Refuses a folder that already has files, so nothing is overwritten.</summary>
static class NewCommand
{
    public static int Run(string[] args)
    {
        var o = Options.Parse(args, new HashSet<string>());
        o.RequireOnly([], positional: 1);
        if (o.Positional.Count == 0) throw new UsageException("new needs a folder: waves new DIR");
        var dir = o.Positional[0];
        if (Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any())
        {
            System.Console.Error.WriteLine($"waves: {dir} is not empty; choose a new folder");
            return 1;
        }
        Directory.CreateDirectory(Path.Combine(dir, "sounds"));
        Directory.CreateDirectory(Path.Combine(dir, "samples"));
        File.WriteAllText(Path.Combine(dir, StarterProject.SoundFile), StarterProject.Sounds);
        File.WriteAllText(Path.Combine(dir, "README.md"), StarterProject.Readme);
        var library = SoundLibrary.Load(Path.Combine(dir, "sounds"));
        File.WriteAllText(Path.Combine(dir, NodeSchema.FileName), NodeSchema.Text(library.Sounds.Keys));
        System.Console.Out.WriteLine($"created {dir}: sounds/starter.yaml ({library.Sounds.Count} sounds), samples/, README.md, {NodeSchema.FileName}");
        System.Console.Out.WriteLine($"next: cd {dir} && waves play song");
        return 0;
    }
}
