using DerSim.Sim.Physics;

namespace DerSim.Sim.Tests.Physics;

/// <summary>A station-wide limit (EVSE id 0, e.g. a ChargingStationMaxProfile) caps the sum over all EVSEs.</summary>
public class StationLimitTests
{
    [Test]
    public void A_station_limit_caps_the_total_and_is_shared_by_demand()
    {
        var physics = new StationPhysics(PhysicsProfiles.Get("EVSE-DC-350kW-CCS-2port"), PhysicsProfiles.Start);
        physics.SetLimitSource((evseId, _) => evseId == 0 ? 300 : null);
        foreach (var evse in new[] { 1, 2 })
        {
            physics.Plug(evse, 1, new Ev(EvPresets.Truck350));
            physics.SetEnergyAllowed(evse, true);
        }

        for (var minute = 0; minute < 30; minute++)
        {
            var station = physics.Snapshot();
            station.TotalDeliveredKw.ShouldBeLessThanOrEqualTo(300 + 1e-9);
            station.Evse(1).DeliveredKw.ShouldBe(150, 1e-6, "two equal trucks split the 300 kW evenly");
            physics.Advance(TimeSpan.FromMinutes(1));
        }
    }

    [Test]
    public void Per_EVSE_limits_still_apply_under_a_station_limit()
    {
        var physics = new StationPhysics(PhysicsProfiles.Get("EVSE-DC-350kW-CCS-2port"), PhysicsProfiles.Start);
        physics.SetLimitSource((evseId, _) => evseId switch { 0 => 300, 1 => 50, _ => null });
        foreach (var evse in new[] { 1, 2 })
        {
            physics.Plug(evse, 1, new Ev(EvPresets.Truck350));
            physics.SetEnergyAllowed(evse, true);
        }

        var snapshot = physics.Snapshot();
        // Demand as each port can take it (50 kW behind EVSE 1's own limit, 350 kW) is 400 kW against 300 kW:
        // both get 3/4 of it.
        snapshot.TotalDeliveredKw.ShouldBe(300, 1e-6);
        snapshot.Evse(1).DeliveredKw.ShouldBe(37.5, 1e-6);
        snapshot.Evse(2).DeliveredKw.ShouldBe(262.5, 1e-6);
    }
}
