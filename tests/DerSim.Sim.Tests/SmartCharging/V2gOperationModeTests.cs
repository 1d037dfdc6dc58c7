using DerSim.Ocpp;
using DerSim.Ocpp.Dialects;
using DerSim.Ocpp.Validation;
using DerSim.Sim.Physics;
using DerSim.Sim.SmartCharging;
using V21 = DerSim.Ocpp.V21;

namespace DerSim.Sim.Tests.SmartCharging;

/// <summary>
/// 2.1 operation modes in smart charging: the checks at install (modes the simulator cannot honour and inconsistent
/// periods are rejected with a reasonCode) and the effective period the physics follows.
/// </summary>
public class V2gOperationModeTests
{
    private static ChargingProfile Tx(params ChargingSchedulePeriod[] periods) =>
        new(7, 0, ChargingProfilePurpose.Tx, ChargingProfileKind.Relative, [new ChargingSchedule(1, ChargingRateUnit.W, periods)])
        {
            EvseId = 1,
            TransactionId = "TX-1",
        };

    private static ChargingSchedulePeriod P(OperationMode? mode, decimal? limit = null, decimal? discharge = null, decimal? setpoint = null, int start = 0) =>
        new(start, limit) { OperationMode = mode, DischargeLimit = discharge, Setpoint = setpoint };

    private static readonly V2xCurvePoint[] FreqCurve = [new(49.8m, -20000), new(50.0m, 0), new(50.2m, 20000)];
    private static readonly V2xCurvePoint[] SignalCurve = [new(-100, -30000), new(0, 0), new(100, 30000)];

    private static ChargingSchedulePeriod Freq(ChargingSchedulePeriod p) => p with { V2xFreqWattCurve = FreqCurve };

    private static ChargingSchedulePeriod Signal(ChargingSchedulePeriod p) => p with { V2xSignalWattCurve = SignalCurve };

    public static IEnumerable<TestCaseData> Installs()
    {
        TestCaseData Case(ChargingSchedulePeriod p, string? reasonCode, string name) =>
            new TestCaseData(p, reasonCode).SetName($"{name} → {reasonCode ?? "Accepted"}");

        yield return Case(P(OperationMode.CentralSetpoint, setpoint: -20000), null, "CentralSetpoint -20 kW");
        yield return Case(P(OperationMode.CentralSetpoint, limit: 11000, discharge: -7000, setpoint: -3000), null, "CentralSetpoint within limit and dischargeLimit");
        yield return Case(P(OperationMode.ExternalLimits, limit: 11000, discharge: -7000), null, "ExternalLimits");
        yield return Case(P(OperationMode.Idle), null, "Idle");
        yield return Case(P(null, limit: 11000), null, "no mode (ChargingOnly) with a limit");
        yield return Case(P(OperationMode.LocalFrequency, limit: 11000), "InconsistentPeriod", "LocalFrequency without a frequency-watt curve");
        yield return Case(Freq(P(OperationMode.LocalFrequency, limit: 11000, discharge: -11000)), null, "LocalFrequency with a curve");
        yield return Case(Freq(P(OperationMode.LocalFrequency, setpoint: 1000)), "InconsistentPeriod", "LocalFrequency with a setpoint");
        yield return Case(Signal(P(OperationMode.CentralFrequency)), null, "CentralFrequency with a curve");
        yield return Case(P(OperationMode.ExternalSetpoint, limit: 11000, discharge: -7000), null, "ExternalSetpoint within limits");
        yield return Case(P(OperationMode.ExternalSetpoint, setpoint: 1000), "InconsistentPeriod", "ExternalSetpoint with a setpoint of the CSMS's own");
        yield return Case(P(OperationMode.CentralFrequency), "InconsistentPeriod", "CentralFrequency without a signal-watt curve");
        yield return Case(Freq(P(OperationMode.CentralFrequency)), "InconsistentPeriod", "CentralFrequency with only a frequency-watt curve");
        yield return Case(P(OperationMode.LocalLoadBalancing, limit: 11000, discharge: -7000), null, "LocalLoadBalancing within limits");
        yield return Case(P(OperationMode.CentralSetpoint, limit: 11000), "InconsistentPeriod", "CentralSetpoint without setpoint");
        yield return Case(P(OperationMode.CentralSetpoint, limit: 5000, setpoint: 8000), null, "setpoint above limit (the limit bounds it)");
        yield return Case(P(OperationMode.CentralSetpoint, discharge: -5000, setpoint: -8000), null, "setpoint below dischargeLimit (the dischargeLimit bounds it)");
        yield return Case(P(OperationMode.ExternalLimits, limit: -8000, discharge: -5000), "InconsistentPeriod", "limit below dischargeLimit");
        yield return Case(P(null, limit: -5000), "InconsistentPeriod", "negative limit in ChargingOnly");
        yield return Case(P(OperationMode.ChargingOnly, limit: 5000, discharge: -5000), "InconsistentPeriod", "dischargeLimit in ChargingOnly");
        yield return Case(P(OperationMode.ExternalLimits, limit: 5000, setpoint: 1000), "InconsistentPeriod", "setpoint outside CentralSetpoint");
    }

