using System.Text.Json;
using DerSim.Ocpp;
using DerSim.Sim.Engine;

namespace DerSim.Sim.Tests.Loopback;

/// <summary>Messages the CSMS triggers in the middle of a charge say what the station is doing then.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class TriggeredMessageTests
{
    [Test]
    public async Task In_16_a_StatusNotification_triggered_mid_charge_reports_Charging_not_Preparing()
    {
        await using var rig = await ChargingAsync(OcppVersion.V16, "TRIG-16");
        var before = rig.Calls().Count;

        (await rig.CallAsync("TriggerMessage", """{"requestedMessage":"StatusNotification","connectorId":1}""")).GetProperty("status").GetString().ShouldBe("Accepted");
        var status = await NextCallAsync(rig, before, "StatusNotification");
        status.GetProperty("status").GetString().ShouldBe("Charging", rig.Describe());
        rig.OfficialViolations().ShouldBeEmpty(rig.Describe());
    }

    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task In_2x_TriggerMessage_MeterValues_sends_MeterValues_and_TransactionEvent_an_Updated_event(OcppVersion version)
    {
        await using var rig = await ChargingAsync(version, $"TRIG-{version}");
        var before = rig.Calls().Count;

        (await rig.CallAsync("TriggerMessage", """{"requestedMessage":"MeterValues","evse":{"id":1}}""")).GetProperty("status").GetString().ShouldBe("Accepted");
        var meterValues = await NextCallAsync(rig, before, "MeterValues");
        meterValues.GetProperty("evseId").GetInt32().ShouldBe(1);
        meterValues.GetProperty("meterValue")[0].GetProperty("sampledValue").EnumerateArray()
            .ShouldAllBe(v => v.GetProperty("context").GetString() == "Trigger", rig.Describe());

        before = rig.Calls().Count;
        (await rig.CallAsync("TriggerMessage", """{"requestedMessage":"TransactionEvent","evse":{"id":1}}""")).GetProperty("status").GetString().ShouldBe("Accepted");
        var updated = await NextCallAsync(rig, before, "TransactionEvent");
        updated.GetProperty("eventType").GetString().ShouldBe("Updated");
        updated.GetProperty("triggerReason").GetString().ShouldBe("Trigger");
        rig.Calls().Skip(before).ShouldNotContain(c => c.Action == "MeterValues");
        rig.OfficialViolations().ShouldBeEmpty(rig.Describe());
    }

    /// <summary>A station whose transaction is running and reported Charging, with simulated time held there.</summary>
    private static async Task<SessionRig> ChargingAsync(OcppVersion version, string id)
    {
        var rig = await SessionRig.StartAsync(version, "EVSE-AC-22kW-1port", id, new SessionPlan { Sessions = 1 }, held: true);
        await rig.WaitForTransactionAsync(_ => true);
        await WaitUntilAsync(rig, () => rig.Calls().Any(c => IsCharging(version, c.Action, c.Payload)));
        return rig;
    }

    private static bool IsCharging(OcppVersion version, string action, JsonElement payload) =>
        version == OcppVersion.V16
            ? action == "StatusNotification" && payload.GetProperty("status").GetString() == "Charging"
            : action == "TransactionEvent" && payload.GetProperty("transactionInfo").TryGetProperty("chargingState", out var s) && s.GetString() == "Charging";

    private static async Task<JsonElement> NextCallAsync(SessionRig rig, int after, string action)
    {
        await WaitUntilAsync(rig, () => rig.Calls().Skip(after).Any(c => c.Action == action));
        return rig.Calls().Skip(after).First(c => c.Action == action).Payload;
    }

    private static async Task WaitUntilAsync(SessionRig rig, Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(25);
        }

        condition().ShouldBeTrue(rig.Describe());
    }
}
