namespace DerSim.Sim.Physics;

/// <summary>
/// The curve reading OCPP's grid functions share (DER curves, V2X frequency-watt and signal-watt curves): linear
/// between points sorted by x, whatever order they came in, and held at the nearest end outside them.
/// </summary>
public static class PiecewiseLinear
{
    /// <summary>y at <paramref name="x"/> on the curve through <paramref name="points"/> (at least one).</summary>
    public static double At(IEnumerable<(double X, double Y)> points, double x)
    {
        ArgumentNullException.ThrowIfNull(points);
        var sorted = points.OrderBy(p => p.X).ToList();
        if (sorted.Count == 0)
        {
            throw new ArgumentException("A curve needs at least one point.", nameof(points));
        }

        if (x <= sorted[0].X)
        {
            return sorted[0].Y;
        }

        for (var i = 1; i < sorted.Count; i++)
        {
            var (a, b) = (sorted[i - 1], sorted[i]);
            if (x <= b.X)
            {
                return b.X == a.X ? b.Y : a.Y + ((b.Y - a.Y) * (x - a.X) / (b.X - a.X));
            }
        }

        return sorted[^1].Y;
    }
}
