using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Globalization;
using System.Text.Json;
using DerSim.Csms;
using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;

namespace DerSim.Bench;

/// <summary>
/// The soak of issue 13 item 9: the real <c>./sim</c> process (the built Release dll, as <c>./sim</c> runs it)
/// connected to an in-process reference CSMS on 127.0.0.1 that sends it CALL bursts without pause
/// (GetVariables or GetConfiguration, ChangeAvailability, TriggerMessage, an action no version defines, a CALL
/// with an invalid payload), while the sim's memory is sampled from <c>/proc/PID/status</c>. Prints one row per
/// sample and the least-squares slope of RSS over the last 20 minutes (or the last two thirds of a shorter run).
/// </summary>
public static class SoakBench
{
    private const string StationId = "SOAK-1";

    /// <summary>Runs the soak; returns the process exit code (2 for a bad command line).</summary>
    /// <param name="args">
    /// <c>[--minutes N]</c> (default 30) <c>[--sample_seconds N]</c> (default 30) <c>[--version ocpp1.6j|ocpp2.0.1j|ocpp2.1]</c>
    /// <c>[--burst N]</c> CALLs per burst (default 20) <c>[--pause_ms N]</c> between bursts (default 50)
    /// <c>[--counters yes|no]</c> also read the managed heap and GC committed bytes through a short EventPipe
    /// session per sample (default no: the session allocates native memory in the sim itself)
    /// <c>[--sim_dll PATH]</c> run this DerSim.Sim.dll instead of the worktree's (so a rebuild cannot touch it)
    /// <c>[-- SIM-ARGS...]</c>.
    /// </param>
    public static async Task<int> RunAsync(string[] args)
    {
        var separator = Array.IndexOf(args, "--");
        var simExtra = separator >= 0 ? args[(separator + 1)..] : [];
        args = separator >= 0 ? args[..separator] : args;
        int minutes, sampleSeconds, burst, pauseMs;
        OcppVersion version;
        bool counters;
        try
        {
            minutes = IntOption(args, "--minutes", 30, 1, 24 * 60);
            sampleSeconds = IntOption(args, "--sample_seconds", 30, 1, 3600);
            burst = IntOption(args, "--burst", 20, 1, 10_000);
            pauseMs = IntOption(args, "--pause_ms", 50, 0, 60_000);
            var versionText = Option(args, "--version") ?? "ocpp2.0.1j";
            version = OcppVersions.TryParse(versionText, out var parsed)
                ? parsed.Value
                : throw new ArgumentException($"soak: --version: expected ocpp1.6j, ocpp2.0.1j or ocpp2.1, got '{versionText}'");
            counters = (Option(args, "--counters") ?? "no") switch
            {
                "yes" => true,
                "no" => false,
                var other => throw new ArgumentException($"soak: --counters: expected yes or no, got '{other}'"),
            };
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }

        var root = RepoRoot.Find();
        var dll = Option(args, "--sim_dll");
        if (dll is null)
        {
            dll = StartupBench.SimDll(root);
            if (!await StartupBench.BuildSimAsync(root))
            {
                await Console.Error.WriteLineAsync($"soak: the sim could not be built ({dll}); run ./sim --help to see why");
                return 2;
            }
        }

        if (!File.Exists(dll))
        {
            await Console.Error.WriteLineAsync($"soak: --sim_dll: {dll} does not exist");
            return 2;
        }

        await using var csms = new ReferenceCsms(new ReferenceCsmsOptions { Versions = [version] });
        await csms.StartAsync();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                dll, "--ocpp_enable", "yes", "--ocpp_version", version.DisplayName(), "--ocpp_csms_url", csms.Url.ToString(),
                "--ocpp_csid", StationId, "--sessions", "0", "--quiet",
                "--run_for", ((minutes * 60) + 120).ToString(CultureInfo.InvariantCulture),
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
        start.Environment["DERSIM_PROFILES_DIR"] = Path.Combine(root, "profiles");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Console.WriteLine($"soak: {minutes} min of CALL bursts ({burst} per burst, {pauseMs} ms apart) against {dll} (pid {process.Id}, OCPP {version.DisplayName()}) via {csms.Url}; sample every {sampleSeconds} s; counters {(counters ? "yes (EventPipe)" : "no")}; MALLOC_ARENA_MAX={Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") ?? "unset"}{(simExtra.Length > 0 ? "; sim args " + string.Join(' ', simExtra) : "")}");
        try
        {
            await csms.WaitForAsync(StationId, s => s.Connected && s.BootCount > 0, TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException ex)
        {
            await Console.Error.WriteLineAsync($"soak: {ex.Message}");
            process.Kill(entireProcessTree: true);
            await Console.Error.WriteLineAsync(await stderr);
            return 1;
        }

        using var stop = new CancellationTokenSource();
        var load = new CallLoad(csms, version, burst, pauseMs);
        var loadTask = load.RunAsync(stop.Token);
        var rows = new List<(double Minute, SoakSample Sample)>();
        Console.WriteLine("minute,rss_mib,rss_anon_mib,rss_file_mib,vm_hwm_mib,threads,managed_heap_mib,gc_committed_mib,calls_answered,callerrors,failures");
        var started = Stopwatch.GetTimestamp();
        var end = TimeSpan.FromMinutes(minutes);
        for (var next = TimeSpan.Zero; next <= end; next += TimeSpan.FromSeconds(sampleSeconds))
        {
            var wait = next - Stopwatch.GetElapsedTime(started);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            if (process.HasExited)
            {
                await Console.Error.WriteLineAsync($"soak: the sim exited early with code {process.ExitCode}: {await stderr}");
                await stop.CancelAsync();
                return 1;
            }

            var sample = SoakSample.Read(process.Id);
            if (counters)
            {
                (sample.ManagedHeapMiB, sample.GcCommittedMiB) = await GcCounters.ReadAsync(process.Id);
            }

            var minute = Stopwatch.GetElapsedTime(started).TotalMinutes;
            rows.Add((minute, sample));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{minute:0.00},{sample.RssMiB:0.00},{sample.AnonMiB:0.00},{sample.FileMiB:0.00},{sample.HwmMiB:0.00},{sample.Threads},{Show(sample.ManagedHeapMiB)},{Show(sample.GcCommittedMiB)},{load.Answered},{load.CallErrors},{load.Failures}"));
        }

        await stop.CancelAsync();
        await loadTask;
        var tail = minutes > 20 ? minutes - 20.0 : minutes / 3.0;
        var window = rows.Where(r => r.Minute >= tail).ToList();
        var gcSlopes = counters
            ? string.Create(CultureInfo.InvariantCulture, $", managed heap {Slope(window, s => s.ManagedHeapMiB ?? 0):+0.000;-0.000} MiB/min, GC committed {Slope(window, s => s.GcCommittedMiB ?? 0):+0.000;-0.000} MiB/min")
            : "";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"slope over minutes {tail:0.#}..{minutes}: RSS {Slope(window, s => s.RssMiB):+0.000;-0.000} MiB/min, anon {Slope(window, s => s.AnonMiB):+0.000;-0.000} MiB/min{gcSlopes}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"calls: {load.Answered} answered, {load.CallErrors} CALLERRORs (expected for the unknown action and the bad payload), {load.Failures} failures (timeouts or closed connection); {load.Answered / Stopwatch.GetElapsedTime(started).TotalSeconds:0} answers/s"));
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        _ = await stdout;
        return load.Failures == 0 ? 0 : 1;
    }

