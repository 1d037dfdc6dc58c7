using System.Text.Json;
using DerSim.Sim.Engine;
using DerSim.Ocpp;
using DerSim.Sim.Tests.Engine;

namespace DerSim.Sim.Tests.Adapters;

/// <summary>
/// Changes that must wait for a running transaction, against a real loopback CSMS: ChangeAvailability to Inoperative
/// (1.6 §5.2, 2.0.1 G03/G04) answers Scheduled and applies when the transaction ends; 2.x Reset OnIdle (B12.FR.01)
/// answers Scheduled and resets once idle; Reset Immediate (B12.FR.02) and 1.6 Soft/Hard (§5.14) end the transaction
/// first. While a change waits, no new transaction starts there.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class ScheduledChangeTests
{
    private const string TwoPorts = "EVSE-AC-7.4kW-2port";

    [TestCase(OcppVersion.V16)]
    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task Inoperative_during_a_transaction_is_Scheduled_and_applied_when_it_ends(OcppVersion version)
    {
        await using var rig = await LoopbackCsmsRig.StartAsync(version, $"AVAIL-{version}", TwoPorts, new SessionPlan { Sessions = 0 });
        var tx = await StartOnAsync(rig, 1);

        var answer = await rig.CallAsync("ChangeAvailability", Inoperative(version, 1));

        answer.GetProperty("status").GetString().ShouldBe("Scheduled", rig.Describe());
        tx.Ended.IsCompleted.ShouldBeFalse("the transaction goes on");
        LastStatus(rig, 1).ShouldNotBe("Unavailable");

        tx.RequestStop(TransactionStopReason.Local);
        await rig.UntilAsync(() => LastStatus(rig, 1) == "Unavailable", "connector 1 reported Unavailable after its transaction");
        (await rig.CallAsync(StartAction(version), StartPayload(version, 1))).GetProperty("status").GetString()
            .ShouldBe("Rejected", "an inoperative connector starts no transaction");
    }

    [TestCase(OcppVersion.V16)]
    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task Inoperative_for_the_station_takes_idle_connectors_now_and_busy_ones_after_their_transaction(OcppVersion version)
    {
        await using var rig = await LoopbackCsmsRig.StartAsync(version, $"AVAIL0-{version}", TwoPorts, new SessionPlan { Sessions = 0 });
        var tx = await StartOnAsync(rig, 1);

        var answer = await rig.CallAsync("ChangeAvailability", version == OcppVersion.V16 ? """{"connectorId":0,"type":"Inoperative"}""" : """{"operationalStatus":"Inoperative"}""");

        answer.GetProperty("status").GetString().ShouldBe("Scheduled", rig.Describe());
        await rig.UntilAsync(() => LastStatus(rig, 2) == "Unavailable", "the idle connector reported Unavailable at once");
        tx.Ended.IsCompleted.ShouldBeFalse("the transaction goes on");
        tx.RequestStop(TransactionStopReason.Local);
        await rig.UntilAsync(() => LastStatus(rig, 1) == "Unavailable", "connector 1 reported Unavailable after its transaction");
    }

    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task Reset_OnIdle_during_a_transaction_is_Scheduled_and_resets_once_it_ended(OcppVersion version)
    {
        await using var rig = await LoopbackCsmsRig.StartAsync(version, $"ONIDLE-{version}", TwoPorts, new SessionPlan { Sessions = 0 });
        var tx = await StartOnAsync(rig, 1);

        var answer = await rig.CallAsync("Reset", """{"type":"OnIdle"}""");

        answer.GetProperty("status").GetString().ShouldBe("Scheduled", rig.Describe());
        (await rig.CallAsync(StartAction(version), StartPayload(version, 2))).GetProperty("status").GetString()
            .ShouldBe("Rejected", "no transaction starts while a reset waits");
        tx.Ended.IsCompleted.ShouldBeFalse("the transaction goes on");
        rig.Calls("BootNotification").Count.ShouldBe(1);

        tx.RequestStop(TransactionStopReason.Local);
        await rig.UntilAsync(() => rig.Calls("BootNotification").Count == 2, "the station booted again");
        rig.Calls("BootNotification")[1].Payload.GetProperty("reason").GetString().ShouldBe("ScheduledReset", "the reset waited for the transaction (TC_B_21)");
        var ended = rig.TransactionEvents().Single(e => e.GetProperty("eventType").GetString() == "Ended");
        ended.GetProperty("transactionInfo").GetProperty("stoppedReason").GetString().ShouldBe("Local", "OnIdle waits, it does not end the transaction");
    }

    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task Reset_OnIdle_without_a_transaction_is_Accepted_and_resets_now(OcppVersion version)
    {
        await using var rig = await LoopbackCsmsRig.StartAsync(version, $"IDLE-{version}", TwoPorts, new SessionPlan { Sessions = 0 });
        await rig.UntilAsync(() => rig.Calls("StatusNotification").Count >= 2, "the boot-time status reports");

        (await rig.CallAsync("Reset", """{"type":"OnIdle"}""")).GetProperty("status").GetString().ShouldBe("Accepted");

        await rig.UntilAsync(() => rig.Calls("BootNotification").Count == 2, "the station booted again");
    }

    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task Reset_Immediate_ends_the_transaction_with_ImmediateReset_then_resets(OcppVersion version)
    {
        await using var rig = await LoopbackCsmsRig.StartAsync(version, $"IMMED-{version}", TwoPorts, new SessionPlan { Sessions = 0 });
        await StartOnAsync(rig, 1);

        (await rig.CallAsync("Reset", """{"type":"Immediate"}""")).GetProperty("status").GetString().ShouldBe("Accepted");

        await rig.UntilAsync(() => rig.Calls("BootNotification").Count == 2, "the station booted again");
        var ended = rig.TransactionEvents().Single(e => e.GetProperty("eventType").GetString() == "Ended");
        ended.GetProperty("triggerReason").GetString().ShouldBe("ResetCommand");
        ended.GetProperty("transactionInfo").GetProperty("stoppedReason").GetString().ShouldBe("ImmediateReset");
    }

    [TestCase("Soft", "SoftReset")]
    [TestCase("Hard", "HardReset")]
    public async Task A_16_reset_stops_the_transaction_with_its_reason_then_resets(string type, string reason)
    {
        await using var rig = await LoopbackCsmsRig.StartAsync(OcppVersion.V16, $"RESET16-{type}", TwoPorts, new SessionPlan { Sessions = 0 });
        await StartOnAsync(rig, 1);

        (await rig.CallAsync("Reset", $$"""{"type":"{{type}}"}""")).GetProperty("status").GetString().ShouldBe("Accepted");

        await rig.UntilAsync(() => rig.Calls("BootNotification").Count == 2, "the station booted again");
        rig.Calls("StopTransaction").Single().Payload.GetProperty("reason").GetString().ShouldBe(reason);
    }

    private static async Task<EngineTransaction> StartOnAsync(LoopbackCsmsRig rig, int evseId)
    {
        await rig.UntilAsync(() => rig.Calls("StatusNotification").Count >= 2, "the boot-time status reports");
        var answer = await rig.CallAsync(StartAction(rig.Version), StartPayload(rig.Version, evseId));
        answer.GetProperty("status").GetString().ShouldBe("Accepted", rig.Describe());
        await rig.UntilAsync(() => rig.Runner.Engine.TransactionOn(evseId) is { TransactionId: not null }, $"a transaction on EVSE {evseId}");
        return rig.Runner.Engine.TransactionOn(evseId)!;
    }

    private static string StartAction(OcppVersion version) => version == OcppVersion.V16 ? "RemoteStartTransaction" : "RequestStartTransaction";

    private static string StartPayload(OcppVersion version, int evseId) => version == OcppVersion.V16
        ? $$"""{"connectorId":{{evseId}},"idTag":"TAG-{{evseId}}"}"""
        : $$$"""{"evseId":{{{evseId}}},"idToken":{"idToken":"TAG-{{{evseId}}}","type":"ISO14443"},"remoteStartId":{{{evseId}}}}""";

    private static string Inoperative(OcppVersion version, int evseId) => version == OcppVersion.V16
        ? $$"""{"connectorId":{{evseId}},"type":"Inoperative"}"""
        : $$$"""{"operationalStatus":"Inoperative","evse":{"id":{{{evseId}}}}}""";

    /// <summary>The last status the station reported for connector <paramref name="id"/> (1.6 connectorId, 2.x evseId; one connector each here).</summary>
    private static string? LastStatus(LoopbackCsmsRig rig, int id)
    {
        var v16 = rig.Version == OcppVersion.V16;
        return rig.Calls("StatusNotification")
            .Select(c => c.Payload)
            .Where(p => p.GetProperty(v16 ? "connectorId" : "evseId").GetInt32() == id)
            .Select(p => p.GetProperty(v16 ? "status" : "connectorStatus").GetString())
            .LastOrDefault();
    }
}
