using DerSim.Ocpp;
using DerSim.Sim.Engine;

namespace DerSim.Sim.Tests.Loopback;

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

    [TestCase(OcppVersion.V201, "04A1B2C3", "ISO14443")]
    [TestCase(OcppVersion.V21, "EMP-CONTRACT-1", "eMAID")]
    public async Task A_remote_start_keeps_the_idToken_type_the_CSMS_sent(OcppVersion version, string token, string type)
    {
        // The station reported every remote start's token as Central, whatever the CSMS had sent (OCPP 2.0.1 F01: the
        // transaction is for the idToken of the request).
        await using var rig = await SessionRig.StartAsync(version, "EVSE-AC-22kW-1port", $"REMOTE-TYPE-{version}", new SessionPlan { Sessions = 0 }, held: true);
        await rig.Csms.WaitForAsync(rig.Id, s => s.ConnectorStatus.Values.Any(v => v == "Available"), TimeSpan.FromSeconds(10));

        var (action, json) = CsmsPayloads.RemoteStart(version, 1, token, 7, type);
        (await rig.CallAsync(action, json)).GetProperty("status").GetString().ShouldBe("Accepted", rig.Describe());
        await rig.WaitForTransactionAsync(_ => true);
        rig.ReleaseTime();

        var started = rig.Calls().Where(c => c.Action == "TransactionEvent").Select(c => c.Payload).First(e => e.GetProperty("eventType").GetString() == "Started");
        started.GetProperty("idToken").GetProperty("idToken").GetString().ShouldBe(token);
        started.GetProperty("idToken").GetProperty("type").GetString().ShouldBe(type, rig.Describe());
    }

    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task A_planned_session_sends_the_default_tag_as_Local_and_a_given_type_as_given(OcppVersion version)
    {
        // DERSIM-TAG-1 is no card UID: sent as ISO14443 a strict CSMS rightly refused it.
        await using (var rig = await SessionRig.StartAsync(version, "EVSE-AC-22kW-1port", $"TYPE-DEFAULT-{version}", new SessionPlan { Sessions = 1, TargetSocPercent = 21 }))
        {
            await rig.WaitForTransactionAsync(_ => true);
            AuthorizeType(rig).ShouldBe("Local", rig.Describe());
        }

        await using (var rig = await SessionRig.StartAsync(version, "EVSE-AC-22kW-1port", $"TYPE-GIVEN-{version}", new SessionPlan { Sessions = 1, TargetSocPercent = 21, IdTag = "1234", IdTagType = "KeyCode" }))
        {
            await rig.WaitForTransactionAsync(_ => true);
            AuthorizeType(rig).ShouldBe("KeyCode", rig.Describe());
        }
    }

    private static string? AuthorizeType(SessionRig rig) =>
        rig.Calls().First(c => c.Action == "Authorize").Payload.GetProperty("idToken").GetProperty("type").GetString();
}
