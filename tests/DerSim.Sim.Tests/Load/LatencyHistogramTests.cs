using DerSim.Sim.Load;

namespace DerSim.Sim.Tests.Load;

/// <summary>The load run's latency histogram: bucket bounds, percentiles within the bucket width, lock-free recording.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class LatencyHistogramTests
{
    [Test]
    public void Every_value_falls_in_a_bucket_that_holds_it_exact_below_128_us_and_at_most_a_64th_wide_above()
    {
        var previousUpper = -1L;
        for (var index = 0; index < LatencyHistogram.BucketCount; index++)
        {
            var upper = LatencyHistogram.UpperBoundOf(index);
            var lower = previousUpper + 1;
            upper.ShouldBeGreaterThanOrEqualTo(lower);
            LatencyHistogram.IndexOf(lower).ShouldBe(index);
            LatencyHistogram.IndexOf(upper).ShouldBe(index);
            (upper - lower + 1).ShouldBeLessThanOrEqualTo(Math.Max(1, lower / 64));
            previousUpper = upper;
        }

        LatencyHistogram.IndexOf(long.MaxValue).ShouldBe(LatencyHistogram.BucketCount - 1);
    }

    [Test]
    public void Percentiles_of_a_known_distribution_are_within_the_bucket_width()
    {
        var histogram = new LatencyHistogram();
        for (var ms = 1; ms <= 1000; ms++)
        {
            histogram.Record(TimeSpan.FromMilliseconds(ms));
        }

        var snapshot = histogram.Snapshot();
        snapshot.Count.ShouldBe(1000);
        snapshot.MinMicros.ShouldBe(1000);
        snapshot.MaxMicros.ShouldBe(1_000_000);
        snapshot.MeanMicros.ShouldBe(500_500);
        foreach (var (percent, exact) in new[] { (50.0, 500_000L), (95.0, 950_000L), (99.0, 990_000L), (100.0, 1_000_000L) })
        {
            var value = snapshot.PercentileMicros(percent);
            value.ShouldBeGreaterThanOrEqualTo(exact);
            value.ShouldBeLessThanOrEqualTo((long)(exact * (1 + (1.0 / 64))));
        }
    }

    [Test]
    public void Merging_shards_gives_the_percentiles_of_all_calls_not_the_mean_of_the_shards_percentiles()
    {
        // One shard fast, one slow: the mean of their p50s (≈ 50 ms) is no call's latency; the merged p50 is the slow
        // shard's smallest value, the merged p99 the slow shard's p98.
        var fast = new LatencyHistogram();
        var slow = new LatencyHistogram();
        for (var i = 0; i < 100; i++)
        {
            fast.RecordMicros(1_000);
            slow.RecordMicros(100_000 + (i * 1_000));
        }

        var merged = LatencySnapshot.Merge([fast.Snapshot(), slow.Snapshot()]);
        merged.Count.ShouldBe(200);
        merged.PercentileMicros(50).ShouldBeInRange(1_000, 1_016);
        merged.PercentileMicros(51).ShouldBeInRange(100_000, 101_600);
        merged.PercentileMicros(99).ShouldBeInRange(197_000, 200_200);
        merged.MaxMicros.ShouldBe(199_000);
        merged.MinMicros.ShouldBe(1_000);
    }

    [Test]
    public async Task Recording_from_many_threads_loses_no_value_and_reset_starts_again_from_empty()
    {
        var histogram = new LatencyHistogram();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                histogram.RecordMicros((t * 10_000) + i);
            }
        })));

        var taken = histogram.SnapshotAndReset();
        taken.Count.ShouldBe(80_000);
        taken.Buckets.Sum(b => b.Count).ShouldBe(80_000);
        taken.MaxMicros.ShouldBe(79_999);
        taken.MinMicros.ShouldBe(0);
        histogram.Count.ShouldBe(0);
        histogram.Snapshot().Buckets.ShouldBeEmpty();
    }
}