    private static string Show(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "";

    /// <summary>Least-squares slope of a sample's value against the minute.</summary>
    private static double Slope(List<(double Minute, SoakSample Sample)> rows, Func<SoakSample, double> value)
    {
        if (rows.Count < 2)
        {
            return 0;
        }

        var meanX = rows.Average(r => r.Minute);
        var meanY = rows.Average(r => value(r.Sample));
        var sxy = rows.Sum(r => (r.Minute - meanX) * (value(r.Sample) - meanY));
        var sxx = rows.Sum(r => (r.Minute - meanX) * (r.Minute - meanX));
        return sxx == 0 ? 0 : sxy / sxx;
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static int IntOption(string[] args, string name, int fallback, int min, int max)
    {
        var text = Option(args, name);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ArgumentException($"soak: {name}: expected a whole number from {min} to {max}, got '{text}'");
    }

    /// <summary>The CSMS side: CALL bursts, one CALL outstanding at a time as OCPP-J requires.</summary>
    private sealed class CallLoad(ReferenceCsms csms, OcppVersion version, int burst, int pauseMs)
    {
        private long _answered;
        private long _callErrors;
        private long _failures;

        public long Answered => Interlocked.Read(ref _answered);

        public long CallErrors => Interlocked.Read(ref _callErrors);

        public long Failures => Interlocked.Read(ref _failures);

        public async Task RunAsync(CancellationToken ct)
        {
            var calls = Calls(version);
            var peer = csms.PeerOf(StationId);
            var i = 0;
            while (!ct.IsCancellationRequested)
            {
                for (var n = 0; n < burst && !ct.IsCancellationRequested; n++, i++)
                {
                    var (action, payload, raw) = calls[i % calls.Length];
                    try
                    {
                        if (raw)
                        {
                            // Not defined in any version, so the CSMS peer would refuse to send it typed: the
                            // station must answer with a CALLERROR.
                            var answer = peer.WaitForFrameAsync(f => f.Direction == FrameDirection.Inbound && f.MessageType == OcppMessageType.CallError, ct);
                            await peer.SendRawTextAsync($"[2,\"soak-{i}\",\"{action}\",{payload}]", ct);
                            await answer.WaitAsync(TimeSpan.FromSeconds(60), ct);
                            Interlocked.Increment(ref _callErrors);
                        }
                        else
                        {
                            using var doc = JsonDocument.Parse(payload);
                            await peer.CallRawAsync(action, doc.RootElement, ct);
                        }

                        Interlocked.Increment(ref _answered);
                    }
                    catch (OcppCallErrorException)
                    {
                        Interlocked.Increment(ref _callErrors);
                        Interlocked.Increment(ref _answered);
                    }
                    catch (OperationCanceledException) when (ct.IsCancellationRequested)
                    {
                        return;
                    }
                    catch (Exception ex) when (ex is OcppCallTimeoutException or OcppConnectionClosedException or TimeoutException or InvalidOperationException)
                    {
                        if (Interlocked.Increment(ref _failures) <= 5)
                        {
                            await Console.Error.WriteLineAsync($"soak: {action}: {ex.Message}");
                        }

                        if (peer.IsClosed)
                        {
                            return;
                        }
                    }
                }

                try
                {
                    await Task.Delay(pauseMs, ct);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }

        private static (string Action, string Payload, bool Raw)[] Calls(OcppVersion version) => version == OcppVersion.V16
            ?
            [
                ("GetConfiguration", """{"key":["HeartbeatInterval"]}""", false),
                ("ChangeAvailability", """{"connectorId":1,"type":"Operative"}""", false),
                ("TriggerMessage", """{"requestedMessage":"StatusNotification","connectorId":1}""", false),
                ("TriggerMessage", """{"requestedMessage":"Heartbeat"}""", false),
                ("NoSuchAction", "{}", true),
                ("ChangeAvailability", """{"connectorId":"one","type":"Operative"}""", true),
            ]
            :
            [
                ("GetVariables", """{"getVariableData":[{"component":{"name":"OCPPCommCtrlr"},"variable":{"name":"HeartbeatInterval"}}]}""", false),
                ("ChangeAvailability", """{"operationalStatus":"Operative","evse":{"id":1}}""", false),
                ("TriggerMessage", """{"requestedMessage":"StatusNotification","evse":{"id":1,"connectorId":1}}""", false),
                ("TriggerMessage", """{"requestedMessage":"Heartbeat"}""", false),
                ("NoSuchAction", "{}", true),
                ("ChangeAvailability", """{"operationalStatus":42}""", true),
            ];
    }

    /// <summary>One reading of <c>/proc/PID/status</c> (Linux), in MiB.</summary>
    private sealed class SoakSample
    {
        public double RssMiB { get; private init; }

        public double AnonMiB { get; private init; }

        public double FileMiB { get; private init; }

        public double HwmMiB { get; private init; }

        public int Threads { get; private init; }

        public double? ManagedHeapMiB { get; set; }

        public double? GcCommittedMiB { get; set; }

        public static SoakSample Read(int pid)
        {
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    fields[line[..colon]] = line[(colon + 1)..].Trim();
                }
            }

            double MiB(string key) => fields.TryGetValue(key, out var v) && long.TryParse(v.Split(' ')[0], CultureInfo.InvariantCulture, out var kb) ? kb / 1024.0 : 0;
            return new SoakSample
            {
                RssMiB = MiB("VmRSS"),
                AnonMiB = MiB("RssAnon"),
                FileMiB = MiB("RssFile"),
                HwmMiB = MiB("VmHWM"),
                Threads = fields.TryGetValue("Threads", out var t) && int.TryParse(t, CultureInfo.InvariantCulture, out var n) ? n : 0,
            };
        }
    }

    /// <summary>The runtime's gc-heap-size and gc-committed counters, read through one short EventPipe session.</summary>
    private static class GcCounters
    {
        public static async Task<(double? Heap, double? Committed)> ReadAsync(int pid)
        {
            double? heap = null;
            double? committed = null;
            var client = new DiagnosticsClient(pid);
            var provider = new EventPipeProvider("System.Runtime", EventLevel.Informational, 0, new Dictionary<string, string> { ["EventCounterIntervalSec"] = "1" });
            using var session = client.StartEventPipeSession([provider], requestRundown: false);
            using var source = new EventPipeEventSource(session.EventStream);
            source.Dynamic.All += e =>
            {
                if (e.EventName != "EventCounters" || e.PayloadValue(0) is not IDictionary<string, object> outer
                    || outer["Payload"] is not IDictionary<string, object> payload)
                {
                    return;
                }

                var value = payload.TryGetValue("Mean", out var mean) ? Convert.ToDouble(mean, CultureInfo.InvariantCulture) : 0;
                switch (payload["Name"] as string)
                {
                    case "gc-heap-size":
                        heap = value;
                        break;
                    case "gc-committed":
                        committed = value;
                        break;
                }

                if (heap is not null && committed is not null)
                {
                    session.Stop();
                }
            };
            var reading = Task.Run(source.Process);
            if (await Task.WhenAny(reading, Task.Delay(TimeSpan.FromSeconds(10))) != reading)
            {
                session.Stop();
                await reading;
            }

            return (heap, committed);
        }
    }
}
