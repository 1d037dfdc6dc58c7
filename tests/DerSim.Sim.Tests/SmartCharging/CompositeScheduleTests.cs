using DerSim.Sim.SmartCharging;
using static DerSim.Sim.SmartCharging.ChargingProfilePurpose;
using static DerSim.Sim.Tests.SmartCharging.Build;

namespace DerSim.Sim.Tests.SmartCharging;

/// <summary>GetCompositeSchedule: the per-interval minimum of station max and Tx/TxDefault, merged.</summary>
[TestFixture]
public sealed class CompositeScheduleTests
{
    [Test]
    public void Composite_is_the_per_interval_minimum_of_station_max_and_tx()
    {
        var store = StoreWithTransaction();
        // Station: 40 kW for the first half hour, then 20 kW.
        store.Install(0, Absolute(1, ChargingStationMax, 0, T0, ChargingRateUnit.W, (0, 40000m), (1800, 20000m)));
        // Tx: 30 kW for 10 minutes, then 50 kW.
        store.Install(1, Profile(2, Tx, 0, ChargingRateUnit.W, (0, 30000m), (600, 50000m)) with { TransactionId = "TX-1" });

        var composite = store.CompositeSchedule(1, T0, 3600, ChargingRateUnit.W, Dc400);

        composite.Periods.Select(p => (p.StartPeriod, p.Limit)).ShouldBe(
            [(0, 30000.0), (600, 40000.0), (1800, 20000.0)]);
        composite.Periods.ShouldAllBe(p => p.NumberPhases == null);
        composite.Duration.ShouldBe(3600);
        composite.ScheduleStart.ShouldBe(T0);
    }

    [Test]
    public void Adjacent_equal_intervals_merge_and_unlimited_intervals_carry_the_hardware_max()
    {
        var store = new ChargingProfileStore();
        store.Install(1, Absolute(1, TxDefault, 0, T0.AddMinutes(10), ChargingRateUnit.A, (0, 16m), (300, 16m), (600, 10m)).WithDuration(1200));
        var ctx = Ac3 with { MaxKw = 22.08 };

        var composite = store.CompositeSchedule(1, T0, 3600, ChargingRateUnit.A, ctx);

        composite.Periods.Select(p => (p.StartPeriod, Math.Round(p.Limit!.Value, 6), p.NumberPhases)).ShouldBe(
            [(0, 32.0, (int?)3), (600, 16.0, 3), (1200, 10.0, 3), (1800, 32.0, 3)]);
    }

    [Test]
    public void Evse_0_reports_the_station_level()
    {
        var store = StoreWithTransaction();
        store.Install(0, Absolute(1, ChargingStationMax, 0, T0, ChargingRateUnit.W, (0, 100000m)));
        store.Install(1, Profile(2, Tx, 0, ChargingRateUnit.W, (0, 10000m)) with { TransactionId = "TX-1" });

        store.CompositeSchedule(0, T0, 600, ChargingRateUnit.W, Dc400).Periods
            .ShouldHaveSingleItem().Limit.ShouldBe(100000.0);
    }

    [Test]
    public void Recurring_daily_composite_changes_at_each_boundary_in_the_window()
    {
        var store = new ChargingProfileStore();
        var start = new DateTimeOffset(2025, 3, 1, 22, 0, 0, TimeSpan.Zero);
        store.Install(1, Profile(1, TxDefault, 0, ChargingProfileKind.Recurring, start, ChargingRateUnit.W,
            (0, 11000m), (8 * 3600, 3700m)) with { Recurrency = RecurrencyKind.Daily });

        var from = new DateTimeOffset(2025, 3, 5, 12, 0, 0, TimeSpan.Zero);
        var composite = store.CompositeSchedule(1, from, 2 * 86400, ChargingRateUnit.W, Ac3);

        composite.Periods.Select(p => (p.StartPeriod, p.Limit)).ShouldBe(
            [(0, 3700.0), (10 * 3600, 11000.0), (18 * 3600, 3700.0), (34 * 3600, 11000.0), (42 * 3600, 3700.0)]);
    }

