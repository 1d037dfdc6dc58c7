using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using DerSim.Bench;

// `startup [--runs N]` times the sim's start to BootNotification; anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "startup")
{
    return await StartupBench.RunAsync(args[1..]);
}

var summaries = BenchmarkSwitcher.FromAssembly(typeof(FrameBenchmarks).Assembly).Run(args, BenchConfig.Create());
FrameReport.Print(summaries);
return 0;
