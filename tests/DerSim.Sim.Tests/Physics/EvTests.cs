using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;
using DerSim.Sim.Physics;

namespace DerSim.Sim.Tests.Physics;

public class EvTests
{
    private static ConnectorDefinition Connector(string profile) => PhysicsProfiles.Get(profile).AllConnectors.First();

    [Test]
    public void AC_demand_is_the_on_board_charger_on_a_three_phase_22kW_port() =>
        new Ev(EvPresets.CompactAc).DemandKw(Connector("EVSE-AC-22kW-1port")).ShouldBe(11, 1e-9);

    [Test]
    public void AC_demand_is_one_phase_times_voltage_times_current_on_a_single_phase_port() =>
        new Ev(EvPresets.CompactAc).DemandKw(Connector("EVSE-AC-7.4kW-2port")).ShouldBe(230 * 32 / 1000.0, 1e-9);

    [Test]
    public void DC_demand_follows_the_curve_and_never_exceeds_the_connector()
    {
        var dc150 = Connector("EVSE-DC-150kW-CCS-1port");

        new Ev(EvPresets.Sedan75, 30).DemandKw(dc150).ShouldBe(150);
        new Ev(EvPresets.Sedan75, 80, 100).DemandKw(dc150).ShouldBe(80, 1e-9);
        new Ev(EvPresets.Sedan75, 85, 100).DemandKw(dc150).ShouldBe(60, 1e-9);
        new Ev(EvPresets.Truck350, 30).DemandKw(Connector("EVSE-DC-350kW-CCS-2port")).ShouldBe(350);
    }

    [Test]
    public void Demand_is_zero_at_the_target_and_when_paused()
    {
        var dc150 = Connector("EVSE-DC-150kW-CCS-1port");

        new Ev(EvPresets.Sedan75, 80, 80).DemandKw(dc150).ShouldBe(0);
        new Ev(EvPresets.Sedan75, 50) { Paused = true }.DemandKw(dc150).ShouldBe(0);
        new Ev(EvPresets.PhevAc, 50).DemandKw(dc150).ShouldBe(0, "an AC-only car takes nothing on DC");
    }

    [Test]
    public void Every_preset_tapers_at_high_SoC() =>
        EvPresets.Names.ShouldAllBe(n => Preset(n).CurveKwAt(98) < Preset(n).CurveKwAt(50));

    [Test]
    public void Presets_are_found_by_name_case_insensitively()
    {
        EvPresets.Names.ShouldBe(["compact-ac", "sedan-75", "truck-350", "v2g-50", "phev-ac"]);
        EvPresets.TryGet("SEDAN-75", out var sedan).ShouldBeTrue();
        sedan.BatteryKwh.ShouldBe(75);
        EvPresets.TryGet("tesla", out _).ShouldBeFalse();
    }

    [TestCase("EVSE-AC-22kW-1port", "compact-ac")]
    [TestCase("EVSE-AC-7.4kW-2port", "compact-ac")]
    [TestCase("EVSE-DC-150kW-CCS-1port", "sedan-75")]
    [TestCase("EVSE-DC-350kW-CCS-2port", "truck-350")]
    [TestCase("EVSE-Hybrid-2DC-1AC", "sedan-75")]
    [TestCase("EVSE-V2G-DC-50kW-bidir", "v2g-50")]
    public void Default_car_fits_the_profile(string profile, string preset) =>
        EvPresets.DefaultFor(PhysicsProfiles.Get(profile)).Name.ShouldBe(preset);

    [Test]
    public void A_model_with_an_unordered_curve_is_refused() =>
        Should.Throw<ArgumentException>(() => new Ev(EvPresets.Sedan75 with { Curve = [new(50, 10), new(10, 20)] }));

    private static EvModel Preset(string name) => EvPresets.TryGet(name, out var model) ? model : throw new InvalidOperationException(name);
}
