using DerSim.Sim.Load;

namespace DerSim.Sim.Tests.Load;

/// <summary>summary.json round trip, its errors, and merging shards (counts add, histograms add, one timeline).</summary>
[Parallelizable(ParallelScope.All)]
public sealed class LoadSummaryTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    [Test]
    public void A_summary_written_and_read_back_is_the_same_and_shows_percentiles_in_ms()
    {
        var summary = Shard(1, 2, Start, latencyMs: 10);
        var json = LoadSummaryJson.Write(summary);

        json.ShouldContain("\"format\": \"dersim-load-summary/1\"");
        json.ShouldContain("\"p99Ms\": 10");
        var read = LoadSummaryJson.Read(json);
        LoadSummaryJson.Write(read).ShouldBe(json);
        read.Actions.Single(a => a.Action == "MeterValues").CallErrors["InternalError"].ShouldBe(1);
    }

    [TestCase("{\"format\":\"something-else/1\",\"summary\":{}}", "$.format: expected \"dersim-load-summary/1\", found \"something-else/1\"")]
    [TestCase("[1,2]", "line 1, $: not a DerSim load summary")]
    [TestCase("{\"format\":\"dersim-load-summary/1\"}", "$.summary: missing")]
    public void Text_that_is_not_a_summary_is_refused_naming_where(string json, string message)
    {
        Should.Throw<InvalidDataException>(() => LoadSummaryJson.Read(json)).Message.ShouldStartWith(message);
    }

    [Test]
    public void Buckets_that_do_not_add_up_are_refused_naming_the_path()
    {
        var json = LoadSummaryJson.Write(Shard(1, 1, Start, latencyMs: 10)).Replace("\"count\": 100,", "\"count\": 7,", StringComparison.Ordinal);

        var message = Should.Throw<InvalidDataException>(() => LoadSummaryJson.Read(json)).Message;
        message.ShouldContain("$.summary.actions[0].latency");
        message.ShouldContain("do not add up");
    }

    [Test]
    public void Shards_merge_into_counts_that_add_up_histograms_that_add_up_and_one_timeline()
    {
        var merged = LoadSummaryMerge.Merge([Shard(1, 2, Start, latencyMs: 1), Shard(2, 2, Start.AddSeconds(1), latencyMs: 100)]);

        merged.Run.Stations.ShouldBe(20);
        merged.Run.StartedAt.ShouldBe(Start);
        merged.Run.EndedAt.ShouldBe(Start.AddSeconds(4));
        merged.Shards.Select(s => s.ShardIndex).ShouldBe([1, 2]);
        merged.Stations.Booted.ShouldBe(20);
        merged.Stations.AllBootedAfterSeconds.ShouldBe(3);
        merged.Frames.Sent.ShouldBe(600);
        merged.Process.Processes.ShouldBe(2);
        merged.Process.GcPauseSeconds.ShouldBe(0.75);
        merged.Process.FullCollections.ShouldBe(3);
        var meter = merged.Actions.Single(a => a.Action == "MeterValues");
        meter.Calls.ShouldBe(200);
        meter.CallErrors["InternalError"].ShouldBe(2);
        meter.Latency.Count.ShouldBe(200);
        meter.Latency.PercentileMicros(50).ShouldBeInRange(1_000, 1_016);
        meter.Latency.PercentileMicros(99).ShouldBeInRange(100_000, 101_600);

        // Shard 2 started a second later: its samples at 1 s and 2 s land at 2 s and 3 s of the merged run.
        merged.Timeline.Select(t => t.AtSeconds).ShouldBe([1, 2, 3]);
        merged.Timeline.Select(t => t.Connected).ShouldBe([10, 20, 10]);
        merged.Stations.PeakConnected.ShouldBe(20);
        merged.Timeline[1].Latency.Count.ShouldBe(20);
    }

    [Test]
    public void A_shard_whose_sampler_skipped_a_second_keeps_its_stations_in_the_merged_count()
    {
        // A late tick puts shard 2's samples at 0.98 s and 2.01 s: nothing of its own falls in second 2, yet its ten
        // stations were connected throughout. Frames and latencies of that second are not made up.
        var first = Shard(1, 2, Start, latencyMs: 1) with
        {
            Timeline = [.. new[] { 1.0, 2.0, 3.0 }.Select(at => new LoadSample { AtSeconds = at, Connected = 10, FramesSent = 5 })],
        };
        var late = Shard(2, 2, Start, latencyMs: 1) with
        {
            Timeline = [new LoadSample { AtSeconds = 0.98, Connected = 10, FramesSent = 7 }, new LoadSample { AtSeconds = 2.01, Connected = 10, FramesSent = 9 }],
        };

        var merged = LoadSummaryMerge.Merge([first, late]);

        merged.Timeline.Select(t => t.AtSeconds).ShouldBe([1, 2, 3]);
        merged.Timeline.Select(t => t.Connected).ShouldBe([20, 20, 20]);
        merged.Timeline.Select(t => t.FramesSent).ShouldBe([12, 5, 14]);
        merged.Stations.PeakConnected.ShouldBe(20);
    }

    [Test]
    public void A_shard_number_outside_its_run_is_refused()
    {
        Should.Throw<InvalidDataException>(() => LoadSummaryMerge.Merge([Shard(1, 2, Start, 1), Shard(3, 2, Start, 1)]))
            .Message.ShouldBe("shard 3/2: a shard number is 1-2");
    }

    [Test]
    public void A_shard_given_twice_or_shards_of_different_runs_are_refused()
    {
        Should.Throw<InvalidDataException>(() => LoadSummaryMerge.Merge([Shard(1, 2, Start, 1), Shard(1, 2, Start, 1)]))
            .Message.ShouldBe("shard 1/2 appears twice: each shard's summary once");
        Should.Throw<InvalidDataException>(() => LoadSummaryMerge.Merge([Shard(1, 2, Start, 1), Shard(2, 3, Start, 1)]))
            .Message.ShouldStartWith("the summaries come from runs split into different numbers of shards (2, 3)");
    }

    private static LoadSummary Shard(int index, int count, DateTimeOffset start, int latencyMs)
    {
        var latency = new LatencyHistogram();
        for (var i = 0; i < 100; i++)
        {
            latency.Record(TimeSpan.FromMilliseconds(latencyMs));
        }

        var perSecond = new LatencyHistogram();
        for (var i = 0; i < 10; i++)
        {
            perSecond.Record(TimeSpan.FromMilliseconds(latencyMs));
        }

        return new LoadSummary
        {
            Run = new LoadRun
            {
                Target = "ws://127.0.0.1:8180/ocpp",
                OcppVersion = "2.0.1",
                Profile = "EVSE-AC-22kW-1port",
                Stations = 10,
                ShardIndex = index,
                ShardCount = count,
                StartedAt = start,
                EndedAt = start.AddSeconds(3),
            },
            Stations = new LoadStations { Requested = 10, Connected = 10, Booted = 10, PeakConnected = 10, AllBootedAfterSeconds = 2 },
            Frames = new LoadFrames { Sent = 300, Received = 300 },
            Actions =
            [
                new LoadActionFigures
                {
                    Action = "MeterValues",
                    CalledBy = "station",
                    Calls = 100,
                    Answered = 99,
                    CallErrors = new Dictionary<string, long> { ["InternalError"] = 1 },
                    Latency = latency.Snapshot(),
                },
            ],
            Process = new LoadProcess { CpuSeconds = 1.5, PeakWorkingSetBytes = 100 << 20, GcPauseSeconds = 0.25 * index, FullCollections = index },
            Timeline =
            [
                new LoadSample { AtSeconds = 1, Connected = 10, Booted = 5, FramesSent = 100, Latency = perSecond.Snapshot() },
                new LoadSample { AtSeconds = 2, Connected = 10, Booted = 10, FramesSent = 100, Latency = perSecond.Snapshot() },
            ],
        };
    }
}
