using System.Text.Json;
using DerSim.Ocpp;
using DerSim.Sim.Engine;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Tests.Engine;

/// <summary>
/// The 2.x transaction start and stop points (TxCtrlr.TxStartPoint / TxStopPoint, OCPP 2.0.1 E01 / E06) on step-driven
/// sessions against a loopback CSMS that accepts everything: each point starts or ends the transaction with the
/// triggerReason, chargingState and stoppedReason the spec gives it, and the defaults keep the plug-in-then-token flow.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class TxStartStopPointTests
{
    private const string Token = "TOKEN-1";
    private static readonly EvArrival Ev = new(null, 20, 80);

    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task The_default_starts_on_the_token_after_the_plug_in_and_stops_on_the_unplug(OcppVersion version)
    {
        await using var rig = await BootedAsync(version, "DEF");
        var steps = rig.Runner.Engine.SteppedSessions;

        await steps.PlugInAsync(1, Ev, CancellationToken.None);
        (await steps.PresentTokenAsync(1, Token, CancellationToken.None)).ShouldBeTrue();
        await rig.UntilAsync(() => States(rig).Contains("Charging"), "Charging");
        await steps.UnplugAsync(1, CancellationToken.None);

        var events = rig.TransactionEvents();
        Shape(events[0]).ShouldBe("Started/Authorized/EVConnected/token", rig.Describe());
        Shape(events[^1]).ShouldBe("Ended/EVCommunicationLost/Idle/EVDisconnected", rig.Describe());
        events[0].GetProperty("seqNo").GetInt32().ShouldBe(0);
    }

    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task EVConnected_starts_on_the_plug_in_and_the_token_authorises_it_later(OcppVersion version)
    {
        await using var rig = await BootedAsync(version, "EVC", ("TxStartPoint", "EVConnected"));
        var steps = rig.Runner.Engine.SteppedSessions;

        await steps.PlugInAsync(1, Ev, CancellationToken.None);
        Shape(rig.TransactionEvents()[0]).ShouldBe("Started/CablePluggedIn/EVConnected", rig.Describe());

        await steps.PresentTokenAsync(1, Token, CancellationToken.None);
        await rig.UntilAsync(() => States(rig).Contains("Charging"), "Charging");
        rig.TransactionEvents().Select(Shape).ShouldContain("Updated/Authorized/token", rig.Describe());
    }

    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task Authorized_starts_before_the_EV_and_the_plug_in_follows(OcppVersion version)
    {
        await using var rig = await BootedAsync(version, "AUT", ("TxStartPoint", "Authorized"));
        var steps = rig.Runner.Engine.SteppedSessions;

        (await steps.PresentTokenAsync(1, Token, CancellationToken.None)).ShouldBeTrue();
        Shape(rig.TransactionEvents()[0]).ShouldBe("Started/Authorized/token", rig.Describe());

        await steps.PlugInAsync(1, Ev, CancellationToken.None);
        await rig.UntilAsync(() => States(rig).Contains("Charging"), "Charging");
        rig.TransactionEvents().Select(Shape).ShouldContain("Updated/CablePluggedIn/EVConnected", rig.Describe());
    }

    [TestCase("PowerPathClosed", "Started/CablePluggedIn/EVConnected/token")]
    [TestCase("EnergyTransfer", "Started/ChargingStateChanged/Charging/token")]
    public async Task With_the_token_first_the_start_waits_for_the_EV(string point, string started)
    {
        await using var rig = await BootedAsync(OcppVersion.V201, "TF" + point[..3], ("TxStartPoint", point));
        var steps = rig.Runner.Engine.SteppedSessions;

        await steps.PresentTokenAsync(1, Token, CancellationToken.None);
        rig.TransactionEvents().ShouldBeEmpty("nothing starts before the EV is there");

        await steps.PlugInAsync(1, Ev, CancellationToken.None);
        Shape(rig.TransactionEvents()[0]).ShouldBe(started, rig.Describe());
    }

    [Test]
    public async Task DataSigned_starts_with_a_signed_start_value_of_the_register()
    {
        await using var rig = await BootedAsync(OcppVersion.V201, "SIGNED", ("TxStartPoint", "DataSigned"), ("SignReadings", "true"));
        var steps = rig.Runner.Engine.SteppedSessions;

        await steps.PresentTokenAsync(1, Token, CancellationToken.None);
        await steps.PlugInAsync(1, Ev, CancellationToken.None);

        var started = rig.TransactionEvents()[0];
        Shape(started).ShouldBe("Started/SignedDataReceived/EVConnected/token", rig.Describe());
        var signed = started.GetProperty("meterValue")[0].GetProperty("sampledValue").EnumerateArray()
            .Single(v => v.GetProperty("measurand").GetString() == "Energy.Active.Import.Register").GetProperty("signedMeterValue");
        signed.GetProperty("signingMethod").GetString().ShouldBe(MeterSigner.SigningMethod);
        var reading = MeterSigner.Verify(signed.GetProperty("signedMeterData").GetString()!, signed.GetProperty("publicKey").GetString()!);
        reading.ShouldNotBeNull("the signature checks out with the key sent along");
        reading.Value.GetProperty("context").GetString().ShouldBe("Transaction.Begin");
    }

    [Test]
    public async Task ParkingBayOccupancy_starts_when_the_EV_parks_and_stops_when_it_leaves()
    {
        await using var rig = await BootedAsync(OcppVersion.V201, "BAY", ("TxStartPoint", "ParkingBayOccupancy"), ("TxStopPoint", "ParkingBayOccupancy"));
        var steps = rig.Runner.Engine.SteppedSessions;

        await steps.ParkAsync(1, CancellationToken.None);
        Shape(rig.TransactionEvents()[0]).ShouldBe("Started/EVDetected", rig.Describe());
        await steps.PlugInAsync(1, Ev, CancellationToken.None);
        await steps.PresentTokenAsync(1, Token, CancellationToken.None);
        await steps.StopLocallyAsync(1, CancellationToken.None);
        await steps.UnplugAsync(1, CancellationToken.None);
        rig.Runner.Engine.TransactionOn(1).ShouldNotBeNull("the bay is still occupied");
        await steps.LeaveBayAsync(1, CancellationToken.None);

        var shapes = rig.TransactionEvents().Select(Shape).ToList();
        shapes.ShouldContain("Updated/StopAuthorized", rig.Describe());
        shapes.ShouldContain("Updated/EVCommunicationLost/Idle", rig.Describe());
        shapes[^1].ShouldBe("Ended/EVDeparted/Local", rig.Describe());
    }

    [TestCase("Authorized", "Ended/StopAuthorized/Idle/Local")]
    [TestCase("PowerPathClosed", "Ended/StopAuthorized/Idle/Local")]
    [TestCase("EnergyTransfer", "Ended/ChargingStateChanged/EVConnected/Local")]
    public async Task The_drivers_stop_ends_the_transaction_at_its_stop_point(string point, string ended)
    {
        await using var rig = await BootedAsync(OcppVersion.V201, "STP" + point[..3], ("TxStopPoint", point));
        await ChargingAsync(rig);

        await rig.Runner.Engine.SteppedSessions.StopLocallyAsync(1, CancellationToken.None);

        Shape(rig.TransactionEvents()[^1]).ShouldBe(ended, rig.Describe());
    }

    [Test]
    public async Task EVConnected_alone_goes_on_after_the_drivers_stop_until_the_unplug()
    {
        await using var rig = await BootedAsync(OcppVersion.V201, "EVCSTOP", ("TxStopPoint", "EVConnected"));
        await ChargingAsync(rig);
        var steps = rig.Runner.Engine.SteppedSessions;

        await steps.StopLocallyAsync(1, CancellationToken.None);
        await rig.UntilAsync(() => rig.TransactionEvents().Select(Shape).Contains("Updated/ChargingStateChanged/EVConnected"), "EVConnected after the stop");
        rig.TransactionEvents().Select(Shape).ShouldContain("Updated/StopAuthorized");
        await steps.UnplugAsync(1, CancellationToken.None);

        Shape(rig.TransactionEvents()[^1]).ShouldBe("Ended/EVCommunicationLost/Idle/EVDisconnected", rig.Describe());
    }

    [Test]
    public async Task EnergyTransfer_ends_when_the_EV_suspends()
    {
        await using var rig = await BootedAsync(OcppVersion.V201, "SUSP", ("TxStopPoint", "EnergyTransfer"));
        await ChargingAsync(rig);

        await rig.Runner.Engine.SteppedSessions.SetEvPausedAsync(1, true, CancellationToken.None);

        Shape(rig.TransactionEvents()[^1]).ShouldBe("Ended/ChargingStateChanged/SuspendedEV/StoppedByEV", rig.Describe());
    }

    [TestCase("true")]
    [TestCase("false")]
    public async Task A_cable_pulled_at_the_EV_stops_or_suspends_as_StopTxOnEVSideDisconnect_says(string stop)
    {
        await using var rig = await BootedAsync(OcppVersion.V201, "EVSIDE" + stop, ("StopTxOnEVSideDisconnect", stop));
        await ChargingAsync(rig);
        var steps = rig.Runner.Engine.SteppedSessions;
        await steps.SetEvPausedAsync(1, true, CancellationToken.None);
        await rig.UntilAsync(() => States(rig).Contains("SuspendedEV"), "SuspendedEV");

        await steps.DisconnectAtEvAsync(1, CancellationToken.None);

        if (stop == "true")
        {
            Shape(rig.TransactionEvents()[^1]).ShouldBe("Ended/EVCommunicationLost/Idle/EVDisconnected", rig.Describe());
            return;
        }

        Shape(rig.TransactionEvents()[^1]).ShouldBe("Updated/EVCommunicationLost/Idle", rig.Describe());
        await steps.PlugInAsync(1, Ev, CancellationToken.None);
        await rig.UntilAsync(() => rig.TransactionEvents().Count > 0 && Shape(rig.TransactionEvents()[^1]) == "Updated/ChargingStateChanged/Charging", "Charging again");
        rig.TransactionEvents().Select(Shape).ShouldContain("Updated/CablePluggedIn/EVConnected");
    }

    [Test]
    public async Task An_EV_not_ready_is_reported_SuspendedEV_after_its_plug_in()
    {
        await using var rig = await BootedAsync(OcppVersion.V201, "NOTREADY", ("TxStartPoint", "Authorized"));
        var steps = rig.Runner.Engine.SteppedSessions;
        await steps.PresentTokenAsync(1, Token, CancellationToken.None);

        await steps.PlugInAsync(1, Ev with { NotReady = true }, CancellationToken.None);

        await rig.UntilAsync(() => States(rig).Contains("SuspendedEV"), "SuspendedEV");
        States(rig).ShouldNotContain("SuspendedEVSE");
    }

    [Test]
    public async Task An_authorisation_without_an_EV_ends_after_EVConnectionTimeOut()
    {
        await using var rig = await BootedAsync(OcppVersion.V201, "TIMEOUT", ("TxStartPoint", "Authorized"), ("EVConnectionTimeOut", "30"));
        await rig.Runner.Engine.SteppedSessions.PresentTokenAsync(1, Token, CancellationToken.None);
        rig.ReleaseTime();

        await rig.UntilAsync(() => rig.TransactionEvents().Any(e => e.GetProperty("eventType").GetString() == "Ended"), "the Ended event");
        Shape(rig.TransactionEvents()[^1]).ShouldBe("Ended/EVConnectTimeout/Timeout", rig.Describe());
    }

    [Test]
    public void The_point_lists_are_checked()
    {
        TxPointList.IsValidStart("EVConnected,Authorized").ShouldBeTrue();
        TxPointList.IsValidStart("DataSigned").ShouldBeTrue();
        TxPointList.IsValidStop("DataSigned").ShouldBeFalse("DataSigned is a start point only");
        TxPointList.IsValidStart("Plugged").ShouldBeFalse();
        TxPointList.IsValidStart("").ShouldBeFalse();
        TxPointList.IsValidStart("2").ShouldBeFalse("names only");
    }

    private static async Task<LoopbackCsmsRig> BootedAsync(OcppVersion version, string id, params (string Variable, string Value)[] settings)
    {
        var rig = await LoopbackCsmsRig.StartAsync(version, $"TXP-{id}-{version}", "EVSE-AC-22kW-1port", new SessionPlan { Sessions = 0 }, setUp: station =>
        {
            foreach (var (variable, value) in settings)
            {
                var setting = station.Configuration.Get("TxCtrlr", variable) ?? station.Configuration.Get("SampledDataCtrlr", variable) ?? throw new InvalidOperationException(variable);
                station.Configuration.Preset(setting, value);
            }
        });
        await rig.UntilAsync(() => rig.Runner.Engine.IsAttached && rig.Calls("StatusNotification").Count >= 1, "the boot");
        return rig;
    }

    private static async Task ChargingAsync(LoopbackCsmsRig rig)
    {
        var steps = rig.Runner.Engine.SteppedSessions;
        await steps.PlugInAsync(1, Ev, CancellationToken.None);
        await steps.PresentTokenAsync(1, Token, CancellationToken.None);
        await rig.UntilAsync(() => States(rig).Contains("Charging"), "Charging");
    }

    private static List<string?> States(LoopbackCsmsRig rig) =>
        [.. rig.TransactionEvents().Select(e => e.GetProperty("transactionInfo").TryGetProperty("chargingState", out var s) ? s.GetString() : null)];

    // eventType/triggerReason[/chargingState][/stoppedReason][/token]
    private static string Shape(JsonElement e)
    {
        var info = e.GetProperty("transactionInfo");
        var parts = new List<string> { e.GetProperty("eventType").GetString()!, e.GetProperty("triggerReason").GetString()! };
        if (info.TryGetProperty("chargingState", out var state))
        {
            parts.Add(state.GetString()!);
        }

        if (info.TryGetProperty("stoppedReason", out var reason))
        {
            parts.Add(reason.GetString()!);
        }

        if (e.TryGetProperty("idToken", out _))
        {
            parts.Add("token");
        }

        return string.Join("/", parts);
    }
}
