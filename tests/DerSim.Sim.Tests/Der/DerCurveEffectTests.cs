using DerSim.Sim.Der;

namespace DerSim.Sim.Tests.Der;

/// <summary>Each DER function's effect on a real port: grid value in, power out, through <see cref="DerSim.Sim.Physics.StationPhysics"/>.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class DerCurveEffectTests
{
    private const double Tolerance = 1e-6;

    [Test]
    public void Without_controls_the_port_keeps_what_the_allocation_gave()
    {
        var rig = DerRig.Discharging();
        rig.Port.ExportKw.ShouldBeGreaterThan(10);
        rig.Port.ReactiveKvar.ShouldBe(0);
    }

    [TestCase(100.0, 1.0)]
    [TestCase(50.0, 0.5)]
    [TestCase(0.0, 0.0)]
    public void LimitMaxDischarge_caps_export_at_a_share_of_the_rated_discharge(double percent, double share)
    {
        var rig = DerRig.Discharging();
        var full = rig.Port.ExportKw;
        rig.Set(DerControlType.LimitMaxDischarge, new DerLimitMaxDischarge(1, percent));
        rig.Port.ExportKw.ShouldBe(full * share, Tolerance);
    }

    // Volt-watt (106 % → 100 %, 110 % → 0 %): above nominal it bounds export.
    [TestCase(100.0, 100.0)]
    [TestCase(106.0, 100.0)]
    [TestCase(108.0, 50.0)]
    [TestCase(111.0, 0.0)]
    public void VoltWatt_bounds_export_by_the_voltage(double voltagePercent, double capPercent)
    {
        var rig = DerRig.Discharging();
        var full = rig.Port.ExportKw;
        rig.Set(DerControlType.VoltWatt, DerRig.Curve((106, 100), (110, 0)));
        rig.Voltage(voltagePercent);
        rig.Port.ExportKw.ShouldBe(Math.Min(full, capPercent / 100 * rig.RatingKw), Tolerance);
    }

    // Freq-watt (50.2 Hz → 100 %, 51 Hz → 0 %) on export; (49 Hz → 0 %, 49.8 Hz → 100 %) on charging.
    [TestCase(50.0, 100.0)]
    [TestCase(50.6, 50.0)]
    [TestCase(51.5, 0.0)]
    public void FreqWatt_bounds_export_above_nominal_frequency(double hz, double capPercent)
    {
        var rig = DerRig.Discharging();
        var full = rig.Port.ExportKw;
        rig.Set(DerControlType.FreqWatt, DerRig.Curve((50.2, 100), (51, 0)));
        rig.Frequency(hz);
        rig.Port.ExportKw.ShouldBe(Math.Min(full, capPercent / 100 * rig.RatingKw), Tolerance);
    }

    [TestCase(50.0, 100.0)]
    [TestCase(49.4, 50.0)]
    [TestCase(48.5, 0.0)]
    public void FreqWatt_reduces_charging_below_nominal_frequency_on_the_DC_350(double hz, double capPercent)
    {
        var rig = DerRig.Charging();
        var full = rig.Port.DeliveredKw;
        full.ShouldBeGreaterThan(0);
        rig.Set(DerControlType.FreqWatt, DerRig.Curve((49, 0), (49.8, 100)));
        rig.Frequency(hz);
        rig.Port.DeliveredKw.ShouldBe(Math.Min(full, capPercent / 100 * rig.RatingKw), Tolerance);
    }

    // Droop 0.05 from 49.8 Hz: 0.5 Hz below takes 0.5 / (50 × 0.05) = 20 % of the rating off charging.
    [TestCase(49.9, 0.0)]
    [TestCase(49.3, 0.2)]
    [TestCase(47.0, 1.0)]
    public void FreqDroop_takes_charging_off_under_frequency(double hz, double shareOff)
    {
        var rig = DerRig.Charging();
        var full = rig.Port.DeliveredKw;
        rig.Set(DerControlType.FreqDroop, new DerFreqDroop(1, 50.2, 49.8, 0.05, 0.05, 1));
        rig.Frequency(hz);
        rig.Port.DeliveredKw.ShouldBe(Math.Max(0, full - (shareOff * rig.RatingKw)), Tolerance);
    }

    [TestCase(50.7, 0.2)]
    [TestCase(50.1, 0.0)]
    public void FreqDroop_takes_export_off_over_frequency(double hz, double shareOff)
    {
        var rig = DerRig.Discharging();
        var full = rig.Port.ExportKw;
        rig.Set(DerControlType.FreqDroop, new DerFreqDroop(1, 50.2, 49.8, 0.05, 0.05, 1));
        rig.Frequency(hz);
        rig.Port.ExportKw.ShouldBe(Math.Max(0, full - (shareOff * rig.RatingKw)), Tolerance);
    }

    // Volt-var (92 % → +44 %, 98 % → 0, 102 % → 0, 108 % → −44 %) of the kVA rating; positive injects.
    [TestCase(100.0, 0.0)]
    [TestCase(95.0, 22.0)]
    [TestCase(90.0, 44.0)]
    [TestCase(108.0, -44.0)]
    public void VoltVar_sets_reactive_power_and_active_power_gives_way(double voltagePercent, double varPercent)
    {
        var rig = DerRig.Discharging();
        var full = rig.Port.ExportKw;
        rig.Set(DerControlType.VoltVar, DerRig.Curve(DerUnit.PctMaxVar, (92, 44), (98, 0), (102, 0), (108, -44)));
        rig.Voltage(voltagePercent);
        var q = varPercent / 100 * rig.RatingKw;
        rig.Port.ReactiveKvar.ShouldBe(q, Tolerance);
        rig.Port.ExportKw.ShouldBe(Math.Min(full, Math.Sqrt((rig.RatingKw * rig.RatingKw) - (q * q))), Tolerance);
    }

    [TestCase(30.0)]
    [TestCase(-60.0)]
    public void FixedVar_holds_reactive_power_within_the_apparent_power_rating(double percent)
    {
        var rig = DerRig.Discharging();
        var full = rig.Port.ExportKw;
        rig.Set(DerControlType.FixedVar, new DerFixedVar(1, percent, DerUnit.PctMaxVar));
        var q = percent / 100 * rig.RatingKw;
        rig.Port.ReactiveKvar.ShouldBe(q, Tolerance);
        ((rig.Port.ExportKw * rig.Port.ExportKw) + (q * q)).ShouldBeLessThanOrEqualTo((rig.RatingKw * rig.RatingKw) + Tolerance);
        rig.Port.ExportKw.ShouldBe(Math.Min(full, Math.Sqrt((rig.RatingKw * rig.RatingKw) - (q * q))), Tolerance);
    }

    [Test]
    public void FixedPFInject_injects_reactive_power_while_discharging()
    {
        var rig = DerRig.Discharging();
        rig.Set(DerControlType.FixedPFInject, new DerFixedPowerFactor(1, 0.9, Absorb: false));
        var p = rig.Port.ExportKw;
        rig.Port.ReactiveKvar.ShouldBe(p * Math.Tan(Math.Acos(0.9)), Tolerance);
        (p / Math.Sqrt((p * p) + (rig.Port.ReactiveKvar * rig.Port.ReactiveKvar))).ShouldBe(0.9, Tolerance);
    }

    [Test]
    public void FixedPFAbsorb_absorbs_while_charging_and_FixedPFInject_does_not_act_then()
    {
        var rig = DerRig.Charging();
        rig.Set(DerControlType.FixedPFInject, new DerFixedPowerFactor(1, 0.8, Absorb: false), "inject");
        rig.Port.ReactiveKvar.ShouldBe(0);
        rig.Set(DerControlType.FixedPFAbsorb, new DerFixedPowerFactor(1, 0.95, Absorb: true), "absorb");
        var p = rig.Port.DeliveredKw;
        rig.Port.ReactiveKvar.ShouldBe(-DerCurves.ReactiveForPowerFactor(p, 0.95, absorb: false), Tolerance);
        rig.Port.ReactiveKvar.ShouldBeLessThan(0);
    }

    // Watt-var: x active power in % of rating (export positive), y var %.
    [Test]
    public void WattVar_follows_active_power()
    {
        var rig = DerRig.Discharging();
        var pPercent = rig.Port.ExportKw / rig.RatingKw * 100;
        rig.Set(DerControlType.WattVar, DerRig.Curve(DerUnit.PctMaxVar, (0, 0), (100, -40)));
        var q = -0.4 * pPercent / 100 * rig.RatingKw;
        rig.Port.ReactiveKvar.ShouldBe(q, 1e-3);
        rig.Port.ExportKw.ShouldBe(Math.Min(pPercent / 100 * rig.RatingKw, Math.Sqrt((rig.RatingKw * rig.RatingKw) - (q * q))), 1e-3);
    }

    [Test]
    public void WattPF_positive_power_factor_absorbs()
    {
        var rig = DerRig.Discharging();
        var full = rig.Port.ExportKw;
        rig.Set(DerControlType.WattPF, DerRig.Curve(DerUnit.NotApplicable, (0, 1), (100, 0.9)));
        var pf = 1 - (0.1 * full / rig.RatingKw);

        // Absorbing at that power factor, within the kVA rating: P = S × pf when the rating binds.
        var p = Math.Min(full, rig.RatingKw * pf);
        rig.Port.ExportKw.ShouldBe(p, 1e-3);
        rig.Port.ReactiveKvar.ShouldBe(DerCurves.ReactiveForPowerFactor(p, pf, absorb: true), 1e-3);
        rig.Port.ReactiveKvar.ShouldBeLessThan(0);
    }

    [Test]
    public void Gradients_ramp_export_from_zero_by_the_rating_over_the_gradient_time()
    {
        var rig = DerRig.Discharging();
        var full = rig.Port.ExportKw;
        rig.Physics.SetEnergyAllowed(1, false);
        rig.Set(DerControlType.Gradients, new DerGradients(1, 10, 0));
        rig.Physics.SetEnergyAllowed(1, true);
        rig.Port.ExportKw.ShouldBe(0, Tolerance);
        rig.Pass(1);
        rig.Port.ExportKw.ShouldBe(Math.Min(full, rig.RatingKw / 10), Tolerance);
        rig.Pass(2);
        rig.Port.ExportKw.ShouldBe(Math.Min(full, rig.RatingKw * 3 / 10), Tolerance);
    }

    [TestCase(DerControlType.HVMustTrip)]
    [TestCase(DerControlType.HVMayTrip)]
    public void A_trip_curve_ceases_energy_after_its_time_and_EnterService_gates_the_return(DerControlType trip)
    {
        var rig = DerRig.Discharging();
        var full = rig.Port.ExportKw;
        rig.Set(trip, DerRig.Curve(DerUnit.NotApplicable, (110, 2), (120, 0)), "trip");
        rig.Set(DerControlType.EnterService, new DerEnterService(1, 105, 90, 50.1, 49.9, DelaySeconds: 5, RampSeconds: 10), "enter");

        rig.Voltage(112);
        rig.Port.ExportKw.ShouldBe(full, Tolerance);
        rig.Pass(1);
        rig.Port.ExportKw.ShouldBe(full, Tolerance);
        rig.Pass(1);
        rig.Port.ExportKw.ShouldBe(0);
        rig.Der.IsTripped.ShouldBeTrue();

        rig.Voltage(100);
        rig.Pass(4);
        rig.Port.ExportKw.ShouldBe(0, "the enter-service delay is 5 s");
        rig.Pass(1);
        rig.Pass(5);
        rig.Port.ExportKw.ShouldBe(Math.Min(full, rig.RatingKw / 2), Tolerance);
        rig.Pass(5);
        rig.Port.ExportKw.ShouldBe(full, Tolerance);
    }

    [Test]
    public void Momentary_cessation_ceases_only_while_the_grid_is_beyond_it()
    {
        var rig = DerRig.Charging();
        var full = rig.Port.DeliveredKw;
        rig.Set(DerControlType.LVMomCess, DerRig.Curve(DerUnit.NotApplicable, (50, 0)));
        rig.Voltage(45);
        rig.Port.DeliveredKw.ShouldBe(0);
        rig.Port.OfferedKw.ShouldBe(0);
        rig.Voltage(100);
        rig.Port.DeliveredKw.ShouldBe(full, Tolerance);
        rig.Der.IsTripped.ShouldBeFalse();
    }

    [Test]
    public void A_low_frequency_must_trip_stops_charging_on_the_DC_350()
    {
        var rig = DerRig.Charging();
        rig.Set(DerControlType.LFMustTrip, DerRig.Curve(DerUnit.NotApplicable, (49, 0.5)));
        rig.Frequency(48.5);
        rig.Port.DeliveredKw.ShouldBeGreaterThan(0);
        rig.Pass(1);
        rig.Port.DeliveredKw.ShouldBe(0);
        rig.Physics.Snapshot(1).State.ShouldBe(DerSim.Sim.Physics.ChargingState.SuspendedEVSE);
    }
}
