using DerSim.Sim.Physics;

namespace DerSim.Sim.Tests.Physics;

public class MeterTests
{
    [Test]
    public void AC_three_phase_reports_current_and_voltage_per_phase()
    {
        var profile = PhysicsProfiles.Get("EVSE-AC-22kW-1port");
        var physics = new StationPhysics(profile, PhysicsProfiles.Start);
        physics.Plug(1, 1, new Ev(EvPresets.CompactAc));
        physics.SetEnergyAllowed(1, true);
        physics.Advance(TimeSpan.FromMinutes(6));

        var sample = Meter.Read(physics.Snapshot(1), profile.MeterValues, physics.Now);

        sample.Of("Energy.Active.Import.Register").Single().ShouldBe(new MeterReading("Energy.Active.Import.Register", 1100, "Wh"), new ReadingComparer());
        sample.Of("Power.Active.Import").Single().Value.ShouldBe(11000, 1e-6);
        sample.Of("Power.Offered").Single().Value.ShouldBe(22000, 1e-6);
        sample.Of("Current.Import").Select(r => r.Phase).ShouldBe(["L1", "L2", "L3"]);
        sample.Of("Current.Import").ShouldAllBe(r => Math.Abs(r.Value - (11000 / 3.0 / 230)) < 1e-6 && r.Unit == "A");
        sample.Of("Voltage").Select(r => r.Phase).ShouldBe(["L1-N", "L2-N", "L3-N"]);
        sample.Of("SoC").ShouldBeEmpty("the profile does not meter SoC");
        sample.Readings.Select(r => r.Measurand).Distinct().ShouldBe(profile.MeterValues.Measurands);
    }

    [Test]
    public void DC_reports_current_as_power_over_voltage_and_SoC_only_with_an_EV()
    {
        var profile = PhysicsProfiles.Get("EVSE-DC-150kW-CCS-1port");
        var physics = new StationPhysics(profile, PhysicsProfiles.Start);
        Meter.Read(physics.Snapshot(1), profile.MeterValues, physics.Now).Of("SoC").ShouldBeEmpty();

        physics.Plug(1, 1, new Ev(EvPresets.Sedan75, 30));
        physics.SetEnergyAllowed(1, true);
        var sample = Meter.Read(physics.Snapshot(1), profile.MeterValues, physics.Now);

        sample.Of("Current.Import").Single().ShouldBe(new MeterReading("Current.Import", 375, "A"), new ReadingComparer());
        sample.Of("Voltage").Single().ShouldBe(new MeterReading("Voltage", 400, "V"), new ReadingComparer());
        sample.Of("SoC").Single().ShouldBe(new MeterReading("SoC", 30, "Percent"), new ReadingComparer());
    }

    [Test]
    public void Unmodelled_measurands_are_left_out()
    {
        var physics = new StationPhysics(PhysicsProfiles.Get("EVSE-DC-150kW-CCS-1port"), PhysicsProfiles.Start);

        Meter.Read(physics.Snapshot(1), ["Frequency", "Power.Offered", "Temperature"], physics.Now)
            .Readings.Select(r => r.Measurand).ShouldBe(["Power.Offered"]);
    }

    private sealed class ReadingComparer : IEqualityComparer<MeterReading>
    {
        public bool Equals(MeterReading x, MeterReading y) =>
            x.Measurand == y.Measurand && x.Unit == y.Unit && x.Phase == y.Phase
            && Math.Abs(x.Value - y.Value) < 1e-6;

        public int GetHashCode(MeterReading obj) => obj.Measurand.GetHashCode(StringComparison.Ordinal);
    }
}
