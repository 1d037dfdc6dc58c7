using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;
using DerSim.Sim.Physics;

namespace DerSim.Sim.Tests.Physics;

/// <summary>One test per claim the seed's EVSE profile page makes about what a CSMS will observe.</summary>
public class SeedClaimTests
{
    [Test]
    public void Two_EVs_on_the_dual_AC_station_split_its_7_4kW_in_proportion_to_demand()
    {
        var physics = new StationPhysics(PhysicsProfiles.Get("EVSE-AC-7.4kW-2port"), PhysicsProfiles.Start);
        Charge(physics, 1, new Ev(EvPresets.CompactAc));
        physics.Snapshot(1).DeliveredKw.ShouldBe(7.36, 1e-9, "alone, a port gets its whole demand");

        Charge(physics, 2, new Ev(EvPresets.PhevAc));
        var station = physics.Snapshot();

        station.TotalDeliveredKw.ShouldBe(7.4, 1e-9);
        (station.Evse(1).DeliveredKw / station.Evse(2).DeliveredKw).ShouldBe(7.36 / 3.7, 1e-9);
        station.Evse(1).OfferedKw.ShouldBe(station.Evse(1).DeliveredKw, 1e-9);
    }

    [Test]
    public void Two_EVs_on_the_dual_AC_station_share_the_3_7kW_grid_once_the_battery_is_empty()
    {
        var profile = PhysicsProfiles.WithBattery("EVSE-AC-7.4kW-2port", b => b with { InitialSocPercent = 0 });
        var physics = new StationPhysics(profile, PhysicsProfiles.Start);
        Charge(physics, 1, new Ev(EvPresets.CompactAc));
        Charge(physics, 2, new Ev(EvPresets.PhevAc));

        var station = physics.Snapshot();

        profile.BackingBattery.GridConnectionKw.ShouldBe(3.7);
        station.TotalDeliveredKw.ShouldBe(3.7, 1e-9);
        (station.Evse(1).DeliveredKw / station.Evse(2).DeliveredKw).ShouldBe(7.36 / 3.7, 1e-9);
    }

    [Test]
    public void Both_ports_of_the_dual_350kW_station_show_the_sharing_in_Power_Offered()
    {
        var profile = PhysicsProfiles.Get("EVSE-DC-350kW-CCS-2port");
        var physics = new StationPhysics(profile, PhysicsProfiles.Start);
        Charge(physics, 1, new Ev(EvPresets.Truck350));
        PowerOfferedW(physics, profile, 1).ShouldBe(350_000, 1e-3, "alone, a port is offered its full 350 kW");

        Charge(physics, 2, new Ev(EvPresets.Sedan75));
        var station = physics.Snapshot();

        // Both ports share the 500 kW cabinet in proportion to demand (350 kW truck, 200 kW car).
        station.TotalDeliveredKw.ShouldBe(500, 1e-9);
        PowerOfferedW(physics, profile, 1).ShouldBe(500_000 * 350 / 550.0, 1e-3);
        PowerOfferedW(physics, profile, 2).ShouldBe(500_000 * 200 / 550.0, 1e-3);
    }

    [Test]
    public void Both_ports_of_the_dual_350kW_station_share_the_350kW_grid_when_the_battery_runs_out()
    {
        var profile = PhysicsProfiles.WithBattery("EVSE-DC-350kW-CCS-2port", b => b with { InitialSocPercent = 2 });
        var physics = new StationPhysics(profile, PhysicsProfiles.Start);
        Charge(physics, 1, new Ev(EvPresets.Truck350));
        Charge(physics, 2, new Ev(EvPresets.Truck350));
        physics.Snapshot().TotalDeliveredKw.ShouldBe(500);

        // 14 kWh at 150 kW above the grid lasts 5.6 minutes.
        physics.Advance(TimeSpan.FromMinutes(10));

        physics.BackingBattery.IsExhausted.ShouldBeTrue();
        PowerOfferedW(physics, profile, 1).ShouldBe(175_000, 1e-3);
        PowerOfferedW(physics, profile, 2).ShouldBe(175_000, 1e-3);
    }