    [TestCaseSource(nameof(Installs))]
    public void Install_checks_the_period(ChargingSchedulePeriod period, string? reasonCode)
    {
        var store = Build.StoreWithTransaction(SmartChargingRules.V21);

        var result = store.Install(1, Tx(period));

        result.ReasonCode.ShouldBe(reasonCode, result.Detail);
        if (reasonCode is not null)
        {
            result.Detail.ShouldNotBeNullOrEmpty();
            (reasonCode.Length <= 20).ShouldBeTrue();
        }
    }

    [Test]
    public void A_rejected_period_names_its_problem_and_converts_to_a_valid_21_answer()
    {
        var store = Build.StoreWithTransaction(SmartChargingRules.V21);
        var result = store.Install(1, Tx(P(OperationMode.ExternalSetpoint, setpoint: 1000)));

        result.Detail!.ShouldContain("ExternalSetpoint");
        var json = SchemaCheck.Valid(OcppVersion.V21, "SetChargingProfile", PayloadKind.Response, Ocpp2SmartCharging.ToOcpp2(result, Ocpp2Dialect.V21));
        json.ShouldContain("\"InconsistentPeriod\"");
    }

    [Test]
    public void Older_versions_do_not_check_21_fields()
    {
        Build.StoreWithTransaction(SmartChargingRules.Ocpp2).Install(1, Tx(P(null, limit: -5000))).IsAccepted.ShouldBeTrue();
    }

    [Test]
    public void The_effective_period_carries_mode_setpoint_and_the_tightest_discharge_limit()
    {
        var store = Build.StoreWithTransaction(SmartChargingRules.V21);
        store.Install(1, Tx(P(OperationMode.CentralSetpoint, limit: 30000, discharge: -25000, setpoint: -20000),
            P(OperationMode.Idle, start: 600))).IsAccepted.ShouldBeTrue();
        var external = new ChargingProfile(8, 0, ChargingProfilePurpose.ChargingStationExternalConstraints, ChargingProfileKind.Relative,
            [new ChargingSchedule(1, ChargingRateUnit.W, [P(OperationMode.ExternalLimits, limit: 40000, discharge: -15000)])]) { EvseId = 1 };
        store.InstallExternal(1, external);

        var now = store.Effective(1, Build.T0.AddSeconds(10), Build.Dc400);
        now.Mode.ShouldBe(OperationMode.CentralSetpoint);
        now.SetpointKw.ShouldBe(-20);
        now.LimitKw.ShouldBeKw(30);
        now.DischargeLimitKw.ShouldBe(-15, "the external constraint's -15 kW is tighter than the TxProfile's -25 kW");

        var later = store.Effective(1, Build.T0.AddSeconds(600), Build.Dc400);
        later.Mode.ShouldBe(OperationMode.Idle);
        later.SetpointKw.ShouldBeNull();
    }

