namespace DerSim.Sim.Load;

/// <summary>
/// What one load run measured (<c>reports/load/&lt;time&gt;/summary.json</c>, format <see cref="LoadSummaryJson.Format"/>),
/// or several shards' runs merged by <see cref="LoadSummaryMerge"/>. Every count is a total over the run; latencies are
/// kept as histogram buckets so merged percentiles are exact to the bucket width. Documented in docs/load.md.
/// </summary>
public sealed record LoadSummary
{
    /// <summary>What was run: target, version, profile, stations, shard.</summary>
    public required LoadRun Run { get; init; }

    /// <summary>How many stations got how far.</summary>
    public required LoadStations Stations { get; init; }

    /// <summary>Frames each way.</summary>
    public required LoadFrames Frames { get; init; }

    /// <summary>Per OCPP action and direction: calls, answers, CALLERRORs, unanswered, latency.</summary>
    public required IReadOnlyList<LoadActionFigures> Actions { get; init; }

    /// <summary>Connections lost and made again (after the first connection of each station).</summary>
    public long Reconnects { get; init; }

    /// <summary>The sim process (or, merged, all shard processes together).</summary>
    public required LoadProcess Process { get; init; }

    /// <summary>One sample per interval (second) of the run, in order.</summary>
    public required IReadOnlyList<LoadSample> Timeline { get; init; }

    /// <summary>For a merged summary, the shards it was made of (empty for one run).</summary>
    public IReadOnlyList<LoadRun> Shards { get; init; } = [];
}

/// <summary>What a load run was asked to do.</summary>
public sealed record LoadRun
{
    /// <summary>The CSMS URL, without user info or query (nothing secret in reports).</summary>
    public required string Target { get; init; }

    /// <summary>The OCPP version, as displayed (1.6, 2.0.1, 2.1).</summary>
    public required string OcppVersion { get; init; }

    /// <summary>The EVSE profile name.</summary>
    public required string Profile { get; init; }

    /// <summary>The stations this run (or shard) was asked for.</summary>
    public required int Stations { get; init; }

    /// <summary>This shard's number, 1-based (1 when not sharded).</summary>
    public int ShardIndex { get; init; } = 1;

    /// <summary>How many shards the whole run has (1 when not sharded).</summary>
    public int ShardCount { get; init; } = 1;

    /// <summary>Whether frames were validated against the OCPP schemas.</summary>
    public bool Validate { get; init; } = true;

    /// <summary>When the run started (UTC).</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When the run ended (UTC).</summary>
    public required DateTimeOffset EndedAt { get; init; }

    /// <summary>The wall time of the run in seconds.</summary>
    public double WallSeconds => (EndedAt - StartedAt).TotalSeconds;
}

/// <summary>How many stations got how far.</summary>
public sealed record LoadStations
{
    /// <summary>Stations asked for.</summary>
    public required int Requested { get; init; }

    /// <summary>Stations connected at the end.</summary>
    public int Connected { get; init; }

    /// <summary>Stations whose boot the CSMS accepted, at the end.</summary>
    public int Booted { get; init; }

    /// <summary>Stations with a transaction running at the end.</summary>
    public int Charging { get; init; }

    /// <summary>The most stations connected at once.</summary>
    public int PeakConnected { get; init; }

    /// <summary>The most stations charging at once.</summary>
    public int PeakCharging { get; init; }

    /// <summary>Seconds from the start of the run until every requested station was booted; null if some never were.</summary>
    public double? AllBootedAfterSeconds { get; init; }
}

/// <summary>Frames each way over the whole run.</summary>
public sealed record LoadFrames
{
    /// <summary>Frames the stations sent.</summary>
    public long Sent { get; init; }

    /// <summary>Frames the stations received.</summary>
    public long Received { get; init; }

    /// <summary>Frames the stations meant to send but could not (connection down, queue full) and did not deliver later.</summary>
    public long Lost { get; init; }
}

