using DerSim.Csms;
using DerSim.Sim.Load;

namespace DerSim.Sim.Tests.Load;

/// <summary>
/// Four shards recorded for real against the reference CSMS (<see cref="LoadShardRecording"/>), merged: counts are the
/// sums, the merged p99 is the p99 of the union of every recorded latency (worked out from the raw values, within the
/// bucket width), each shard's seconds land on the common clock, and a shard given twice is refused.
/// </summary>
[NonParallelizable]
public sealed class LoadShardMergeTests
{
    private const int Shards = 4;
    private const int StationsPerShard = 5;

    private static IReadOnlyList<LoadShardRecording> _recorded = [];

    [OneTimeSetUp]
    public async Task RecordFourShards()
    {
        await using var csms = new ReferenceCsms(new ReferenceCsmsOptions { HeartbeatIntervalSeconds = 300 });
        await csms.StartAsync();
        // Started a little apart, as pods of an Indexed Job are: the merge has to lay them on one clock.
        _recorded = await Task.WhenAll(Enumerable.Range(1, Shards).Select(async k =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(350 * (k - 1)));
            return await LoadShardRecording.RecordAsync(csms.Url, k, Shards, StationsPerShard);
        }));
    }

    [Test]
    public void Each_shard_recorded_real_answers_and_a_callerror_per_station()
    {
        foreach (var shard in _recorded.Select(r => r.Summary))
        {
            shard.Stations.Booted.ShouldBe(StationsPerShard);
            var calls = shard.Actions.ToDictionary(a => a.Action);
            calls["BootNotification"].Answered.ShouldBe(StationsPerShard);
            calls["Heartbeat"].Answered.ShouldBe(StationsPerShard * 6);
            calls["MeterValues"].CallErrors.Values.Sum().ShouldBe(StationsPerShard, "the CSMS refuses a MeterValues without its fields");
            shard.Actions.Sum(a => a.Latency.Count).ShouldBe(shard.Actions.Sum(a => a.Calls - a.Unanswered));
            shard.Timeline.Sum(t => t.FramesSent).ShouldBe(shard.Frames.Sent);
            shard.Timeline.Sum(t => t.Latency.Count).ShouldBe(shard.Actions.Sum(a => a.Latency.Count));
            shard.Timeline.Count.ShouldBeGreaterThanOrEqualTo(2);
        }
    }

    [Test]
    public void Merged_counts_are_the_sums_of_the_shards()
    {
        var shards = _recorded.Select(r => r.Summary).ToList();

        var merged = LoadSummaryMerge.Merge(shards);

        merged.Run.Stations.ShouldBe(Shards * StationsPerShard);
        merged.Shards.Select(s => s.ShardIndex).ShouldBe([1, 2, 3, 4]);
        merged.Stations.Requested.ShouldBe(shards.Sum(s => s.Stations.Requested));
        merged.Stations.Booted.ShouldBe(shards.Sum(s => s.Stations.Booted));
        merged.Frames.Sent.ShouldBe(shards.Sum(s => s.Frames.Sent));
        merged.Frames.Received.ShouldBe(shards.Sum(s => s.Frames.Received));
        foreach (var action in merged.Actions)
        {
            var own = shards.SelectMany(s => s.Actions).Where(a => a.Action == action.Action && a.CalledBy == action.CalledBy).ToList();
            action.Calls.ShouldBe(own.Sum(a => a.Calls), action.Action);
            action.Answered.ShouldBe(own.Sum(a => a.Answered), action.Action);
            action.Latency.Count.ShouldBe(own.Sum(a => a.Latency.Count), action.Action);
            action.Latency.SumMicros.ShouldBe(own.Sum(a => a.Latency.SumMicros), action.Action);
            foreach (var (code, count) in action.CallErrors)
            {
                count.ShouldBe(own.Sum(a => a.CallErrors.GetValueOrDefault(code)), $"{action.Action} {code}");
            }
        }
    }

    [Test]
    public void The_merged_percentiles_are_those_of_every_recorded_latency_within_the_bucket_width()
    {
        var union = _recorded.SelectMany(r => r.LatenciesMicros).Order().ToList();

        var merged = LoadSummaryMerge.Merge([.. _recorded.Select(r => r.Summary)]);
        var all = LatencySnapshot.Merge(merged.Actions.Select(a => a.Latency));

        all.Count.ShouldBe(union.Count);
        all.MaxMicros.ShouldBe(union[^1]);
        all.MinMicros.ShouldBe(union[0]);
        foreach (var percent in new[] { 50.0, 95.0, 99.0 })
        {
            // The rank-th smallest value (nearest rank), independent of the histogram.
            var exact = union[(int)Math.Ceiling(percent / 100 * union.Count) - 1];
            var fromBuckets = all.PercentileMicros(percent);
            fromBuckets.ShouldBeGreaterThanOrEqualTo(exact, $"p{percent}");
            fromBuckets.ShouldBeLessThanOrEqualTo(exact + Math.Max(0, exact / LatencyHistogram.SubBuckets), $"p{percent}: exact {exact} µs");
        }
    }

    [Test]
    public void Each_shards_seconds_land_on_the_common_clock()
    {
        var shards = _recorded.Select(r => r.Summary).ToList();

        var merged = LoadSummaryMerge.Merge(shards);

        var start = shards.Min(s => s.Run.StartedAt);
        merged.Run.StartedAt.ShouldBe(start);
        merged.Run.EndedAt.ShouldBe(shards.Max(s => s.Run.EndedAt));
        merged.Timeline.Select(t => t.AtSeconds).ShouldBe(merged.Timeline.Select(t => t.AtSeconds).Distinct().Order(), "one sample per second, in order");
        merged.Timeline.ShouldAllBe(t => t.AtSeconds == Math.Floor(t.AtSeconds));
        merged.Timeline.Sum(t => t.FramesSent).ShouldBe(merged.Frames.Sent);
        merged.Timeline.Sum(t => t.FramesReceived).ShouldBe(merged.Frames.Received);
        merged.Timeline.Sum(t => t.Latency.Count).ShouldBe(merged.Actions.Sum(a => a.Latency.Count));
        foreach (var shard in shards)
        {
            // Every frame a shard counted in a second of its own is in the merged second that second falls in.
            var offset = (shard.Run.StartedAt - start).TotalSeconds;
            foreach (var sample in shard.Timeline)
            {
                var second = Math.Ceiling(offset + sample.AtSeconds - 1e-9);
                var at = merged.Timeline.SingleOrDefault(t => t.AtSeconds == second);
                at.ShouldNotBeNull($"shard {shard.Run.ShardIndex}'s sample at {sample.AtSeconds} s (+{offset:0.000} s) has no merged second {second}");
                at.FramesSent.ShouldBeGreaterThanOrEqualTo(sample.FramesSent);
            }
        }

        merged.Stations.PeakConnected.ShouldBeLessThanOrEqualTo(Shards * StationsPerShard);
    }

    [Test]
    public void A_shard_given_twice_is_refused()
    {
        var shards = _recorded.Select(r => r.Summary).ToList();

        Should.Throw<InvalidDataException>(() => LoadSummaryMerge.Merge([.. shards, shards[2]]))
            .Message.ShouldBe("shard 3/4 appears twice: each shard's summary once");
        var mergedTwo = LoadSummaryMerge.Merge([shards[0], shards[1]]);
        Should.Throw<InvalidDataException>(() => LoadSummaryMerge.Merge([mergedTwo, shards[1], shards[2]]))
            .Message.ShouldBe("shard 2/4 appears twice: each shard's summary once");
        LoadSummaryMerge.Merge([mergedTwo, shards[2], shards[3]]).Frames.Sent.ShouldBe(shards.Sum(s => s.Frames.Sent), "a merge of merges adds up too");
    }
}
