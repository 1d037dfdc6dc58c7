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
        yield return Case("NotifyAllowedEnergyTransfer DC_BPT, DC", new NotifyAllowedEnergyTransferCommand(Station, OcppVersion.V21, "TX-1", ["DC_BPT", "DC"], 1));
        yield return Case("TxProfile CentralSetpoint -20 kW", new SetV2xProfileCommand(Station, OcppVersion.V21, 1, "TX-1", "CentralSetpoint", SetpointW: -20000));
        yield return Case("TxProfile CentralSetpoint with a discharge limit", new SetV2xProfileCommand(Station, OcppVersion.V21, 1, "TX-1", "CentralSetpoint", SetpointW: -40000, DischargeLimitW: -15000));
        yield return Case("TxProfile ExternalLimits", new SetV2xProfileCommand(Station, OcppVersion.V21, 1, "TX-1", "ExternalLimits", LimitW: 30000, DischargeLimitW: -10000));
        yield return Case("TxProfile Idle", new SetV2xProfileCommand(Station, OcppVersion.V21, 1, "TX-1", "Idle"));
        yield return Case("TxProfile LocalFrequency", new SetV2xCurveProfileCommand(Station, OcppVersion.V21, 1, "TX-1", "LocalFrequency", FreqWattCurve: FreqWatt));
        yield return Case("TxProfile LocalFrequency with a baseline", new SetV2xCurveProfileCommand(Station, OcppVersion.V21, 1, "TX-1", "LocalFrequency", FreqWattCurve: FreqWatt, BaselineW: -5000));
        yield return Case("TxProfile CentralFrequency", new SetV2xCurveProfileCommand(Station, OcppVersion.V21, 1, "TX-1", "CentralFrequency", SignalWattCurve: SignalWatt));
        yield return Case("TxProfile CentralFrequency with a baseline", new SetV2xCurveProfileCommand(Station, OcppVersion.V21, 1, "TX-1", "CentralFrequency", SignalWattCurve: SignalWatt, BaselineW: 2500.5m));
        yield return Case("AFRRSignal -50", new AfrrSignalCommand(Station, OcppVersion.V21, Start, -50));
        yield return Case("SetDefaultTariff per minute", new SetDefaultTariffCommand(Station, OcppVersion.V21, 1, "T-1", "EUR", PricePerMinute: 1.00m));
        yield return Case("SetDefaultTariff per minute and kWh for every EVSE", new SetDefaultTariffCommand(Station, OcppVersion.V21, 0, "T-2", "EUR", PricePerMinute: 0.05m, PricePerKwh: 0.39m));
        yield return Case("SetVariables of a NetworkConfiguration slot", new SetNetworkConfigurationCommand(Station, OcppVersion.V21, 2, "wss://csms.example/ocpp", 2));
        foreach (var type in DerControlSpec.CurveTypes)
        {
            yield return Case($"SetDERControl default {type}", new SetDerControlCommand(Station, OcppVersion.V21, DerControlSpec.Curve(type, $"{type}-1", TwoPoints, "PctMaxW")));
            yield return Case($"SetDERControl scheduled {type}", new SetDerControlCommand(Station, OcppVersion.V21,
                DerControlSpec.Curve(type, $"{type}-s", TwoPoints, "Not_Applicable", isDefault: false, priority: 3) with { StartTime = Start, DurationSeconds = 300, ResponseTime = 1 }));
        }

        yield return Case("SetDERControl LimitMaxDischarge 50 %", new SetDerControlCommand(Station, OcppVersion.V21, DerControlSpec.LimitMaxDischarge("lmd-1", 50)));
        yield return Case("SetDERControl scheduled LimitMaxDischarge", new SetDerControlCommand(Station, OcppVersion.V21, DerControlSpec.LimitMaxDischarge("lmd-s", 30, isDefault: false) with { StartTime = Start, DurationSeconds = 600 }));
        yield return Case("SetDERControl FixedPFAbsorb", new SetDerControlCommand(Station, OcppVersion.V21, DerControlSpec.FixedPF("pfa-1", absorb: true, 0.9m, excitation: false)));
        yield return Case("SetDERControl FixedPFInject", new SetDerControlCommand(Station, OcppVersion.V21, DerControlSpec.FixedPF("pfi-1", absorb: false, 0.95m, excitation: true)));
        yield return Case("SetDERControl FixedVar", new SetDerControlCommand(Station, OcppVersion.V21, DerControlSpec.FixedVar("fv-1", 40)));
        yield return Case("SetDERControl FreqDroop", new SetDerControlCommand(Station, OcppVersion.V21, DerControlSpec.FreqDroop("fd-1", 50.1m, 49.9m, 0.05m, 0.01m, 1)));
        yield return Case("SetDERControl Gradients", new SetDerControlCommand(Station, OcppVersion.V21, DerControlSpec.Gradients("gr-1", 10, 2)));
        yield return Case("SetDERControl EnterService", new SetDerControlCommand(Station, OcppVersion.V21, DerControlSpec.EnterService("es-1", 105, 92, 50.2m, 49.8m, delay: 60) with { RampRate = 5 }));
        yield return Case("GetDERControl of everything", new GetDerControlCommand(Station, OcppVersion.V21));
        yield return Case("GetDERControl by id", new GetDerControlCommand(Station, OcppVersion.V21, ControlId: "lmd-1", RequestId: 7));
        yield return Case("GetDERControl of default VoltWatt", new GetDerControlCommand(Station, OcppVersion.V21, IsDefault: true, ControlType: "VoltWatt"));
        yield return Case("ClearDERControl every default", new ClearDerControlCommand(Station, OcppVersion.V21, IsDefault: true));
        yield return Case("ClearDERControl by id", new ClearDerControlCommand(Station, OcppVersion.V21, IsDefault: false, ControlId: "vw-s"));
        yield return Case("ClearDERControl by type", new ClearDerControlCommand(Station, OcppVersion.V21, IsDefault: true, ControlType: "FreqWatt"));
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
        var payload = new SetV2xProfileCommand(Station, OcppVersion.V21, 1, "TX-1", "CentralSetpoint", SetpointW: -20000, ProfileId: 201).Payload();
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
        var command = new SetV2xCurveProfileCommand(Station, OcppVersion.V21, 1, "TX-1", "LocalFrequency",
            FreqWattCurve: [new(50.2m, 20000), new(49.8m, -20000)], BaselineW: -5000, ProfileId: 201);
        var period = command.Payload().GetProperty("chargingProfile").GetProperty("chargingSchedule")[0].GetProperty("chargingSchedulePeriod")[0];
        period.GetProperty("operationMode").GetString().ShouldBe("LocalFrequency");
        period.GetProperty("v2xBaseline").GetDecimal().ShouldBe(-5000m);
        period.GetProperty("v2xFreqWattCurve").EnumerateArray().Select(p => (p.GetProperty("frequency").GetDecimal(), p.GetProperty("power").GetDecimal()))
            .ShouldBe([(50.2m, 20000m), (49.8m, -20000m)]);
        period.TryGetProperty("v2xSignalWattCurve", out _).ShouldBeFalse();
        period.TryGetProperty("setpoint", out _).ShouldBeFalse();
        period.TryGetProperty("limit", out _).ShouldBeFalse();
        HttpPlaceholders.TemplateName(command).ShouldBe("SetChargingProfileV2xCurve");
        HttpPlaceholders.For(command)["payload"].ShouldContain("\"v2xFreqWattCurve\"");
        OperatorInstructions.For(command).ShouldContain("50.2 Hz → 20 kW");
    }

    [Test]
    public void A_signal_curve_period_carries_integer_signals_and_no_frequency_curve()
    {
        var command = new SetV2xCurveProfileCommand(Station, OcppVersion.V21, 1, "TX-1", "CentralFrequency", SignalWattCurve: SignalWatt);
        var period = command.Payload().GetProperty("chargingProfile").GetProperty("chargingSchedule")[0].GetProperty("chargingSchedulePeriod")[0];
        period.GetProperty("v2xSignalWattCurve").EnumerateArray().Select(p => p.GetProperty("signal").GetRawText()).ShouldBe(["-100", "0", "100"]);
        period.TryGetProperty("v2xFreqWattCurve", out _).ShouldBeFalse();
        period.TryGetProperty("v2xBaseline", out _).ShouldBeFalse();
        HttpPlaceholders.TemplateName(command).ShouldBe("SetChargingProfileV2xCurve");
    }

    [Test]
    public void An_aFRR_signal_carries_its_timestamp_in_UTC_and_its_value()
    {
        var at = new DateTimeOffset(2026, 1, 1, 10, 5, 0, TimeSpan.FromHours(2));
        var command = new AfrrSignalCommand(Station, OcppVersion.V21, at, -50);
        command.OcppAction.ShouldBe("AFRRSignal");
        HttpPlaceholders.TemplateName(command).ShouldBe("AFRRSignal");
        var payload = command.Payload();
        payload.GetProperty("timestamp").GetString().ShouldBe("2026-01-01T08:05:00.000Z");
        payload.GetProperty("signal").GetInt32().ShouldBe(-50);
        HttpPlaceholders.For(command)["signal"].ShouldBe("-50");
        HttpPlaceholders.For(command)["timestamp"].ShouldBe("2026-01-01T08:05:00.000Z");
    }

    [Test]
    public void A_default_tariff_carries_its_prices_and_leaves_its_id_to_the_CSMS()
    {
        var command = new SetDefaultTariffCommand(Station, OcppVersion.V21, 1, "T-1", "EUR", PricePerMinute: 1.00m);

        var payload = command.Payload();
        payload.GetProperty("evseId").GetInt32().ShouldBe(1);
        payload.GetProperty("tariff").GetProperty("chargingTime").GetProperty("prices")[0].GetProperty("priceMinute").GetDecimal().ShouldBe(1.00m);
        payload.GetProperty("tariff").TryGetProperty("energy", out _).ShouldBeFalse();
        command.AskedFields().Select(f => f.Path).ShouldBe(["evseId", "tariff.currency", "tariff.chargingTime.prices[0].priceMinute"], ignoreOrder: true);
        HttpPlaceholders.TemplateName(command).ShouldBe("SetDefaultTariff");
        HttpPlaceholders.For(command)["pricePerMinute"].ShouldBe("1.00");
        HttpPlaceholders.For(command).ContainsKey("pricePerKwh").ShouldBeFalse();
        OperatorInstructions.For(command).ShouldContain("EVSE 1 of 1.00 EUR per minute of charging time without tax");
    }

    [Test]
    public void A_curve_control_carries_its_points_in_order_and_its_schedule()
    {
        var spec = DerControlSpec.Curve("VoltWatt", "vw-s", [new(100, 100), new(106, 100), new(110, 0)], "PctMaxW", isDefault: false, priority: 2) with { StartTime = Start, DurationSeconds = 300 };
        var payload = new SetDerControlCommand(Station, OcppVersion.V21, spec).Payload();
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
            yield return new TestCaseData(new NotifyAllowedEnergyTransferCommand(Station, version, "1", ["DC"])).SetName($"NotifyAllowedEnergyTransfer is not applicable on {version}");
            yield return new TestCaseData(new SetV2xProfileCommand(Station, version, 1, "1", "CentralSetpoint", SetpointW: -20000)).SetName($"A setpoint TxProfile is not applicable on {version}");
            yield return new TestCaseData(new SetDerControlCommand(Station, version, DerControlSpec.LimitMaxDischarge("l", 50))).SetName($"SetDERControl is not applicable on {version}");
            yield return new TestCaseData(new SetV2xCurveProfileCommand(Station, version, 1, "1", "LocalFrequency", FreqWattCurve: FreqWatt)).SetName($"A LocalFrequency TxProfile is not applicable on {version}");
            yield return new TestCaseData(new SetV2xCurveProfileCommand(Station, version, 1, "1", "CentralFrequency", SignalWattCurve: SignalWatt, BaselineW: -5000)).SetName($"A CentralFrequency TxProfile is not applicable on {version}");
            yield return new TestCaseData(new AfrrSignalCommand(Station, version, Start, -50)).SetName($"AFRRSignal is not applicable on {version}");
            yield return new TestCaseData(new SetDefaultTariffCommand(Station, version, 1, "T-1", "EUR", PricePerMinute: 1m)).SetName($"SetDefaultTariff is not applicable on {version}");
            yield return new TestCaseData(new GetDerControlCommand(Station, version)).SetName($"GetDERControl is not applicable on {version}");
            yield return new TestCaseData(new ClearDerControlCommand(Station, version, IsDefault: true)).SetName($"ClearDERControl is not applicable on {version}");
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
            var command = new SetChargingProfileCommand(Station, version, "TxProfile", 1, LimitW: 50000, TransactionId: "1");
            command.OcppAction.ShouldBe("SetChargingProfile");
            HttpPlaceholders.TemplateName(command).ShouldBe("SetChargingProfile");
            command.Payload().GetRawText().ShouldNotContain("operationMode");
        }

        HttpPlaceholders.TemplateName(new SetV2xProfileCommand(Station, OcppVersion.V21, 1, "1", "Idle")).ShouldBe("SetChargingProfileV2x");
    }

    private static string Field(DerControlSpec spec)
    {
        var payload = new SetDerControlCommand(Station, OcppVersion.V21, spec).Payload();
        return payload.EnumerateObject().Select(p => p.Name).Single(n => n is not ("isDefault" or "controlId" or "controlType"));
    }

    private static TestCaseData Case(string name, CsmsCommand command) => new TestCaseData(command).SetName($"{name} validates against the 2.1 schema");
}
