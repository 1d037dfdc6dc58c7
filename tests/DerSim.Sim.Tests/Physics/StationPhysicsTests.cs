using DerSim.Sim.Physics;

namespace DerSim.Sim.Tests.Physics;

public class StationPhysicsTests
{
    private static StationPhysics Dc150() => new(PhysicsProfiles.Get("EVSE-DC-150kW-CCS-1port"), PhysicsProfiles.Start);

    [Test]
    public void A_session_walks_the_charging_states_and_reports_each_change()
    {
        var physics = Dc150();

        physics.Plug(1, 1, new Ev(EvPresets.Sedan75)).ShouldBe([new ChargingStateChange(1, ChargingState.Idle, ChargingState.EVConnected, PhysicsProfiles.Start, false)]);
        physics.Advance(TimeSpan.FromMinutes(1)).ShouldBeEmpty();
        physics.Snapshot(1).EnergyImportWh.ShouldBe(0, "no energy flows before the transaction is authorised");

        physics.SetEnergyAllowed(1, true).Single().To.ShouldBe(ChargingState.Charging);
        physics.SetEvPaused(1, true).Single().To.ShouldBe(ChargingState.SuspendedEV);
        physics.SetEvPaused(1, false).Single().To.ShouldBe(ChargingState.Charging);
        physics.SetLimitSource((_, _) => 0).Single().To.ShouldBe(ChargingState.SuspendedEVSE);
        physics.SetLimitSource(null).Single().To.ShouldBe(ChargingState.Charging);

        var changes = physics.Advance(TimeSpan.FromHours(1));
        var stop = changes.ShouldHaveSingleItem();
        stop.To.ShouldBe(ChargingState.SuspendedEV);
        stop.TargetReached.ShouldBeTrue();
        physics.Snapshot(1).SocPercent!.Value.ShouldBe(Ev.DefaultTargetSocPercent, 1e-6);
        physics.Snapshot(1).OfferedKw.ShouldBe(0);

        physics.SetEnergyAllowed(1, false).Single().To.ShouldBe(ChargingState.EVConnected);
        physics.Unplug(1).Single().To.ShouldBe(ChargingState.Idle);
    }

    [Test]
    public void A_partial_last_step_is_integrated_exactly()
    {
        var physics = Dc150();
        physics.Plug(1, 1, new Ev(EvPresets.Sedan75, 30));
        physics.SetEnergyAllowed(1, true);

        physics.AdvanceTo(PhysicsProfiles.Start.AddMilliseconds(2500));

        physics.Snapshot(1).EnergyImportWh.ShouldBe(150 * 2.5 / 3.6, 1e-9);
        physics.Now.ShouldBe(PhysicsProfiles.Start.AddMilliseconds(2500));
    }

    [Test]
    public void A_new_limit_is_visible_at_once_after_Reevaluate_and_at_the_next_step_without()
    {
        var physics = Dc150();
        double? limit = null;
        physics.SetLimitSource((_, _) => limit);
        physics.Plug(1, 1, new Ev(EvPresets.Sedan75, 30));
        physics.SetEnergyAllowed(1, true);
        physics.Snapshot(1).DeliveredKw.ShouldBe(150);

        limit = 40;
        physics.Advance(TimeSpan.FromSeconds(1));
        physics.Snapshot(1).DeliveredKw.ShouldBe(40);

        limit = 20;
        physics.Reevaluate();
        physics.Snapshot(1).DeliveredKw.ShouldBe(20);
        physics.Snapshot(1).LimitKw.ShouldBe(20);
    }

    [Test]
    public void The_limit_source_is_asked_with_the_simulated_time()
    {
        var physics = Dc150();
        physics.SetLimitSource((_, at) => at < PhysicsProfiles.Start.AddMinutes(5) ? 30 : null);
        physics.Plug(1, 1, new Ev(EvPresets.Sedan75, 30));
        physics.SetEnergyAllowed(1, true);

        physics.Advance(TimeSpan.FromMinutes(4));
        physics.Snapshot(1).DeliveredKw.ShouldBe(30);
        physics.Advance(TimeSpan.FromMinutes(2));
        physics.Snapshot(1).DeliveredKw.ShouldBe(150);
    }

