using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using DerSim.Csms;
using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;

namespace DerSim.Bench;

/// <summary>
/// Times <c>./sim</c> from process start to its BootNotification CALL arriving at an in-process reference CSMS on
/// 127.0.0.1 (the ≤ 500 ms median target of issue 2). The sim is run as <c>./sim</c> runs it: the built Release
/// dll started with <c>dotnet</c>, no build check in between.
/// </summary>
public static class StartupBench
{
    private static readonly TimeSpan BootTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Runs the measurement; returns the process exit code.</summary>
    /// <param name="args">
    /// <c>[--runs N]</c> (default 10) <c>[--run_for SECONDS]</c> (default 2) <c>[--verbose]</c> (print the sim's
    /// output after each run) <c>[-- SIM-ARGS...]</c>: arguments after
    /// <c>--</c> are added to the sim's command line (e.g. <c>-- --validate no</c> to see what validation costs).
    /// </param>
    public static async Task<int> RunAsync(string[] args)
    {
        var separator = Array.IndexOf(args, "--");
        var simExtra = separator >= 0 ? args[(separator + 1)..] : [];
        args = separator >= 0 ? args[..separator] : args;
        var runs = IntOption(args, "--runs", 10);
        var runFor = IntOption(args, "--run_for", 2);
        var verbose = args.Contains("--verbose");
        var root = RepoRoot.Find();
        var dll = Path.Combine(root, "artifacts", "bin", "DerSim.Sim", "release", "DerSim.Sim.dll");
        if (!await BuildSimAsync(root) || !File.Exists(dll))
        {
            await Console.Error.WriteLineAsync($"startup: the sim could not be built ({dll} missing); run ./sim --help to see why");
            return 2;
        }

        var arrivals = new ConcurrentDictionary<string, TaskCompletionSource<long>>(StringComparer.Ordinal);
        await using var csms = new ReferenceCsms(new ReferenceCsmsOptions { Versions = [OcppVersion.V201] });
        csms.Frame += (stationId, frame) =>
        {
            // Raised when the receive loop has read the frame, before the CSMS answers it.
            if (frame is { Direction: FrameDirection.Inbound, MessageType: OcppMessageType.Call, Action: "BootNotification" }
                && arrivals.TryGetValue(stationId, out var arrival))
            {
                arrival.TrySetResult(Stopwatch.GetTimestamp());
            }
        };
        await csms.StartAsync();
        Console.WriteLine($"startup: {runs} run(s) of {dll} against {csms.Url} (run_for {runFor} s each){(simExtra.Length > 0 ? " with " + string.Join(' ', simExtra) : "")}");

        var times = new List<double>();
        var cpuTimes = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            var stationId = $"BENCH-{run}";
            var arrival = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            arrivals[stationId] = arrival;
            var start = new ProcessStartInfo("dotnet")
            {
                ArgumentList =
                {
                    dll, "--ocpp_enable", "yes", "--ocpp_version", "ocpp2.0.1j", "--ocpp_csms_url", csms.Url.ToString(),
                    "--ocpp_csid", stationId, "--run_for", runFor.ToString(CultureInfo.InvariantCulture), "--quiet",
                },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var extra in simExtra)
            {
                start.ArgumentList.Add(extra);
            }

            start.Environment["DERSIM_ROOT"] = root;

            var started = Stopwatch.GetTimestamp();
            using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            double? ms = null;
            double? cpuMs = null;
            try
            {
                var arrived = await arrival.Task.WaitAsync(BootTimeout);
                ms = Stopwatch.GetElapsedTime(started, arrived).TotalMilliseconds;
                times.Add(ms.Value);

                // CPU the sim used up to (a moment after) the boot: unlike wall time, hardly moved by other
                // processes on the shared cores, so it tells a start-up change from a busier machine.
                process.Refresh();
                cpuMs = process.TotalProcessorTime.TotalMilliseconds;
                cpuTimes.Add(cpuMs.Value);
            }
            catch (TimeoutException)
            {
                await Console.Error.WriteLineAsync($"run {run}: no BootNotification within {BootTimeout.TotalSeconds:0} s");
            }

            // Let the sim finish its run before starting the next, so runs do not compete for the two cores.
            using var exitWait = new CancellationTokenSource(ExitTimeout);
            try
            {
                await process.WaitForExitAsync(exitWait.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            Console.WriteLine(ms is { } t
                ? string.Format(CultureInfo.InvariantCulture, "run {0,2}: {1,7:0.0} ms wall, {2,7:0.0} ms CPU (exit {3})", run, t, cpuMs, process.ExitCode)
                : $"run {run,2}: failed (exit {process.ExitCode})");
            if (ms is null || process.ExitCode != 0 || verbose)
            {
                await Console.Error.WriteLineAsync(await stdout);
                await Console.Error.WriteLineAsync(await stderr);
            }
        }

        if (times.Count == 0)
        {
            return 1;
        }

        var median = Median(times);
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
            "start-up to BootNotification over {0} run(s): min {1:0.0} ms, median {2:0.0} ms, max {3:0.0} ms (target: median ≤ 500 ms: {4})",
            times.Count, times.Min(), median, times.Max(), median <= 500 ? "met" : "NOT met"));
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
            "sim CPU time (user+sys) up to the boot: min {0:0.0} ms, median {1:0.0} ms, max {2:0.0} ms",
            cpuTimes.Min(), Median(cpuTimes), cpuTimes.Max()));
        return times.Count == runs ? 0 : 1;
    }

    /// <summary>Builds (or confirms up to date) the Release sim the way ./sim does.</summary>
    internal static async Task<bool> BuildSimAsync(string root)
    {
        var start = new ProcessStartInfo(Path.Combine(root, "sim"), "--help")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await output;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            await Console.Error.WriteLineAsync(errors);
        }

        return process.ExitCode == 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        var half = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
    }

    private static int IntOption(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;
    }
}