    [Test]
    public void The_hybrid_station_never_exceeds_its_200kW_group_over_three_connectors()
    {
        var profile = PhysicsProfiles.Get("EVSE-Hybrid-2DC-1AC");
        var physics = new StationPhysics(profile, PhysicsProfiles.Start);
        Charge(physics, 1, new Ev(EvPresets.Sedan75, 10, 100));
        Charge(physics, 2, new Ev(EvPresets.Sedan75, 40, 100));
        Charge(physics, 3, new Ev(EvPresets.CompactAc, 10, 100));

        var start = physics.Snapshot();
        start.TotalDeliveredKw.ShouldBe(200, 1e-9);
        start.Evse(3).DeliveredKw.ShouldBe(11 * 200 / 311.0, 1e-9);

        var peak = 0.0;
        for (var second = 0; second < 5 * 3600; second++)
        {
            physics.Advance(TimeSpan.FromSeconds(1));
            var total = physics.Snapshot().TotalDeliveredKw;
            total.ShouldBeLessThanOrEqualTo(200 + 1e-9);
            peak = Math.Max(peak, total);
        }

        peak.ShouldBe(200, 1e-9);
        physics.Snapshot().Evses.ShouldAllBe(e => e.State == ChargingState.SuspendedEV && e.TargetReached);
    }

    [Test]
    public void DC150_with_a_50kW_limit_delivers_at_most_50kW_and_suspends_at_the_target()
    {
        var profile = PhysicsProfiles.Get("EVSE-DC-150kW-CCS-1port");
        var physics = new StationPhysics(profile, PhysicsProfiles.Start);
        var states = new List<ChargingState>();
        states.AddRange(physics.Plug(1, 1, new Ev(EvPresets.Sedan75, 20, 80)).Select(c => c.To));
        states.AddRange(physics.SetEnergyAllowed(1, true).Select(c => c.To));
        PowerImportW(physics, profile).ShouldBe(150_000);

        states.AddRange(physics.SetLimitSource((_, _) => 50).Select(c => c.To));
        var samples = 0;
        while (physics.Snapshot(1).State == ChargingState.Charging && samples < 1000)
        {
            states.AddRange(physics.Advance(TimeSpan.FromSeconds(profile.MeterValues.SampleIntervalSeconds)).Select(c => c.To));
            PowerImportW(physics, profile).ShouldBeLessThanOrEqualTo(50_000);
            samples++;
        }

        states.ShouldBe([ChargingState.EVConnected, ChargingState.Charging, ChargingState.SuspendedEV]);
        var end = physics.Snapshot(1);
        end.TargetReached.ShouldBeTrue();
        end.SocPercent!.Value.ShouldBe(80, 1e-6);
        // 45 kWh at 50 kW: 54 minutes, i.e. 108 samples of 30 s.
        samples.ShouldBe(108);
    }

    [Test]
    public void The_SoC_ramp_tapers_at_high_SoC()
    {
        var physics = new StationPhysics(PhysicsProfiles.Get("EVSE-DC-150kW-CCS-1port"), PhysicsProfiles.Start);
        var ev = new Ev(EvPresets.Sedan75, 10, 100);
        Charge(physics, 1, ev);
        var ramp = new List<(double Soc, double Kw)>();
        while (!ev.TargetReached && ramp.Count < 500)
        {
            ramp.Add((ev.SocPercent, physics.Snapshot(1).DeliveredKw));
            physics.Advance(TimeSpan.FromMinutes(1));
        }

        ev.TargetReached.ShouldBeTrue();
        var gains = ramp.Zip(ramp.Skip(1), (a, b) => b.Soc - a.Soc).ToList();
        gains.Take(10).Min().ShouldBeGreaterThan(3, "the first ten minutes run at 150 kW: 3.33 % a minute");
        var highSoc = ramp.Where(r => r.Soc >= 60).ToList();
        highSoc.Zip(highSoc.Skip(1), (a, b) => b.Kw <= a.Kw + 1e-9).ShouldAllBe(falling => falling);
        highSoc[^1].Kw.ShouldBeLessThan(15);
        gains[^2].ShouldBeLessThan(gains[0] / 10);
    }

