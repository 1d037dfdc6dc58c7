using DerSim.Csms;
using DerSim.Sim.Tests.Loopback;
using DerSim.Sim.Cli;
using DerSim.Ocpp.Rpc;

namespace DerSim.Harness.Tests.Seed;

/// <summary>
/// The seed's six command lines, run through the real <c>./sim</c> entry point in-process, each against its own
/// reference CSMS on a free loopback port with a 1-s heartbeat interval.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class SeedAgainstReferenceCsmsTests
{
    // From program start: a cold connect under parallel load can take 2 s before the 1-s heartbeat is due.
    private const string RunForSeconds = "5";

    private static readonly HashSet<string> SessionStatuses = new(StringComparer.Ordinal)
    {
        "Available", "Preparing", "Occupied", "Charging", "SuspendedEV", "SuspendedEVSE", "Finishing",
    };

    public static IEnumerable<TestCaseData> Lines() => SeedCommandLine.Cases("boots and heartbeats against the reference CSMS");

    [TestCaseSource(nameof(Lines))]
    public async Task Seed_line_boots_reports_connectors_and_heartbeats(SeedCommandLine line)
    {
        await using var csms = new ReferenceCsms(new ReferenceCsmsOptions { HeartbeatIntervalSeconds = 1 });
        var frames = new CsmsFrames(csms);
        await csms.StartAsync();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await SimProgram.RunAsync(line.Args(csms.Url, "--run_for", RunForSeconds), stdout, stderr, TimeProvider.System);

        var context = $"stdout:\n{stdout}\nstderr:\n{stderr}\nCSMS saw:\n{frames.Dump(line.StationId)}";
        exit.ShouldBe(SimProgram.ExitOk, context);
        csms.Stations.ShouldContainKey(line.StationId, context);
        var state = csms.Stations[line.StationId];
        state.Version.ShouldBe(line.OcppVersion, context);
        state.Registration.ShouldBe(CsmsBootStatus.Accepted, context);
        state.BootCount.ShouldBe(1, context);
        state.ConnectorStatus.Keys.Order(StringComparer.Ordinal).ShouldBe(
            line.ExpectedConnectors().Select(c => $"{c.EvseId}/{c.ConnectorId}").Order(StringComparer.Ordinal), context);

        // The seed lines give no --sessions, so after boot each connector runs one charging session with the
        // profile's default EV (in real time here): connectors are reported, then the session starts.
        state.ConnectorStatus.Values.ShouldAllBe(status => SessionStatuses.Contains(status), context);
        frames.Of(line.StationId).ShouldContain(f => f.Direction == FrameDirection.Inbound && f.MessageType == OcppMessageType.Call
            && (f.Action == "StartTransaction" || f.Action == "TransactionEvent"), context);
        frames.Of(line.StationId).Count(f => f is { Direction: FrameDirection.Outbound, MessageType: OcppMessageType.CallResult, Action: "Heartbeat" })
            .ShouldBeGreaterThanOrEqualTo(1, context);
        frames.Violations(line.StationId).ShouldBeEmpty(context);
        stdout.ToString().ShouldNotContain("!! schema", Case.Sensitive, context);
        stderr.ToString().ShouldBeEmpty(context);
    }

    [Test]
    public async Task The_seed_URL_path_works_as_written_with_only_host_and_port_changed()
    {
        await using var csms = new ReferenceCsms(new ReferenceCsmsOptions { HeartbeatIntervalSeconds = 1 });
        await csms.StartAsync();
        var line = SeedCommandLine.All[0];
        var url = new Uri($"ws://127.0.0.1:{csms.Port}/steve/websocket/CentralSystemService");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var run = SimProgram.RunAsync(line.Args(url, "--run_for", RunForSeconds), stdout, stderr, TimeProvider.System);
        var state = await csms.WaitForAsync(line.StationId, s => s.Registration == CsmsBootStatus.Accepted, TimeSpan.FromSeconds(10));

        (await run).ShouldBe(SimProgram.ExitOk, $"{stdout}\n{stderr}");
        state.Version.ShouldBe(line.OcppVersion);
    }
}
