using Waves.Engine.Patching;
using Waves.Engine.Rendering;

namespace Waves.Properties;

/// <summary>Compiles and renders generated sounds, and compares renders bit for bit.</summary>
public static class PatchRender
{
    public const int SampleRate = 44100;

    /// <summary>At most 0.3 s of audio per render, so a property of 60 cases stays fast even at block size 1.</summary>
    public const long MaxFrames = SampleRate * 3 / 10;

    /// <summary>Compiles the sound; the problems include those of reading the file.</summary>
    public static CompileResult Compile(GeneratedPatch patch, int blockSize, ulong seed) => Compile(patch.Yaml, blockSize, seed);

    /// <summary>Compiles sound <c>p</c> of a YAML text.</summary>
    public static CompileResult Compile(string yaml, int blockSize, ulong seed)
    {
        var library = SoundLibrary.FromTexts([new SoundLibrary.SourceFile("sounds/p.yaml", yaml)]);
        var result = PatchCompiler.Compile(library, GeneratedPatch.SoundName, new RenderSettings(SampleRate, blockSize, seed));
        return result with { Problems = [.. library.Problems, .. result.Problems] };
    }

    public static bool Compiles(GeneratedPatch patch) => !Compile(patch, 64, 1).Problems.Any(p => p.IsError);

    /// <summary>The warning a feedback loop gets (<c>feedback through x, delayed by N frames</c>).</summary>
    public static bool IsFeedbackWarning(Waves.Engine.Patching.Problem p) => !p.IsError && p.Message.StartsWith("feedback through ", StringComparison.Ordinal);

    /// <summary>True when the sound has a feedback loop: its output depends on the block size there.</summary>
    public static bool HasFeedback(GeneratedPatch patch) => Compile(patch, 64, 1).Problems.Any(IsFeedbackWarning);

    /// <summary>Fails unless the sound renders the same at the two block sizes of <paramref name="choice"/>;
    /// a sound with feedback (delayed by a block there) is rendered twice at the first size instead.</summary>
    public static void AssertSameForAnyBlockSize(GeneratedPatch patch, RenderChoice choice)
    {
        var a = Render(patch, choice.BlockA, choice.Seed);
        var feedback = HasFeedback(patch);
        var b = Render(patch, feedback ? choice.BlockA : choice.BlockB, choice.Seed);
        if (FirstDifference(a, b) is { } diff)
            Assert.Fail(feedback
                ? $"two renders of a sound with feedback at block size {choice.BlockA} differ: {diff}"
                : $"block size {choice.BlockA} and {choice.BlockB} renders differ: {diff}");
    }

    /// <summary>Renders up to <see cref="MaxFrames"/>; throws when the sound does not compile or a node faulted.</summary>
    public static RenderedAudio Render(GeneratedPatch patch, int blockSize, ulong seed) => Render(patch.Yaml, blockSize, seed);

    public static RenderedAudio Render(string yaml, int blockSize, ulong seed)
    {
        var compiled = Compile(yaml, blockSize, seed);
        if (compiled.Patch is null)
            throw new InvalidOperationException("the sound does not compile:\n" + string.Join("\n", compiled.Problems));
        var audio = OfflineRender.ToArrays(compiled.Patch, MaxFrames);
        var faults = compiled.Patch.Root.Faults().ToList();
        if (faults.Count > 0)
            throw new InvalidOperationException($"rendering at block size {blockSize} faulted:\n" + string.Join("\n", faults));
        return audio;
    }

    /// <summary>Where two renders first differ (channel count, length or a sample's bits), or null when identical.</summary>
    public static string? FirstDifference(RenderedAudio a, RenderedAudio b)
    {
        if (a.Channels.Length != b.Channels.Length) return $"{a.Channels.Length} channel(s) vs {b.Channels.Length}";
        if (a.Frames != b.Frames) return $"{a.Frames} frames vs {b.Frames}";
        var differing = 0;
        string? first = null;
        for (var c = 0; c < a.Channels.Length; c++)
            for (var i = 0; i < a.Frames; i++)
            {
                float x = a.Channels[c][i], y = b.Channels[c][i];
                if (BitConverter.SingleToInt32Bits(x) == BitConverter.SingleToInt32Bits(y)) continue;
                differing++;
                first ??= $"channel {c}, frame {i} ({i / (double)SampleRate:0.#####} s): {x:R} vs {y:R}";
            }
        return first is null ? null : $"{first}; {differing} sample(s) differ in all";
    }
}
