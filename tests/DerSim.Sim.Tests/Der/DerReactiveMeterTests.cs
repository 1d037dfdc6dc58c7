using DerSim.Sim.Der;
using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;
using DerSim.Sim.Physics;

namespace DerSim.Sim.Tests.Der;

/// <summary>The bundled V2G and DC-350 profiles meter the reactive power a DER power-factor control makes, on its side of the flow.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class DerReactiveMeterTests
{
    [Test]
    public void The_V2G_profile_meters_injected_reactive_power_as_export()
    {
        var rig = DerRig.Discharging();
        rig.Set(DerControlType.FixedPFInject, new DerFixedPowerFactor(1, 0.9, Absorb: false));

        var sample = Meter.Read(rig.Port, Definition("EVSE-V2G-DC-50kW-bidir"), rig.Physics.Now);

        rig.Port.ReactiveKvar.ShouldBeGreaterThan(1);
        sample.Of("Power.Reactive.Export").Single().Value.ShouldBe(rig.Port.ReactiveKvar * 1000, 1e-6);
        sample.Of("Power.Reactive.Export").Single().Unit.ShouldBe("var");
        sample.Of("Power.Reactive.Import").Single().Value.ShouldBe(0);
    }

    [Test]
    public void The_DC_350_profile_meters_absorbed_reactive_power_as_import()
    {
        var rig = DerRig.Charging();
        rig.Set(DerControlType.FixedPFAbsorb, new DerFixedPowerFactor(1, 0.95, Absorb: true));

        var sample = Meter.Read(rig.Port, Definition("EVSE-DC-350kW-CCS-2port"), rig.Physics.Now);

        rig.Port.ReactiveKvar.ShouldBeLessThan(-1);
        sample.Of("Power.Reactive.Import").Single().Value.ShouldBe(-rig.Port.ReactiveKvar * 1000, 1e-6);
        sample.Of("Power.Reactive.Export").Single().Value.ShouldBe(0);
    }

    private static MeterValuesDefinition Definition(string profile) => EvseProfileLoader.Load(profile, ProfilesDirectory.Locate()).MeterValues;
}
