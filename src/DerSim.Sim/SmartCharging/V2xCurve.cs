namespace DerSim.Sim.SmartCharging;

/// <summary>
/// Reads a V2X curve the way the frequency operation modes use it: linear between points (sorted by x, whatever order
/// the CSMS sent them in), flat beyond the first and last point.
/// </summary>
public static class V2xCurve
{
    /// <summary>The power in W that <paramref name="points"/> give at <paramref name="x"/>; 0 for an empty curve.</summary>
    public static double PowerW(IReadOnlyList<V2xCurvePoint> points, double x)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0)
        {
            return 0;
        }

        var sorted = points.OrderBy(p => p.X).ToList();
        if (x <= (double)sorted[0].X)
        {
            return (double)sorted[0].PowerW;
        }

        for (var i = 1; i < sorted.Count; i++)
        {
            var (left, right) = (sorted[i - 1], sorted[i]);
            if (x <= (double)right.X)
            {
                var span = (double)(right.X - left.X);
                return span <= 0
                    ? (double)right.PowerW
                    : (double)left.PowerW + ((double)(right.PowerW - left.PowerW) * (x - (double)left.X) / span);
            }
        }

        return (double)sorted[^1].PowerW;
    }
}
