using System.Text.RegularExpressions;
using DerSim.Sim.Load;

namespace DerSim.Sim.Tests.Load;

/// <summary>The load report page as text: headline figures, nothing secret, markup escaped, charts with one point per second or per group.</summary>
[Parallelizable(ParallelScope.All)]
public sealed partial class LoadReportHtmlTests
{
    [Test]
    public void The_headline_shows_the_figures_of_the_summary()
    {
        var summary = LoadSummaryExamples.OneMinute();
        var html = LoadReportHtml.Write(summary);
        var stationCalls = LatencySnapshot.Merge(summary.Actions.Where(a => a.CalledBy == "station").Select(a => a.Latency));

        Figure(html, "requested").ShouldBe("1,000");
        Figure(html, "connected").ShouldBe("998 peak 1,000");
        Figure(html, "booted").ShouldBe("997");
        Figure(html, "charging").ShouldBe("640 peak 700");
        Figure(html, "all-up").ShouldBe("12.5 s");
        Figure(html, "sent-rate").ShouldBe("2,000/s peak 2,000/s; 120,000 in all");
        Figure(html, "received-rate").ShouldBe("1,980/s peak 1,980/s; 118,800 in all");
        Figure(html, "p99").ShouldBe(LoadFormat.Latency(stationCalls.PercentileMicros(99)));
        Figure(html, "p50").ShouldStartWith(LoadFormat.Latency(stationCalls.PercentileMicros(50)));
        Figure(html, "max").ShouldStartWith("25.9 ms");
        Figure(html, "callerrors").ShouldBe($"7 of {LoadFormat.Count(stationCalls.Count + 7)} CALLs");
        Figure(html, "unanswered").ShouldBe("7");
        Figure(html, "reconnects").ShouldBe("2");
        Figure(html, "lost").ShouldBe("3");
        // (150 MB steady - 100 MB baseline) / 1,000 stations = 51.2 KB: over the 50 KB target, so marked.
        Figure(html, "memory").ShouldBe("51.2 KB target ≤ 50 KB");
        html.ShouldContain("<span class=\"over\">51.2 KB</span>");
        // 6 s of CPU over 238,800 frames.
        Figure(html, "cpu").ShouldBe("0.025 ms target ≤ 0.1 ms; 6 s CPU in all");
        Figure(html, "gc").ShouldBe("1.25 s 3 full collections; answers that came during a pause are timed late by it");
        Figure(html, "validation").ShouldBe("on");
        Figure(html, "shards").ShouldBe("not sharded");
        html.ShouldContain("<td>InternalError</td><td class=\"n\">6</td>");
    }

    [Test]
    public void Credentials_query_and_fragment_of_the_csms_url_appear_nowhere()
    {
        var html = LoadReportHtml.Write(LoadSummaryExamples.OneMinute());
        var text = LoadReportText.Headline(LoadSummaryExamples.OneMinute());

        foreach (var shown in new[] { html, text })
        {
            shown.ShouldContain("wss://csms.example.com:8443/ocpp");
            shown.ShouldNotContain("s3cret");
            shown.ShouldNotContain("operator");
            shown.ShouldNotContain("abc123");
            shown.ShouldNotContain("frag");
        }
    }

    [TestCase("ws://127.0.0.1:8180/ocpp", "ws://127.0.0.1:8180/ocpp")]
    [TestCase("wss://user:pw@csms.example:443/ocpp/?a=b", "wss://csms.example/ocpp/")]
    [TestCase("ws://a:1@h1/x, ws://b:2@h2/y?k=v", "ws://h1/x, ws://h2/y")]
    [TestCase("user:pw@csms.example/ocpp?secret=1", "csms.example/ocpp")]
    public void A_target_is_shown_without_user_info_query_or_fragment(string target, string shown) =>
        LoadReportFolder.SafeTarget(target).ShouldBe(shown);

    [Test]
    public void Texts_from_the_csms_are_escaped_and_the_page_names_nothing_to_load()
    {
        var summary = LoadSummaryExamples.OneMinute();
        summary = summary with { Actions = [.. summary.Actions, new LoadActionFigures { Action = "<script>alert(1)</script>", CalledBy = "csms", Calls = 1 }] };
        var html = LoadReportHtml.Write(summary);

        html.ShouldNotContain("<script");
        html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
        html.ShouldContain("&lt;b&gt;Odd&lt;/b&gt;");
        html.ShouldNotContain("<b>Odd</b>");
        // The only URL on the page is the SVG namespace (an identifier, never fetched) and the CSMS shown as text.
        UrlPattern().Matches(html).Select(m => m.Value).Distinct().Order().ShouldBe(["http://www.w3.org/2000/svg", "wss://csms.example.com:8443/ocpp"]);
        html.ShouldNotContain(" src=");
        html.ShouldNotContain(" href=");
        html.ShouldNotContain("@import");
    }

