namespace DerSim.Sim.Load;

/// <summary>
/// Merges the summaries of a run's shards into one (<c>./dersim load-merge</c>): counts add up, latency histograms add
/// bucket by bucket (so a merged p99 is the p99 of every call of every shard, not an average of the shards' p99s), and
/// the timelines are laid on one clock (each shard's samples at its start time plus their offset, by whole second).
/// </summary>
public static class LoadSummaryMerge
{
    /// <summary>
    /// One summary of <paramref name="shards"/>; throws <see cref="InvalidDataException"/> naming the shard when two
    /// claim the same shard number or disagree on the number of shards.
    /// </summary>
    public static LoadSummary Merge(IReadOnlyList<LoadSummary> shards)
    {
        ArgumentNullException.ThrowIfNull(shards);
        if (shards.Count == 0)
        {
            throw new InvalidDataException("no summaries to merge");
        }

        if (shards.Count == 1)
        {
            return shards[0];
        }

        CheckShards(shards);
        // In shard order whatever order they were given in: sums of fractional figures (CPU seconds) then come out the
        // same to the last digit, so merging the same shards twice writes the same file.
        shards = [.. shards.OrderBy(s => s.Shards.Count > 0 ? s.Shards.Min(r => r.ShardIndex) : s.Run.ShardIndex)];
        var runs = shards.SelectMany(s => s.Shards.Count > 0 ? s.Shards : [s.Run]).OrderBy(r => r.ShardIndex).ToList();
        var start = shards.Min(s => s.Run.StartedAt);
        var end = shards.Max(s => s.Run.EndedAt);
        var run = new LoadRun
        {
            Target = Joined(shards.Select(s => s.Run.Target)),
            OcppVersion = Joined(shards.Select(s => s.Run.OcppVersion)),
            Profile = Joined(shards.Select(s => s.Run.Profile)),
            Stations = shards.Sum(s => s.Run.Stations),
            ShardIndex = 1,
            ShardCount = shards[0].Run.ShardCount,
            Validate = shards.All(s => s.Run.Validate),
            StartedAt = start,
            EndedAt = end,
        };

        double? allBooted = shards.All(s => s.Stations.AllBootedAfterSeconds is not null)
            ? shards.Max(s => (s.Run.StartedAt - start).TotalSeconds + s.Stations.AllBootedAfterSeconds!.Value)
            : null;
        var timeline = MergeTimeline(shards, start);
        return new LoadSummary
        {
            Run = run,
            Stations = new LoadStations
            {
                Requested = shards.Sum(s => s.Stations.Requested),
                Connected = shards.Sum(s => s.Stations.Connected),
                Booted = shards.Sum(s => s.Stations.Booted),
                Charging = shards.Sum(s => s.Stations.Charging),
                // The shards' peaks need not coincide: the merged timeline says how many were up at once.
                PeakConnected = timeline.Count > 0 ? timeline.Max(t => t.Connected) : shards.Sum(s => s.Stations.PeakConnected),
                PeakCharging = timeline.Count > 0 ? timeline.Max(t => t.Charging) : shards.Sum(s => s.Stations.PeakCharging),
                AllBootedAfterSeconds = allBooted,
            },
            Frames = new LoadFrames
            {
                Sent = shards.Sum(s => s.Frames.Sent),
                Received = shards.Sum(s => s.Frames.Received),
                Lost = shards.Sum(s => s.Frames.Lost),
            },
            Actions = MergeActions(shards),
            Reconnects = shards.Sum(s => s.Reconnects),
            Process = new LoadProcess
            {
                CpuSeconds = shards.Sum(s => s.Process.CpuSeconds),
                PeakWorkingSetBytes = shards.Sum(s => s.Process.PeakWorkingSetBytes),
                SteadyWorkingSetBytes = shards.Sum(s => s.Process.SteadyWorkingSetBytes),
                BaselineWorkingSetBytes = shards.Sum(s => s.Process.BaselineWorkingSetBytes),
                SteadyManagedBytes = shards.Sum(s => s.Process.SteadyManagedBytes),
                GcPauseSeconds = Math.Round(shards.Sum(s => s.Process.GcPauseSeconds), 3),
                FullCollections = shards.Sum(s => s.Process.FullCollections),
                Processes = shards.Sum(s => s.Process.Processes),
            },
            Timeline = timeline,
            Shards = runs,
        };
    }

    private static void CheckShards(IReadOnlyList<LoadSummary> shards)
    {
        var counts = shards.Select(s => s.Run.ShardCount).Distinct().ToList();
        if (counts.Count > 1)
        {
            throw new InvalidDataException($"the summaries come from runs split into different numbers of shards ({string.Join(", ", counts.Order())}): merge the shards of one run");
        }

        var seen = new HashSet<int>();
        foreach (var run in shards.SelectMany(s => s.Shards.Count > 0 ? s.Shards : [s.Run]))
        {
            if (run.ShardIndex < 1 || run.ShardIndex > run.ShardCount)
            {
                throw new InvalidDataException($"shard {run.ShardIndex}/{run.ShardCount}: a shard number is 1-{run.ShardCount}");
            }

            if (!seen.Add(run.ShardIndex))
            {
                throw new InvalidDataException($"shard {run.ShardIndex}/{run.ShardCount} appears twice: each shard's summary once");
            }
        }
    }

