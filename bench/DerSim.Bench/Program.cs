using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using DerSim.Bench;

// `soak [--minutes N]` samples the memory of ./sim under CALL bursts; `startup [--runs N]` times the sim's start to BootNotification; `sessions` times whole charging sessions;
// `lockstep` times ./sim --time_scale max's DC-150 session against ./dersim csms; `load` runs ./sim --stations N against
// ./dersim csms; `frame` prints the benchmark frame; anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "lockstep")
{
    return await LockStepBench.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "load")
{
    return await DerSim.Bench.Load.LoadBench.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "sessions")
{
    return await DerSim.Bench.Sessions.SessionsBench.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "soak")
{
    return await SoakBench.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "startup")
{
    return await StartupBench.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "frame")
{
    var sample = new FrameBenchmarks();
    sample.Setup();
    Console.WriteLine(sample.Encode());
    Console.WriteLine($"{sample.FrameBytes} bytes");
    return 0;
}

var summaries = BenchmarkSwitcher.FromAssembly(typeof(FrameBenchmarks).Assembly).Run(args, BenchConfig.Create());
FrameReport.Print(summaries);
return 0;
