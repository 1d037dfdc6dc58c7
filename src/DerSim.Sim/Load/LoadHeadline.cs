namespace DerSim.Sim.Load;

/// <summary>
/// The figures a person reads first from a <see cref="LoadSummary"/>, worked out once for the HTML page
/// (<see cref="LoadReportHtml"/>) and the console table (<see cref="LoadReportText"/>). Latency, CALLERRORs and
/// unanswered CALLs are those of the CALLs the stations sent, i.e. how the CSMS answered; the CALLs the CSMS sent are
/// in the per-action table.
/// </summary>
public sealed record LoadHeadline
{
    /// <summary>The issue's target for the memory one more station costs (a target until measured).</summary>
    public const long TargetBytesPerStation = 50 * 1024;

    /// <summary>The issue's target for the CPU time per frame, in milliseconds (a target until measured).</summary>
    public const double TargetCpuMsPerFrame = 0.1;

    /// <summary>The run's wall time in seconds.</summary>
    public required double WallSeconds { get; init; }

    /// <summary>Frames the stations sent per second of wall time.</summary>
    public required double SentPerSecond { get; init; }

    /// <summary>Frames the stations received per second of wall time.</summary>
    public required double ReceivedPerSecond { get; init; }

    /// <summary>The busiest second's frames sent (from the timeline; 0 without one).</summary>
    public required double PeakSentPerSecond { get; init; }

    /// <summary>The busiest second's frames received (from the timeline; 0 without one).</summary>
    public required double PeakReceivedPerSecond { get; init; }

    /// <summary>CALL → answer latency of every CALL the stations sent.</summary>
    public required LatencySnapshot Latency { get; init; }

    /// <summary>CALLs the stations sent.</summary>
    public required long Calls { get; init; }

    /// <summary>CALLERRORs the CSMS answered, by error code, most frequent first.</summary>
    public required IReadOnlyList<KeyValuePair<string, long>> CallErrors { get; init; }

    /// <summary>CALLs the stations sent that the CSMS left unanswered past the call timeout.</summary>
    public required long Unanswered { get; init; }

    /// <summary>
    /// The memory one station costs in bytes: (steady working set − baseline) / stations requested, or at the peak
    /// when the steady figure is missing (not every station came up); null when the summary has neither.
    /// </summary>
    public required double? BytesPerStation { get; init; }

    /// <summary>Whether <see cref="BytesPerStation"/> comes from the peak working set rather than the steady one.</summary>
    public required bool BytesPerStationAtPeak { get; init; }

    /// <summary>CPU time per frame (sent or received) in milliseconds; null without frames or without a CPU figure.</summary>
    public required double? CpuMsPerFrame { get; init; }

    /// <summary><c>on</c>, <c>off</c>, or for shards that differ <c>off in shard 2, 3</c>.</summary>
    public required string Validation { get; init; }

    /// <summary>How many shards the run was split into.</summary>
    public required int ShardCount { get; init; }

    /// <summary>The shard numbers this summary covers, in order.</summary>
    public required IReadOnlyList<int> ShardsPresent { get; init; }

    /// <summary>Whether this summary is several shards merged (else one process's run, sharded or not).</summary>
    public required bool Merged { get; init; }

    /// <summary>Shard numbers of the run a merged summary lacks (a merge of part of the shards); none for one process's run.</summary>
    public IReadOnlyList<int> ShardsMissing => Merged ? [.. Enumerable.Range(1, ShardCount).Except(ShardsPresent)] : [];

    /// <summary>The headline figures of <paramref name="summary"/>.</summary>
    public static LoadHeadline Of(LoadSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var byStations = summary.Actions.Where(a => a.CalledBy == "station").ToList();
        var wall = Math.Max(summary.Run.WallSeconds, 0);
        var runs = summary.Shards.Count > 0 ? summary.Shards : [summary.Run];
        var process = summary.Process;
        double? bytesPerStation = null;
        var atPeak = false;
        if (process.SteadyWorkingSetBytes > 0 && summary.Stations.Requested > 0)
        {
            bytesPerStation = Math.Max(0, process.SteadyWorkingSetBytes - process.BaselineWorkingSetBytes) / (double)summary.Stations.Requested;
        }
        else if (process.PeakWorkingSetBytes > 0 && summary.Stations.PeakConnected > 0)
        {
            bytesPerStation = Math.Max(0, process.PeakWorkingSetBytes - process.BaselineWorkingSetBytes) / (double)summary.Stations.PeakConnected;
            atPeak = true;
        }

        var frames = summary.Frames.Sent + summary.Frames.Received;
        var rates = LoadTimelineView.Rates(summary.Timeline);
        var validationOff = runs.Where(r => !r.Validate).Select(r => r.ShardIndex).ToList();
        return new LoadHeadline
        {
            WallSeconds = wall,
            SentPerSecond = wall > 0 ? summary.Frames.Sent / wall : 0,
            ReceivedPerSecond = wall > 0 ? summary.Frames.Received / wall : 0,
            PeakSentPerSecond = rates.Count > 0 ? rates.Max(r => r.Sent) : 0,
            PeakReceivedPerSecond = rates.Count > 0 ? rates.Max(r => r.Received) : 0,
            Latency = LatencySnapshot.Merge(byStations.Select(a => a.Latency)),
            Calls = byStations.Sum(a => a.Calls),
            CallErrors = [.. byStations.SelectMany(a => a.CallErrors)
                .GroupBy(e => e.Key, StringComparer.Ordinal)
                .Select(g => new KeyValuePair<string, long>(g.Key, g.Sum(e => e.Value)))
                .OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal)],
            Unanswered = byStations.Sum(a => a.Unanswered),
            BytesPerStation = bytesPerStation,
            BytesPerStationAtPeak = atPeak,
            CpuMsPerFrame = frames > 0 && process.CpuSeconds > 0 ? process.CpuSeconds * 1000 / frames : null,
            Validation = validationOff.Count == 0 ? "on"
                : validationOff.Count == runs.Count ? "off"
                : $"off in shard {string.Join(", ", validationOff.Order())}",
            ShardCount = Math.Max(1, summary.Run.ShardCount),
            ShardsPresent = [.. runs.Select(r => r.ShardIndex).Distinct().Order()],
            Merged = summary.Shards.Count > 0,
        };
    }
}
