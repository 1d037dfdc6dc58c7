using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;
using DerSim.Sim.Physics;

namespace DerSim.Sim.Tests.Physics;

/// <summary>
/// Bidirectional transfer on the V2G profile (one 50 kW DC_BPT port, EV v2g-50: 50 kW both ways, min SoC 20 %):
/// the port's import or export follows the directive within the EV's, the port's and the negotiated mode's bounds.
/// </summary>
public class V2gPhysicsTests
{
    private const string V2g = "EVSE-V2G-DC-50kW-bidir";

    private static StationPhysics Station(PowerDirective? directive, EvseProfile? profile = null, Ev? ev = null)
    {
        var physics = new StationPhysics(profile ?? PhysicsProfiles.Get(V2g), PhysicsProfiles.Start);
        physics.SetDirectiveSource((evseId, _) => evseId == 0 ? null : directive);
        physics.Plug(1, 1, ev ?? new Ev(EvPresets.V2g50, 50));
        physics.SetEnergyAllowed(1, true);
        return physics;
    }

    private static PowerDirective D(OperationMode mode, double? limit = null, double? discharge = null, double? setpoint = null) =>
        new(mode) { LimitKw = limit, DischargeLimitKw = discharge, SetpointKw = setpoint };

    public static IEnumerable<TestCaseData> Directives()
    {
        TestCaseData Case(PowerDirective d, double import, double export, string name) =>
            new TestCaseData(d, import, export).SetName($"{name}: import {import} kW, export {export} kW");

        yield return Case(D(OperationMode.CentralSetpoint, setpoint: -20), 0, 20, "setpoint -20");
        yield return Case(D(OperationMode.CentralSetpoint, setpoint: -80), 0, 50, "setpoint -80 is capped by the EV and port (50)");
        yield return Case(D(OperationMode.CentralSetpoint, setpoint: -40, discharge: -15), 0, 15, "setpoint -40 within dischargeLimit -15");
        yield return Case(D(OperationMode.CentralSetpoint, setpoint: 10), 10, 0, "setpoint +10 imports");
        yield return Case(D(OperationMode.CentralSetpoint, setpoint: 30, limit: 20), 20, 0, "setpoint +30 capped by limit 20");
        yield return Case(D(OperationMode.CentralSetpoint, setpoint: 0), 0, 0, "setpoint 0");
        yield return Case(D(OperationMode.ExternalLimits, limit: 30, discharge: -10), 30, 0, "ExternalLimits 30: charges at demand up to the limit");
        yield return Case(D(OperationMode.ExternalLimits, limit: -10), 0, 10, "ExternalLimits -10 exports");
        yield return Case(D(OperationMode.ExternalLimits, limit: -10, discharge: -5), 0, 5, "ExternalLimits -10 within dischargeLimit -5");
        yield return Case(D(OperationMode.ChargingOnly, limit: 20), 20, 0, "ChargingOnly 20");
        yield return Case(D(OperationMode.ChargingOnly, limit: -20), 0, 0, "ChargingOnly never exports");
        yield return Case(D(OperationMode.ChargingOnly), 50, 0, "ChargingOnly without limit charges at demand");
        yield return Case(D(OperationMode.Idle, limit: 20, setpoint: -20), 0, 0, "Idle");
    }

    [TestCaseSource(nameof(Directives))]
    public void The_port_follows_the_directive(PowerDirective directive, double import, double export)
    {
        var snapshot = Station(directive).Snapshot(1);

        snapshot.DeliveredKw.ShouldBe(import, 1e-9);
        snapshot.ExportKw.ShouldBe(export, 1e-9);
        snapshot.OperationMode.ShouldBe(directive.Mode);
        snapshot.EnergyTransferMode.ShouldBe(EnergyTransferMode.DcBpt);
    }

    [Test]
    public void Discharging_keeps_the_charging_state_Charging()
    {
        Station(D(OperationMode.CentralSetpoint, setpoint: -20)).Snapshot(1).State.ShouldBe(ChargingState.Charging);
    }

    [Test]
    public void The_connector_bounds_discharge()
    {
        var profile = PortDischarge(30);

        Station(D(OperationMode.CentralSetpoint, setpoint: -45), profile).Snapshot(1).ExportKw.ShouldBe(30, 1e-9);
    }

    [Test]
    public void The_EV_bounds_discharge()
    {
        var model = EvPresets.V2g50 with { Name = "v2g-11", MaxDischargeKw = 11 };

        Station(D(OperationMode.CentralSetpoint, setpoint: -45), ev: new Ev(model, 50)).Snapshot(1).ExportKw.ShouldBe(11, 1e-9);
    }

