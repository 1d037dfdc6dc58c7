using System.Text;

namespace DerSim.Sim.Load;

/// <summary>The headline of a <see cref="LoadSummary"/> as a console table: the figures of the HTML page's first section.</summary>
public static class LoadReportText
{
    /// <summary>One figure per line, <c>label  value  (note)</c>, labels aligned; ends with a newline.</summary>
    public static string Headline(LoadSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        summary = LoadReportFolder.WithoutSecrets(summary);
        var h = LoadHeadline.Of(summary);
        var s = summary.Stations;
        var l = h.Latency;
        var errors = h.CallErrors.Count == 0 ? "none" : string.Join(", ", h.CallErrors.Select(e => $"{e.Key} {LoadFormat.Count(e.Value)}"));
        (string Label, string Value)[] rows =
        [
            ("run", $"{LoadFormat.Count(summary.Run.Stations)} stations, {summary.Run.Profile}, OCPP {summary.Run.OcppVersion} against {summary.Run.Target}"),
            ("wall time", LoadFormat.Duration(h.WallSeconds)),
            ("stations", $"requested {LoadFormat.Count(s.Requested)}, connected {LoadFormat.Count(s.Connected)} (peak {LoadFormat.Count(s.PeakConnected)}), booted {LoadFormat.Count(s.Booted)}, charging {LoadFormat.Count(s.Charging)} (peak {LoadFormat.Count(s.PeakCharging)})"),
            ("all booted after", s.AllBootedAfterSeconds is { } up ? LoadFormat.Duration(up) : $"never ({LoadFormat.Count(s.Booted)} of {LoadFormat.Count(s.Requested)} at the end)"),
            ("frames/s", $"stations → CSMS {LoadFormat.Rate(h.SentPerSecond)} (peak {LoadFormat.Rate(h.PeakSentPerSecond)}), CSMS → stations {LoadFormat.Rate(h.ReceivedPerSecond)} (peak {LoadFormat.Rate(h.PeakReceivedPerSecond)})"),
            ("latency", $"p50 {LoadFormat.Latency(l.PercentileMicros(50))}, p95 {LoadFormat.Latency(l.PercentileMicros(95))}, p99 {LoadFormat.Latency(l.PercentileMicros(99))}, max {LoadFormat.Latency(l.MaxMicros)} ({LoadFormat.Count(l.Count)} answers)"),
            ("CALLERRORs", errors),
            ("unanswered", LoadFormat.Count(h.Unanswered)),
            ("reconnects", LoadFormat.Count(summary.Reconnects)),
            ("frames lost", LoadFormat.Count(summary.Frames.Lost)),
            ("memory/station", h.BytesPerStation is { } bytes ? $"{LoadFormat.Bytes(bytes)}{(h.BytesPerStationAtPeak ? " at the peak" : "")} (target ≤ {LoadFormat.Bytes(LoadHeadline.TargetBytesPerStation)})" : "n/a"),
            ("CPU/frame", h.CpuMsPerFrame is { } ms ? $"{LoadFormat.Significant(ms)} ms (target ≤ {LoadFormat.Significant(LoadHeadline.TargetCpuMsPerFrame)} ms)" : "n/a"),
            ("validation", h.Validation),
            ("shards", h.ShardCount == 1 ? "not sharded" : h.Merged
                ? $"{h.ShardsPresent.Count} of {h.ShardCount} merged{(h.ShardsMissing.Count > 0 ? $", missing {string.Join(", ", h.ShardsMissing)}" : "")}"
                : $"shard {string.Join(", ", h.ShardsPresent)} of {h.ShardCount}"),
        ];
        var width = rows.Max(r => r.Label.Length) + 2;
        var text = new StringBuilder();
        foreach (var (label, value) in rows)
        {
            text.Append(label.PadRight(width)).Append(Ocpp.LogText.Escape(value)).Append('\n');
        }

        return text.ToString();
    }
}