    [Test]
    public void Relative_tx_default_outside_a_transaction_counts_from_the_request()
    {
        var store = new ChargingProfileStore();
        store.Install(1, Profile(1, TxDefault, 0, ChargingRateUnit.W, (0, 5000m), (60, 7000m)));
        store.CompositeSchedule(1, T0, 120, ChargingRateUnit.W, Ac3).Periods.Select(p => (p.StartPeriod, p.Limit))
            .ShouldBe([(0, 5000.0), (60, 7000.0)]);
    }

    // TC_K_43: a TxDefaultProfile of 10 A on EVSE 1 is the EVSE's composite limit, in A as given and in W on a
    // three-phase 230 V supply (10 A x 230 V x 3 = 6900 W), over the whole window asked for.
    [Test]
    public void A_tx_default_of_10_A_gives_10_A_or_6900_W_over_the_window()
    {
        var store = new ChargingProfileStore();
        store.Install(1, Absolute(100, TxDefault, 1, T0, ChargingRateUnit.A, (0, 10m)));
        var ctx = Ac3 with { MaxKw = 22.08 };

        var inA = store.CompositeSchedule(1, T0, 300, ChargingRateUnit.A, ctx);
        var inW = store.CompositeSchedule(1, T0, 300, ChargingRateUnit.W, ctx);

        inA.Periods.Select(p => (p.StartPeriod, Math.Round(p.Limit!.Value, 6), p.NumberPhases)).ShouldBe([(0, 10.0, (int?)3)]);
        Math.Round(inW.Periods.ShouldHaveSingleItem().Limit!.Value, 6).ShouldBe(6900.0);
        (inA.EvseId, inA.Duration).ShouldBe((1, 300));
    }

    // TC_K_44: the station's composite (EVSE 0) is its ChargingStationMaxProfile; an EVSE's TxDefaultProfile does
    // not lower it, and the EVSE itself gets the lower of the two.
    [Test]
    public void The_station_composite_is_its_station_max_and_an_evse_gets_the_lower_of_max_and_tx_default()
    {
        var store = new ChargingProfileStore();
        store.Install(0, Absolute(100, ChargingStationMax, 1, T0, ChargingRateUnit.A, (0, 16m)));
        store.Install(1, Absolute(101, TxDefault, 1, T0, ChargingRateUnit.A, (0, 10m), (120, 20m)));
        var ctx = Ac3 with { MaxKw = 22.08 };

        var station = store.CompositeSchedule(0, T0, 300, ChargingRateUnit.A, ctx);
        var evse = store.CompositeSchedule(1, T0, 300, ChargingRateUnit.A, ctx);

        station.EvseId.ShouldBe(0);
        station.Periods.Select(p => (p.StartPeriod, Math.Round(p.Limit!.Value, 6))).ShouldBe([(0, 16.0)]);
        evse.Periods.Select(p => (p.StartPeriod, Math.Round(p.Limit!.Value, 6))).ShouldBe([(0, 10.0), (120, 16.0)]);
    }

    // TC_K_19: a weekly recurring profile repeats its schedule seven days after its start.
    [Test]
    public void A_weekly_recurring_profile_repeats_a_week_later()
    {
        var store = new ChargingProfileStore();
        store.Install(1, Profile(1, TxDefault, 0, ChargingProfileKind.Recurring, T0, ChargingRateUnit.A,
            (0, 6m), (3600, 16m)) with { Recurrency = RecurrencyKind.Weekly });
        var ctx = Ac3 with { MaxKw = 22.08 };

        var weekLater = store.CompositeSchedule(1, T0.AddDays(7).AddMinutes(-30), 7200, ChargingRateUnit.A, ctx);

        weekLater.Periods.Select(p => (p.StartPeriod, Math.Round(p.Limit!.Value, 6))).ShouldBe([(0, 16.0), (1800, 6.0), (5400, 16.0)]);
    }
}