    [Test]
    public void A_charge_only_mode_never_discharges()
    {
        var physics = Station(D(OperationMode.CentralSetpoint, setpoint: -20));
        physics.Snapshot(1).ExportKw.ShouldBe(20, 1e-9);

        physics.SetEnergyTransferMode(1, EnergyTransferMode.Dc);

        physics.Snapshot(1).ExportKw.ShouldBe(0);
        physics.Snapshot(1).EnergyTransferMode.ShouldBe(EnergyTransferMode.Dc);
        physics.Snapshot(1).State.ShouldBe(ChargingState.SuspendedEVSE);
    }

    [Test]
    public void A_car_at_its_minimum_SoC_gives_nothing()
    {
        Station(D(OperationMode.CentralSetpoint, setpoint: -20), ev: new Ev(EvPresets.V2g50, EvPresets.V2g50.MinSocPercent)).Snapshot(1).ExportKw.ShouldBe(0);
    }

    [Test]
    public void Discharge_lands_on_the_minimum_SoC_and_the_export_register_counts_the_energy()
    {
        var ev = new Ev(EvPresets.V2g50, 20.5);
        var physics = Station(D(OperationMode.CentralSetpoint, setpoint: -50), ev: ev);

        physics.Advance(TimeSpan.FromMinutes(10));

        ev.SocPercent.ShouldBe(20, 1e-6);
        physics.Snapshot(1).EnergyExportWh.ShouldBe(0.5 / 100 * 60 * 1000, 1e-3);
        physics.Snapshot(1).ExportKw.ShouldBe(0, 1e-9);
    }

    [Test]
    public void SoC_falls_by_the_exported_energy_and_the_registers_integrate_each_direction()
    {
        var ev = new Ev(EvPresets.V2g50, 50);
        var physics = Station(D(OperationMode.CentralSetpoint, setpoint: -20), ev: ev);

        physics.Advance(TimeSpan.FromMinutes(30));

        var snapshot = physics.Snapshot(1);
        snapshot.EnergyExportWh.ShouldBe(10_000, 1e-6);
        snapshot.EnergyImportWh.ShouldBe(0);
        ev.SocPercent.ShouldBe(50 - (10.0 / 60 * 100), 1e-9);
    }

    [Test]
    public void The_registers_follow_a_change_of_direction()
    {
        var directive = D(OperationMode.CentralSetpoint, setpoint: 10);
        var physics = new StationPhysics(PhysicsProfiles.Get(V2g), PhysicsProfiles.Start);
        physics.SetDirectiveSource((evseId, _) => evseId == 0 ? null : directive);
        var ev = new Ev(EvPresets.V2g50, 50);
        physics.Plug(1, 1, ev);
        physics.SetEnergyAllowed(1, true);

        physics.Advance(TimeSpan.FromMinutes(6));
        directive = D(OperationMode.CentralSetpoint, setpoint: -30);
        physics.Reevaluate();
        physics.Advance(TimeSpan.FromMinutes(6));

        var snapshot = physics.Snapshot(1);
        snapshot.EnergyImportWh.ShouldBe(1_000, 1e-6);
        snapshot.EnergyExportWh.ShouldBe(3_000, 1e-6);
        ev.SocPercent.ShouldBe(50 + ((1.0 - 3.0) / 60 * 100), 1e-9);
    }

    [Test]
    public void The_backing_battery_and_the_grid_see_net_power()
    {
        var profile = PhysicsProfiles.WithBattery(V2g, b => b with { InitialSocPercent = 50, MaxChargeKw = 10 });

        var snapshot = Station(D(OperationMode.CentralSetpoint, setpoint: -20), profile).Snapshot();

        snapshot.BackingBatteryKw.ShouldBe(-10, 1e-9, "the battery takes what it can of the exported 20 kW");
        snapshot.GridKw.ShouldBe(-10, 1e-9, "the rest goes to the grid");
    }

    [Test]
    public void The_EV_picks_DC_BPT_where_both_sides_can_and_DC_where_the_car_cannot()
    {
        Station(null).Snapshot(1).EnergyTransferMode.ShouldBe(EnergyTransferMode.DcBpt);
        Station(null, ev: new Ev(EvPresets.Sedan75, 50)).Snapshot(1).EnergyTransferMode.ShouldBe(EnergyTransferMode.Dc);
        Station(null, PhysicsProfiles.Get("EVSE-DC-150kW-CCS-1port")).Snapshot(1).EnergyTransferMode.ShouldBe(EnergyTransferMode.Dc);
    }

    private static EvseProfile PortDischarge(double maxDischargeKw)
    {
        var profile = PhysicsProfiles.Get(V2g);
        var evse = profile.Evses[0];
        var connector = evse.Connectors[0] with { Bidirectional = new BidirectionalCapability(maxDischargeKw) };
        return profile with { Evses = [evse with { Connectors = [connector] }] };
    }
}
