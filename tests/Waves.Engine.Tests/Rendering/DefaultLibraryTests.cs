using Waves.Engine.Tests.Support;
using Waves.Engine.Patching;
using Waves.Engine.Rendering;

namespace Waves.Engine.Tests.Rendering;

/// <summary>The sounds that ship in sounds/: they compile cleanly and render the same for any block size.</summary>
public sealed class DefaultLibraryTests
{
    static readonly SoundLibrary Library = SoundLibrary.Load(Path.Combine(RepoPaths.Root, "sounds"));

    public static TheoryData<string> Sounds => [.. Library.Sounds.Keys.Order(StringComparer.Ordinal)];

    [Fact]
    public void Library_HasTheDemo_AndNoProblems()
    {
        Assert.Contains("demo", Library.Sounds.Keys);
        Assert.Empty(Library.Problems);
        var demo = PatchCompiler.Compile(Library, "demo", new RenderSettings());
        Assert.Empty(demo.Problems);
        Assert.InRange(demo.Patch!.Spec.DeclaredDuration()!.Value, 8, 12);
    }

    [Theory]
    [MemberData(nameof(Sounds))]
    public void Sound_RendersTheSameForBlocksOf1_64_4096(string sound)
    {
        float[][] Render(int block)
        {
            var r = PatchCompiler.Compile(Library, sound, new RenderSettings(BlockSize: block));
            Assert.True(r.Ok, string.Join("\n", r.Problems));
            return OfflineRender.ToArrays(r.Patch!, 44100 * 2).Channels;
        }
        var a = Render(64);
        Assert.True(a[0].Any(v => v != 0), "silent");
        Assert.Equal(a, Render(4096));
        Assert.Equal(a, Render(1));
    }
}
