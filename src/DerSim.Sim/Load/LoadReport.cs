using System.Globalization;
using System.Text;

namespace DerSim.Sim.Load;

/// <summary>
/// The report folder of a load run, <c>&lt;report dir&gt;/&lt;UTC start time&gt;/</c> (a shard's folder name ends in
/// <c>-shard-K-of-N</c>): <c>stations.log</c> while it runs, then <c>summary.json</c> and <c>index.html</c>
/// (<see cref="LoadReportFolder.Write"/>); and the final table printed at the end.
/// </summary>
public static class LoadReport
{
    /// <summary>The log of every station's lines (boot, reconnects, refusals) in the report folder.</summary>
    public const string LogFileName = "stations.log";

    /// <summary>Makes the run's folder under <paramref name="reportDirectory"/>, named after <paramref name="startedAt"/> (UTC) and the shard.</summary>
    public static string CreateFolder(string reportDirectory, DateTimeOffset startedAt, ShardSpec? shard)
    {
        ArgumentNullException.ThrowIfNull(reportDirectory);
        var name = LoadReportFolder.Name(startedAt)
            + (shard is { } s ? string.Create(CultureInfo.InvariantCulture, $"-shard-{s.Index}-of-{s.Count}") : "");
        var folder = Path.Combine(reportDirectory, name);
        for (var n = 2; Directory.Exists(folder); n++)
        {
            folder = Path.Combine(reportDirectory, string.Create(CultureInfo.InvariantCulture, $"{name}-{n}"));
        }

        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>The final table and figures of <paramref name="summary"/>, as printed at the end of a run.</summary>
    public static string Describe(LoadSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"{"action",-34} {"by",-7} {"calls",10} {"answered",10} {"errors",8} {"unansw.",8} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8}");
        foreach (var a in summary.Actions)
        {
            var errors = a.CallErrors.Values.Sum();
            var latency = a.CalledBy == LoadMetrics.ByStation
                ? string.Create(c, $"{Ms(a.Latency.PercentileMicros(50)),8} {Ms(a.Latency.PercentileMicros(95)),8} {Ms(a.Latency.PercentileMicros(99)),8} {Ms(a.Latency.MaxMicros),8}")
                : $"{"-",8} {"-",8} {"-",8} {"-",8}";
            text.AppendLine(c, $"{a.Action,-34} {a.CalledBy,-7} {a.Calls,10:N0} {a.Answered,10:N0} {errors,8:N0} {a.Unanswered,8:N0} {latency}");
            foreach (var (code, count) in a.CallErrors)
            {
                text.AppendLine(c, $"{"",-34} {"",-7} {"",10} {"",10} {count,8:N0} CALLERROR {code}");
            }
        }

        var all = LoadFigures.StationLatency(summary);
        var stations = summary.Stations;
        var inFlight = summary.Actions.Where(a => a.CalledBy == LoadMetrics.ByStation).Sum(a => a.Calls - a.Answered - a.CallErrors.Values.Sum() - a.Unanswered);
        text.AppendLine(c, $"{"every station call",-34} {"",-7} {summary.Actions.Where(a => a.CalledBy == LoadMetrics.ByStation).Sum(a => a.Calls),10:N0} {"",10} {"",8} {"",8} {Ms(all.PercentileMicros(50)),8} {Ms(all.PercentileMicros(95)),8} {Ms(all.PercentileMicros(99)),8} {Ms(all.MaxMicros),8}");
        var steadyLatency = LoadFigures.SteadyLatency(summary);
        text.AppendLine(c, $"{"  in the steady phase",-34} {"",-7} {steadyLatency.Count,10:N0} {"",10} {"",8} {"",8} {Ms(steadyLatency.PercentileMicros(50)),8} {Ms(steadyLatency.PercentileMicros(95)),8} {Ms(steadyLatency.PercentileMicros(99)),8} {Ms(steadyLatency.MaxMicros),8}");
        text.AppendLine();
        var up = stations.AllBootedAfterSeconds is { } s ? string.Create(c, $"all up after {s:0.0} s") : "NOT all up";
        text.AppendLine(c, $"stations: {stations.Requested:N0} asked, {up}; peak connected {stations.PeakConnected:N0}, peak charging {stations.PeakCharging:N0}; at the end connected {stations.Connected:N0}, booted {stations.Booted:N0}, charging {stations.Charging:N0}; reconnects {summary.Reconnects:N0}");
        var (tx, rx) = LoadFigures.SteadyFramesPerSecond(summary);
        text.AppendLine(c, $"frames: sent {summary.Frames.Sent:N0}, received {summary.Frames.Received:N0}, lost {summary.Frames.Lost:N0}; steady {tx:N0}/s sent, {rx:N0}/s received{(inFlight > 0 ? string.Create(c, $"; {inFlight:N0} call(s) still unanswered when the run ended") : "")}");
        var p = summary.Process;
        var perStation = LoadFigures.BytesPerStation(summary) is { } b ? string.Create(c, $"{b / 1024:0.0} KB per station") : "no steady reading";
        text.AppendLine(c, $"memory: baseline {Mb(p.BaselineWorkingSetBytes)} MB, steady {Mb(p.SteadyWorkingSetBytes)} MB ({perStation}), peak {Mb(p.PeakWorkingSetBytes)} MB, managed heap {Mb(p.SteadyManagedBytes)} MB; {p.FullCollections:N0} full GC(s), {p.GcPauseSeconds:0.0} s paused by GC");
        var steadyCpu = LoadFigures.SteadyCpuMsPerFrame(summary) is { } sc ? string.Create(c, $"{sc:0.000} ms per frame steady") : "no steady phase";
        var wholeCpu = LoadFigures.CpuMsPerFrame(summary) is { } wc ? string.Create(c, $"{wc:0.000} ms per frame over the run") : "";
        text.Append(c, $"cpu: {p.CpuSeconds:0.0} s, {steadyCpu}, {wholeCpu}; validation {(summary.Run.Validate ? "on" : "off")}");
        return text.ToString();
    }

    private static string Ms(long micros) => (micros / 1000.0).ToString("0.0", CultureInfo.InvariantCulture);

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("0", CultureInfo.InvariantCulture);
}
