using System.Diagnostics;
using System.Security.Cryptography;
using Waves.Engine.Patching;
using Waves.Engine.Rendering;
using Waves.Engine.Tests.Support;

namespace Waves.Engine.Tests.Bench;

/// <summary>
/// The benchmark sounds of bench/sounds render the patches of ../shared/bench-peers (the peers' rms
/// is the reference), and the vectorised kernels they exercise give the same bits with hardware
/// intrinsics turned off as on.
/// </summary>
public sealed class BenchSoundTests
{
    static readonly string Folder = Path.Combine(RepoPaths.Root, "bench", "sounds");

    static double Rms(float[] x) => Math.Sqrt(x.Sum(v => (double)v * v) / x.Length);

    static RenderedAudio Render(string sound, double seconds, int block = 512)
    {
        var library = SoundLibrary.Load(Folder);
        var result = PatchCompiler.Compile(library, sound, new RenderSettings(44100, block, 1));
        Assert.True(result.Patch is not null, string.Join("\n", result.Problems));
        Assert.Empty(result.Problems);
        return OfflineRender.ToArrays(result.Patch!, (long)(seconds * 44100));
    }

    [Fact]
    public void BenchA_SixtyFourSines_HasThePeersRms()
    {
        // 2 s is a whole number of the sum's 20 ms period: rms √(1/128) = 0.0884.
        var audio = Render("bench_a", 2);
        Assert.Single(audio.Channels);
        Assert.Equal(Math.Sqrt(1 / 128.0), Rms(audio.Left), 3);
    }

    [Fact]
    public void BenchB_SweptResonantLowpass_HasThePeersRms()
    {
        // One period of the 0.25 Hz sweep; scsynth's BLowPass gives 0.1968 over 600 s.
        var audio = Render("bench_b", 4);
        Assert.InRange(Rms(audio.Left), 0.194, 0.200);
    }

    [Fact]
    public void BenchB_FollowsTheCutoffSampleBySample_TheSameForAnyBlockSize()
    {
        var a = Render("bench_b", 0.3, block: 1);
        Assert.Equal(a.Left, Render("bench_b", 0.3, block: 4096).Left);
        Assert.Equal(a.Left, Render("bench_b", 0.3, block: 64).Left);
    }

    /// <summary>Every kernel with a vector path: sine and cosine at a constant and a moving frequency,
    /// triangle, saw, ramp, square, phase modulation, the expression sine/cosine/tangent, a modulated
    /// filter of each shape, a mix, a track and 16-bit output.</summary>
    const string Kernels = """
        k:
          mix:
            a: {osc: {freq: 220, amp: 0.1}}
            b: {osc: {type: cos, freq: "300 + 200 * sin(2 * pi * 3 * t)", amp: 0.1}}
            c: {osc: {type: tri, freq: 110, phase: {osc: {freq: 55, amp: 2}}, amp: 0.1}}
            d: {osc: {type: saw, freq: -70.5, amp: 0.1}}
            e: {osc: {type: ramp, freq: 33000, amp: 0.1}}
            f: {osc: {type: sqr, freq: 20, pulse_width: "0.5 + 0.4 * sin(t)", amp: 0.1}}
            g: {track: {volume: 0.5, signal: {filter: {type: highpass, peak: "cos(t) + tan(0.3 * t)", cutoff: "1000 + 800 * sin(2 * pi * 2 * t)", signal: {osc: {type: saw, freq: 110}}}}}}
            h: {filter: {type: bandpass, peak: 1, cutoff: 500, signal: {osc: {type: saw, freq: 220}}}}
            i: {filter: {type: notch, cutoff: {osc: {freq: 1, range: [300, 3000]}}, signal: {osc: {type: sqr, freq: 150}}}}
        """;

    [Fact]
    public async Task Render_WithHardwareIntrinsicsOff_GivesTheSameBits()
    {
        var dir = Directory.CreateTempSubdirectory("waves-simd-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "sounds"));
            File.WriteAllText(Path.Combine(dir, "sounds", "k.yaml"), Kernels);
            File.Copy(Path.Combine(Folder, "bench_a.yaml"), Path.Combine(dir, "sounds", "bench_a.yaml"));
            File.Copy(Path.Combine(Folder, "bench_b.yaml"), Path.Combine(dir, "sounds", "bench_b.yaml"));
            foreach (var sound in new[] { "k", "bench_a", "bench_b" })
            {
                var on = await RenderInChild(dir, sound, intrinsics: true);
                var off = await RenderInChild(dir, sound, intrinsics: false);
                Assert.Equal(on, off);
            }
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    /// <summary>The SHA-256 of a short 16-bit and a float render of <paramref name="sound"/> by the real command.</summary>
    static async Task<string> RenderInChild(string dir, string sound, bool intrinsics)
    {
        var hashes = new List<string>();
        foreach (var format in new[] { "f32", "s16" })
        {
            var output = Path.Combine(dir, $"{sound}-{format}-{intrinsics}.wav");
            var psi = new ProcessStartInfo("dotnet", ["exec", Path.Combine(AppContext.BaseDirectory, "waves.dll"), "render", sound,
                "--sounds", "sounds", "--duration", "0.2", "--block", "300", "--format", format, "-o", output])
            {
                RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dir,
            };
            if (!intrinsics) psi.Environment["DOTNET_EnableHWIntrinsic"] = "0";
            using var child = Process.Start(psi)!;
            var err = child.StandardError.ReadToEndAsync();
            var stdout = await child.StandardOutput.ReadToEndAsync();
            Assert.True(child.WaitForExit(TimeSpan.FromMinutes(2)), "render timed out");
            Assert.True(child.ExitCode == 0, stdout + await err);
            Assert.DoesNotContain("error", await err, StringComparison.Ordinal);
            hashes.Add(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(output))));
        }
        return string.Join(" ", hashes);
    }
}
