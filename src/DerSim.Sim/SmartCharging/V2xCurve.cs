using DerSim.Sim.Physics;

namespace DerSim.Sim.SmartCharging;

/// <summary>Reads a V2X curve the way the frequency operation modes use it (<see cref="PiecewiseLinear"/>).</summary>
public static class V2xCurve
{
    /// <summary>The power in W that <paramref name="points"/> give at <paramref name="x"/>; 0 for an empty curve.</summary>
    public static double PowerW(IReadOnlyList<V2xCurvePoint> points, double x)
    {
        ArgumentNullException.ThrowIfNull(points);
        return points.Count == 0 ? 0 : PiecewiseLinear.At(points.Select(p => ((double)p.X, (double)p.PowerW)), x);
    }
}
