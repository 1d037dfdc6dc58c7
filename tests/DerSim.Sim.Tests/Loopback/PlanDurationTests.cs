using DerSim.Ocpp;
using DerSim.Sim.Engine;

namespace DerSim.Sim.Tests.Loopback;

/// <summary>A plan's duration stops the sessions after that much simulated time and ends the runner cleanly.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class PlanDurationTests
{
    [TestCase(OcppVersion.V16)]
    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task The_duration_ends_a_running_transaction_with_reason_Local_and_the_runner_returns(OcppVersion version)
    {
        // 20 -> 80 % on the DC-150 takes about half an hour; the plan lasts ten minutes.
        var plan = new SessionPlan { Sessions = 1, InitialSocPercent = 20, TargetSocPercent = 80, Duration = TimeSpan.FromMinutes(10) };
        await using var rig = await SessionRig.StartAsync(version, "EVSE-DC-150kW-CCS-1port", $"DURATION-{version}", plan);

        await rig.Runner.PlanEnded.WaitAsync(TimeSpan.FromSeconds(30));
        await rig.Running.WaitAsync(TimeSpan.FromSeconds(10));
        rig.Running.IsCompletedSuccessfully.ShouldBeTrue(rig.Describe());

        var calls = rig.Calls();
        var (reason, startedAt, endedAt) = version == OcppVersion.V16
            ? (calls.Single(c => c.Action == "StopTransaction").Payload.GetProperty("reason").GetString(),
                calls.Single(c => c.Action == "StartTransaction").Payload.GetProperty("timestamp").GetDateTimeOffset(),
                calls.Single(c => c.Action == "StopTransaction").Payload.GetProperty("timestamp").GetDateTimeOffset())
            : (Event(rig, "Ended").GetProperty("transactionInfo").GetProperty("stoppedReason").GetString(),
                Event(rig, "Started").GetProperty("timestamp").GetDateTimeOffset(),
                Event(rig, "Ended").GetProperty("timestamp").GetDateTimeOffset());
        reason.ShouldBe("Local", rig.Describe());
        rig.Log.ShouldContain(l => l.Contains("--duration", StringComparison.Ordinal), rig.Describe());
        (endedAt - startedAt).ShouldBe(TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(1), rig.Describe());
        rig.Runner.Engine.Transactions.ShouldBeEmpty();
        rig.OfficialViolations().ShouldBeEmpty(rig.Describe());
    }

    [Test]
    public async Task A_duration_longer_than_the_sessions_ends_when_they_are_done()
    {
        var plan = new SessionPlan { Sessions = 1, InitialSocPercent = 70, TargetSocPercent = 80, Duration = TimeSpan.FromHours(10) };
        await using var rig = await SessionRig.StartAsync(OcppVersion.V201, "EVSE-DC-150kW-CCS-1port", "DURATION-LONG", plan);

        await rig.Runner.PlanEnded.WaitAsync(TimeSpan.FromSeconds(30));
        await rig.Running.WaitAsync(TimeSpan.FromSeconds(10));
        Event(rig, "Ended").GetProperty("transactionInfo").GetProperty("stoppedReason").GetString().ShouldBe("EVDisconnected", rig.Describe());
        rig.Running.IsCompletedSuccessfully.ShouldBeTrue(rig.Describe());
        rig.Log.ShouldNotContain(l => l.Contains("--duration", StringComparison.Ordinal), rig.Describe());
    }

    private static System.Text.Json.JsonElement Event(SessionRig rig, string type) =>
        rig.Calls().Single(c => c.Action == "TransactionEvent" && c.Payload.GetProperty("eventType").GetString() == type).Payload;
}