/// <summary>One OCPP action in one direction.</summary>
public sealed record LoadActionFigures
{
    /// <summary>The action, e.g. MeterValues.</summary>
    public required string Action { get; init; }

    /// <summary>Who sent the CALL: <c>station</c> (the CSMS answered) or <c>csms</c> (a station answered).</summary>
    public required string CalledBy { get; init; }

    /// <summary>CALLs sent.</summary>
    public long Calls { get; init; }

    /// <summary>CALLs answered with a CALLRESULT.</summary>
    public long Answered { get; init; }

    /// <summary>CALLs answered with a CALLERROR, by error code.</summary>
    public IReadOnlyDictionary<string, long> CallErrors { get; init; } = new Dictionary<string, long>();

    /// <summary>CALLs left unanswered past the call timeout.</summary>
    public long Unanswered { get; init; }

    /// <summary>CALL → answer (CALLRESULT or CALLERROR) latency.</summary>
    public LatencySnapshot Latency { get; init; } = LatencySnapshot.Empty;
}

/// <summary>What the process cost.</summary>
public sealed record LoadProcess
{
    /// <summary>CPU time (user + system) in seconds.</summary>
    public double CpuSeconds { get; init; }

    /// <summary>The largest working set seen, in bytes.</summary>
    public long PeakWorkingSetBytes { get; init; }

    /// <summary>The working set when every station was up, before the run ended, in bytes.</summary>
    public long SteadyWorkingSetBytes { get; init; }

    /// <summary>The working set before any station was made, in bytes (what the process costs with none).</summary>
    public long BaselineWorkingSetBytes { get; init; }

    /// <summary>The managed heap when every station was up, in bytes.</summary>
    public long SteadyManagedBytes { get; init; }

    /// <summary>
    /// Seconds the process's threads were paused by its own garbage collector from the first station to the end: a
    /// CALL answered during a pause is timed late by the pause, which is the simulator's doing, not the CSMS's.
    /// </summary>
    public double GcPauseSeconds { get; init; }

    /// <summary>Full (generation 2) garbage collections from the first station to the end.</summary>
    public int FullCollections { get; init; }

    /// <summary>Processes (shards) this covers.</summary>
    public int Processes { get; init; } = 1;
}

/// <summary>One interval of the run's timeline.</summary>
public sealed record LoadSample
{
    /// <summary>Seconds since the run started, at the end of the interval.</summary>
    public required double AtSeconds { get; init; }

    /// <summary>Stations connected at that moment.</summary>
    public int Connected { get; init; }

    /// <summary>Stations booted at that moment.</summary>
    public int Booted { get; init; }

    /// <summary>Stations charging at that moment.</summary>
    public int Charging { get; init; }

    /// <summary>Frames the stations sent during the interval.</summary>
    public long FramesSent { get; init; }

    /// <summary>Frames the stations received during the interval.</summary>
    public long FramesReceived { get; init; }

    /// <summary>Latency of the CALLs answered during the interval (every action).</summary>
    public LatencySnapshot Latency { get; init; } = LatencySnapshot.Empty;

    /// <summary>CPU time (user + system) the process (merged: the shards) used during the interval, in seconds.</summary>
    public double CpuSeconds { get; init; }

    /// <summary>The working set at that moment, in bytes (merged: the shards' sum).</summary>
    public long WorkingSetBytes { get; init; }

    /// <summary>The managed heap at that moment, in bytes (merged: the shards' sum).</summary>
    public long ManagedBytes { get; init; }

    /// <summary>Seconds the process (merged: the shards together) was paused by its garbage collector during the interval.</summary>
    public double GcPauseSeconds { get; init; }

    /// <summary>Full garbage collections of the process (merged: the shards') during the interval.</summary>
    public int FullCollections { get; init; }

    /// <summary>The stations' CALLs that got no answer during the interval.</summary>
    public long Unanswered { get; init; }

    /// <summary>The stations' CALLs answered with a CALLERROR during the interval.</summary>
    public long Errors { get; init; }
}