    [Test]
    public void The_composite_schedule_carries_mode_setpoint_and_discharge_limit_and_is_a_valid_21_answer()
    {
        var store = Build.StoreWithTransaction(SmartChargingRules.V21);
        store.Install(1, Tx(P(OperationMode.CentralSetpoint, limit: 30000, discharge: -25000, setpoint: -20000),
            P(OperationMode.Idle, start: 600), P(null, limit: 11000, start: 1200))).IsAccepted.ShouldBeTrue();

        var composite = store.CompositeSchedule(1, Build.T0, 1800, ChargingRateUnit.W, Build.Dc400);

        composite.Periods.Select(p => (p.StartPeriod, p.OperationMode, p.Setpoint, p.DischargeLimit, p.Limit)).ShouldBe([
            (0, OperationMode.CentralSetpoint, -20000.0, -25000.0, 30000.0),
            (600, OperationMode.Idle, null, null, null),
            (1200, null, null, null, 11000.0),
        ]);
        var json = SchemaCheck.Valid(OcppVersion.V21, "GetCompositeSchedule", PayloadKind.Response, Ocpp2SmartCharging.ToOcpp2Response(composite, Ocpp2Dialect.V21));
        json.ShouldContain("\"operationMode\":\"CentralSetpoint\"");
        json.ShouldContain("\"setpoint\":-20000");
        json.ShouldContain("\"dischargeLimit\":-25000");
        json.ShouldContain("\"operationMode\":\"Idle\"");

        // The station (EVSE 0) has no operation mode; its composite stays a plain limit schedule.
        store.CompositeSchedule(0, Build.T0, 1800, ChargingRateUnit.W, Build.Dc400).Periods.ShouldAllBe(p => p.OperationMode == null && p.Setpoint == null);
    }

    /// <summary>Grid frequency → setpoint along the frequency-watt curve (49.8 Hz −20 kW, 50 Hz 0, 50.2 Hz +20 kW), with and without a baseline.</summary>
    [TestCase(50.0, null, 0.0)]
    [TestCase(49.9, null, -10.0)]
    [TestCase(49.8, null, -20.0)]
    [TestCase(49.5, null, -20.0, TestName = "below the curve it stays flat")]
    [TestCase(50.1, null, 10.0)]
    [TestCase(50.4, null, 20.0, TestName = "above the curve it stays flat")]
    [TestCase(50.0, -5000.0, -5.0, TestName = "the baseline at nominal frequency")]
    [TestCase(49.9, -5000.0, -15.0, TestName = "the baseline plus the curve")]
    public void LocalFrequency_follows_the_grid_along_its_curve(double hz, double? baselineW, double setpointKw)
    {
        var store = Build.StoreWithTransaction(SmartChargingRules.V21);
        store.Install(1, Tx(Freq(P(OperationMode.LocalFrequency) with { V2xBaseline = (decimal?)baselineW }))).IsAccepted.ShouldBeTrue();

        var effective = store.Effective(1, Build.T0.AddSeconds(1), Build.Dc400);

        effective.Mode.ShouldBe(OperationMode.LocalFrequency);
        effective.ToDirective(new V2xInputs(hz, AfrrSignal: null)).SetpointKw!.Value.ShouldBe(setpointKw, 1e-9);
    }

    [TestCase(null, 0.0, TestName = "before any signal the baseline alone (none: 0)")]
    [TestCase(-50, -15.0)]
    [TestCase(100, 30.0)]
    [TestCase(-250, -30.0, TestName = "a signal beyond the curve stays flat")]
    public void CentralFrequency_follows_the_aFRR_signal_along_its_curve(int? signal, double setpointKw)
    {
        var store = Build.StoreWithTransaction(SmartChargingRules.V21);
        store.Install(1, Tx(Signal(P(OperationMode.CentralFrequency)))).IsAccepted.ShouldBeTrue();

        store.Effective(1, Build.T0.AddSeconds(1), Build.Dc400).ToDirective(new V2xInputs(50, signal)).SetpointKw!.Value.ShouldBe(setpointKw, 1e-9);
    }

