using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;
using DerSim.Sim.SmartCharging;
using static DerSim.Sim.SmartCharging.ChargingProfilePurpose;
using static DerSim.Sim.Tests.SmartCharging.Build;

namespace DerSim.Sim.Tests.SmartCharging;

/// <summary>The limit in force at an instant: stack levels, purposes, validity, recurrence, relative start and units.</summary>
[TestFixture]
public sealed class LimitEvaluationTests
{
    [Test]
    public void No_profiles_means_no_limit() =>
        new ChargingProfileStore().LimitKw(1, T0, Ac3).ShouldBeNull();

    [Test]
    public void Highest_stack_level_wins_within_a_purpose_whatever_its_value()
    {
        var store = new ChargingProfileStore();
        store.Install(1, Profile(1, TxDefault, 0, ChargingRateUnit.W, (0, 5000m)));
        store.Install(1, Profile(2, TxDefault, 5, ChargingRateUnit.W, (0, 9000m)));
        store.Install(1, Profile(3, TxDefault, 2, ChargingRateUnit.W, (0, 3000m)));
        store.LimitKw(1, T0, Ac3).ShouldBe(9.0);
    }

    [Test]
    public void Evse_specific_tx_default_beats_the_station_wide_one_on_a_tie_and_station_wide_applies_to_every_evse()
    {
        var store = new ChargingProfileStore(SmartChargingRules.V16);
        store.Install(0, Profile(1, TxDefault, 1, ChargingRateUnit.W, (0, 6000m)));
        store.Install(2, Profile(2, TxDefault, 1, ChargingRateUnit.W, (0, 4000m)));
        store.LimitKw(1, T0, Ac3).ShouldBe(6.0);
        store.LimitKw(2, T0, Ac3).ShouldBe(4.0);
    }

    [Test]
    public void Tx_profile_overrides_tx_default_while_its_transaction_runs()
    {
        var store = StoreWithTransaction();
        store.Install(1, Profile(1, TxDefault, 9, ChargingRateUnit.W, (0, 3000m)));
        store.Install(1, Profile(2, Tx, 0, ChargingRateUnit.W, (0, 20000m)) with { TransactionId = "TX-1" });
        store.LimitKw(1, T0.AddMinutes(1), Ac3).ShouldBe(20.0, "TxProfile replaces TxDefault, it does not stack with it");

        store.EndTransaction(1);
        store.LimitKw(1, T0.AddMinutes(2), Ac3).ShouldBe(3.0);
    }

    [Test]
    public void Effective_limit_is_the_minimum_of_station_max_tx_and_external()
    {
        var store = StoreWithTransaction();
        store.Install(0, Absolute(1, ChargingStationMax, 0, T0, ChargingRateUnit.W, (0, 30000m)));
        store.Install(1, Profile(2, Tx, 0, ChargingRateUnit.W, (0, 50000m)) with { TransactionId = "TX-1" });
        var limits = store.Limits(1, T0, Dc400);
        limits.StationMaxKw.ShouldBe(30.0);
        limits.TransactionKw.ShouldBe(50.0);
        limits.ExternalKw.ShouldBeNull();
        limits.EffectiveKw.ShouldBe(30.0);

        store.InstallExternal(1, Absolute(3, ChargingStationExternalConstraints, 0, T0, ChargingRateUnit.W, (0, 12000m)));
        store.LimitKw(1, T0, Dc400).ShouldBe(12.0);
        store.LimitKw(0, T0, Dc400).ShouldBe(30.0, "EVSE 0 sees the station limit; the EVSE 1 constraint is not station-wide");
    }

    [Test]
    public void Validity_window_bounds_a_profile_and_the_lower_stack_level_shows_through()
    {
        var store = new ChargingProfileStore();
        store.Install(1, Profile(1, TxDefault, 0, ChargingRateUnit.W, (0, 7000m)));
        store.Install(1, Profile(2, TxDefault, 1, ChargingRateUnit.W, (0, 2000m)) with { ValidFrom = T0.AddHours(1), ValidTo = T0.AddHours(2) });

        store.LimitKw(1, T0.AddMinutes(59), Ac3).ShouldBe(7.0);
        store.LimitKw(1, T0.AddHours(1), Ac3).ShouldBe(2.0);
        store.LimitKw(1, T0.AddHours(2).AddTicks(-1), Ac3).ShouldBe(2.0);
        store.LimitKw(1, T0.AddHours(2), Ac3).ShouldBe(7.0);
    }

    [Test]
    public void Absolute_schedule_periods_and_duration()
    {
        var store = new ChargingProfileStore();
        var start = T0.AddHours(1);
        store.Install(1, Absolute(1, TxDefault, 0, start, ChargingRateUnit.W, (0, 10000m), (600, 5000m), (1200, 8000m)).WithDuration(1800));

        store.LimitKw(1, start.AddSeconds(-1), Ac3).ShouldBeNull("not started");
        store.LimitKw(1, start, Ac3).ShouldBe(10.0);
        store.LimitKw(1, start.AddSeconds(599), Ac3).ShouldBe(10.0);
        store.LimitKw(1, start.AddSeconds(600), Ac3).ShouldBe(5.0);
        store.LimitKw(1, start.AddSeconds(1799), Ac3).ShouldBe(8.0);
        store.LimitKw(1, start.AddSeconds(1800), Ac3).ShouldBeNull("the duration ended the schedule");
    }

