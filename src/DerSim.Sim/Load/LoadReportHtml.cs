using System.Globalization;
using System.Net;
using System.Text;

namespace DerSim.Sim.Load;

/// <summary>
/// <c>reports/load/&lt;time&gt;/index.html</c>: one static page for a <see cref="LoadSummary"/> (one run, or shards
/// merged), nothing loaded from elsewhere: inline CSS, charts as inline SVG (<see cref="LoadChartSvg"/>), no script.
/// The headline figures (<see cref="LoadHeadline"/>), latency p50/p99, stations and frames per second over time, the
/// per-action table and, merged, the shards. Every text is HTML-escaped (action names and error codes come from the
/// CSMS) and the CSMS URL is shown without credentials or query.
/// </summary>
public static class LoadReportHtml
{
    /// <summary>The page's file name in a run's report folder.</summary>
    public const string FileName = "index.html";

    private const string Style = """
        body{font:14px/1.45 system-ui,sans-serif;margin:1.5em auto;max-width:1000px;color:#222;padding:0 1em}
        h1{margin:0 0 .2em}h2{margin:1.6em 0 .4em;font-size:1.2em}
        p.run{margin:.2em 0 1em;color:#444}
        dl.figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(185px,1fr));gap:.5em;margin:0}
        dl.figures div{border:1px solid #ddd;border-radius:4px;padding:.4em .6em;background:#fafafa}
        dl.figures dt{font-size:.8em;color:#555}dl.figures dd{margin:0;font-size:1.25em;font-weight:600}
        dl.figures dd small{font-size:.65em;font-weight:normal;color:#666}
        .over{color:#b00020}.ok{color:#1b5e20}
        table{border-collapse:collapse;margin:.4em 0 1em;width:100%}
        th,td{border:1px solid #ccc;padding:.2em .45em;text-align:left;vertical-align:top}
        td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
        svg.chart{max-width:100%;height:auto;font:11px system-ui,sans-serif}
        figure{margin:0 0 1em}figcaption{color:#555;font-size:.9em}
        footer{margin-top:2em;color:#666;font-size:.85em}
        """;

    /// <summary>The page for <paramref name="summary"/>.</summary>
    public static string Write(LoadSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        summary = LoadReportFolder.WithoutSecrets(summary);
        var headline = LoadHeadline.Of(summary);
        var run = summary.Run;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
            .Append(Invariant($"<title>DerSim load report: {E(LoadFormat.Count(run.Stations))} stations, {E(run.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))} UTC</title>"))
            .Append("<style>").Append(Style).Append("</style></head><body>\n<h1>DerSim load report</h1>\n")
            .Append(Invariant($"<p class=\"run\">{E(LoadFormat.Count(run.Stations))} stations of profile <b>{E(run.Profile)}</b> on OCPP {E(run.OcppVersion)} against <code data-figure=\"target\">{E(run.Target)}</code><br>"))
            .Append(Invariant($"from {E(Utc(run.StartedAt))} to {E(Utc(run.EndedAt))} ({E(LoadFormat.Duration(headline.WallSeconds))}){E(ShardText(headline))}</p>\n"));

        Figures(html, summary, headline);
        CallErrors(html, headline);
        Charts(html, summary);
        Actions(html, summary);
        if (summary.Shards.Count > 0)
        {
            Shards(html, summary.Shards);
        }

        html.Append(Invariant($"<footer>Every figure, with the latency histograms' buckets, is in <code>{LoadSummaryJson.FileName}</code> beside this page (format <code>{LoadSummaryJson.Format}</code>); <code>./dersim load-merge</code> merges the summaries of a run's shards. Latency percentiles are exact to the histogram's bucket, at most 1/64 (1.6 %) above the true value.</footer>\n"));
        return html.Append("</body></html>\n").ToString();
    }

