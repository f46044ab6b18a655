using Waves.Engine.Patching;
using Waves.Engine.Rendering;
using Waves.Engine.Tests.Corpus;

namespace Waves.Engine.Tests.Support;

/// <summary>The acceptance corpus beside the repository (../shared/corpus).</summary>
public static class CorpusFiles
{
    public static string Root =>
        Path.GetDirectoryName(Path.GetDirectoryName(ReferenceFingerprints.FindPath()))!;

    public static string Sounds => Path.Combine(Root, "sounds");

    static readonly Lazy<SoundLibrary> library = new(() => SoundLibrary.Load(Sounds));

    public static SoundLibrary Library => library.Value;

    /// <summary>Renders a corpus sound the way the references were made: min(declared duration, 5 s), seed 1.</summary>
    public static RenderedAudio Render(string sound, int blockSize = 2048)
    {
        var result = PatchCompiler.Compile(Library, sound, new RenderSettings(44100, blockSize, 1));
        Assert.True(result.Ok, string.Join("\n", result.Problems));
        var seconds = Math.Min(result.Patch!.Spec.DeclaredDuration() ?? 5, 5);
        return OfflineRender.ToArrays(result.Patch, (long)(seconds * 44100));
    }
}
