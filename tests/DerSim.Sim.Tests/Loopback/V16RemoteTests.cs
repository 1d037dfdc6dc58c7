using DerSim.Ocpp;
using DerSim.Sim.Engine;

namespace DerSim.Sim.Tests.Loopback;

/// <summary>
/// The 1.6 station's answers the 1.6 CSMS-initiated Core and RemoteTrigger cases rest on: UnlockConnector of a fixed
/// cable, a stuck lock and a connector with a transaction (§5.18), ClearCache (§5.4), and the messages TriggerMessage
/// asks for outside a transaction (§5.17).
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class V16RemoteTests
{
    private const int QuietInterval = 30;

    [Test]
    public async Task UnlockConnector_of_a_fixed_cable_is_NotSupported_and_of_a_stuck_lock_UnlockFailed()
    {
        await using var rig = await Rig.BootAsync(OcppVersion.V16, QuietInterval, "V16R-UNLOCK");
        var connectors = rig.Station.Station.Connectors;

        connectors[0].FixedCable = true;
        connectors[1].LockStuck = true;

        (await rig.CallAsync("UnlockConnector", """{"connectorId":1}""")).GetProperty("status").GetString().ShouldBe("NotSupported");
        (await rig.CallAsync("UnlockConnector", """{"connectorId":2}""")).GetProperty("status").GetString().ShouldBe("UnlockFailed");
    }

    [Test]
    public async Task UnlockConnector_during_a_transaction_ends_it_with_reason_UnlockCommand()
    {
        await using var rig = await SessionRig.StartAsync(OcppVersion.V16, "EVSE-AC-22kW-1port", "V16R-UNLOCK-TX", new SessionPlan { Sessions = 0 }, held: true);
        await rig.Csms.WaitForAsync(rig.Id, s => s.ConnectorStatus.Values.Any(v => v == "Available"), TimeSpan.FromSeconds(10));
        var (action, json) = CsmsPayloads.RemoteStart(OcppVersion.V16, 1, "UNLOCK-TAG", 1);
        (await rig.CallAsync(action, json)).GetProperty("status").GetString().ShouldBe("Accepted", rig.Describe());
        var tx = await rig.WaitForTransactionAsync(_ => true);

        (await rig.CallAsync("UnlockConnector", """{"connectorId":1}""")).GetProperty("status").GetString().ShouldBe("Unlocked", rig.Describe());

        await rig.WaitForTransactionAsync(t => t.TransactionId == tx.TransactionId && t.EndedAt is not null);
        rig.ReleaseTime();
        rig.Calls().Single(c => c.Action == "StopTransaction").Payload.GetProperty("reason").GetString().ShouldBe("UnlockCommand", rig.Describe());
        rig.OfficialViolations().ShouldBeEmpty(rig.Describe());
    }

    [Test]
    public async Task ClearCache_empties_the_cache_and_is_rejected_when_the_cache_is_off()
    {
        await using var rig = await Rig.BootAsync(OcppVersion.V16, QuietInterval, "V16R-CACHE");
        var station = rig.Station.Station;
        station.AuthorizationCache.Preset("CACHED-TAG", "Accepted", null);

        (await rig.CallAsync("ClearCache", "{}")).GetProperty("status").GetString().ShouldBe("Accepted");
        station.AuthorizationCache.Count.ShouldBe(0);

        station.Configuration.TrySet(station.Configuration.Get("AuthorizationCacheEnabled")!, "false");
        (await rig.CallAsync("ClearCache", "{}")).GetProperty("status").GetString().ShouldBe("Rejected");
    }

    [TestCase("MeterValues", ""","connectorId":1""")]
    [TestCase("DiagnosticsStatusNotification", "")]
    [TestCase("FirmwareStatusNotification", "")]
    public async Task TriggerMessage_outside_a_transaction_sends_the_message_after_the_answer(string message, string connector)
    {
        await using var rig = await Rig.BootAsync(OcppVersion.V16, QuietInterval, $"V16R-TRIG-{message}");

        var answer = await rig.CallAsync("TriggerMessage", $$"""{"requestedMessage":"{{message}}"{{connector}}}""");

        answer.GetProperty("status").GetString().ShouldBe("Accepted");
        for (var waited = 0; !rig.Frames.CallsFrom(rig.Id).Contains(message) && waited < 10_000; waited += 20)
        {
            await Task.Delay(20);
        }

        var sent = rig.Frames.Of(rig.Id).Last(f => f.Action == message && f.MessageType == DerSim.Ocpp.Rpc.OcppMessageType.Call);
        var payload = CsmsFrames.Payload(sent);
        if (message == "MeterValues")
        {
            payload.TryGetProperty("transactionId", out _).ShouldBeFalse(rig.Describe());
            payload.GetProperty("connectorId").GetInt32().ShouldBe(1);
        }
        else
        {
            // 1.6 §6.21 / §6.29: Idle only in answer to a TriggerMessage, when nothing is under way.
            payload.GetProperty("status").GetString().ShouldBe("Idle");
        }

        rig.Frames.Violations(rig.Id).ShouldBeEmpty();
    }
}
