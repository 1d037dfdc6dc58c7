using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using DerSim.Harness.Csms;
using DerSim.Sim.Ocpp;
using DerSim.Sim.Ocpp.Rpc;

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
    /// <param name="args"><c>[--runs N]</c> (default 10) <c>[--run_for SECONDS]</c> (default 2).</param>
    public static async Task<int> RunAsync(string[] args)
    {
        var runs = IntOption(args, "--runs", 10);
        var runFor = IntOption(args, "--run_for", 2);
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
        Console.WriteLine($"startup: {runs} run(s) of {dll} against {csms.Url} (run_for {runFor} s each)");

        var times = new List<double>();
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
            start.Environment["DERSIM_ROOT"] = root;

            var started = Stopwatch.GetTimestamp();
            using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            double? ms = null;
            try
            {
                var arrived = await arrival.Task.WaitAsync(BootTimeout);
                ms = Stopwatch.GetElapsedTime(started, arrived).TotalMilliseconds;
                times.Add(ms.Value);
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
                ? string.Format(CultureInfo.InvariantCulture, "run {0,2}: {1,7:0.0} ms (exit {2})", run, t, process.ExitCode)
                : $"run {run,2}: failed (exit {process.ExitCode})");
            if (ms is null || process.ExitCode != 0)
            {
                await Console.Error.WriteLineAsync(await stdout);
                await Console.Error.WriteLineAsync(await stderr);
            }
        }

        if (times.Count == 0)
        {
            return 1;
        }

        times.Sort();
        var median = times.Count % 2 == 1 ? times[times.Count / 2] : (times[(times.Count / 2) - 1] + times[times.Count / 2]) / 2;
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
            "start-up to BootNotification over {0} run(s): min {1:0.0} ms, median {2:0.0} ms, max {3:0.0} ms (target: median ≤ 500 ms: {4})",
            times.Count, times[0], median, times[^1], median <= 500 ? "met" : "NOT met"));
        return times.Count == runs ? 0 : 1;
    }

    /// <summary>Builds (or confirms up to date) the Release sim the way ./sim does.</summary>
    private static async Task<bool> BuildSimAsync(string root)
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

    private static int IntOption(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;
    }
}
