using DerSim.Sim.Physics;

namespace DerSim.Sim.Der;

/// <summary>Pure evaluation of DER curves and the facts about control types; no state, no time.</summary>
public static class DerCurves
{
    /// <summary>y at <paramref name="x"/>: linear between points (sorted by x), held at the nearest end outside them.</summary>
    public static double Interpolate(IReadOnlyList<DerCurvePoint> points, double x)
    {
        ArgumentNullException.ThrowIfNull(points);
        return PiecewiseLinear.At(points.Select(p => (p.X, p.Y)), x);
    }

    /// <summary>
    /// How long the grid may stay at <paramref name="x"/> before a trip or cessation curve acts: the smallest y of the
    /// points the grid is beyond (strictly above x for high curves, strictly below for low ones); null when within all.
    /// </summary>
    public static double? TripDelaySeconds(IReadOnlyList<DerCurvePoint> points, bool high, double x)
    {
        ArgumentNullException.ThrowIfNull(points);
        double? delay = null;
        foreach (var point in points)
        {
            if (high ? x > point.X : x < point.X)
            {
                delay = Math.Min(delay ?? double.MaxValue, Math.Max(0, point.Y));
            }
        }

        return delay;
    }

    /// <summary>Reactive power (kvar, positive injected) that keeps power factor <paramref name="powerFactor"/> at <paramref name="activeKw"/>.</summary>
    public static double ReactiveForPowerFactor(double activeKw, double powerFactor, bool absorb)
    {
        var pf = Math.Clamp(Math.Abs(powerFactor), 1e-6, 1);
        var q = Math.Abs(activeKw) * Math.Sqrt(1 - (pf * pf)) / pf;
        return absorb ? -q : q;
    }

    /// <summary>Whether <paramref name="type"/> is a trip or cessation curve on voltage or frequency.</summary>
    public static bool IsTrip(DerControlType type) => type is DerControlType.HVMustTrip or DerControlType.HVMayTrip or DerControlType.HVMomCess
        or DerControlType.LVMustTrip or DerControlType.LVMayTrip or DerControlType.LVMomCess
        or DerControlType.HFMustTrip or DerControlType.HFMayTrip or DerControlType.LFMustTrip;

    /// <summary>Whether a trip curve acts on the high side (over-voltage or over-frequency).</summary>
    public static bool IsHigh(DerControlType type) => type is DerControlType.HVMustTrip or DerControlType.HVMayTrip or DerControlType.HVMomCess
        or DerControlType.HFMustTrip or DerControlType.HFMayTrip;

    /// <summary>Whether a trip curve's x is voltage (percent of nominal) rather than frequency (Hz).</summary>
    public static bool IsVoltage(DerControlType type) => type is DerControlType.HVMustTrip or DerControlType.HVMayTrip or DerControlType.HVMomCess
        or DerControlType.LVMustTrip or DerControlType.LVMayTrip or DerControlType.LVMomCess;

    /// <summary>Whether a curve only ceases energy while the grid is beyond it (momentary cessation) instead of tripping.</summary>
    public static bool IsMomentary(DerControlType type) => type is DerControlType.HVMomCess or DerControlType.LVMomCess;

    /// <summary>Whether <paramref name="type"/> takes a curve (its setting is a <see cref="DerCurve"/>).</summary>
    public static bool IsCurve(DerControlType type) => IsTrip(type) || type is DerControlType.VoltVar or DerControlType.VoltWatt
        or DerControlType.FreqWatt or DerControlType.WattPF or DerControlType.WattVar or DerControlType.PowerMonitoringMustTrip;

    /// <summary>The grid fault a trip curve reports.</summary>
    public static DerGridFault FaultOf(DerControlType type) => (IsVoltage(type), IsHigh(type)) switch
    {
        (true, true) => DerGridFault.OverVoltage,
        (true, false) => DerGridFault.UnderVoltage,
        (false, true) => DerGridFault.OverFrequency,
        _ => DerGridFault.UnderFrequency,
    };
}
