using System.Text.Json;
using DerSim.Ocpp;
using DerSim.Sim.Engine;
using DerSim.Sim.Tests.Engine;

namespace DerSim.Sim.Tests.Adapters;

/// <summary>
/// OCPP 2.1 Reset ImmediateAndResume (B12, E17): the station reboots at once and, within TxCtrlr.TxResumptionTimeout,
/// resumes its running transaction after the boot (TransactionEvent Updated, triggerReason TxResumed, the same
/// transaction id, no Ended); a station that may not resume ends the transaction first, as Immediate does.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class ResetAndResumeTests
{
    [Test]
    public async Task Within_TxResumptionTimeout_the_transaction_resumes_after_the_reboot()
    {
        await using var rig = await StartedAsync("RESUME-1", resumptionTimeout: 300);
        var id = rig.Runner.Engine.TransactionOn(1)!.TransactionId;

        (await rig.CallAsync("Reset", """{"type":"ImmediateAndResume"}""")).GetProperty("status").GetString().ShouldBe("Accepted");

        await rig.UntilAsync(() => rig.TransactionEvents().Any(e => e.GetProperty("triggerReason").GetString() == "TxResumed"), "the resumed transaction's event");
        rig.Calls("BootNotification").Select(b => b.Payload.GetProperty("reason").GetString()).ShouldBe(["PowerUp", "RemoteReset"], rig.Describe());
        var resumed = rig.TransactionEvents().Single(e => e.GetProperty("triggerReason").GetString() == "TxResumed");
        resumed.GetProperty("eventType").GetString().ShouldBe("Updated");
        resumed.GetProperty("transactionInfo").GetProperty("transactionId").GetString().ShouldBe(id);
        rig.TransactionEvents().ShouldNotContain(e => e.GetProperty("eventType").GetString() == "Ended", rig.Describe());
        rig.Runner.Engine.TransactionOn(1)!.InterruptedAt.ShouldBeNull();
    }

    [Test]
    public async Task Without_TxResumptionTimeout_the_reset_ends_the_transaction_first()
    {
        await using var rig = await StartedAsync("RESUME-0", resumptionTimeout: 0);

        (await rig.CallAsync("Reset", """{"type":"ImmediateAndResume"}""")).GetProperty("status").GetString().ShouldBe("Accepted");

        await rig.UntilAsync(() => rig.Calls("BootNotification").Count >= 2, "the station booted again");
        var ended = rig.TransactionEvents().Single(e => e.GetProperty("eventType").GetString() == "Ended");
        ended.GetProperty("transactionInfo").GetProperty("stoppedReason").GetString().ShouldBe("ImmediateReset");
        rig.TransactionEvents().ShouldNotContain(e => e.GetProperty("triggerReason").GetString() == "TxResumed");
    }

    [Test]
    public async Task A_limit_set_at_the_station_is_reported_with_LimitSet()
    {
        await using var rig = await StartedAsync("LIMIT-1", resumptionTimeout: 0);

        (await rig.Runner.Engine.SetLimitAsync(1, new TransactionLimit(6000, null), CancellationToken.None)).ShouldBeTrue();
        (await rig.Runner.Engine.SetLimitAsync(2, new TransactionLimit(null, 60), CancellationToken.None)).ShouldBeFalse("no transaction on EVSE 2");

        await rig.UntilAsync(() => rig.TransactionEvents().Any(e => e.GetProperty("triggerReason").GetString() == "LimitSet"), "the LimitSet event");
        var limit = rig.TransactionEvents().Single(e => e.GetProperty("triggerReason").GetString() == "LimitSet").GetProperty("transactionInfo").GetProperty("transactionLimit");
        limit.GetProperty("maxEnergy").GetDecimal().ShouldBe(6000m);
        limit.TryGetProperty("maxTime", out _).ShouldBeFalse();
    }

    private static async Task<LoopbackCsmsRig> StartedAsync(string id, int resumptionTimeout)
    {
        var rig = await LoopbackCsmsRig.StartAsync(OcppVersion.V21, id, "EVSE-AC-7.4kW-2port", new SessionPlan { Sessions = 0 });
        await rig.UntilAsync(() => rig.Calls("StatusNotification").Count >= 2, "the boot-time status reports");
        var set = await rig.CallAsync("SetVariables", $$"""{"setVariableData":[{"component":{"name":"TxCtrlr"},"variable":{"name":"TxResumptionTimeout"},"attributeValue":"{{resumptionTimeout}}"}]}""");
        set.GetProperty("setVariableResult")[0].GetProperty("attributeStatus").GetString().ShouldBe("Accepted");
        var start = await rig.CallAsync("RequestStartTransaction", """{"evseId":1,"idToken":{"idToken":"TAG-1","type":"ISO14443"},"remoteStartId":1}""");
        start.GetProperty("status").GetString().ShouldBe("Accepted", rig.Describe());
        await rig.UntilAsync(() => rig.Runner.Engine.TransactionOn(1) is { TransactionId: not null }, "a transaction on EVSE 1");
        return rig;
    }
}
