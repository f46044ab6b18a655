using Waves.Engine.Audio;
using Waves.Engine.Nodes;
using static Waves.Engine.Tests.Cli.CliRun;

namespace Waves.Engine.Tests.Cli;

/// <summary><c>waves new DIR</c>: a project that checks clean and whose every sound renders.</summary>
[Collection("cli")]
public sealed class NewCommandTests : IDisposable
{
    readonly CliFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void New_FreshFolder_WritesSoundsSamplesReadmeAndSchema()
    {
        var r = Run("new", "proj");

        Assert.Equal(0, r.Exit);
        Assert.True(Directory.Exists("proj/samples"));
        Assert.True(File.Exists("proj/README.md"));
        var sounds = Directory.GetFiles("proj/sounds", "*.yaml");
        Assert.NotEmpty(sounds);
        Assert.All(sounds, f => Assert.Equal(NodeSchema.ModelineForSoundFolder, File.ReadLines(f).First()));
        Assert.True(File.ReadAllLines(sounds[0]).Count(l => l.TrimStart().StartsWith('#')) >= 10, "the starter library explains itself in comments");
        var library = Waves.Engine.Patching.SoundLibrary.Load("proj/sounds");
        Assert.Equal(NodeSchema.Text(library.Sounds.Keys), File.ReadAllText("proj/" + NodeSchema.FileName));
    }

    [Fact]
    public void New_Project_ChecksCleanAndRendersEverySound()
    {
        Assert.Equal(0, Run("new", "proj").Exit);
        Environment.CurrentDirectory = Path.Combine(folder.Path, "proj");

        var check = Run("check");
        Assert.True(check.Exit == 0, check.ToString());
        Assert.Contains(" 0 errors, 0 warnings", check.Out);

        var play = Run("play", "song", "--output", "null", "--no-ui", "--duration", "0.3");
        Assert.True(play.Exit == 0, play.ToString());
        Assert.Contains("played 0.300 s", play.Out);

        var names = Waves.Engine.Patching.SoundLibrary.Load("sounds").Sounds.Keys.ToList();
        Assert.Contains("song", names);
        foreach (var name in names)
        {
            var r = Run("render", name, "--duration", "2", "-o", $"out/{name}.wav");
            Assert.True(r.Exit == 0, r.ToString());
            var wav = WavReader.Read($"out/{name}.wav");
            Assert.True(wav.Channels.Max(c => c.Max(Math.Abs)) > 0.05f, $"{name} is silent");
        }
    }

    [Fact]
    public void New_FolderWithFiles_IsRefusedAndLeftAlone()
    {
        folder.Write("proj/notes.txt", "mine");

        var r = Run("new", "proj");

        Assert.Equal(1, r.Exit);
        Assert.Contains("is not empty", r.Err);
        Assert.Equal(["notes.txt"], Directory.GetFileSystemEntries("proj").Select(Path.GetFileName));
    }
}
