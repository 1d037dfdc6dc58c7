namespace DerSim.Sim.Load;

/// <summary>
/// What <c>./sim --stations N</c> adds to one station's options: how many stations, which ids, how fast they come up,
/// how their timers are spread, which slice of the ids this process runs, and where the report goes. Defaults live
/// here; docs/load.md describes every flag.
/// </summary>
public sealed record LoadOptions
{
    /// <summary>The default <see cref="RampUpPerSecond"/>: 10,000 stations are up in under a minute on one 2-core machine.</summary>
    public const double DefaultRampUpPerSecond = 200;

    /// <summary>The default folder the run's report folder is made in, relative to the working folder.</summary>
    public const string DefaultReportDirectory = "reports/load";

    /// <summary>The most stations one command line may ask for (all shards together).</summary>
    public const int MaxStations = 1_000_000;

    /// <summary>How many stations, all shards together (<c>--stations</c>). The default value is 1.</summary>
    public int Stations { get; init; } = 1;

    /// <summary>Whether <c>--stations</c> was given (with an id list it may only take the first N ids). The default value is false.</summary>
    public bool StationsGiven { get; init; }

    /// <summary>A file of station ids, one a line (<c>--ocpp_csid_list</c>); null numbers the ids after <c>--ocpp_csid</c>. The default value is null.</summary>
    public string? IdListPath { get; init; }

    /// <summary>Stations started per second (<c>--ramp_up</c>). The default value is <see cref="DefaultRampUpPerSecond"/>.</summary>
    public double RampUpPerSecond { get; init; } = DefaultRampUpPerSecond;

    /// <summary>
    /// The share of an interval by which each station's first session and first heartbeat are put off, 0..1
    /// (<c>--jitter</c>); null: 1 with several stations, 0 with one. The default value is null.
    /// </summary>
    public double? Jitter { get; init; }

    /// <summary>The seed of the per-station spread (<c>--jitter_seed</c>). The default value is 0.</summary>
    public int JitterSeed { get; init; }

    /// <summary>This process's slice of the ids (<c>--shard K/N</c>); null runs them all. The default value is null.</summary>
    public ShardSpec? Shard { get; init; }

    /// <summary>Where the report folder of a load run is made (<c>--report_dir</c>). The default value is <see cref="DefaultReportDirectory"/>.</summary>
    public string ReportDirectory { get; init; } = DefaultReportDirectory;

    /// <summary>Whether this is a load run (several stations, an id list or a shard) rather than today's one station.</summary>
    public bool IsLoadRun => Stations > 1 || IdListPath is not null || Shard is not null;

    /// <summary>The jitter in force: as given, else 1 for a load run and 0 for one station.</summary>
    public double EffectiveJitter => Jitter ?? (IsLoadRun ? 1 : 0);
}