    [Test]
    public void Recurring_daily_schedule_across_midnight()
    {
        // Night tariff: 22:00 → 06:00 at 11 kW, the rest of the day at 3.7 kW.
        var store = new ChargingProfileStore();
        var firstNight = new DateTimeOffset(2025, 3, 1, 22, 0, 0, TimeSpan.Zero);
        var profile = Profile(1, TxDefault, 0, ChargingProfileKind.Recurring, firstNight, ChargingRateUnit.W,
            (0, 11000m), (8 * 3600, 3700m)) with { Recurrency = RecurrencyKind.Daily };
        store.Install(1, profile).IsAccepted.ShouldBeTrue();

        var laterDay = new DateTimeOffset(2025, 3, 20, 0, 0, 0, TimeSpan.Zero);
        store.LimitKw(1, laterDay.AddHours(-2).AddSeconds(-1), Ac3).ShouldBe(3.7, "21:59:59 the evening before");
        store.LimitKw(1, laterDay.AddHours(-2), Ac3).ShouldBe(11.0, "22:00");
        store.LimitKw(1, laterDay.AddMinutes(30), Ac3).ShouldBe(11.0, "00:30 after midnight");
        store.LimitKw(1, laterDay.AddHours(5).AddMinutes(59), Ac3).ShouldBe(11.0, "05:59");
        store.LimitKw(1, laterDay.AddHours(6), Ac3).ShouldBe(3.7, "06:00");
        store.LimitKw(1, laterDay.AddHours(12), Ac3).ShouldBe(3.7, "noon");
    }

    [Test]
    public void Recurring_weekly_schedule_repeats_after_seven_days()
    {
        var store = new ChargingProfileStore();
        var monday = new DateTimeOffset(2025, 3, 3, 0, 0, 0, TimeSpan.Zero);
        store.Install(1, Profile(1, TxDefault, 0, ChargingProfileKind.Recurring, monday, ChargingRateUnit.W,
            (0, 2000m), (86400, 9000m)) with { Recurrency = RecurrencyKind.Weekly });

        store.LimitKw(1, monday.AddDays(14).AddHours(12), Ac3).ShouldBe(2.0, "a Monday");
        store.LimitKw(1, monday.AddDays(16).AddHours(12), Ac3).ShouldBe(9.0, "a Wednesday");
    }

    [Test]
    public void Relative_schedule_counts_from_the_transaction_start()
    {
        var store = StoreWithTransaction(SmartChargingRules.Ocpp2);
        store.Install(1, Profile(1, Tx, 0, ChargingRateUnit.A, (0, 32m), (900, 16m), (1800, 8m)) with { TransactionId = "TX-1" });

        store.LimitKw(1, T0.AddSeconds(899), Ac3).ShouldBeKw(32 * 230 * 3 / 1000.0);
        store.LimitKw(1, T0.AddSeconds(900), Ac3).ShouldBeKw(16 * 230 * 3 / 1000.0);
        store.LimitKw(1, T0.AddHours(3), Ac3).ShouldBeKw(8 * 230 * 3 / 1000.0, "the last period runs on without a duration");
    }

    [Test]
    public void Amperes_convert_with_phases_and_voltage()
    {
        var store = new ChargingProfileStore();
        store.Install(1, Profile(1, TxDefault, 0, ChargingRateUnit.A, (0, 32m)));

        store.LimitKw(1, T0, Ac3).ShouldBeKw(22.08);
        store.LimitKw(1, T0, Ac1).ShouldBeKw(7.36, "a single-phase EVSE cannot use the assumed 3 phases");
        store.LimitKw(1, T0, Dc400).ShouldBeKw(12.8);

        store.Install(1, new ChargingProfile(1, 0, TxDefault, ChargingProfileKind.Relative,
            [new ChargingSchedule(1, ChargingRateUnit.A, [new ChargingSchedulePeriod(0, 16m) { NumberPhases = 1 }])]));
        store.LimitKw(1, T0, Ac3).ShouldBeKw(3.68, "numberPhases 1 on a 3-phase EVSE");
    }

    [Test]
    public void Electrical_context_round_trips_kw_and_amperes()
    {
        var ctx = new ElectricalContext(230, 3, CurrentType.AC);
        ctx.FromKw(ctx.ToKw(16, ChargingRateUnit.A), ChargingRateUnit.A).ShouldBe(16, 1e-9);
        ctx.ToKw(50000, ChargingRateUnit.W).ShouldBe(50);
        ctx.FromKw(50, ChargingRateUnit.W).ShouldBe(50000);
        Dc400.FromKw(50, ChargingRateUnit.A).ShouldBe(125);
    }

    [Test]
    public void Directive_function_wraps_the_store_for_the_physics()
    {
        var store = StoreWithTransaction();
        store.Install(1, Profile(1, Tx, 0, ChargingRateUnit.A, (0, 100m)) with { TransactionId = "TX-1" });
        var directive = store.DirectiveFunction(evse => evse == 1 ? Dc400 : Ac3);
        directive(1, T0)!.LimitKw.ShouldBeKw(40.0);
        directive(2, T0)!.LimitKw.ShouldBeNull();
    }
}
