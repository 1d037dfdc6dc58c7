using DerSim.Sim.Ocpp;
using DerSim.Sim.Runtime;

namespace DerSim.Harness.Tests.Engine;

/// <summary>Remote start and stop from the reference CSMS, with no planned sessions, in virtual time.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class RemoteSessionTests
{
    [TestCase(OcppVersion.V16)]
    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task A_remote_start_runs_a_transaction_that_a_remote_stop_ends(OcppVersion version)
    {
        await using var rig = await SessionRig.StartAsync(version, "EVSE-AC-22kW-1port", $"REMOTE-{version}", new SessionPlan { Sessions = 0 }, held: true);
        await rig.Csms.WaitForAsync(rig.Id, s => s.ConnectorStatus.Values.Any(v => v == "Available"), TimeSpan.FromSeconds(10));
        rig.Runner.Engine.Transactions.ShouldBeEmpty();

        var (action, json) = CsmsPayloads.RemoteStart(version, 1, "REMOTE-TAG", 4711);
        (await rig.CallAsync(action, json)).GetProperty("status").GetString().ShouldBe("Accepted", rig.Describe());
        var tx = await rig.WaitForTransactionAsync(_ => true);
        tx.IdToken.ShouldBe("REMOTE-TAG");

        (action, json) = CsmsPayloads.RemoteStop(version, tx.TransactionId);
        (await rig.CallAsync(action, json)).GetProperty("status").GetString().ShouldBe("Accepted", rig.Describe());
        await rig.WaitForTransactionAsync(t => t.TransactionId == tx.TransactionId && t.EndedAt is not null);
        await rig.Csms.WaitForAsync(rig.Id, s => s.ConnectorStatus.Values.All(v => v == "Available"), TimeSpan.FromSeconds(10));
        rig.ReleaseTime();

        // Stopping again is refused: the transaction is gone.
        (await rig.CallAsync(action, json)).GetProperty("status").GetString().ShouldBe("Rejected", rig.Describe());

        var calls = rig.Calls();
        if (version == OcppVersion.V16)
        {
            calls.Count(c => c.Action == "StartTransaction").ShouldBe(1, rig.Describe());
            calls.Single(c => c.Action == "StopTransaction").Payload.GetProperty("reason").GetString().ShouldBe("Remote", rig.Describe());
        }
        else
        {
            var events = calls.Where(c => c.Action == "TransactionEvent").Select(c => c.Payload).ToList();
            var started = events.Single(e => e.GetProperty("eventType").GetString() == "Started");
            started.GetProperty("triggerReason").GetString().ShouldBe("RemoteStart");
            started.GetProperty("transactionInfo").GetProperty("remoteStartId").GetInt32().ShouldBe(4711);
            var ended = events.Single(e => e.GetProperty("eventType").GetString() == "Ended");
            ended.GetProperty("triggerReason").GetString().ShouldBe("RemoteStop");
            ended.GetProperty("transactionInfo").GetProperty("stoppedReason").GetString().ShouldBe("Remote");
        }

        rig.OfficialViolations().ShouldBeEmpty(rig.Describe());
    }
}