    [Test]
    public void Time_cannot_go_back() =>
        Should.Throw<ArgumentOutOfRangeException>(() => Dc150().AdvanceTo(PhysicsProfiles.Start.AddSeconds(-1)));

    [Test]
    public void An_occupied_EVSE_refuses_a_second_EV()
    {
        var physics = Dc150();
        physics.Plug(1, 1, new Ev(EvPresets.Sedan75));

        Should.Throw<InvalidOperationException>(() => physics.Plug(1, 1, new Ev(EvPresets.Sedan75)));
        Should.Throw<ArgumentOutOfRangeException>(() => physics.Plug(2, 1, new Ev(EvPresets.Sedan75)));
    }

    [Test]
    public void Unplugging_ends_the_authorisation_so_the_next_EV_waits()
    {
        var physics = Dc150();
        physics.Plug(1, 1, new Ev(EvPresets.Sedan75));
        physics.SetEnergyAllowed(1, true);
        physics.Unplug(1);

        physics.Plug(1, 1, new Ev(EvPresets.Sedan75));

        physics.Snapshot(1).State.ShouldBe(ChargingState.EVConnected);
    }

    [Test]
    public void The_energy_register_survives_sessions()
    {
        var physics = Dc150();
        physics.Plug(1, 1, new Ev(EvPresets.Sedan75, 30));
        physics.SetEnergyAllowed(1, true);
        physics.Advance(TimeSpan.FromMinutes(1));
        var first = physics.Snapshot(1).EnergyImportWh;
        physics.Unplug(1);

        physics.Plug(1, 1, new Ev(EvPresets.Sedan75, 30));
        physics.SetEnergyAllowed(1, true);
        physics.Advance(TimeSpan.FromMinutes(1));

        first.ShouldBe(2500, 1e-6);
        physics.Snapshot(1).EnergyImportWh.ShouldBe(5000, 1e-6);
    }

    [Test]
    public void A_V2G_car_discharges_on_a_negative_limit_down_to_its_minimum_SoC()
    {
        var physics = new StationPhysics(PhysicsProfiles.Get("EVSE-V2G-DC-50kW-bidir"), PhysicsProfiles.Start);
        var ev = new Ev(EvPresets.V2g50, 25);
        physics.SetLimitSource((_, _) => -50);
        physics.Plug(1, 1, ev);
        physics.SetEnergyAllowed(1, true);

        var snapshot = physics.Snapshot(1);
        snapshot.ExportKw.ShouldBe(50);
        snapshot.DeliveredKw.ShouldBe(0);
        snapshot.State.ShouldBe(ChargingState.Charging);

        physics.Advance(TimeSpan.FromMinutes(10));

        ev.SocPercent.ShouldBe(EvPresets.V2g50.MinSocPercent, 1e-6);
        physics.Snapshot(1).EnergyExportWh.ShouldBe(5 / 100.0 * 60 * 1000, 1e-3);
        physics.Snapshot(1).ExportKw.ShouldBe(0, 1e-6);
    }

    [Test]
    public void A_charge_only_car_ignores_a_discharge_setpoint()
    {
        var physics = new StationPhysics(PhysicsProfiles.Get("EVSE-V2G-DC-50kW-bidir"), PhysicsProfiles.Start);
        physics.SetLimitSource((_, _) => -50);
        physics.Plug(1, 1, new Ev(EvPresets.Sedan75, 50));
        physics.SetEnergyAllowed(1, true);

        physics.Snapshot(1).ExportKw.ShouldBe(0);
        physics.Snapshot(1).DeliveredKw.ShouldBe(0);
    }
}