    [Test]
    public void Each_chart_has_a_point_per_second_and_the_latency_chart_a_gap_where_nothing_was_answered()
    {
        var html = LoadReportHtml.Write(LoadSummaryExamples.OneMinute());

        var series = Series(html);
        series.Keys.ShouldBe(["latency/p50", "latency/p99", "stations/connected", "stations/booted", "stations/charging", "frames/stations → CSMS", "frames/CSMS → stations"], ignoreOrder: true);
        series["latency/p50"].Points.ShouldBe(59);
        series["latency/p50"].Moves.ShouldBe(2, "the quiet second splits the line in two");
        series["latency/p99"].Points.ShouldBe(59);
        series["stations/connected"].Points.ShouldBe(60);
        series["frames/stations → CSMS"].Points.ShouldBe(60);
        series.Values.ShouldAllBe(s => s.Points == s.Coordinates);

        // Latency on a log scale: a gridline per power of ten from below the fastest p50 (≈ 6 ms) to above the p99.
        var latency = Regex.Match(html, "<svg [^>]*data-chart=\"latency\".*?</svg>", RegexOptions.Singleline).Value;
        Regex.Matches(latency, "text-anchor=\"end\">([^<]+)<").Select(m => m.Groups[1].Value).ShouldBe(["1", "10", "100"]);
        latency.ShouldContain("ms (log scale)");
    }

    [Test]
    public void A_long_run_is_drawn_with_at_most_1200_points_whose_latency_is_that_of_all_their_seconds()
    {
        var summary = LoadSummaryExamples.OneMinute(samples: 7_200);

        var points = LoadTimelineView.Points(summary.Timeline);
        var series = Series(LoadReportHtml.Write(summary));

        points.Count.ShouldBe(1_200);
        series["stations/connected"].Points.ShouldBe(1_200);
        // Six seconds a point: the point's p99 is the p99 of the six seconds' calls together, and its rate the mean.
        var first = LatencySnapshot.Merge(summary.Timeline.Take(6).Select(s => s.Latency));
        points[0].Latency.PercentileMicros(99).ShouldBe(first.PercentileMicros(99));
        points[0].AtSeconds.ShouldBe(6);
        points[0].SentPerSecond.ShouldBe(2_000);
        LoadReportHtml.Write(summary).Length.ShouldBeLessThan(600_000);
    }

    [Test]
    public void A_merged_summary_lists_its_shards_and_names_the_missing_ones()
    {
        var one = LoadSummaryExamples.OneMinute();
        LoadSummary Shard(int index) => one with { Run = one.Run with { ShardIndex = index, ShardCount = 4, Validate = index != 3 } };
        var merged = LoadSummaryMerge.Merge([Shard(1), Shard(3), Shard(4)]);

        var html = LoadReportHtml.Write(merged);

        Figure(html, "shards").ShouldBe("3 of 4 merged missing 2");
        Figure(html, "validation").ShouldBe("off in shard 3");
        Figure(html, "requested").ShouldBe("3,000");
        html.ShouldContain("<td>4/4</td>");
        html.ShouldNotContain("s3cret");
        LoadReportText.Headline(merged).ShouldContain("shards            3 of 4 merged, missing 2\n");
    }

    /// <summary>The text of the figure <paramref name="id"/>, tags stripped, spaces collapsed.</summary>
    private static string Figure(string html, string id)
    {
        var match = Regex.Match(html, $"<div data-figure=\"{id}\"><dt>[^<]*</dt><dd>(.*?)</dd></div>");
        match.Success.ShouldBeTrue($"no figure {id}");
        return System.Net.WebUtility.HtmlDecode(Regex.Replace(Regex.Replace(match.Groups[1].Value, "<[^>]+>", " "), @"\s+", " ").Trim());
    }

    /// <summary>Every series of every chart: points drawn (data-points), moves (M) and coordinates in its path.</summary>
    private static Dictionary<string, (int Points, int Moves, int Coordinates)> Series(string html)
    {
        var result = new Dictionary<string, (int, int, int)>();
        foreach (Match chart in Regex.Matches(html, "<svg [^>]*data-chart=\"([^\"]+)\".*?</svg>", RegexOptions.Singleline))
        {
            foreach (Match path in Regex.Matches(chart.Value, "data-series=\"([^\"]+)\" data-points=\"(\\d+)\"[^>]* d=\"([^\"]*)\""))
            {
                var d = path.Groups[3].Value;
                result[$"{chart.Groups[1].Value}/{System.Net.WebUtility.HtmlDecode(path.Groups[1].Value)}"] =
                    (int.Parse(path.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), d.Count(c => c == 'M'), d.Count(c => c == ','));
            }
        }

        return result;
    }

    [GeneratedRegex(@"[a-z]+://[^\s""'<]+")]
    private static partial Regex UrlPattern();
}
