using System.Numerics;

namespace DerSim.Sim.Load;

/// <summary>
/// A log-linear histogram of latencies in microseconds: exact below 64 µs, then 64 buckets per power of two (at most
/// 1/64 ≈ 1.6 % wide), up to 2^40 µs (12.7 days; longer values count in the last bucket). Recording is lock-free and
/// safe from any thread; two histograms merge by adding their buckets, so percentiles of several shards are those of
/// all their calls together, not an average of the shards' percentiles.
/// </summary>
public sealed class LatencyHistogram
{
    /// <summary>Buckets per power of two (and the count of exact buckets below 64 µs).</summary>
    public const int SubBuckets = 64;

    private const int SubBits = 6;
    private const int MaxShift = 34;

    /// <summary>The number of buckets: values up to 2^40 µs.</summary>
    public const int BucketCount = SubBuckets * (MaxShift + 2);

    private readonly long[] _counts = new long[BucketCount];
    private long _count;
    private long _sum;
    private long _min = long.MaxValue;
    private long _max;

    /// <summary>How many values were recorded.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>The largest value recorded, in µs (0 when empty).</summary>
    public long MaxMicros => Interlocked.Read(ref _max);

    /// <summary>The smallest value recorded, in µs (0 when empty).</summary>
    public long MinMicros => Count == 0 ? 0 : Interlocked.Read(ref _min);

    /// <summary>The sum of the values recorded, in µs.</summary>
    public long SumMicros => Interlocked.Read(ref _sum);

    /// <summary>Records one latency.</summary>
    public void Record(TimeSpan latency) => RecordMicros((long)Math.Round(latency.TotalMicroseconds));

    /// <summary>Records one latency in microseconds (negative values count as 0).</summary>
    public void RecordMicros(long micros)
    {
        micros = Math.Max(0, micros);
        Interlocked.Increment(ref _counts[IndexOf(micros)]);
        Interlocked.Increment(ref _count);
        Interlocked.Add(ref _sum, micros);
        InterlockedMin(ref _min, micros);
        InterlockedMax(ref _max, micros);
    }

    /// <summary>Adds every value of <paramref name="snapshot"/> to this histogram.</summary>
    public void Add(LatencySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Count == 0)
        {
            return;
        }

        foreach (var bucket in snapshot.Buckets)
        {
            Interlocked.Add(ref _counts[bucket.Index], bucket.Count);
        }

        Interlocked.Add(ref _count, snapshot.Count);
        Interlocked.Add(ref _sum, snapshot.SumMicros);
        InterlockedMin(ref _min, snapshot.MinMicros);
        InterlockedMax(ref _max, snapshot.MaxMicros);
    }

    /// <summary>The recorded values as they are now, sparse (only buckets with a count).</summary>
    public LatencySnapshot Snapshot()
    {
        var buckets = new List<LatencyBucket>();
        long count = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            var c = Interlocked.Read(ref _counts[i]);
            if (c != 0)
            {
                buckets.Add(new LatencyBucket(i, c));
                count += c;
            }
        }

        return new LatencySnapshot(count, count == 0 ? 0 : MinMicros, MaxMicros, SumMicros, buckets);
    }

    /// <summary>Takes the values recorded so far and starts again from empty (for per-interval figures).</summary>
    public LatencySnapshot SnapshotAndReset()
    {
        var buckets = new List<LatencyBucket>();
        long count = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            var c = Interlocked.Exchange(ref _counts[i], 0);
            if (c != 0)
            {
                buckets.Add(new LatencyBucket(i, c));
                count += c;
            }
        }

        // Values recorded while the buckets were swept land in this snapshot or the next one; the totals below follow
        // the buckets so each snapshot stays consistent.
        Interlocked.Add(ref _count, -count);
        var sum = Interlocked.Exchange(ref _sum, 0);
        var min = Interlocked.Exchange(ref _min, long.MaxValue);
        var max = Interlocked.Exchange(ref _max, 0);
        return new LatencySnapshot(count, count == 0 ? 0 : Math.Min(min, max), max, sum, buckets);
    }

    /// <summary>The bucket a value in µs falls in.</summary>
    public static int IndexOf(long micros)
    {
        if (micros < SubBuckets * 2)
        {
            return (int)micros;
        }

        var msb = 63 - BitOperations.LeadingZeroCount((ulong)micros);
        var shift = msb - SubBits;
        if (shift > MaxShift)
        {
            return BucketCount - 1;
        }

        var top = (int)(micros >> shift);
        return (SubBuckets * (shift + 1)) + (top - SubBuckets);
    }

    /// <summary>The largest value in µs that falls in bucket <paramref name="index"/>.</summary>
    public static long UpperBoundOf(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, BucketCount);
        if (index < SubBuckets * 2)
        {
            return index;
        }

        var shift = (index / SubBuckets) - 1;
        var top = (long)SubBuckets + (index % SubBuckets);
        return ((top + 1) << shift) - 1;
    }

    private static void InterlockedMin(ref long target, long value)
    {
        var seen = Interlocked.Read(ref target);
        while (value < seen)
        {
            var was = Interlocked.CompareExchange(ref target, value, seen);
            if (was == seen)
            {
                return;
            }

            seen = was;
        }
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var seen = Interlocked.Read(ref target);
        while (value > seen)
        {
            var was = Interlocked.CompareExchange(ref target, value, seen);
            if (was == seen)
            {
                return;
            }

            seen = was;
        }
    }
}
