using DerSim.Sim.Ocpp;
using DerSim.Sim.Ocpp.Validation;
using DerSim.Sim.Physics;
using DerSim.Sim.SmartCharging;
using V21 = DerSim.Sim.Ocpp.V21;

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

    public static IEnumerable<TestCaseData> Installs()
    {
        TestCaseData Case(ChargingSchedulePeriod p, string? reasonCode, string name) =>
            new TestCaseData(p, reasonCode).SetName($"{name} → {reasonCode ?? "Accepted"}");

        yield return Case(P(OperationMode.CentralSetpoint, setpoint: -20000), null, "CentralSetpoint -20 kW");
        yield return Case(P(OperationMode.CentralSetpoint, limit: 11000, discharge: -7000, setpoint: -3000), null, "CentralSetpoint within limit and dischargeLimit");
        yield return Case(P(OperationMode.ExternalLimits, limit: 11000, discharge: -7000), null, "ExternalLimits");
        yield return Case(P(OperationMode.Idle), null, "Idle");
        yield return Case(P(null, limit: 11000), null, "no mode (ChargingOnly) with a limit");
        yield return Case(P(OperationMode.LocalFrequency, limit: 11000), "UnsupportedMode", "LocalFrequency");
        yield return Case(P(OperationMode.ExternalSetpoint, setpoint: 1000), "UnsupportedMode", "ExternalSetpoint");
        yield return Case(P(OperationMode.CentralFrequency), "UnsupportedMode", "CentralFrequency");
        yield return Case(P(OperationMode.LocalLoadBalancing), "UnsupportedMode", "LocalLoadBalancing");
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
    public void The_rejection_names_the_mode_and_converts_to_a_valid_21_answer()
    {
        var store = Build.StoreWithTransaction(SmartChargingRules.V21);
        var result = store.Install(1, Tx(P(OperationMode.LocalFrequency, limit: 1000)));

        result.Detail!.ShouldContain("LocalFrequency");
        var json = SchemaCheck.Valid(OcppVersion.V21, "SetChargingProfile", PayloadKind.Response, V21SmartCharging.ToV21(result));
        json.ShouldContain("\"UnsupportedMode\"");
    }

    [Test]
    public void Older_versions_do_not_check_21_fields()
    {
        Build.StoreWithTransaction(SmartChargingRules.V2x).Install(1, Tx(P(null, limit: -5000))).IsAccepted.ShouldBeTrue();
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
        var json = SchemaCheck.Valid(OcppVersion.V21, "GetCompositeSchedule", PayloadKind.Response, V21SmartCharging.ToV21Response(composite));
        json.ShouldContain("\"operationMode\":\"CentralSetpoint\"");
        json.ShouldContain("\"setpoint\":-20000");
        json.ShouldContain("\"dischargeLimit\":-25000");
        json.ShouldContain("\"operationMode\":\"Idle\"");

        // The station (EVSE 0) has no operation mode; its composite stays a plain limit schedule.
        store.CompositeSchedule(0, Build.T0, 1800, ChargingRateUnit.W, Build.Dc400).Periods.ShouldAllBe(p => p.OperationMode == null && p.Setpoint == null);
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

        var model = V21SmartCharging.FromV21(request);
        model.Schedule.Periods[0].OperationMode.ShouldBe(OperationMode.CentralSetpoint);
        V21SmartCharging.ToV21(model).ChargingSchedule[0].ChargingSchedulePeriod[0].OperationMode.ShouldBe(V21.OperationModeEnumType.CentralSetpoint);
    }
}