    [Test]
    public void An_exhausted_backing_battery_lowers_Power_Offered_to_the_grid_connection_and_recovers_when_idle()
    {
        var profile = PhysicsProfiles.WithBattery("EVSE-DC-150kW-CCS-1port", b => b with { GridConnectionKw = 50, InitialSocPercent = 5 });
        var physics = new StationPhysics(profile, PhysicsProfiles.Start);
        Charge(physics, 1, new Ev(EvPresets.Sedan75, 20, 100));
        PowerOfferedW(physics, profile, 1).ShouldBe(150_000);
        physics.Snapshot().BackingBatteryKw.ShouldBe(100);

        // 15 kWh at 100 kW lasts 9 minutes.
        physics.Advance(TimeSpan.FromMinutes(8.9));
        PowerOfferedW(physics, profile, 1).ShouldBe(150_000);
        physics.Advance(TimeSpan.FromMinutes(0.2));
        physics.BackingBattery.IsExhausted.ShouldBeTrue();
        PowerOfferedW(physics, profile, 1).ShouldBe(50_000, 1e-3);
        physics.Snapshot(1).State.ShouldBe(ChargingState.Charging);

        physics.Unplug(1);
        physics.Advance(TimeSpan.FromMinutes(6));
        physics.BackingBattery.SocPercent.ShouldBe(50 * 0.1 / 300 * 100, 1e-6);
    }

    [Test]
    public void With_no_grid_and_an_empty_battery_nothing_is_offered()
    {
        var profile = PhysicsProfiles.WithBattery("EVSE-DC-150kW-CCS-1port", b => b with { GridConnectionKw = 0, InitialSocPercent = 0 });
        var physics = new StationPhysics(profile, PhysicsProfiles.Start);

        Charge(physics, 1, new Ev(EvPresets.Sedan75));

        physics.Snapshot(1).State.ShouldBe(ChargingState.SuspendedEVSE);
        PowerOfferedW(physics, profile, 1).ShouldBe(0);
    }

    [Test]
    public void A_DC150_session_from_20_to_80_percent_sampled_every_60s_is_cheap()
    {
        var profile = PhysicsProfiles.Get("EVSE-DC-150kW-CCS-1port");
        var physics = new StationPhysics(profile, PhysicsProfiles.Start);
        var ev = new Ev(EvPresets.Sedan75, 20, 80);
        Charge(physics, 1, ev);
        var samples = new List<MeterSample>();
        while (physics.Snapshot(1).State == ChargingState.Charging)
        {
            physics.Advance(TimeSpan.FromSeconds(60));
            samples.Add(Meter.Read(physics.Snapshot(1), profile.MeterValues, physics.Now));
        }

        samples.Count.ShouldBeInRange(20, 40);
        samples[^1].Of("SoC").Single().Value.ShouldBe(80, 1e-6);
        samples[^1].Of("Energy.Active.Import.Register").Single().Value.ShouldBe(45_000, 1e-3);
    }

    private static void Charge(StationPhysics physics, int evseId, Ev ev)
    {
        physics.Plug(evseId, 1, ev);
        physics.SetEnergyAllowed(evseId, true);
    }

    private static double PowerOfferedW(StationPhysics physics, EvseProfile profile, int evseId) =>
        Meter.Read(physics.Snapshot(evseId), profile.MeterValues, physics.Now).Of("Power.Offered").Single().Value;

    private static double PowerImportW(StationPhysics physics, EvseProfile profile) =>
        Meter.Read(physics.Snapshot(1), profile.MeterValues, physics.Now).Of("Power.Active.Import").Single().Value;
}
