using DerSim.Sim.Physics;
using DerSim.Sim.SmartCharging;

namespace DerSim.Sim.Tests.SmartCharging;

/// <summary>2.1 Dynamic charging profiles in the store: new values for their one period, and what is refused.</summary>
public class DynamicProfileTests
{
    private static ChargingProfile Dynamic(int id = 9, ChargingProfileKind kind = ChargingProfileKind.Dynamic) =>
        new(id, 0, ChargingProfilePurpose.Tx, kind,
            [new ChargingSchedule(1, ChargingRateUnit.W, [new ChargingSchedulePeriod(0, null) { OperationMode = OperationMode.CentralSetpoint, Setpoint = -10000 }])])
        {
            EvseId = 1,
            TransactionId = "TX-1",
            DynUpdateInterval = kind == ChargingProfileKind.Dynamic ? TimeSpan.FromMinutes(1) : null,
        };

    [Test]
    public void An_update_replaces_the_values_it_gives_and_keeps_the_others()
    {
        var store = Build.StoreWithTransaction(SmartChargingRules.V21);
        store.Install(1, Dynamic() with { Schedules = [Dynamic().Schedule with { Periods = [Dynamic().Schedule.Periods[0] with { DischargeLimit = -30000 }] }] }).IsAccepted.ShouldBeTrue();
        var before = store.Revision;

        store.UpdateDynamic(9, new DynamicScheduleUpdate(null, null, -20000)).IsAccepted.ShouldBeTrue();

        var period = store.DynamicProfile(9)!.Schedule.Periods[0];
        period.Setpoint.ShouldBe(-20000);
        period.DischargeLimit.ShouldBe(-30000);
        store.DynamicProfile(9)!.DynUpdateInterval.ShouldBe(TimeSpan.FromMinutes(1));
        store.Revision.ShouldBeGreaterThan(before);
        store.Effective(1, Build.T0, Build.Dc400).SetpointKw.ShouldBe(-20);
    }

    [Test]
    public void An_unknown_or_not_dynamic_profile_is_refused_with_a_reason()
    {
        var store = Build.StoreWithTransaction(SmartChargingRules.V21);
        store.Install(1, Dynamic(id: 4, kind: ChargingProfileKind.Relative)).IsAccepted.ShouldBeTrue();

        store.UpdateDynamic(99, new DynamicScheduleUpdate(null, null, -1)).ReasonCode.ShouldBe("UnknownProfile");
        store.UpdateDynamic(4, new DynamicScheduleUpdate(null, null, -1)).ReasonCode.ShouldBe("UnknownProfile");
    }

    [Test]
    public void An_update_that_breaks_the_period_is_refused_and_changes_nothing()
    {
        var store = Build.StoreWithTransaction(SmartChargingRules.V21);
        store.Install(1, Dynamic()).IsAccepted.ShouldBeTrue();

        store.UpdateDynamic(9, new DynamicScheduleUpdate(null, 5000, null)).ReasonCode.ShouldBe("InconsistentPeriod");

        store.DynamicProfile(9)!.Schedule.Periods[0].DischargeLimit.ShouldBeNull();
    }
}
