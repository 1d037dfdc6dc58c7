using DerSim.Ocpp;
using DerSim.Sim.Engine;
using DerSim.Sim.Profiles;

namespace DerSim.Sim.Tests.Engine;

/// <summary>
/// The V2G station over a real connection with 2.1 Dynamic profiles: values the CSMS pushes (UpdateDynamicSchedule),
/// values the station pulls every dynUpdateInterval (PullDynamicScheduleUpdate), and an EV renegotiating a mode the CSMS
/// refuses. Every frame is checked against the official schemas.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class V2xDynamicScheduleTests
{
    private static string DynamicSetpoint(string txId, string interval = "") =>
        $$$"""{"evseId":1,"chargingProfile":{"id":31,"stackLevel":0,"chargingProfilePurpose":"TxProfile","chargingProfileKind":"Dynamic",{{{interval}}}"transactionId":"{{{txId}}}","chargingSchedule":[{"id":1,"chargingRateUnit":"W","chargingSchedulePeriod":[{"startPeriod":0,"setpoint":-10000,"operationMode":"CentralSetpoint"}]}]}}""";

    [Test]
    public async Task A_pushed_setpoint_replaces_the_dynamic_one_and_an_unknown_profile_is_rejected()
    {
        await using var rig = await LoopbackCsmsRig.StartAsync(OcppVersion.V21, "V2X-PUSH");
        var txId = await AllowedAsync(rig);
        (await rig.CallAsync("SetChargingProfile", DynamicSetpoint(txId))).GetProperty("status").GetString().ShouldBe("Accepted", rig.Describe());

        var pushed = await rig.CallAsync("UpdateDynamicSchedule", """{"chargingProfileId":31,"scheduleUpdate":{"setpoint":-20000}}""");
        var unknown = await rig.CallAsync("UpdateDynamicSchedule", """{"chargingProfileId":77,"scheduleUpdate":{"setpoint":-20000}}""");

        pushed.GetProperty("status").GetString().ShouldBe("Accepted");
        unknown.GetProperty("status").GetString().ShouldBe("Rejected");
        unknown.GetProperty("statusInfo").GetProperty("reasonCode").GetString().ShouldBe("UnknownProfile");
        rig.ReleaseTime();
        await rig.UntilAsync(() => rig.Values("Power.Active.Export").Any(v => v >= 20000), "for the pushed 20 kW export");
        rig.HoldTime();
        rig.Values("Power.Active.Export").Max().ShouldBe(20000, rig.Describe());
        rig.Calls("PullDynamicScheduleUpdate").ShouldBeEmpty("without dynUpdateInterval the CSMS pushes");
        rig.OfficialViolations().ShouldBeEmpty(rig.Describe());
    }

    [Test]
    public async Task With_dynUpdateInterval_the_station_pulls_the_values_and_follows_them()
    {
        await using var rig = await LoopbackCsmsRig.StartAsync(OcppVersion.V21, "V2X-PULL", answers: peer =>
            peer.OnRaw("PullDynamicScheduleUpdate", (_, _) => ValueTask.FromResult(LoopbackCsmsRig.Json("""{"status":"Accepted","scheduleUpdate":{"setpoint":-20000}}"""))));
        var txId = await AllowedAsync(rig);
        (await rig.CallAsync("SetChargingProfile", DynamicSetpoint(txId, "\"dynUpdateInterval\":60,"))).GetProperty("status").GetString().ShouldBe("Accepted", rig.Describe());

        rig.ReleaseTime();
        await rig.UntilAsync(() => rig.Calls("PullDynamicScheduleUpdate").Count >= 2 && rig.Values("Power.Active.Export").Any(v => v >= 20000), "for two pulls and the pulled 20 kW export");
        rig.HoldTime();

        rig.Calls("PullDynamicScheduleUpdate").ShouldAllBe(c => c.Payload.GetProperty("chargingProfileId").GetInt32() == 31);
        rig.Values("Power.Active.Export").Max().ShouldBe(20000, rig.Describe());
        rig.OfficialViolations().ShouldBeEmpty(rig.Describe());
    }

    [Test]
    public async Task An_EV_asking_again_for_a_mode_the_CSMS_refuses_keeps_the_mode_it_has()
    {
        var status = "Accepted";
        await using var rig = await LoopbackCsmsRig.StartAsync(OcppVersion.V21, "V2X-RENEGOTIATE", answers: peer =>
            peer.OnRaw("NotifyEVChargingNeeds", (_, _) => ValueTask.FromResult(LoopbackCsmsRig.Json($$"""{"status":"{{status}}"}"""))));
        var txId = await StartedAsync(rig);
        (await rig.CallAsync("NotifyAllowedEnergyTransfer", $$"""{"transactionId":"{{txId}}","allowedEnergyTransfer":["DC"]}""")).GetProperty("status").GetString().ShouldBe("Accepted");
        await rig.UntilAsync(() => rig.Runner.Engine.Physics.Snapshot(1).EnergyTransferMode == EnergyTransferMode.Dc, "for the renegotiation to DC");
        // The EV's needs for DC follow the switch; they must be answered before the CSMS starts refusing (else they can
        // arrive after the DC_BPT request below and be the last one seen).
        await rig.UntilAsync(() => rig.Calls("NotifyEVChargingNeeds").Count >= 2, "for the charging needs of the renegotiation to DC");
        status = "Rejected";

        var answer = await rig.Runner.Engine.Bidirectional.EvRenegotiatesAsync(1, EnergyTransferMode.DcBpt, CancellationToken.None);

        answer.ShouldBe(ChargingNeedsAnswer.Rejected);
        rig.Calls("NotifyEVChargingNeeds").Count.ShouldBe(3, rig.Describe());
        rig.Calls("NotifyEVChargingNeeds")[^1].Payload.GetProperty("chargingNeeds").GetProperty("requestedEnergyTransfer").GetString().ShouldBe("DC_BPT");
        rig.Runner.Engine.Physics.Snapshot(1).EnergyTransferMode.ShouldBe(EnergyTransferMode.Dc);
        await Should.ThrowAsync<InvalidOperationException>(() => rig.Runner.Engine.Bidirectional.EvRenegotiatesAsync(1, EnergyTransferMode.AcBpt, CancellationToken.None));
        rig.OfficialViolations().ShouldBeEmpty(rig.Describe());
    }

    private static async Task<string> StartedAsync(LoopbackCsmsRig rig)
    {
        await rig.UntilAsync(() => rig.Calls("NotifyEVChargingNeeds").Count >= 1, "for NotifyEVChargingNeeds");
        return rig.TransactionEvents()[0].GetProperty("transactionInfo").GetProperty("transactionId").GetString()!;
    }

    private static async Task<string> AllowedAsync(LoopbackCsmsRig rig)
    {
        var txId = await StartedAsync(rig);
        (await rig.CallAsync("NotifyAllowedEnergyTransfer", $$"""{"transactionId":"{{txId}}","allowedEnergyTransfer":["DC_BPT","DC"]}""")).GetProperty("status").GetString().ShouldBe("Accepted");
        await rig.UntilAsync(() => rig.Calls("NotifyEVChargingNeeds").Count >= 2, "for the renegotiated charging needs");
        return txId;
    }
}
