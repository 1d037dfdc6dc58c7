using System.Text.Json;
using DerSim.Harness.Tests.StrictCsms;
using DerSim.Sim.Cli;
using DerSim.Ocpp;

namespace DerSim.Harness.Tests.Seed;

/// <summary>
/// The seed's six command lines against the independent strict CSMS (npm ocpp-rpc, strictMode): every frame either
/// way is checked against ocpp-rpc's own schemas, and ours check its answers.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class SeedAgainstStrictCsmsTests
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(5);

    private StrictCsmsProcess? _csms;

    public static IEnumerable<TestCaseData> Lines() => SeedCommandLine.Cases("boots and heartbeats against the strict ocpp-rpc CSMS with zero violations");

    [OneTimeSetUp]
    public async Task StartCsms() => _csms = await StrictCsmsProcess.StartAsync(heartbeatIntervalSeconds: 1);

    [OneTimeTearDown]
    public async Task StopCsms()
    {
        if (_csms is not null)
        {
            await _csms.DisposeAsync();
        }
    }

    [TestCaseSource(nameof(Lines))]
    public async Task Seed_line_boots_and_heartbeats_with_zero_schema_violations(SeedCommandLine line)
    {
        var csms = _csms ?? throw new InvalidOperationException("the strict CSMS did not start");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        // 10 s of real time: OCPP-J allows one call in flight, so a heartbeat waits behind slow answers. With six
        // stations at once on a loaded machine the CSMS took over 3 s per answer and 5 s held no heartbeat.
        var exit = await SimProgram.RunAsync(line.Args(csms.Url, "--run_for", "10"), stdout, stderr, TimeProvider.System);

        // The station's close reaches the server's log shortly after the program returns.
        await csms.WaitForAsync(e => e.Kind == "disconnected" && e.Identity == line.StationId, EventTimeout);
        var events = csms.Events.Where(e => e.Identity == line.StationId).ToList();
        var context = $"stdout:\n{stdout}\nstderr:\n{stderr}\nstrict CSMS events:\n{string.Join("\n", events)}";
        exit.ShouldBe(SimProgram.ExitOk, context);
        events.Where(e => e.Kind == "connected").Select(e => e.Protocol).ShouldBe([line.Subprotocol], context);
        events.Where(e => e.Kind == "violation").ShouldBeEmpty(context);
        events.Where(e => e.Kind is "callError" or "error").ShouldBeEmpty(context);
        stdout.ToString().ShouldNotContain("!! schema", Case.Sensitive, context);
        stderr.ToString().ShouldBeEmpty(context);

        var boots = events.Where(e => e is { Kind: "callResult", Action: "BootNotification" }).ToList();
        boots.Count.ShouldBe(1, context);
        boots[0].Json.GetProperty("result").GetProperty("status").GetString().ShouldBe("Accepted", context);

        var reported = events.Where(e => e is { Kind: "call", Action: "StatusNotification" })
            .Select(e => ConnectorOf(e.Json.GetProperty("payload"), line.OcppVersion))
            .Distinct()
            .Order()
            .ToList();
        reported.ShouldBe(line.ExpectedConnectors().Order().ToList(), context);
        events.Count(e => e is { Kind: "callResult", Action: "Heartbeat" }).ShouldBeGreaterThanOrEqualTo(1, context);
    }

    private static (int EvseId, int ConnectorId) ConnectorOf(JsonElement payload, OcppVersion version) =>
        version == OcppVersion.V16
            ? (0, payload.GetProperty("connectorId").GetInt32())
            : (payload.GetProperty("evseId").GetInt32(), payload.GetProperty("connectorId").GetInt32());
}