    private static void Figures(StringBuilder html, LoadSummary summary, LoadHeadline h)
    {
        var stations = summary.Stations;
        var latency = h.Latency;
        html.Append("<h2>Headline</h2>\n<dl class=\"figures\">\n");
        Figure(html, "requested", "stations requested", LoadFormat.Count(stations.Requested));
        Figure(html, "connected", "connected at the end", LoadFormat.Count(stations.Connected), $"peak {LoadFormat.Count(stations.PeakConnected)}");
        Figure(html, "booted", "booted at the end", LoadFormat.Count(stations.Booted));
        Figure(html, "charging", "charging at the end", LoadFormat.Count(stations.Charging), $"peak {LoadFormat.Count(stations.PeakCharging)}");
        Figure(html, "all-up", "time until all booted", stations.AllBootedAfterSeconds is { } up ? LoadFormat.Duration(up) : "never", stations.AllBootedAfterSeconds is null ? $"{LoadFormat.Count(stations.Booted)} of {LoadFormat.Count(stations.Requested)} at the end" : null);
        Figure(html, "sent-rate", "frames/s stations → CSMS", LoadFormat.Rate(h.SentPerSecond), $"peak {LoadFormat.Rate(h.PeakSentPerSecond)}; {LoadFormat.Count(summary.Frames.Sent)} in all");
        Figure(html, "received-rate", "frames/s CSMS → stations", LoadFormat.Rate(h.ReceivedPerSecond), $"peak {LoadFormat.Rate(h.PeakReceivedPerSecond)}; {LoadFormat.Count(summary.Frames.Received)} in all");
        Figure(html, "p50", "latency p50", LoadFormat.Latency(latency.PercentileMicros(50)), $"{LoadFormat.Count(latency.Count)} answers");
        Figure(html, "p95", "latency p95", LoadFormat.Latency(latency.PercentileMicros(95)));
        Figure(html, "p99", "latency p99", LoadFormat.Latency(latency.PercentileMicros(99)));
        Figure(html, "max", "latency max", LoadFormat.Latency(latency.MaxMicros), $"mean {LoadFormat.Latency((long)Math.Round(latency.MeanMicros))}");
        Figure(html, "callerrors", "CALLERRORs from the CSMS", LoadFormat.Count(h.CallErrors.Sum(e => e.Value)), $"of {LoadFormat.Count(h.Calls)} CALLs");
        Figure(html, "unanswered", "CALLs left unanswered", LoadFormat.Count(h.Unanswered));
        Figure(html, "reconnects", "reconnects", LoadFormat.Count(summary.Reconnects));
        Figure(html, "lost", "frames lost", LoadFormat.Count(summary.Frames.Lost));
        Figure(html, "memory", "memory per station", h.BytesPerStation is { } bytes ? LoadFormat.Bytes(bytes) : "n/a",
            (h.BytesPerStationAtPeak ? "at the peak; " : "") + $"target ≤ {LoadFormat.Bytes(LoadHeadline.TargetBytesPerStation)}",
            h.BytesPerStation is { } b ? b <= LoadHeadline.TargetBytesPerStation : null);
        Figure(html, "cpu", "CPU per frame", h.CpuMsPerFrame is { } ms ? $"{LoadFormat.Significant(ms)} ms" : "n/a",
            $"target ≤ {LoadFormat.Significant(LoadHeadline.TargetCpuMsPerFrame)} ms; {LoadFormat.Significant(summary.Process.CpuSeconds)} s CPU in all",
            h.CpuMsPerFrame is { } c ? c <= LoadHeadline.TargetCpuMsPerFrame : null);
        Figure(html, "peak-memory", "peak working set", LoadFormat.Bytes(summary.Process.PeakWorkingSetBytes), summary.Process.Processes > 1 ? $"{summary.Process.Processes} processes together" : null);
        Figure(html, "gc", "paused by its own GC", $"{LoadFormat.Significant(summary.Process.GcPauseSeconds)} s",
            $"{LoadFormat.Count(summary.Process.FullCollections)} full collections; answers that came during a pause are timed late by it");
        Figure(html, "validation", "schema validation", h.Validation);
        Figure(html, "shards", "shards", ShardFigure(h), h.ShardsMissing.Count > 0 ? $"missing {string.Join(", ", h.ShardsMissing)}" : null, h.ShardsMissing.Count > 0 ? false : null);
        html.Append("</dl>\n");
    }

