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
}
