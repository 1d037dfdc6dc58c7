using DerSim.Csms.Tests;
using System.Text.Json;
using DerSim.Harness.Drivers.Csms;
using DerSim.Ocpp;
using DerSim.Ocpp.Validation;

using DerCurvePointWire = DerSim.Ocpp.V21.DERCurvePointsType;
using V2XFreqWattPointType = DerSim.Ocpp.V21.V2XFreqWattPointType;
using V2XSignalWattPointType = DerSim.Ocpp.V21.V2XSignalWattPointType;

namespace DerSim.Harness.Tests.Drivers.Csms;

/// <summary>
/// The OCPP 2.1 V2G and DER commands of the CSMS drivers build payloads the official 2.1 schemas accept, carry the
/// values asked for, and are not applicable in the versions that cannot express them.
/// </summary>
public sealed class V21CommandPayloadTests
{
    private const string Station = "DERSIM-V2G-1";
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 8, 5, 0, TimeSpan.Zero);
    private static readonly DerCurvePointWire[] TwoPoints = [new(100, 100), new(110, 0)];
    private static readonly V2XFreqWattPointType[] FreqWatt = [new(49.8m, -20000), new(50.0m, 0), new(50.2m, 20000)];
    private static readonly V2XSignalWattPointType[] SignalWatt = [new(-100, -30000), new(0, 0), new(100, 30000)];

    public static IEnumerable<TestCaseData> Commands()
    {
        yield return Case("NotifyAllowedEnergyTransfer DC_BPT, DC", CsmsCommand.NotifyAllowedEnergyTransfer(Station, OcppVersion.V21, "TX-1", ["DC_BPT", "DC"], 1));
        yield return Case("TxProfile CentralSetpoint -20 kW", CsmsCommand.SetV2xProfile(Station, OcppVersion.V21, 1, "TX-1", "CentralSetpoint", setpointW: -20000));
        yield return Case("TxProfile CentralSetpoint with a discharge limit", CsmsCommand.SetV2xProfile(Station, OcppVersion.V21, 1, "TX-1", "CentralSetpoint", setpointW: -40000, dischargeLimitW: -15000));
        yield return Case("TxProfile ExternalLimits", CsmsCommand.SetV2xProfile(Station, OcppVersion.V21, 1, "TX-1", "ExternalLimits", limitW: 30000, dischargeLimitW: -10000));
        yield return Case("TxProfile Idle", CsmsCommand.SetV2xProfile(Station, OcppVersion.V21, 1, "TX-1", "Idle"));
        yield return Case("TxProfile LocalFrequency", CsmsCommand.SetV2xCurveProfile(Station, OcppVersion.V21, 1, "TX-1", "LocalFrequency", freqWattCurve: FreqWatt));
        yield return Case("TxProfile LocalFrequency with a baseline", CsmsCommand.SetV2xCurveProfile(Station, OcppVersion.V21, 1, "TX-1", "LocalFrequency", freqWattCurve: FreqWatt, baselineW: -5000));
        yield return Case("TxProfile CentralFrequency", CsmsCommand.SetV2xCurveProfile(Station, OcppVersion.V21, 1, "TX-1", "CentralFrequency", signalWattCurve: SignalWatt));
        yield return Case("TxProfile CentralFrequency with a baseline", CsmsCommand.SetV2xCurveProfile(Station, OcppVersion.V21, 1, "TX-1", "CentralFrequency", signalWattCurve: SignalWatt, baselineW: 2500.5m));
        yield return Case("AFRRSignal -50", CsmsCommand.AfrrSignal(Station, OcppVersion.V21, Start, -50));
        foreach (var type in DerControlSpec.CurveTypes)
        {
            yield return Case($"SetDERControl default {type}", CsmsCommand.SetDerControl(Station, OcppVersion.V21, DerControlSpec.Curve(type, $"{type}-1", TwoPoints, "PctMaxW")));
            yield return Case($"SetDERControl scheduled {type}", CsmsCommand.SetDerControl(Station, OcppVersion.V21,
                DerControlSpec.Curve(type, $"{type}-s", TwoPoints, "Not_Applicable", isDefault: false, priority: 3) with { StartTime = Start, DurationSeconds = 300, ResponseTime = 1 }));
        }

        yield return Case("SetDERControl LimitMaxDischarge 50 %", CsmsCommand.SetDerControl(Station, OcppVersion.V21, DerControlSpec.LimitMaxDischarge("lmd-1", 50)));
        yield return Case("SetDERControl scheduled LimitMaxDischarge", CsmsCommand.SetDerControl(Station, OcppVersion.V21, DerControlSpec.LimitMaxDischarge("lmd-s", 30, isDefault: false) with { StartTime = Start, DurationSeconds = 600 }));
        yield return Case("SetDERControl FixedPFAbsorb", CsmsCommand.SetDerControl(Station, OcppVersion.V21, DerControlSpec.FixedPF("pfa-1", absorb: true, 0.9m, excitation: false)));
        yield return Case("SetDERControl FixedPFInject", CsmsCommand.SetDerControl(Station, OcppVersion.V21, DerControlSpec.FixedPF("pfi-1", absorb: false, 0.95m, excitation: true)));
        yield return Case("SetDERControl FixedVar", CsmsCommand.SetDerControl(Station, OcppVersion.V21, DerControlSpec.FixedVar("fv-1", 40)));
        yield return Case("SetDERControl FreqDroop", CsmsCommand.SetDerControl(Station, OcppVersion.V21, DerControlSpec.FreqDroop("fd-1", 50.1m, 49.9m, 0.05m, 0.01m, 1)));
        yield return Case("SetDERControl Gradients", CsmsCommand.SetDerControl(Station, OcppVersion.V21, DerControlSpec.Gradients("gr-1", 10, 2)));
        yield return Case("SetDERControl EnterService", CsmsCommand.SetDerControl(Station, OcppVersion.V21, DerControlSpec.EnterService("es-1", 105, 92, 50.2m, 49.8m, delay: 60) with { RampRate = 5 }));
        yield return Case("GetDERControl of everything", CsmsCommand.GetDerControl(Station, OcppVersion.V21));
        yield return Case("GetDERControl by id", CsmsCommand.GetDerControl(Station, OcppVersion.V21, controlId: "lmd-1", requestId: 7));
        yield return Case("GetDERControl of default VoltWatt", CsmsCommand.GetDerControl(Station, OcppVersion.V21, isDefault: true, controlType: "VoltWatt"));
        yield return Case("ClearDERControl every default", CsmsCommand.ClearDerControl(Station, OcppVersion.V21, isDefault: true));
        yield return Case("ClearDERControl by id", CsmsCommand.ClearDerControl(Station, OcppVersion.V21, isDefault: false, controlId: "vw-s"));
        yield return Case("ClearDERControl by type", CsmsCommand.ClearDerControl(Station, OcppVersion.V21, isDefault: true, controlType: "FreqWatt"));
    }

    [TestCaseSource(nameof(Commands))]
    public void The_payload_is_valid_against_the_official_2_1_schema(CsmsCommand command)
    {
        var official = OfficialSchemas.Require();
        var json = command.Payload().GetRawText();
        official.Validate(OcppVersion.V21, command.OcppAction!, PayloadKind.Request, json).ShouldBeEmpty(json);
    }

    [Test]
    public void The_schema_oracle_rejects_a_DER_control_without_its_settings()
    {
        // Proves the check above can fail: a discharge limit above 0 and an unknown mode break the 2.1 schema.
        var official = OfficialSchemas.Require();
        var bad = """{"evseId":1,"chargingProfile":{"id":1,"stackLevel":0,"chargingProfilePurpose":"TxProfile","chargingProfileKind":"Relative","chargingSchedule":[{"id":1,"chargingRateUnit":"W","chargingSchedulePeriod":[{"startPeriod":0,"dischargeLimit":5,"operationMode":"Discharging"}]}]}}""";
        official.Validate(OcppVersion.V21, "SetChargingProfile", PayloadKind.Request, bad).ShouldNotBeEmpty();
    }

    [Test]
    public void A_discharge_setpoint_period_carries_setpoint_and_mode_and_no_limit()
    {
        var payload = CsmsCommand.SetV2xProfile(Station, OcppVersion.V21, 1, "TX-1", "CentralSetpoint", setpointW: -20000, profileId: 201).Payload();
        var period = payload.GetProperty("chargingProfile").GetProperty("chargingSchedule")[0].GetProperty("chargingSchedulePeriod")[0];
        period.GetProperty("setpoint").GetDecimal().ShouldBe(-20000m);
        period.GetProperty("operationMode").GetString().ShouldBe("CentralSetpoint");
        period.TryGetProperty("limit", out _).ShouldBeFalse();
        period.TryGetProperty("dischargeLimit", out _).ShouldBeFalse();
        payload.GetProperty("chargingProfile").GetProperty("transactionId").GetString().ShouldBe("TX-1");
        payload.GetProperty("chargingProfile").GetProperty("id").GetInt32().ShouldBe(201);
    }

    [Test]
    public void The_schema_oracle_rejects_an_empty_frequency_watt_curve_and_a_fractional_signal()
    {
        // Proves the curve cases above can fail: the 2.1 schema wants at least one point and integer signals.
        var official = OfficialSchemas.Require();
        var empty = """{"evseId":1,"chargingProfile":{"id":1,"stackLevel":0,"chargingProfilePurpose":"TxProfile","chargingProfileKind":"Relative","transactionId":"TX-1","chargingSchedule":[{"id":1,"chargingRateUnit":"W","chargingSchedulePeriod":[{"startPeriod":0,"operationMode":"LocalFrequency","v2xFreqWattCurve":[]}]}]}}""";
        official.Validate(OcppVersion.V21, "SetChargingProfile", PayloadKind.Request, empty).ShouldNotBeEmpty();
        official.Validate(OcppVersion.V21, "AFRRSignal", PayloadKind.Request, """{"timestamp":"2026-01-01T08:05:00.000Z","signal":-50.5}""").ShouldNotBeEmpty();
    }

    [Test]
    public void A_frequency_curve_period_carries_its_points_in_the_order_given_its_baseline_and_mode()
    {
        var command = CsmsCommand.SetV2xCurveProfile(Station, OcppVersion.V21, 1, "TX-1", "LocalFrequency",
            freqWattCurve: [new(50.2m, 20000), new(49.8m, -20000)], baselineW: -5000, profileId: 201);
        var period = command.Payload().GetProperty("chargingProfile").GetProperty("chargingSchedule")[0].GetProperty("chargingSchedulePeriod")[0];
        period.GetProperty("operationMode").GetString().ShouldBe("LocalFrequency");
        period.GetProperty("v2xBaseline").GetDecimal().ShouldBe(-5000m);
        period.GetProperty("v2xFreqWattCurve").EnumerateArray().Select(p => (p.GetProperty("frequency").GetDecimal(), p.GetProperty("power").GetDecimal()))
            .ShouldBe([(50.2m, 20000m), (49.8m, -20000m)]);
        period.TryGetProperty("v2xSignalWattCurve", out _).ShouldBeFalse();
        period.TryGetProperty("setpoint", out _).ShouldBeFalse();
        period.TryGetProperty("limit", out _).ShouldBeFalse();
        command.TemplateName.ShouldBe("SetChargingProfileV2xCurve");
        command.Placeholders()["payload"].ShouldContain("\"v2xFreqWattCurve\"");
        command.Describe().ShouldContain("50.2 Hz → 20 kW");
    }

    [Test]
    public void A_signal_curve_period_carries_integer_signals_and_no_frequency_curve()
    {
        var command = CsmsCommand.SetV2xCurveProfile(Station, OcppVersion.V21, 1, "TX-1", "CentralFrequency", signalWattCurve: SignalWatt);
        var period = command.Payload().GetProperty("chargingProfile").GetProperty("chargingSchedule")[0].GetProperty("chargingSchedulePeriod")[0];
        period.GetProperty("v2xSignalWattCurve").EnumerateArray().Select(p => p.GetProperty("signal").GetRawText()).ShouldBe(["-100", "0", "100"]);
        period.TryGetProperty("v2xFreqWattCurve", out _).ShouldBeFalse();
        period.TryGetProperty("v2xBaseline", out _).ShouldBeFalse();
        command.TemplateName.ShouldBe("SetChargingProfileV2xCurve");
    }

    [Test]
    public void An_aFRR_signal_carries_its_timestamp_in_UTC_and_its_value()
    {
        var at = new DateTimeOffset(2026, 1, 1, 10, 5, 0, TimeSpan.FromHours(2));
        var command = CsmsCommand.AfrrSignal(Station, OcppVersion.V21, at, -50);
        command.OcppAction.ShouldBe("AFRRSignal");
        command.TemplateName.ShouldBe("AFRRSignal");
        var payload = command.Payload();
        payload.GetProperty("timestamp").GetString().ShouldBe("2026-01-01T08:05:00.000Z");
        payload.GetProperty("signal").GetInt32().ShouldBe(-50);
        command.Placeholders()["signal"].ShouldBe("-50");
        command.Placeholders()["timestamp"].ShouldBe("2026-01-01T08:05:00.000Z");
    }

    [Test]
    public void A_curve_control_carries_its_points_in_order_and_its_schedule()
    {
        var spec = DerControlSpec.Curve("VoltWatt", "vw-s", [new(100, 100), new(106, 100), new(110, 0)], "PctMaxW", isDefault: false, priority: 2) with { StartTime = Start, DurationSeconds = 300 };
        var payload = CsmsCommand.SetDerControl(Station, OcppVersion.V21, spec).Payload();
        payload.GetProperty("controlType").GetString().ShouldBe("VoltWatt");
        payload.GetProperty("isDefault").GetBoolean().ShouldBeFalse();
        var curve = payload.GetProperty("curve");
        curve.GetProperty("priority").GetInt32().ShouldBe(2);
        curve.GetProperty("startTime").GetString().ShouldBe("2026-01-01T08:05:00.000Z");
        curve.GetProperty("duration").GetDecimal().ShouldBe(300m);
        curve.GetProperty("curveData").EnumerateArray().Select(p => (p.GetProperty("x").GetDecimal(), p.GetProperty("y").GetDecimal()))
            .ShouldBe([(100m, 100m), (106m, 100m), (110m, 0m)]);
    }

    [Test]
    public void Each_setting_control_type_goes_in_its_own_field()
    {
        Field(DerControlSpec.LimitMaxDischarge("a", 50)).ShouldBe("limitMaxDischarge");
        Field(DerControlSpec.FixedPF("b", absorb: true, 0.9m, excitation: false)).ShouldBe("fixedPFAbsorb");
        Field(DerControlSpec.FixedPF("c", absorb: false, 0.9m, excitation: false)).ShouldBe("fixedPFInject");
        Field(DerControlSpec.FixedVar("d", 10)).ShouldBe("fixedVar");
        Field(DerControlSpec.FreqDroop("e", 50.1m, 49.9m, 0.05m, 0.05m, 1)).ShouldBe("freqDroop");
        Field(DerControlSpec.Gradients("f", 1, 1)).ShouldBe("gradient");
        Field(DerControlSpec.EnterService("g", 105, 92, 50.2m, 49.8m)).ShouldBe("enterService");
    }

    public static IEnumerable<TestCaseData> OlderVersions()
    {
        foreach (var version in new[] { OcppVersion.V16, OcppVersion.V201 })
        {
            yield return new TestCaseData(CsmsCommand.NotifyAllowedEnergyTransfer(Station, version, "1", ["DC"])).SetName($"NotifyAllowedEnergyTransfer is not applicable on {version}");
            yield return new TestCaseData(CsmsCommand.SetV2xProfile(Station, version, 1, "1", "CentralSetpoint", setpointW: -20000)).SetName($"A setpoint TxProfile is not applicable on {version}");
            yield return new TestCaseData(CsmsCommand.SetDerControl(Station, version, DerControlSpec.LimitMaxDischarge("l", 50))).SetName($"SetDERControl is not applicable on {version}");
            yield return new TestCaseData(CsmsCommand.SetV2xCurveProfile(Station, version, 1, "1", "LocalFrequency", freqWattCurve: FreqWatt)).SetName($"A LocalFrequency TxProfile is not applicable on {version}");
            yield return new TestCaseData(CsmsCommand.SetV2xCurveProfile(Station, version, 1, "1", "CentralFrequency", signalWattCurve: SignalWatt, baselineW: -5000)).SetName($"A CentralFrequency TxProfile is not applicable on {version}");
            yield return new TestCaseData(CsmsCommand.AfrrSignal(Station, version, Start, -50)).SetName($"AFRRSignal is not applicable on {version}");
            yield return new TestCaseData(CsmsCommand.GetDerControl(Station, version)).SetName($"GetDERControl is not applicable on {version}");
            yield return new TestCaseData(CsmsCommand.ClearDerControl(Station, version, isDefault: true)).SetName($"ClearDERControl is not applicable on {version}");
        }
    }

    [TestCaseSource(nameof(OlderVersions))]
    public void Versions_before_2_1_cannot_express_it(CsmsCommand command)
    {
        command.OcppAction.ShouldBeNull();
        Should.Throw<CsmsActionNotApplicableException>(() => command.Payload());
    }

    [Test]
    public void A_plain_limit_TxProfile_is_unchanged_and_applicable_everywhere()
    {
        foreach (var version in new[] { OcppVersion.V16, OcppVersion.V201, OcppVersion.V21 })
        {
            var command = CsmsCommand.SetChargingProfile(Station, version, "TxProfile", 1, limitW: 50000, transactionId: "1");
            command.OcppAction.ShouldBe("SetChargingProfile");
            command.TemplateName.ShouldBe("SetChargingProfile");
            command.Payload().GetRawText().ShouldNotContain("operationMode");
        }

        CsmsCommand.SetV2xProfile(Station, OcppVersion.V21, 1, "1", "Idle").TemplateName.ShouldBe("SetChargingProfileV2x");
    }

    private static string Field(DerControlSpec spec)
    {
        var payload = CsmsCommand.SetDerControl(Station, OcppVersion.V21, spec).Payload();
        return payload.EnumerateObject().Select(p => p.Name).Single(n => n is not ("isDefault" or "controlId" or "controlType"));
    }

    private static TestCaseData Case(string name, CsmsCommand command) => new TestCaseData(command).SetName($"{name} validates against the 2.1 schema");
}
