using DerSim.Ocpp;
using DerSim.Sim.Engine;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Tests.Engine;

/// <summary>
/// The 1.6 station's own session behaviour the OCA 1.6 Core cases need, against a real loopback CSMS: a token presented
/// before any cable (Preparing, and Available again after ConnectionTimeOut), the cable pulled out at the EV
/// (SuspendedEV, StopTransactionOnEVSideDisconnect, UnlockConnectorOnEVSideDisconnect), and a power failure (a new boot,
/// then the interrupted transaction stopped with reason PowerLoss).
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class V16SessionBehaviourTests
{
    private const string OnePort = "EVSE-AC-22kW-1port";

    [Test]
    public async Task A_token_before_the_cable_makes_the_connector_Preparing_and_Available_again_after_ConnectionTimeOut()
    {
        await using var rig = await StartAsync("V16-CTO", s => Set(s, "ConnectionTimeOut", "30"));
        var stepped = rig.Runner.Engine.SteppedSessions;

        (await stepped.PresentTokenAsync(1, "04A1B2C3", CancellationToken.None)).ShouldBeTrue(rig.Describe());
        Statuses(rig).ShouldBe(["Available", "Preparing"], rig.Describe());

        rig.ReleaseTime();
        await rig.UntilAsync(() => Statuses(rig).Count == 3, "the connector reported again after ConnectionTimeOut");
        Statuses(rig)[^1].ShouldBe("Available");
        rig.Log.ShouldContain(l => l.Contains("no cable within ConnectionTimeOut (30 s)", StringComparison.Ordinal));
        rig.Calls("StartTransaction").ShouldBeEmpty();
    }

    [Test]
    public async Task A_cable_within_ConnectionTimeOut_starts_the_transaction_and_Preparing_is_reported_once()
    {
        await using var rig = await StartAsync("V16-CTO-IN", s => Set(s, "ConnectionTimeOut", "30"));
        var stepped = rig.Runner.Engine.SteppedSessions;

        await stepped.PresentTokenAsync(1, "04A1B2C3", CancellationToken.None);
        await stepped.PlugInAsync(1, new EvArrival(null, 20, 80), CancellationToken.None);

        await rig.UntilAsync(() => rig.Calls("StartTransaction").Count == 1, "the transaction started");
        Statuses(rig).Count(s => s == "Preparing").ShouldBe(1, rig.Describe());
    }

    [Test]
    public async Task The_cable_pulled_at_the_EV_reports_SuspendedEV_stops_with_EVDisconnected_and_frees_the_connector()
    {
        await using var rig = await StartAsync("V16-EVSIDE");
        await ChargeAsync(rig);

        await rig.Runner.Engine.SteppedSessions.DisconnectAtEvAsync(1, CancellationToken.None);

        await rig.UntilAsync(() => Statuses(rig)[^1] == "Available", "the connector free again");
        Statuses(rig).SkipWhile(s => s != "SuspendedEV").ShouldBe(["SuspendedEV", "Finishing", "Available"], rig.Describe());
        rig.Calls("StopTransaction").Single().Payload.GetProperty("reason").GetString().ShouldBe("EVDisconnected");
    }

    [Test]
    public async Task With_UnlockConnectorOnEVSideDisconnect_false_the_connector_keeps_the_cable_after_the_stop()
    {
        await using var rig = await StartAsync("V16-LOCKED", s => Set(s, StationConfiguration.UnlockOnEVSideDisconnectKey, "false"));
        await ChargeAsync(rig);

        await rig.Runner.Engine.SteppedSessions.DisconnectAtEvAsync(1, CancellationToken.None);

        rig.Calls("StopTransaction").Single().Payload.GetProperty("reason").GetString().ShouldBe("EVDisconnected");
        Statuses(rig)[^1].ShouldBe("Finishing", rig.Describe());
    }

    [Test]
    public async Task With_StopTransactionOnEVSideDisconnect_false_the_transaction_goes_on_suspended()
    {
        await using var rig = await StartAsync("V16-GOESON", s => Set(s, "StopTransactionOnEVSideDisconnect", "false"));
        await ChargeAsync(rig);

        await rig.Runner.Engine.SteppedSessions.DisconnectAtEvAsync(1, CancellationToken.None);

        rig.Calls("StopTransaction").ShouldBeEmpty(rig.Describe());
        Statuses(rig).ShouldContain("SuspendedEV");
        rig.Runner.Engine.TransactionOn(1).ShouldNotBeNull();
    }

    private static async Task<LoopbackCsmsRig> StartAsync(string id, Action<ChargingStation>? setUp = null)
    {
        var rig = await LoopbackCsmsRig.StartAsync(OcppVersion.V16, id, OnePort, new SessionPlan { Sessions = 0 }, null, setUp);
        await rig.UntilAsync(() => rig.Runner.Engine.IsAttached, "the station booted");
        await rig.UntilAsync(() => Statuses(rig).Count == 1, "the connector's status after the boot");
        return rig;
    }

    private static async Task ChargeAsync(LoopbackCsmsRig rig)
    {
        var stepped = rig.Runner.Engine.SteppedSessions;
        await stepped.PlugInAsync(1, new EvArrival(null, 20, 80), CancellationToken.None);
        (await stepped.PresentTokenAsync(1, "04A1B2C3", CancellationToken.None)).ShouldBeTrue(rig.Describe());
        await rig.UntilAsync(() => Statuses(rig).Contains("Charging"), "energy flowing");
    }

    private static List<string> Statuses(LoopbackCsmsRig rig) =>
        [.. rig.Calls("StatusNotification").Select(c => c.Payload.GetProperty("status").GetString()!)];

    private static void Set(ChargingStation station, string key, string value) =>
        station.Configuration.Preset(station.Configuration.Get(key)!, value);
}
