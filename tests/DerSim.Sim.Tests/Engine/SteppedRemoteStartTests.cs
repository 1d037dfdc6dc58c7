using System.Text.Json;
using DerSim.Ocpp;
using DerSim.Sim.Engine;
using DerSim.Sim.SmartCharging;

namespace DerSim.Sim.Tests.Engine;

/// <summary>
/// A CSMS's RequestStartTransaction on an EVSE the scenario's steps drive (OCPP 2.0.1 F01 / F02): with the EV there
/// first, it authorises the transaction the EV started (Updated, RemoteStart, remoteStartId, idToken; the answer names
/// the transaction); first, it authorises the driver, asking the CSMS only when AuthCtrlr.AuthorizeRemoteStart says so
/// and the token is not Central, the transaction starts at its TxStartPoint echoing the remoteStartId, charges within
/// the TxProfile that came with the request, and ends when no EV comes within TxCtrlr.EVConnectionTimeOut.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class SteppedRemoteStartTests
{
    private static readonly EvArrival Ev = new(null, 20, 80);

    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task Cable_first_the_request_authorises_the_running_transaction(OcppVersion version)
    {
        await using var rig = await BootedAsync(version, "CABLE", ("TxCtrlr", "TxStartPoint", "EVConnected"));
        await rig.Runner.Engine.SteppedSessions.PlugInAsync(1, Ev, CancellationToken.None);
        var txId = rig.TransactionEvents()[0].GetProperty("transactionInfo").GetProperty("transactionId").GetString();

        var answer = await rig.CallAsync("RequestStartTransaction", Request(42, "ISO14443"));

        answer.GetProperty("status").GetString().ShouldBe("Accepted");
        answer.GetProperty("transactionId").GetString().ShouldBe(txId);
        await rig.UntilAsync(() => States(rig).Contains("Charging"), "Charging");
        var remote = rig.TransactionEvents().Single(e => e.GetProperty("triggerReason").GetString() == "RemoteStart");
        remote.GetProperty("eventType").GetString().ShouldBe("Updated");
        remote.GetProperty("transactionInfo").GetProperty("remoteStartId").GetInt32().ShouldBe(42);
        remote.GetProperty("idToken").GetProperty("idToken").GetString().ShouldBe("TOKEN-1");
        rig.Calls("Authorize").ShouldBeEmpty("AuthorizeRemoteStart is false by default");
    }

    [TestCase(OcppVersion.V201, "true", "ISO14443", 1)]
    [TestCase(OcppVersion.V21, "true", "ISO14443", 1)]
    [TestCase(OcppVersion.V201, "false", "ISO14443", 0)]
    [TestCase(OcppVersion.V201, "true", "Central", 0)]
    public async Task Remote_start_first_starts_at_once_and_asks_the_CSMS_only_when_told(OcppVersion version, string authorizeRemoteStart, string type, int authorizes)
    {
        await using var rig = await BootedAsync(version, $"FIRST{authorizeRemoteStart}{type}", ("TxCtrlr", "TxStartPoint", "Authorized"), ("AuthCtrlr", "AuthorizeRemoteStart", authorizeRemoteStart));
        rig.Runner.Engine.SteppedSessions.RemoteStartsWaitForSteps = true;

        (await rig.CallAsync("RequestStartTransaction", Request(7, type))).GetProperty("status").GetString().ShouldBe("Accepted");

        await rig.UntilAsync(() => rig.TransactionEvents().Count > 0, "the Started event");
        var started = rig.TransactionEvents()[0];
        started.GetProperty("eventType").GetString().ShouldBe("Started", rig.Describe());
        started.GetProperty("triggerReason").GetString().ShouldBe("RemoteStart");
        started.GetProperty("transactionInfo").GetProperty("remoteStartId").GetInt32().ShouldBe(7);
        started.GetProperty("idToken").GetProperty("type").GetString().ShouldBe(type);
        rig.Calls("Authorize").Count.ShouldBe(authorizes, "F01.FR.01 / .02");
        rig.Runner.Engine.Physics.EvAt(1).ShouldBeNull("no EV plugs in by itself");

        await rig.Runner.Engine.SteppedSessions.PlugInAsync(1, Ev, CancellationToken.None);
        await rig.UntilAsync(() => States(rig).Contains("Charging"), "Charging");
    }

    [Test]
    public async Task A_remote_start_without_an_EV_ends_after_EVConnectionTimeOut()
    {
        await using var rig = await BootedAsync(OcppVersion.V201, "TIMEOUT", ("TxCtrlr", "TxStartPoint", "Authorized"), ("TxCtrlr", "EVConnectionTimeOut", "30"));
        rig.Runner.Engine.SteppedSessions.RemoteStartsWaitForSteps = true;
        await rig.CallAsync("RequestStartTransaction", Request(3, "ISO14443"));
        await rig.UntilAsync(() => rig.TransactionEvents().Count > 0, "the Started event");
        rig.ReleaseTime();

        await rig.UntilAsync(() => rig.TransactionEvents().Any(e => e.GetProperty("eventType").GetString() == "Ended"), "the Ended event");
        var ended = rig.TransactionEvents()[^1];
        ended.GetProperty("triggerReason").GetString().ShouldBe("EVConnectTimeout");
        ended.GetProperty("transactionInfo").GetProperty("stoppedReason").GetString().ShouldBe("Timeout");
    }

    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task The_TxProfile_of_the_request_limits_the_transaction_it_starts(OcppVersion version)
    {
        await using var rig = await BootedAsync(version, "PROFILE", ("TxCtrlr", "TxStartPoint", "Authorized"));
        rig.Runner.Engine.SteppedSessions.RemoteStartsWaitForSteps = true;
        const string profile = ""","chargingProfile":{"id":5,"stackLevel":0,"chargingProfilePurpose":"TxProfile","chargingProfileKind":"Relative","chargingSchedule":[{"id":1,"chargingRateUnit":"W","chargingSchedulePeriod":[{"startPeriod":0,"limit":11000}]}]}}""";

        (await rig.CallAsync("RequestStartTransaction", Request(9, "ISO14443")[..^1] + profile)).GetProperty("status").GetString().ShouldBe("Accepted");
        await rig.UntilAsync(() => rig.TransactionEvents().Count > 0, "the Started event");
        await rig.Runner.Engine.SteppedSessions.PlugInAsync(1, Ev, CancellationToken.None);
        await rig.UntilAsync(() => States(rig).Contains("Charging"), "Charging");

        var txId = rig.TransactionEvents()[0].GetProperty("transactionInfo").GetProperty("transactionId").GetString();
        var installed = rig.Runner.Engine.Profiles.Get(new ChargingProfileQuery { EvseId = 1 }).ShouldHaveSingleItem(rig.Describe());
        installed.TransactionId.ShouldBe(txId);
        var composite = rig.Runner.Engine.CompositeSchedule(1, 600, ChargingRateUnit.W);
        composite.Periods[0].Limit.ShouldBe(11000d);
        rig.Runner.Engine.Physics.EvAt(1).ShouldNotBeNull();
    }

    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task A_message_it_has_not_implemented_is_answered_NotImplemented(OcppVersion version)
    {
        await using var rig = await BootedAsync(version, "NOTIMPL");

        var answer = await rig.CallAsync("TriggerMessage", """{"requestedMessage":"PublishFirmwareStatusNotification"}""");

        answer.GetProperty("status").GetString().ShouldBe("NotImplemented", "F06.FR.08: the station is no local controller");
    }

    private static string Request(int remoteStartId, string type) =>
        $$$"""{"evseId":1,"idToken":{"idToken":"TOKEN-1","type":"{{{type}}}"},"remoteStartId":{{{remoteStartId}}}}""";

    private static async Task<LoopbackCsmsRig> BootedAsync(OcppVersion version, string id, params (string Component, string Variable, string Value)[] settings)
    {
        var rig = await LoopbackCsmsRig.StartAsync(version, $"RS-{id}-{version}", "EVSE-AC-22kW-1port", new SessionPlan { Sessions = 0 }, setUp: station =>
        {
            foreach (var (component, variable, value) in settings)
            {
                station.Configuration.Preset(station.Configuration.Get(component, variable) ?? throw new InvalidOperationException(variable), value);
            }
        });
        await rig.UntilAsync(() => rig.Runner.Engine.IsAttached && rig.Calls("StatusNotification").Count >= 1, "the boot");
        return rig;
    }

    private static List<string?> States(LoopbackCsmsRig rig) =>
        [.. rig.TransactionEvents().Select(e => e.GetProperty("transactionInfo").TryGetProperty("chargingState", out var s) ? s.GetString() : null)];
}
