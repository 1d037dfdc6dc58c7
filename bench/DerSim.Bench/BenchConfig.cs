using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace DerSim.Bench;

/// <summary>A short, in-process job: the machine has two shared cores, so a full default run would take too long.</summary>
public static class BenchConfig
{
    /// <summary>The configuration every benchmark here runs with.</summary>
    public static IConfig Create() =>
        DefaultConfig.Instance
            // In-process: no generated project to build (minutes here), and no analyzer settings from
            // Directory.Build.props applied to code we do not write.
            .AddJob(Job.ShortRun
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithWarmupCount(3)
                .WithIterationCount(12)
                .WithId("Short-InProcess"))
            .AddColumn(StatisticColumn.OperationsPerSecond)
            .WithArtifactsPath(Path.Combine(RepoRoot.Find(), "artifacts", "bench"));
}