    private static void Figure(StringBuilder html, string id, string label, string value, string? note = null, bool? withinTarget = null)
    {
        var css = withinTarget switch { true => " class=\"ok\"", false => " class=\"over\"", null => "" };
        html.Append(Invariant($"<div data-figure=\"{E(id)}\"><dt>{E(label)}</dt><dd><span{css}>{E(value)}</span>"));
        if (note is not null)
        {
            html.Append("<br><small>").Append(E(note)).Append("</small>");
        }

        html.Append("</dd></div>\n");
    }

    private static void CallErrors(StringBuilder html, LoadHeadline h)
    {
        html.Append("<h2>CALLERRORs from the CSMS, by code</h2>\n");
        if (h.CallErrors.Count == 0)
        {
            html.Append("<p data-figure=\"callerrors-by-code\">none</p>\n");
            return;
        }

        html.Append("<table data-figure=\"callerrors-by-code\"><thead><tr><th>error code</th><th class=\"n\">CALLERRORs</th></tr></thead><tbody>\n");
        foreach (var (code, count) in h.CallErrors)
        {
            html.Append(Invariant($"<tr><td>{E(code)}</td><td class=\"n\">{E(LoadFormat.Count(count))}</td></tr>\n"));
        }

        html.Append("</tbody></table>\n");
    }

    private static void Charts(StringBuilder html, LoadSummary summary)
    {
        var points = LoadTimelineView.Points(summary.Timeline);
        var group = LoadTimelineView.GroupSize(summary.Timeline.Count);
        var end = Math.Max(summary.Run.WallSeconds, points.Count > 0 ? points[^1].AtSeconds : 0);
        var per = group == 1 ? "one point per second" : $"one point per {group} seconds ({LoadFormat.Count(summary.Timeline.Count)} samples)";
        html.Append("<h2>Over time</h2>\n");

        Chart(html, LoadChartSvg.Write("latency", "Latency of the answers per second: p50 and p99", "ms (log scale)", end,
        [
            new ChartSeries("p50", "#1f77b4", [.. points.Select(p => (p.AtSeconds, p.Latency.Count > 0 ? p.Latency.PercentileMicros(50) / 1000.0 : (double?)null))]),
            new ChartSeries("p99", "#d62728", [.. points.Select(p => (p.AtSeconds, p.Latency.Count > 0 ? p.Latency.PercentileMicros(99) / 1000.0 : (double?)null))]),
        ], logScale: true), $"CALL → answer latency of the calls answered in each interval, every action and direction, on a log scale; {per}; an interval without answers leaves a gap.");

        Chart(html, LoadChartSvg.Write("stations", "Stations connected, booted and charging", "stations", end,
        [
            new ChartSeries("connected", "#2ca02c", [.. points.Select(p => (p.AtSeconds, (double?)p.Connected))]),
            new ChartSeries("booted", "#1f77b4", [.. points.Select(p => (p.AtSeconds, (double?)p.Booted))], Dashed: true),
            new ChartSeries("charging", "#ff7f0e", [.. points.Select(p => (p.AtSeconds, (double?)p.Charging))]),
        ]), $"Stations at the end of each interval; {per}.");

        Chart(html, LoadChartSvg.Write("frames", "Frames per second each way", "frames/s", end,
        [
            new ChartSeries("stations → CSMS", "#9467bd", [.. points.Select(p => (p.AtSeconds, (double?)p.SentPerSecond))]),
            new ChartSeries("CSMS → stations", "#8c564b", [.. points.Select(p => (p.AtSeconds, (double?)p.ReceivedPerSecond))], Dashed: true),
        ]), $"Frames sent and received per second; {per}.");
    }

