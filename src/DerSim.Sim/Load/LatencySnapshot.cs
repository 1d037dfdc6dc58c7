namespace DerSim.Sim.Load;

/// <summary>One bucket of a <see cref="LatencyHistogram"/> with a count: its index and how many values fell in it.</summary>
public readonly record struct LatencyBucket(int Index, long Count);

/// <summary>
/// The values of a <see cref="LatencyHistogram"/> at one moment, sparse: what <c>summary.json</c> stores so shards
/// can be merged bucket by bucket (<see cref="Merge"/>) and percentiles read from the merged buckets.
/// </summary>
public sealed record LatencySnapshot(long Count, long MinMicros, long MaxMicros, long SumMicros, IReadOnlyList<LatencyBucket> Buckets)
{
    /// <summary>No values.</summary>
    public static LatencySnapshot Empty { get; } = new(0, 0, 0, 0, []);

    /// <summary>The mean in µs (0 when empty).</summary>
    public double MeanMicros => Count == 0 ? 0 : (double)SumMicros / Count;

    /// <summary>
    /// The value in µs at or below which <paramref name="percent"/> % of the values fall: the upper bound of the bucket
    /// that holds that rank (so at most 1.6 % above the true value), never above the largest value recorded.
    /// </summary>
    public long PercentileMicros(double percent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(percent, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        if (Count == 0)
        {
            return 0;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(percent / 100 * Count));
        long seen = 0;
        foreach (var bucket in Buckets.OrderBy(b => b.Index))
        {
            seen += bucket.Count;
            if (seen >= rank)
            {
                return Math.Clamp(LatencyHistogram.UpperBoundOf(bucket.Index), MinMicros, MaxMicros);
            }
        }

        return MaxMicros;
    }

    /// <summary>All values of <paramref name="snapshots"/> together.</summary>
    public static LatencySnapshot Merge(IEnumerable<LatencySnapshot> snapshots)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        var histogram = new LatencyHistogram();
        foreach (var snapshot in snapshots)
        {
            histogram.Add(snapshot);
        }

        return histogram.Snapshot();
    }
}
