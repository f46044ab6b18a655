using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Waves.Console.Bench;

// dotnet run -c Release --project bench/Waves.Benchmarks -- --filter '*'   (add --job short for a quick run)
// Results go to bench/BenchmarkDotNet.Artifacts (git-ignored) unless --artifacts says otherwise.
var config = DefaultConfig.Instance;
if (!args.Contains("--artifacts") && BenchPatches.RepoRoot(AppContext.BaseDirectory) is { } root)
    config = config.WithArtifactsPath(Path.Combine(root, "bench", "BenchmarkDotNet.Artifacts"));
BenchmarkSwitcher.FromAssembly(typeof(Waves.Benchmarks.CompileBench).Assembly).Run(args, config);
