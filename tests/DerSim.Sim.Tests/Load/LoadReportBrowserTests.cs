using System.Globalization;
using DerSim.Harness.Tests.Reporting;
using DerSim.Sim.Load;

namespace DerSim.Sim.Tests.Load;

/// <summary>
/// The load report as a person sees it: written by <see cref="LoadReportFolder.Write"/>, opened from file:// in
/// headless Chromium (the project's DevTools harness, host names unresolvable): no console error, no request beyond
/// the file, the summary's figures on the page, three SVG charts with a point per second.
/// </summary>
[NonParallelizable]
public sealed class LoadReportBrowserTests
{
    [Test]
    [CancelAfter(120_000)]
    public async Task The_page_shows_the_figures_and_three_charts_in_chromium_and_loads_nothing()
    {
        var summary = LoadSummaryExamples.OneMinute();
        var stationCalls = LatencySnapshot.Merge(summary.Actions.Where(a => a.CalledBy == "station").Select(a => a.Latency));
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "load-report-browser", LoadReportFolder.Name(summary.Run.StartedAt));
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        LoadReportFolder.Write(summary, folder);
        var page = Path.Combine(folder, LoadReportHtml.FileName);

        await using var browser = await HeadlessChromium.StartAsync();
        await browser.NavigateAsync(new Uri(page).AbsoluteUri);
        var text = await browser.WaitForTextAsync(t => t.Contains("Per action", StringComparison.Ordinal), "the whole page", TimeSpan.FromSeconds(30));
        (await browser.EvaluateAsync("document.readyState")).ShouldBe("complete");

        async Task<string> Figure(string id) => (await browser.EvaluateAsync($"document.querySelector('[data-figure=\"{id}\"] dd span').innerText")).Trim();
        (await Figure("p99")).ShouldBe(LoadFormat.Latency(stationCalls.PercentileMicros(99)));
        (await Figure("p50")).ShouldBe(LoadFormat.Latency(stationCalls.PercentileMicros(50)));
        (await Figure("requested")).ShouldBe("1,000");
        (await Figure("connected")).ShouldBe("998");
        (await Figure("booted")).ShouldBe("997");
        (await Figure("charging")).ShouldBe("640");
        (await Figure("memory")).ShouldBe("51.2 KB");
        (await browser.EvaluateAsync("getComputedStyle(document.querySelector('[data-figure=\"memory\"] dd span')).color")).ShouldBe("rgb(176, 0, 32)", "over the 50 KB target: red");
        (await browser.EvaluateAsync("document.querySelector('[data-figure=\"target\"]').innerText")).ShouldBe("wss://csms.example.com:8443/ocpp");
        text.ShouldNotContain("s3cret");
        text.ShouldContain("<b>Odd</b>", customMessage: "a CALLERROR code with markup shows as text");

        (await browser.EvaluateAsync("[...document.querySelectorAll('svg.chart')].map(s => s.dataset.chart).join(',')")).ShouldBe("latency,stations,frames");
        // Points per series as the browser parsed the path (its segments), not as the attribute claims.
        var points = await browser.EvaluateAsync("""
            JSON.stringify(Object.fromEntries([...document.querySelectorAll('svg.chart path.series')].map(p =>
              [p.closest('svg').dataset.chart + '/' + p.dataset.series, (p.getAttribute('d').match(/[ML]/g) || []).length])))
            """);
        points.ShouldBe("""{"latency/p50":59,"latency/p99":59,"stations/connected":60,"stations/booted":60,"stations/charging":60,"frames/stations → CSMS":60,"frames/CSMS → stations":60}""");
        var width = await browser.EvaluateAsync("Math.round(document.querySelector('svg.chart[data-chart=latency] path[data-series=p99]').getBBox().width)");
        int.Parse(width, CultureInfo.InvariantCulture).ShouldBeGreaterThan(800, "the p99 line spans the minute");
        (await browser.EvaluateAsync("document.querySelectorAll('table.actions tbody tr').length")).ShouldBe("3");

        browser.OutsideRequests.ShouldBeEmpty("the page asked for something beyond its own file");
        browser.Events.Where(e => e.StartsWith("console.error", StringComparison.Ordinal) || e.StartsWith("console.warn", StringComparison.Ordinal) || e.StartsWith("exception", StringComparison.Ordinal) || e.StartsWith("log error", StringComparison.Ordinal) || e.StartsWith("load failed", StringComparison.Ordinal))
            .ShouldBeEmpty(await browser.DiagnoseAsync());

        var screenshot = Path.Combine(folder, "index.png");
        await browser.ScreenshotAsync(screenshot);
        new FileInfo(screenshot).Length.ShouldBeGreaterThan(20_000);
        await TestContext.Out.WriteLineAsync($"page: {page}\nscreenshot: {screenshot}");
    }
}