    private static string Joined(IEnumerable<string> values) => string.Join(", ", values.Distinct());

    private static List<LoadActionFigures> MergeActions(IReadOnlyList<LoadSummary> shards) =>
        shards.SelectMany(s => s.Actions)
            .GroupBy(a => (a.Action, a.CalledBy))
            .OrderBy(g => g.Key.CalledBy, StringComparer.Ordinal).ThenBy(g => g.Key.Action, StringComparer.Ordinal)
            .Select(g => new LoadActionFigures
            {
                Action = g.Key.Action,
                CalledBy = g.Key.CalledBy,
                Calls = g.Sum(a => a.Calls),
                Answered = g.Sum(a => a.Answered),
                Unanswered = g.Sum(a => a.Unanswered),
                CallErrors = g.SelectMany(a => a.CallErrors)
                    .GroupBy(e => e.Key, StringComparer.Ordinal)
                    .OrderBy(e => e.Key, StringComparer.Ordinal)
                    .ToDictionary(e => e.Key, e => e.Sum(x => x.Value), StringComparer.Ordinal),
                Latency = LatencySnapshot.Merge(g.Select(a => a.Latency)),
            })
            .ToList();

    private static List<LoadSample> MergeTimeline(IReadOnlyList<LoadSummary> shards, DateTimeOffset start)
    {
        // Per shard and whole second first (a shard's samples need not fall one per second on the common clock): the
        // station counts of its last sample in that second, the frames and latencies of all of them; then across shards.
        var bySecond = new SortedDictionary<long, List<LoadSample>>();
        foreach (var shard in shards)
        {
            var offset = (shard.Run.StartedAt - start).TotalSeconds;
            var own = shard.Timeline
                .GroupBy(sample => (long)Math.Ceiling(offset + sample.AtSeconds - 1e-9))
                .OrderBy(g => g.Key)
                .Select(g => Combine(g.Key, g.ToList(), last: true))
                .ToList();
            foreach (var sample in WithoutGaps(own))
            {
                var second = (long)sample.AtSeconds;
                if (!bySecond.TryGetValue(second, out var list))
                {
                    bySecond[second] = list = [];
                }

                list.Add(sample);
            }
        }

        return bySecond.Select(p => Combine(p.Key, p.Value, last: false)).ToList();
    }

    /// <summary>
    /// A shard's seconds from its first to its last, a second it has no sample for holding the station counts and memory
    /// of the second before (no frames, latencies or CPU). A sampler that fires a little late puts two samples in one second and
    /// none in the next; without this, that shard's stations would vanish from the merged count for a second.
    /// </summary>
    private static IEnumerable<LoadSample> WithoutGaps(List<LoadSample> own)
    {
        for (var i = 0; i < own.Count; i++)
        {
            if (i > 0)
            {
                for (var second = (long)own[i - 1].AtSeconds + 1; second < (long)own[i].AtSeconds; second++)
                {
                    var before = own[i - 1];
                    yield return new LoadSample
                    {
                        AtSeconds = second,
                        Connected = before.Connected,
                        Booted = before.Booted,
                        Charging = before.Charging,
                        WorkingSetBytes = before.WorkingSetBytes,
                        ManagedBytes = before.ManagedBytes,
                    };
                }
            }

            yield return own[i];
        }
    }

    private static LoadSample Combine(long second, List<LoadSample> samples, bool last) => new()
    {
        AtSeconds = second,
        Connected = last ? samples[^1].Connected : samples.Sum(s => s.Connected),
        Booted = last ? samples[^1].Booted : samples.Sum(s => s.Booted),
        Charging = last ? samples[^1].Charging : samples.Sum(s => s.Charging),
        FramesSent = samples.Sum(s => s.FramesSent),
        FramesReceived = samples.Sum(s => s.FramesReceived),
        Latency = samples.Count == 1 ? samples[0].Latency : LatencySnapshot.Merge(samples.Select(s => s.Latency)),
        CpuSeconds = samples.Sum(s => s.CpuSeconds),
        WorkingSetBytes = last ? samples[^1].WorkingSetBytes : samples.Sum(s => s.WorkingSetBytes),
        ManagedBytes = last ? samples[^1].ManagedBytes : samples.Sum(s => s.ManagedBytes),
        GcPauseSeconds = samples.Sum(s => s.GcPauseSeconds),
        FullCollections = samples.Sum(s => s.FullCollections),
        Unanswered = samples.Sum(s => s.Unanswered),
        Errors = samples.Sum(s => s.Errors),
    };
}