    [Test]
    public void A_curve_sent_out_of_order_reads_the_same()
    {
        V2xCurve.PowerW([new(50.2m, 20000), new(49.8m, -20000), new(50.0m, 0)], 49.9).ShouldBe(-10000, 1e-9);
        V2xCurve.PowerW([], 49.9).ShouldBe(0);
    }

    [Test]
    public void A_21_profile_keeps_its_curves_both_ways_and_stays_schema_valid()
    {
        const string Json = """{"evseId":1,"chargingProfile":{"id":6,"stackLevel":0,"chargingProfilePurpose":"TxProfile","chargingProfileKind":"Relative","transactionId":"TX-1","chargingSchedule":[{"id":1,"chargingRateUnit":"W","chargingSchedulePeriod":[{"startPeriod":0,"operationMode":"LocalFrequency","v2xBaseline":-5000,"v2xFreqWattCurve":[{"frequency":49.8,"power":-20000},{"frequency":50.2,"power":20000}]},{"startPeriod":600,"operationMode":"CentralFrequency","v2xSignalWattCurve":[{"signal":-100,"power":-30000},{"signal":100,"power":30000}]}]}]}}""";
        var model = Ocpp2SmartCharging.FromOcpp2(SchemaCheck.Read<V21.SetChargingProfileRequest>(OcppVersion.V21, Json));

        model.Schedule.Periods[0].V2xBaseline.ShouldBe(-5000);
        model.Schedule.Periods[0].V2xFreqWattCurve!.ShouldBe([new V2xCurvePoint(49.8m, -20000), new V2xCurvePoint(50.2m, 20000)]);
        model.Schedule.Periods[1].V2xSignalWattCurve!.ShouldBe([new V2xCurvePoint(-100, -30000), new V2xCurvePoint(100, 30000)]);
        var back = SchemaCheck.Valid(OcppVersion.V21, "SetChargingProfile", PayloadKind.Request, new V21.SetChargingProfileRequest(1, Ocpp2SmartCharging.ToOcpp2(model)));
        back.ShouldContain("\"v2xFreqWattCurve\":[{\"frequency\":49.8,\"power\":-20000}");
        back.ShouldContain("\"v2xSignalWattCurve\":[{\"signal\":-100,\"power\":-30000}");
    }

    [Test]
    public void Without_profiles_the_mode_is_ChargingOnly()
    {
        var effective = Build.StoreWithTransaction(SmartChargingRules.V21).Effective(1, Build.T0, Build.Dc400);

        effective.ShouldBe(new EffectivePeriod(OperationMode.ChargingOnly, null, null, null, null));
        effective.ToDirective().ShouldBe(PowerDirective.Unlimited);
    }

    [Test]
    public void A_21_profile_keeps_its_operation_mode_both_ways()
    {
        const string Json = """{"evseId":1,"chargingProfile":{"id":5,"stackLevel":0,"chargingProfilePurpose":"TxProfile","chargingProfileKind":"Relative","transactionId":"TX-1","chargingSchedule":[{"id":1,"chargingRateUnit":"W","chargingSchedulePeriod":[{"startPeriod":0,"setpoint":-20000.0,"operationMode":"CentralSetpoint"}]}]}}""";
        var request = SchemaCheck.Read<V21.SetChargingProfileRequest>(OcppVersion.V21, Json);

        var model = Ocpp2SmartCharging.FromOcpp2(request);
        model.Schedule.Periods[0].OperationMode.ShouldBe(OperationMode.CentralSetpoint);
        Ocpp2SmartCharging.ToOcpp2(model).ChargingSchedule[0].ChargingSchedulePeriod[0].OperationMode.ShouldBe(V21.OperationModeEnumType.CentralSetpoint);
    }
}