    private static void Chart(StringBuilder html, string svg, string caption) =>
        html.Append("<figure>").Append(svg).Append("<figcaption>").Append(E(caption)).Append("</figcaption></figure>\n");

    private static void Actions(StringBuilder html, LoadSummary summary)
    {
        html.Append("<h2>Per action</h2>\n<table class=\"actions\"><thead><tr><th>action</th><th>sent by</th><th class=\"n\">CALLs</th><th class=\"n\">answered</th><th>CALLERRORs</th><th class=\"n\">unanswered</th>")
            .Append("<th class=\"n\">p50</th><th class=\"n\">p95</th><th class=\"n\">p99</th><th class=\"n\">max</th><th class=\"n\">mean</th></tr></thead><tbody>\n");
        foreach (var a in summary.Actions.OrderBy(a => a.CalledBy == "station" ? 0 : 1).ThenByDescending(a => a.Calls).ThenBy(a => a.Action, StringComparer.Ordinal))
        {
            var errors = a.CallErrors.Count == 0 ? "" : string.Join(", ", a.CallErrors.OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key} {LoadFormat.Count(e.Value)}"));
            var l = a.Latency;
            html.Append(Invariant($"<tr><td>{E(a.Action)}</td><td>{E(a.CalledBy == "station" ? "station" : a.CalledBy == "csms" ? "CSMS" : a.CalledBy)}</td>"))
                .Append(Invariant($"<td class=\"n\">{E(LoadFormat.Count(a.Calls))}</td><td class=\"n\">{E(LoadFormat.Count(a.Answered))}</td><td>{E(errors)}</td><td class=\"n\">{E(LoadFormat.Count(a.Unanswered))}</td>"));
            foreach (var value in new[] { l.PercentileMicros(50), l.PercentileMicros(95), l.PercentileMicros(99), l.MaxMicros, (long)Math.Round(l.MeanMicros) })
            {
                html.Append(Invariant($"<td class=\"n\">{(l.Count == 0 ? "–" : E(LoadFormat.Latency(value)))}</td>"));
            }

            html.Append("</tr>\n");
        }

        if (summary.Actions.Count == 0)
        {
            html.Append("<tr><td colspan=\"11\">no CALLs</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    private static void Shards(StringBuilder html, IReadOnlyList<LoadRun> shards)
    {
        html.Append("<h2>Shards</h2>\n<table class=\"shards\"><thead><tr><th>shard</th><th class=\"n\">stations</th><th>started (UTC)</th><th>ended (UTC)</th><th>CSMS</th><th>OCPP</th><th>profile</th><th>validation</th></tr></thead><tbody>\n");
        foreach (var s in shards.OrderBy(s => s.ShardIndex))
        {
            html.Append(Invariant($"<tr><td>{s.ShardIndex}/{s.ShardCount}</td><td class=\"n\">{E(LoadFormat.Count(s.Stations))}</td><td>{E(Utc(s.StartedAt))}</td><td>{E(Utc(s.EndedAt))}</td>"))
                .Append(Invariant($"<td>{E(LoadReportFolder.SafeTarget(s.Target))}</td><td>{E(s.OcppVersion)}</td><td>{E(s.Profile)}</td><td>{(s.Validate ? "on" : "off")}</td></tr>\n"));
        }

        html.Append("</tbody></table>\n");
    }

    private static string ShardFigure(LoadHeadline h) =>
        h.ShardCount == 1 ? "not sharded" : h.Merged ? $"{h.ShardsPresent.Count} of {h.ShardCount} merged" : $"shard {string.Join(", ", h.ShardsPresent)} of {h.ShardCount}";

    private static string ShardText(LoadHeadline h) => h.ShardCount == 1 ? "" : $"; {ShardFigure(h)}";

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
