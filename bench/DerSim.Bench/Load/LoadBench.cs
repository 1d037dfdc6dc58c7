using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using DerSim.Sim.Load;

namespace DerSim.Bench.Load;

/// <summary>
/// <c>./sim --stations N</c> against <c>./dersim csms --quiet</c> in a separate process (issue 19): for each validation
/// setting it starts the CSMS, runs the sim for the given time, reads the run's summary.json and prints the figures:
/// time until all up, memory per station, CPU per frame, frames/s, latency, unanswered and lost.
/// </summary>
public static class LoadBench
{
    /// <summary>Runs the benchmark; returns the process exit code.</summary>
    /// <param name="args">
    /// <c>[--stations N]</c> (1000) <c>[--seconds S]</c> (180) <c>[--version V]</c> (1.6) <c>[--validate both|yes|no]</c>
    /// (both) <c>[--ramp_up R]</c> (200) <c>[--meter_interval S]</c> (10) <c>[--heartbeat_interval S]</c> (the CSMS's
    /// default) <c>[--no_build]</c> (run the built dlls as they are) <c>[-- SIM-ARGS...]</c>.
    /// </param>
    public static async Task<int> RunAsync(string[] args)
    {
        var separator = Array.IndexOf(args, "--");
        var simExtra = separator >= 0 ? args[(separator + 1)..] : [];
        args = separator >= 0 ? args[..separator] : args;
        var stations = Option(args, "--stations", "1000")!;
        var seconds = Option(args, "--seconds", "180")!;
        var version = Option(args, "--version", "1.6")!;
        var ramp = Option(args, "--ramp_up", "200")!;
        var meter = Option(args, "--meter_interval", "10")!;
        var heartbeat = Option(args, "--heartbeat_interval", null);
        var validate = Option(args, "--validate", "both") switch
        {
            "yes" => new[] { "yes" },
            "no" => ["no"],
            _ => ["no", "yes"],
        };
        var root = RepoRoot.Find();
        var sim = StartupBench.SimDll(root);
        var dersim = StartupBench.DersimDll(root);
        var build = !args.Contains("--no_build");
        if ((build && (!await StartupBench.BuildSimAsync(root) || !await StartupBench.BuildThroughLauncherAsync(root, "dersim", "csms", "--help"))) || !File.Exists(sim) || !File.Exists(dersim))
        {
            await Console.Error.WriteLineAsync("load: ./sim or ./dersim could not be built; run ./sim --help and ./dersim --help to see why");
            return 2;
        }

        Console.WriteLine($"load: {stations} stations, OCPP {version}, MeterValues every {meter} s, ramp {ramp}/s, {seconds} s per run, against ./dersim csms --quiet{(heartbeat is null ? "" : $" --heartbeat-interval {heartbeat}")} (separate process); ulimit -n applies to both");
        var rows = new List<string>();
        foreach (var v in validate)
        {
            var port = FreePort();
            string[] csmsArgs = heartbeat is null ? ["csms", "--quiet", "--port", port] : ["csms", "--quiet", "--port", port, "--heartbeat-interval", heartbeat];
            using var csms = Start(root, dersim, csmsArgs);
            var listening = await WaitForLineAsync(csms, "listening", TimeSpan.FromSeconds(60));
            if (!listening)
            {
                await Console.Error.WriteLineAsync("load: the CSMS did not start");
                return 1;
            }

            var reports = Directory.CreateTempSubdirectory("dersim-load-bench-").FullName;
            string[] simArgs =
            [
                "--ocpp_enable", "yes", "--ocpp_version", version, "--ocpp_csms_url", $"ws://127.0.0.1:{port}/ocpp", "--ocpp_csid", $"BENCH{v.ToUpperInvariant()}",
                "--stations", stations, "--meter_interval", meter, "--ramp_up", ramp, "--run_for", seconds, "--validate", v, "--report_dir", reports,
                .. simExtra,
            ];
            Console.WriteLine($"run: ./sim {string.Join(' ', simArgs)}");
            using var run = Start(root, sim, simArgs);
            var stdout = run.StandardOutput.ReadToEndAsync();
            var stderr = run.StandardError.ReadToEndAsync();
            await run.WaitForExitAsync();
            var output = await stdout;
            await stderr;
            csms.Refresh();
            var csmsCpu = csms.TotalProcessorTime.TotalSeconds;
            var csmsMemory = csms.WorkingSet64;
            csms.Kill(entireProcessTree: true);
            var summaryLine = output.Split('\n').LastOrDefault(l => l.StartsWith("summary: ", StringComparison.Ordinal));
            if (run.ExitCode != 0 || summaryLine is null)
            {
                await Console.Error.WriteLineAsync($"load: the sim exited {run.ExitCode}:\n{output}");
                return 1;
            }

            var summary = LoadSummaryJson.Read(await File.ReadAllTextAsync(summaryLine["summary: ".Length..].Trim()));
            Console.WriteLine(LoadReport.Describe(summary));
            rows.Add(Row(summary, csmsCpu, csmsMemory));
        }

        Console.WriteLine();
        Console.WriteLine("| validation | all up after | KB per station (steady − baseline) | CPU ms per frame steady (whole run) | frames/s sent / received | p50 / p99 ms (steady) | unanswered | lost | reconnects | CSMS CPU s / MB |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        rows.ForEach(Console.WriteLine);
        return 0;
    }

    private static string Row(LoadSummary summary, double csmsCpu, long csmsMemory)
    {
        var c = CultureInfo.InvariantCulture;
        var latency = LoadFigures.SteadyLatency(summary);
        var (tx, rx) = LoadFigures.SteadyFramesPerSecond(summary);
        var unanswered = summary.Actions.Sum(a => a.Unanswered);
        return string.Create(c,
            $"| {(summary.Run.Validate ? "on" : "off")} | {(summary.Stations.AllBootedAfterSeconds is { } up ? $"{up:0.0} s" : "not all")} | " +
            $"{LoadFigures.BytesPerStation(summary) / 1024:0.0} | {LoadFigures.SteadyCpuMsPerFrame(summary):0.000} ({LoadFigures.CpuMsPerFrame(summary):0.000}) | {tx:N0} / {rx:N0} | " +
            $"{latency.PercentileMicros(50) / 1000.0:0.0} / {latency.PercentileMicros(99) / 1000.0:0.0} | {unanswered:N0} | {summary.Frames.Lost:N0} | {summary.Reconnects:N0} | {csmsCpu:0} / {csmsMemory / 1048576:N0} |");
    }

    private static Process Start(string root, string dll, string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DERSIM_ROOT"] = root;
        start.Environment["MALLOC_ARENA_MAX"] = Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") ?? "2";
        if (dll.EndsWith("DerSim.Sim.dll", StringComparison.Ordinal))
        {
            // As eng/launch.sh starts ./sim: a 4 MiB gen0 budget.
            start.Environment["DOTNET_GCgen0size"] = Environment.GetEnvironmentVariable("DOTNET_GCgen0size") ?? "400000";
        }
        return Process.Start(start)!;
    }

    private static async Task<bool> WaitForLineAsync(Process process, string text, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(cts.Token) is { } line)
            {
                if (line.Contains(text, StringComparison.Ordinal))
                {
                    // Keep draining, so a chatty CSMS never blocks on a full pipe.
                    _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
                    _ = process.StandardError.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
                    return true;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Not in time.
        }

        return false;
    }

    private static string FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port.ToString(CultureInfo.InvariantCulture);
    }

    private static string? Option(string[] args, string name, string? fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }
}
