using System.Globalization;
using DerSim.Sim.Load;

namespace DerSim.Sim.Cli;

/// <summary>
/// The flags of <c>./sim --stations N</c> (issue 19) and <c>--meter_interval</c>, kept apart from the seed's flags so
/// that <see cref="SimCommandLine"/> only lists them. docs/load.md describes each.
/// </summary>
internal static class LoadFlags
{
    /// <summary>The longest <c>--meter_interval</c>: a day.</summary>
    public const int MaxMeterIntervalSeconds = 86_400;

    /// <summary>The most <c>--log_lines</c>.</summary>
    public const int MaxLogLines = 100_000;

    /// <summary>The slowest <c>--ramp_up</c>: a station every 100 s.</summary>
    public const double MinRampUp = 0.01;

    /// <summary>The fastest <c>--ramp_up</c>.</summary>
    public const double MaxRampUp = 100_000;

    /// <summary>One flag: its name, value, help and how it changes the options.</summary>
    public sealed record LoadFlag(string Name, string ValueName, string Help, Func<SimOptions, string, string, SimOptions> Apply, bool TakesValue = true);

    /// <summary>Every flag, in help order.</summary>
    public static IReadOnlyList<LoadFlag> All { get; } =
    [
        new("--meter_interval", "SECONDS", $"seconds between meter samples of a transaction, 1-{NumericFlag.Show(MaxMeterIntervalSeconds)}, instead of the profile's sampleIntervalSeconds (default: the profile's; e.g. --meter_interval 10)",
            (o, f, v) => o with { MeterIntervalSeconds = NumericFlag.Whole(f, v, 1, MaxMeterIntervalSeconds) }),
        new("--stations", "N", $"run N stations of the profile in this process, 1-{NumericFlag.Show(LoadOptions.MaxStations)}, each with its own connection, clock and sessions; above 1 --ocpp_csid is the prefix of the ids (ID-00001 …, zero-padded to the width of N, at least 5 digits), frame lines are off (as with --quiet), a progress line goes to stderr and a report to --report_dir (default: 1, one station as without the flag)",
            (o, f, v) => o with { Load = o.Load with { Stations = NumericFlag.Whole(f, v, 1, LoadOptions.MaxStations), StationsGiven = true } }),
        new("--ocpp_csid_list", "FILE", "the station ids, one a line, instead of numbering them after --ocpp_csid; with --stations N only the first N (default: numbered ids)",
            (o, f, v) => o with { Load = o.Load with { IdListPath = ExistingFile(f, v) } }),
        new("--ramp_up", "R", $"stations started per second, {NumericFlag.Show(MinRampUp)}-{NumericFlag.Show(MaxRampUp)} (default: {NumericFlag.Show(LoadOptions.DefaultRampUpPerSecond)})",
            (o, f, v) => o with { Load = o.Load with { RampUpPerSecond = NumericFlag.Number(f, v, MinRampUp, MaxRampUp, "stations per second") } }),
        new("--jitter", "yes|no|F", "put off each station's first session and first heartbeat by a share of the interval, different per station id (from --jitter_seed) and the same every run, so the stations' traffic does not pulse in lock-step: yes 1 (up to a whole interval), no 0, or a share 0-1 (default: yes with several stations, no with one)",
            (o, f, v) => o with { Load = o.Load with { Jitter = ParseJitter(f, v) } }),
        new("--jitter_seed", "N", $"seed of the per-station spread of --jitter, 0-{int.MaxValue} (default: 0)",
            (o, f, v) => o with { Load = o.Load with { JitterSeed = NumericFlag.Whole(f, v, 0, int.MaxValue) } }),
        new("--shard", "K/N", $"run only shard K (1-based) of N of the ids: N contiguous blocks of nearly equal size, so N processes (or pods) with the same flags and K = 1..N run every id once; auto/N takes K from ${ShardSpec.CompletionIndexVariable} + 1 (a Kubernetes Indexed Job) (default: all ids)",
            (o, f, v) => o with { Load = o.Load with { Shard = ParseShard(f, v) } }),
        new("--log_lines", "N", $"lines each station keeps in its diagnostics and security logs (what GetLog and GetDiagnostics upload), 1-{NumericFlag.Show(MaxLogLines)}; older lines are dropped (default: {StationModel.StationLogBook.Capacity}, {StationModel.StationLogBook.LoadRunCapacity} with several stations: every frame is a line, and 256 lines were ~40 KB of each station's memory)",
            (o, f, v) => o with { LogLines = NumericFlag.Whole(f, v, 1, MaxLogLines) }),
        new("--report_dir", "DIR", $"where a run of several stations writes its report folder <UTC time>/ with summary.json (default: {LoadOptions.DefaultReportDirectory}, made if missing)",
            (o, f, v) => o with { Load = o.Load with { ReportDirectory = NonEmpty(f, v) } }),
    ];

    /// <summary>The checks between flags, after every flag was read; returns the options with the load settings completed.</summary>
    public static SimOptions Check(SimOptions options, IReadOnlySet<string> given)
    {
        var load = options.Load;
        if (load.IdListPath is not null && given.Contains("--ocpp_csid"))
        {
            throw new UsageException("--ocpp_csid and --ocpp_csid_list exclude each other: the list names every station");
        }

        if (!load.IsLoadRun && (given.Contains("--ramp_up") || given.Contains("--report_dir")))
        {
            throw new UsageException("--ramp_up and --report_dir are for several stations: add --stations N or --ocpp_csid_list FILE");
        }

        return options;
    }

    private static double ParseJitter(string flag, string value) => value.ToLowerInvariant() switch
    {
        "yes" or "true" or "on" => 1,
        "no" or "false" or "off" => 0,
        _ => NumericFlag.Number(flag, value, 0, 1, "yes, no or a share"),
    };

    private static ShardSpec ParseShard(string flag, string value)
    {
        try
        {
            return ShardSpec.Parse(value, Environment.GetEnvironmentVariable);
        }
        catch (FormatException ex)
        {
            throw new UsageException($"{flag}: {ex.Message}");
        }
    }

    private static string ExistingFile(string flag, string value) =>
        File.Exists(value) ? value : throw new UsageException($"{flag}: file '{value}' does not exist");

    private static string NonEmpty(string flag, string value) =>
        value.Length > 0 ? value : throw new UsageException($"{flag} needs a non-empty value");

    /// <summary>The text of <paramref name="value"/> for messages.</summary>
    public static string Show(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
