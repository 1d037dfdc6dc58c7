using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DerSim.Harness.Conformance;
using DerSim.Csms;
using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;
using DerSim.Ocpp;
using DerSim.Ocpp.Json;
using DerSim.Ocpp.Rpc;
using DerSim.Ocpp.Transport;

namespace DerSim.Harness.Tests.Conformance;

/// <summary>The boot check behind <c>dersim run</c>: passes against the reference CSMS, fails with a reason otherwise.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class BootCheckTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(8);

    [TestCase(OcppVersion.V16, "EVSE-Hybrid-2DC-1AC")]
    [TestCase(OcppVersion.V201, "EVSE-DC-350kW-CCS-2port")]
    [TestCase(OcppVersion.V21, "EVSE-V2G-DC-50kW-bidir")]
    public async Task Passes_against_the_reference_CSMS(OcppVersion version, string profile)
    {
        await using var csms = new ReferenceCsms(new ReferenceCsmsOptions { HeartbeatIntervalSeconds = 1 });
        await csms.StartAsync();
        var check = new BootCheck(csms.Url, ProfilesDirectory.Locate(), Timeout);

        var result = await check.RunAsync(profile, version, $"BC-{version}", CancellationToken.None);

        result.Passed.ShouldBeTrue(result.Detail);
        result.Profile.ShouldBe(profile);
        result.Detail.ShouldContain("boot Accepted");
        var connectors = EvseProfileLoader.Load(profile, ProfilesDirectory.Locate()).AllConnectors.Count();
        result.Detail.ShouldContain($"{connectors} connector(s) reported");
    }

    [Test]
    public async Task Passes_without_waiting_for_a_heartbeat_the_CSMS_wants_only_every_5_minutes()
    {
        // Defect 12: the check waited for a Heartbeat, so a CSMS with a common interval (300 s) failed any sensible timeout.
        await using var csms = new ReferenceCsms(new ReferenceCsmsOptions { HeartbeatIntervalSeconds = 300 });
        await csms.StartAsync();
        var check = new BootCheck(csms.Url, ProfilesDirectory.Locate(), TimeSpan.FromSeconds(5));

        var result = await check.RunAsync("EVSE-AC-7.4kW-2port", OcppVersion.V201, "BC-SLOW-HEARTBEAT", CancellationToken.None);

        result.Passed.ShouldBeTrue(result.Detail);
        result.Detail.ShouldContain("2 connector(s) reported");
        result.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
    }

    [Test]
    public async Task Fails_naming_the_verdict_when_the_CSMS_keeps_the_station_pending()
    {
        await using var csms = new ReferenceCsms(new ReferenceCsmsOptions { HeartbeatIntervalSeconds = 1, BootStatus = CsmsBootStatus.Pending });
        await csms.StartAsync();
        var check = new BootCheck(csms.Url, ProfilesDirectory.Locate(), TimeSpan.FromSeconds(5));

        var result = await check.RunAsync("EVSE-AC-22kW-1port", OcppVersion.V201, "BC-PENDING", CancellationToken.None);

        result.Passed.ShouldBeFalse();
        result.Detail.ShouldBe("BootNotification answered Pending");
    }

    [Test]
    public async Task Fails_quoting_the_CALLERROR_when_the_CSMS_cannot_answer_BootNotification()
    {
        await using var server = new OcppServer(new OcppServerOptions { ActionTables = OcppActionTables.For }, async (peer, ct) =>
        {
            peer.OnRaw("BootNotification", (_, _) => throw new OcppCallErrorException("InternalError", "registry offline"));
            await Task.Delay(System.Threading.Timeout.Infinite, ct).ContinueWith(_ => { }, TaskScheduler.Default);
        });
        await server.StartAsync();
        var check = new BootCheck(new Uri(server.Url, "ocpp"), ProfilesDirectory.Locate(), TimeSpan.FromSeconds(6));
        var seen = new System.Collections.Concurrent.ConcurrentQueue<string>();
        check.Frame += (_, f) => seen.Enqueue($"{f.Direction} {f.Raw}");

        var result = await check.RunAsync("EVSE-AC-22kW-1port", OcppVersion.V201, "BC-CALLERROR", CancellationToken.None);

        result.Passed.ShouldBeFalse();
        result.Detail.ShouldContain("registry offline", Shouldly.Case.Sensitive, string.Join("\n", seen));
        result.Detail.ShouldContain("InternalError");
    }

    [Test]
    public async Task Fails_when_nothing_listens()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var check = new BootCheck(new Uri($"ws://127.0.0.1:{port}/ocpp"), ProfilesDirectory.Locate(), TimeSpan.FromSeconds(8));

        var result = await check.RunAsync("EVSE-AC-22kW-1port", OcppVersion.V16, "BC-NOBODY", CancellationToken.None);

        result.Passed.ShouldBeFalse();
        result.Detail.ShouldContain($"127.0.0.1:{port}");
    }

    [Test]
    public async Task Dersim_bootcheck_checks_one_profile_against_the_embedded_CSMS_and_exits_0()
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "dersim.dll"), "bootcheck", "--ocpp-version", "1.6", "--ocpp-version", "2.1", "--profile", "EVSE-AC-7.4kW-2port", "--timeout", "20" })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Remove("DERSIM_CSMS_URL");
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(wait.Token);

        var output = $"{await stdout}\nstderr: {await stderr}";
        process.ExitCode.ShouldBe(0, output);
        output.ShouldContain("2 passed, 0 failed");
        output.Split('\n').Count(l => l.TrimStart().StartsWith("PASS", StringComparison.Ordinal)).ShouldBe(2, output);
    }

    [Test]
    public async Task Dersim_bootcheck_takes_station_ids_and_versions_from_the_target_declaration()
    {
        var target = Path.Combine(Path.GetTempPath(), $"dersim-bootcheck-target-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(target, """{ "stationIds": ["CP-BOOT-1"], "versions": ["1.6", "2.1"] }""");
        try
        {
            var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "dersim.dll"), "bootcheck", "--profile", "EVSE-AC-22kW-1port", "--target", target })
            {
                info.ArgumentList.Add(arg);
            }

            info.Environment.Remove("DERSIM_CSMS_URL");
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            await process.WaitForExitAsync(wait.Token);

            var output = $"{await stdout}\nstderr: {await stderr}";
            process.ExitCode.ShouldBe(0, output);
            // One declared id: the two declared versions' checks run one after the other on it.
            output.ShouldContain("Running 2 stations, 1 at once");
            var passes = output.Split('\n').Where(l => l.TrimStart().StartsWith("PASS", StringComparison.Ordinal)).ToList();
            passes.Count.ShouldBe(2, output);
            passes.ShouldAllBe(l => l.Contains("CP-BOOT-1"));
            passes.ShouldContain(l => l.Contains("OCPP 1.6"));
            passes.ShouldContain(l => l.Contains("OCPP 2.1"));
        }
        finally
        {
            File.Delete(target);
        }
    }

    [TestCase("http://127.0.0.1:8180/ocpp", "is not a ws:// or wss:// URL")]
    [TestCase("not a url", "is not a ws:// or wss:// URL")]
    public async Task Dersim_run_refuses_a_bad_csms_url_with_exit_2(string url, string expected)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "dersim.dll"), "run", "--csms", url })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(wait.Token);

        var error = await stderr;
        process.ExitCode.ShouldBe(2, $"{await stdout}\nstderr: {error}");
        error.ShouldContain(expected);
        error.ShouldNotContain("Unhandled exception");
    }
}
