using System.Text.Json;
using DerSim.Ocpp;

namespace DerSim.Sim.Tests.Engine;

/// <summary>
/// The V2G station over a real connection: NotifyEVChargingNeeds with DC_BPT before energy flows,
/// NotifyAllowedEnergyTransfer accepted / rejected and the renegotiation after it, operationMode in the 2.1
/// TransactionEvents, discharge on a negative setpoint, and charge only on 1.6 / 2.0.1. Every frame is checked against
/// the official schemas.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class V2gSessionTests
{
    private const string Setpoint = """{"evseId":1,"chargingProfile":{"id":71,"stackLevel":0,"chargingProfilePurpose":"TxProfile","chargingProfileKind":"Relative","transactionId":"TXID","chargingSchedule":[{"id":1,"chargingRateUnit":"W","chargingSchedulePeriod":[{"startPeriod":0,"setpoint":-20000.0,"operationMode":"CentralSetpoint"}]}]}}""";

    [Test]
    public async Task A_CSMS_that_allows_DC_BPT_and_sets_a_negative_setpoint_sees_export()
    {
        await using var rig = await LoopbackCsmsRig.StartAsync(OcppVersion.V21, "V2G-EXPORT");
        var txId = await StartedAsync(rig);

        var started = rig.TransactionEvents()[0];
        started.GetProperty("transactionInfo").GetProperty("operationMode").GetString().ShouldBe("ChargingOnly", rig.Describe());
        var needs = rig.Calls("NotifyEVChargingNeeds").Single().Payload;
        needs.GetProperty("evseId").GetInt32().ShouldBe(1);
        var chargingNeeds = needs.GetProperty("chargingNeeds");
        chargingNeeds.GetProperty("requestedEnergyTransfer").GetString().ShouldBe("DC_BPT");
        chargingNeeds.GetProperty("availableEnergyTransfer").EnumerateArray().Select(e => e.GetString()).ShouldBe(["DC", "DC_BPT"]);
        chargingNeeds.GetProperty("controlMode").GetString().ShouldBe("DynamicControl");
        chargingNeeds.GetProperty("v2xChargingParameters").GetProperty("maxDischargePower").GetDecimal().ShouldBe(50000);
        chargingNeeds.GetProperty("dcChargingParameters").GetProperty("stateOfCharge").GetInt32().ShouldBe(50);

        var allowed = await rig.CallAsync("NotifyAllowedEnergyTransfer", $$"""{"transactionId":"{{txId}}","allowedEnergyTransfer":["DC_BPT","DC"]}""");
        allowed.GetProperty("status").GetString().ShouldBe("Accepted");
        await rig.UntilAsync(() => rig.Calls("NotifyEVChargingNeeds").Count == 2, "for the renegotiated charging needs");
        rig.Calls("NotifyEVChargingNeeds")[1].Payload.GetProperty("chargingNeeds").GetProperty("requestedEnergyTransfer").GetString().ShouldBe("DC_BPT");

        var set = await rig.CallAsync("SetChargingProfile", Setpoint.Replace("TXID", txId, StringComparison.Ordinal));
        set.GetProperty("status").GetString().ShouldBe("Accepted", rig.Describe());
        await rig.UntilAsync(() => ModeChanges(rig).Contains("CentralSetpoint"), "for OperationModeChanged");

        rig.ReleaseTime();
        await rig.UntilAsync(() => rig.Values("Power.Active.Export").Any(v => v > 0), "for exported power");
        rig.HoldTime();

        rig.Values("Power.Active.Export").Max().ShouldBe(20000, rig.Describe());
        rig.Values("Power.Active.Import")[^1].ShouldBe(0);
        rig.Runner.Engine.Physics.Snapshot(1).State.ShouldBe(DerSim.Sim.Physics.ChargingState.Charging);
        rig.OfficialViolations().ShouldBeEmpty(rig.Describe());
    }

    [Test]
    public async Task Allowing_only_DC_renegotiates_to_DC_and_a_negative_setpoint_then_moves_nothing()
    {
        await using var rig = await LoopbackCsmsRig.StartAsync(OcppVersion.V21, "V2G-DC-ONLY");
        var txId = await StartedAsync(rig);

        var allowed = await rig.CallAsync("NotifyAllowedEnergyTransfer", $$"""{"transactionId":"{{txId}}","allowedEnergyTransfer":["DC"]}""");
        allowed.GetProperty("status").GetString().ShouldBe("Accepted");
        await rig.UntilAsync(() => rig.Calls("NotifyEVChargingNeeds").Count == 2, "for the renegotiated charging needs");
        var renegotiated = rig.Calls("NotifyEVChargingNeeds")[1].Payload.GetProperty("chargingNeeds");
        renegotiated.GetProperty("requestedEnergyTransfer").GetString().ShouldBe("DC");
        renegotiated.TryGetProperty("v2xChargingParameters", out _).ShouldBeFalse();

        (await rig.CallAsync("SetChargingProfile", Setpoint.Replace("TXID", txId, StringComparison.Ordinal))).GetProperty("status").GetString().ShouldBe("Accepted");
        rig.ReleaseTime();
        await rig.UntilAsync(() => rig.Values("Power.Active.Export").Count >= 3, "for samples");
        rig.HoldTime();

        rig.Values("Power.Active.Export").ShouldAllBe(v => v == 0, rig.Describe());
        rig.Runner.Engine.Physics.Snapshot(1).EnergyExportWh.ShouldBe(0);
        rig.OfficialViolations().ShouldBeEmpty(rig.Describe());
    }

    [Test]
    public async Task NotifyAllowedEnergyTransfer_is_rejected_with_a_reason_when_no_mode_fits_or_no_transaction_runs()
    {
        await using var rig = await LoopbackCsmsRig.StartAsync(OcppVersion.V21, "V2G-REJECT");
        var txId = await StartedAsync(rig);

        var noMode = await rig.CallAsync("NotifyAllowedEnergyTransfer", $$"""{"transactionId":"{{txId}}","allowedEnergyTransfer":["AC_single_phase"]}""");
        noMode.GetProperty("status").GetString().ShouldBe("Rejected");
        noMode.GetProperty("statusInfo").GetProperty("reasonCode").GetString().ShouldBe("NoModeAvailable");

        var noTx = await rig.CallAsync("NotifyAllowedEnergyTransfer", """{"transactionId":"no-such-tx","allowedEnergyTransfer":["DC_BPT"]}""");
        noTx.GetProperty("status").GetString().ShouldBe("Rejected");
        noTx.GetProperty("statusInfo").GetProperty("reasonCode").GetString().ShouldBe("TxNotFound");

        await Task.Delay(200);
        rig.Calls("NotifyEVChargingNeeds").Count.ShouldBe(1, "a rejected transfer is not renegotiated");
        rig.Runner.Engine.Physics.Snapshot(1).EnergyTransferMode.ShouldBe(DerSim.Sim.Profiles.EnergyTransferMode.DcBpt);
        rig.OfficialViolations().ShouldBeEmpty(rig.Describe());
    }

    [Test]
    public async Task Rejected_charging_needs_make_the_EV_charge_only()
    {
        await using var rig = await LoopbackCsmsRig.StartAsync(OcppVersion.V21, "V2G-NEEDS-REJECTED");
        rig.ChargingNeedsStatus = "Rejected";
        await StartedAsync(rig);
        await rig.UntilAsync(() => rig.Log.Any(l => l.Contains("charging needs rejected", StringComparison.Ordinal)), "for the fallback");

        rig.Runner.Engine.Physics.Snapshot(1).EnergyTransferMode.ShouldBe(DerSim.Sim.Profiles.EnergyTransferMode.Dc);
    }

    [Test]
    public async Task LocalLoadBalancing_is_accepted_reported_and_kept_within_its_limits()
    {
        await using var rig = await LoopbackCsmsRig.StartAsync(OcppVersion.V21, "V2G-MODE");
        var txId = await StartedAsync(rig);

        var answer = await rig.CallAsync("SetChargingProfile", $$$"""{"evseId":1,"chargingProfile":{"id":71,"stackLevel":0,"chargingProfilePurpose":"TxProfile","chargingProfileKind":"Relative","transactionId":"{{{txId}}}","chargingSchedule":[{"id":1,"chargingRateUnit":"W","chargingSchedulePeriod":[{"startPeriod":0,"limit":10000,"dischargeLimit":-5000,"operationMode":"LocalLoadBalancing"}]}]}}""");

        answer.GetProperty("status").GetString().ShouldBe("Accepted", rig.Describe());
        await rig.UntilAsync(() => ModeChanges(rig).Contains("LocalLoadBalancing"), "for OperationModeChanged");
        rig.ReleaseTime();
        await rig.UntilAsync(() => rig.Values("Power.Active.Import").Count >= 3, "for samples");
        rig.HoldTime();

        rig.Values("Power.Active.Import")[^1].ShouldBeLessThanOrEqualTo(10000, rig.Describe());
        rig.Values("Power.Active.Export").ShouldAllBe(v => v == 0);
        rig.OfficialViolations().ShouldBeEmpty(rig.Describe());
    }

    [Test]
    public async Task LocalFrequency_exports_as_the_grid_frequency_falls_along_the_curve()
    {
        await using var rig = await LoopbackCsmsRig.StartAsync(OcppVersion.V21, "V2G-LOCAL-FREQ");
        var txId = await StartedAsync(rig);
        (await rig.CallAsync("NotifyAllowedEnergyTransfer", $$"""{"transactionId":"{{txId}}","allowedEnergyTransfer":["DC_BPT","DC"]}""")).GetProperty("status").GetString().ShouldBe("Accepted");
        rig.Runner.Engine.Grid.SetFrequency(49.9);

        var set = await rig.CallAsync("SetChargingProfile", $$$"""{"evseId":1,"chargingProfile":{"id":72,"stackLevel":0,"chargingProfilePurpose":"TxProfile","chargingProfileKind":"Relative","transactionId":"{{{txId}}}","chargingSchedule":[{"id":1,"chargingRateUnit":"W","chargingSchedulePeriod":[{"startPeriod":0,"operationMode":"LocalFrequency","v2xFreqWattCurve":[{"frequency":49.8,"power":-20000},{"frequency":50.0,"power":0},{"frequency":50.2,"power":20000}]}]}]}}""");
        set.GetProperty("status").GetString().ShouldBe("Accepted", rig.Describe());
        await rig.UntilAsync(() => ModeChanges(rig).Contains("LocalFrequency"), "for OperationModeChanged to LocalFrequency");

        rig.ReleaseTime();
        await rig.UntilAsync(() => rig.Values("Power.Active.Export").Any(v => v > 0), "for exported power");
        rig.HoldTime();

        rig.Values("Power.Active.Export").Max().ShouldBe(10000, rig.Describe());
        rig.OfficialViolations().ShouldBeEmpty(rig.Describe());
    }

    [Test]
    public async Task CentralFrequency_follows_the_aFRR_signal_the_CSMS_sends()
    {
        await using var rig = await LoopbackCsmsRig.StartAsync(OcppVersion.V21, "V2G-CENTRAL-FREQ");
        var txId = await StartedAsync(rig);
        (await rig.CallAsync("NotifyAllowedEnergyTransfer", $$"""{"transactionId":"{{txId}}","allowedEnergyTransfer":["DC_BPT","DC"]}""")).GetProperty("status").GetString().ShouldBe("Accepted");
        var set = await rig.CallAsync("SetChargingProfile", $$$"""{"evseId":1,"chargingProfile":{"id":73,"stackLevel":0,"chargingProfilePurpose":"TxProfile","chargingProfileKind":"Relative","transactionId":"{{{txId}}}","chargingSchedule":[{"id":1,"chargingRateUnit":"W","chargingSchedulePeriod":[{"startPeriod":0,"operationMode":"CentralFrequency","v2xSignalWattCurve":[{"signal":-100,"power":-30000},{"signal":0,"power":0},{"signal":100,"power":30000}]}]}]}}""");
        set.GetProperty("status").GetString().ShouldBe("Accepted", rig.Describe());

        var now = rig.Runner.Engine.Clock.Time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
        var signal = await rig.CallAsync("AFRRSignal", $$"""{"timestamp":"{{now}}","signal":-50}""");
        signal.GetProperty("status").GetString().ShouldBe("Accepted");

        rig.ReleaseTime();
        await rig.UntilAsync(() => rig.Values("Power.Active.Export").Any(v => v > 0), "for exported power");
        rig.HoldTime();

        rig.Values("Power.Active.Export").Max().ShouldBe(15000, rig.Describe());
        rig.OfficialViolations().ShouldBeEmpty(rig.Describe());
    }

    [TestCase(OcppVersion.V16)]
    [TestCase(OcppVersion.V201)]
    public async Task Older_versions_charge_only_and_say_so(OcppVersion version)
    {
        await using var rig = await LoopbackCsmsRig.StartAsync(version, $"V2G-OLD-{version}");
        rig.ReleaseTime();
        await rig.UntilAsync(() => rig.Values("Power.Active.Import").Count(v => v > 0) >= 2, "for charging samples");
        rig.HoldTime();

        rig.Log.Count(l => l == $"EVSE 1: OCPP {version.DisplayName()} cannot express discharge; the bidirectional EV charges only").ShouldBe(1, rig.Describe());
        rig.Values("Power.Active.Export").ShouldAllBe(v => v == 0);
        rig.Calls("NotifyEVChargingNeeds").ShouldBeEmpty();
        rig.Runner.Engine.Physics.Snapshot(1).EnergyTransferMode.ShouldBe(DerSim.Sim.Profiles.EnergyTransferMode.Dc);
        rig.OfficialViolations().ShouldBeEmpty(rig.Describe());
    }

    /// <summary>Waits for the first charging needs (sent after Started, before energy flows) and returns the transaction id.</summary>
    private static async Task<string> StartedAsync(LoopbackCsmsRig rig)
    {
        await rig.UntilAsync(() => rig.Calls("NotifyEVChargingNeeds").Count >= 1 || rig.Log.Any(l => l.Contains("charging needs", StringComparison.Ordinal)), "for NotifyEVChargingNeeds");
        return rig.TransactionEvents()[0].GetProperty("transactionInfo").GetProperty("transactionId").GetString()!;
    }

    private static List<string> ModeChanges(LoopbackCsmsRig rig) =>
        [.. rig.TransactionEvents()
            .Where(e => e.GetProperty("triggerReason").GetString() == "OperationModeChanged")
            .Select(e => e.GetProperty("transactionInfo").GetProperty("operationMode").GetString()!)];
}
