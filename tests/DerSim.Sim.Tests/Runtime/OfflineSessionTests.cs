using DerSim.Ocpp;
using DerSim.Sim.Engine;

namespace DerSim.Sim.Tests.Runtime;

/// <summary>
/// A station's own plan across a lost connection, against a real loopback CSMS: the transaction runs on offline, what
/// it makes meanwhile is delivered in order after the reconnect (2.x with offline = true), the status then tells the
/// truth, and a --duration that
/// runs out offline still ends the plan.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class OfflineSessionTests
{
    [TestCase(OcppVersion.V16)]
    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task A_drop_mid_transaction_queues_the_offline_messages_and_delivers_them_after_the_reconnect(OcppVersion version)
    {
        var plan = new SessionPlan { Sessions = 1, TimeScale = 300, InitialSocPercent = 20, TargetSocPercent = 60 };
        await using var rig = await ChaosCsmsRig.StartAsync(version, $"DROP-{version}", plan, OnePort);
        await rig.UntilAsync(() => rig.Runner.IsOnline && rig.Received.Count(c => c.Action is "MeterValues" or "TransactionEvent") >= 3, "the transaction charging");

        rig.Link.Cut();
        await rig.UntilAsync(() => rig.Log.Count(l => l.StartsWith("offline: ", StringComparison.Ordinal) && l.Contains(" queued (", StringComparison.Ordinal)) >= 3, "three messages queued offline");
        rig.Runner.Engine.Transactions.Count.ShouldBeGreaterThan(0, "the transaction runs on offline");
        var before = rig.Received.Count;
        rig.Link.Restore();
        await rig.UntilAsync(() => rig.Runner.IsOnline && rig.Runner.Engine.Outbox.Queued == 0, "the queue delivered");

        rig.Log.ShouldContain(l => l.StartsWith("offline: ", StringComparison.Ordinal) && l.Contains(" queued (", StringComparison.Ordinal), rig.Describe());
        rig.Log.ShouldContain(l => l.StartsWith("online: replaying ", StringComparison.Ordinal), rig.Describe());
        var after = rig.Received.Skip(before).ToList();

        // The truth after the reconnect: the plugged connector is in use, not Available.
        var status = after.First(c => c.Action == "StatusNotification").Payload;
        status.GetProperty(version == OcppVersion.V16 ? "status" : "connectorStatus").GetString()
            .ShouldBe(version == OcppVersion.V16 ? "Charging" : "Occupied", rig.Describe());
        if (version == OcppVersion.V16)
        {
            after.Count(c => c.Action == "MeterValues").ShouldBeGreaterThanOrEqualTo(3, rig.Describe());
        }
        else
        {
            // OCPP 2.0.1 E11/E12: queued during the outage, sent afterwards with offline = true, seqNo continuous.
            var events = rig.Distinct("TransactionEvent");
            events.Count(e => e.Payload.TryGetProperty("offline", out var o) && o.GetBoolean()).ShouldBeGreaterThanOrEqualTo(3, rig.Describe());
            events.Select(e => e.Payload.GetProperty("seqNo").GetInt32()).ShouldBe(Enumerable.Range(0, events.Count), rig.Describe());
        }
    }

    [TestCase(OcppVersion.V16)]
    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task A_duration_that_runs_out_offline_ends_the_plan_and_the_end_is_delivered_on_reconnect(OcppVersion version)
    {
        var plan = new SessionPlan { Sessions = 1, TimeScale = 300, InitialSocPercent = 20, TargetSocPercent = 90, Duration = TimeSpan.FromMinutes(60) };
        await using var rig = await ChaosCsmsRig.StartAsync(version, $"DURATION-{version}", plan, OnePort);
        await rig.UntilAsync(() => rig.Runner.IsOnline && rig.Runner.Engine.Transactions.Count > 0, "the transaction");

        rig.Link.Cut();
        await rig.UntilAsync(() => rig.Log.Any(l => l.StartsWith("plan ended offline", StringComparison.Ordinal)), "the plan to end offline");
        await rig.UntilAsync(() => rig.Runner.Engine.Transactions.Count == 0, "the transaction to end locally");
        rig.Running.IsCompleted.ShouldBeFalse("the stop waits for delivery");
        rig.Link.Restore();
        await rig.Running.WaitAsync(ChaosCsmsRig.Wait);

        if (version == OcppVersion.V16)
        {
            var stop = rig.Distinct("StopTransaction").ShouldHaveSingleItem(rig.Describe()).Payload;
            stop.GetProperty("reason").GetString().ShouldBe("Local");
        }
        else
        {
            var ended = rig.Distinct("TransactionEvent").Single(e => e.Payload.GetProperty("eventType").GetString() == "Ended").Payload;
            ended.GetProperty("offline").GetBoolean().ShouldBeTrue(rig.Describe());
            ended.GetProperty("transactionInfo").GetProperty("stoppedReason").GetString().ShouldBe("Local");
        }
    }

    private const string OnePort = "EVSE-AC-22kW-1port";
}
