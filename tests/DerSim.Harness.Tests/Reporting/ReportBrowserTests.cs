using System.Diagnostics;
using DerSim.Harness.Drivers.Csms;
using DerSim.Gherkin.Model;
using DerSim.Harness.Reporting;
using DerSim.Harness.Steps;

namespace DerSim.Harness.Tests.Reporting;

/// <summary>
/// The whole reporting path: a tiny suite (pass, fail, break) against the embedded CSMS through the runner with the
/// report session, the HTML rendered by npm allure 3, opened from file:// in headless Chromium and read like a person
/// would: the scenario list with statuses, the failing scenario's page with its steps and attachments, the passing
/// one's with an excerpt of its traffic, and the link from a scenario to its page of files beside the report.
/// </summary>
[NonParallelizable]
public sealed class ReportBrowserTests
{
    private const string Passing = "A DC session stays within the port rating";
    private const string Failing = "A DC session that must not report transactions";
    private const string Broken = "The test rig breaks down";

    [Test]
    [CancelAfter(300_000)]
    public async Task The_single_file_report_shows_scenarios_steps_and_traffic_in_chromium()
    {
        ReportRenderer.FindAllureCli().ShouldNotBeNull("npm allure is not installed: run `npm ci` in the repository root (.ci/run does)");
        var root = Path.Combine(TestContext.CurrentContext.WorkDirectory, "report-e2e");
        var reports = Path.Combine(root, "reports");
        var session = new ReportSession(reports);

        var clock = Stopwatch.StartNew();
        // As `dersim run` does it: the traffic, charts and profiles go to reports/traffic/ and the page links them.
        var world = new ScenarioWorldOptions { Environment = name => name == ScenarioFiles.ReportsDirectoryVariable ? reports : Environment.GetEnvironmentVariable(name) };
        var results = await ReportingRig.RunDirectoryAsync(ReportingRig.FeaturesDirectory("suite"), [typeof(StationSteps), typeof(SessionSteps), typeof(TrafficSteps), typeof(ReportingHooks), typeof(TrafficHooks), typeof(ReportSuiteSteps)], world, session);
        var runAndWrite = clock.Elapsed;
        results.Single(r => r.Scenario.Title == Passing).Status.ShouldBe(ScenarioStatus.Passed, results.Single(r => r.Scenario.Title == Passing).Message);
        results.Single(r => r.Scenario.Title == Failing).Status.ShouldBe(ScenarioStatus.Failed);
        results.Single(r => r.Scenario.Title == Broken).Status.ShouldBe(ScenarioStatus.Broken);

        using var output = new StringWriter();
        clock.Restart();
        var exit = await session.CompleteAsync(new ReportEnvironment { Csms = "embedded reference CSMS", OcppVersions = ["2.0.1"] }, output);
        var complete = clock.Elapsed;
        await TestContext.Out.WriteLineAsync(output.ToString());
        await TestContext.Out.WriteLineAsync($"timing: 3 scenarios run + Allure results written in {runAndWrite.TotalSeconds:0.00}s; run files, junit, summary and HTML render in {complete.TotalSeconds:0.00}s");
        exit.ShouldBe(1);
        output.ToString().TrimEnd().Split('\n')[^1].ShouldBe("1 passed, 2 failed, 0 skipped");
        File.ReadAllText(session.JUnitFile).ShouldContain(Failing);

        // Charts and profiles are on the page for the failures only; the NDJSON is beside it, for everyone.
        var attachments = Directory.GetFiles(session.ResultsDirectory, "*-attachment.*").Select(Path.GetExtension).ToList();
        attachments.Count(a => a == ".svg").ShouldBe(1, "the failing scenario's chart (the broken one never charged)");
        attachments.Count(a => a == ".json").ShouldBe(2, "the failing and the broken scenario's profiles");
        attachments.ShouldNotContain(".ndjson");
        var traffic = Path.Combine(reports, ScenarioFiles.Folder);
        foreach (var station in new[] { "DERSIM-RPT-1", "DERSIM-RPT-2", "DERSIM-RPT-3" })
        {
            Directory.GetFiles(traffic, $"*.profile-{station}.json").Length.ShouldBe(1, station);
        }

        Directory.GetFiles(traffic, "*.ndjson").Length.ShouldBe(3);
        Directory.GetFiles(traffic, "*.html").Length.ShouldBe(3);
        var index = Path.Combine(session.ReportDirectory, "index.html");
        File.Exists(index).ShouldBeTrue();
        Directory.GetFiles(session.ReportDirectory, "*.js", SearchOption.AllDirectories).ShouldBeEmpty("a single-file report inlines its scripts");
        Directory.GetDirectories(session.ReportDirectory).ShouldBeEmpty("a single-file report has no data folder");

        File.ReadAllText(index).ShouldNotContain("googletagmanager", customMessage: "the report must not call analytics");

        await using var browser = await HeadlessChromium.StartAsync();
        await browser.NavigateAsync(new Uri(index).AbsoluteUri);
        Func<string, bool> threeScenarios = t => t.Contains(Passing, StringComparison.Ordinal) && t.Contains(Failing, StringComparison.Ordinal) && t.Contains(Broken, StringComparison.Ordinal);
        var (shown, overview) = await browser.TryWaitForTextAsync(threeScenarios, TimeSpan.FromSeconds(45));
        if (!shown)
        {
            // Seen once in CI (1 run in about 30): the page's frame rendered but its data never arrived. A person would
            // reload; so does the test, once, and keeps what the first load showed for whoever reads the log.
            await TestContext.Out.WriteLineAsync($"the first load never showed the three scenarios; it showed:\n{overview}\n{await browser.DiagnoseAsync()}\nreloading once");
            await browser.ReloadAsync();
            overview = await browser.WaitForTextAsync(threeScenarios, "the three scenarios, even after a reload");
        }

        overview.ShouldContain("Report suite");
        (await browser.EvaluateAsync("document.querySelectorAll('[data-testid=tree-leaf-status-passed]').length")).ShouldBe("1");
        (await browser.EvaluateAsync("document.querySelectorAll('[data-testid=tree-leaf-status-failed]').length")).ShouldBe("1");
        (await browser.EvaluateAsync("document.querySelectorAll('[data-testid=tree-leaf-status-broken]').length")).ShouldBe("1");

        // Into the failing scenario's page, by clicking its entry in the tree.
        (await browser.EvaluateAsync($$"""
            (() => {
              const leaf = [...document.querySelectorAll('[data-testid=tree-leaf]')].find(l => l.innerText.includes('{{Failing}}'));
              if (!leaf) return 'missing';
              leaf.click();
              return 'clicked';
            })()
            """)).ShouldBe("clicked");
        await browser.WaitForTextAsync(t => t.Contains("Test body", StringComparison.Ordinal) && t.Contains("Power and SoC DERSIM-RPT-2.svg", StringComparison.Ordinal), "the failing scenario's page");

        // The OCPP exchanges are sub-steps of the step that carried them: open the connect step (the boot) and the
        // charging step (the transaction).
        (await browser.EvaluateAsync("""
            (() => {
              const headers = [...document.querySelectorAll('[data-testid=test-result-step-header]')]
                .filter(h => h.innerText.includes('When the station connects to the CSMS') || h.innerText.includes('And the EV charges for 15 minutes'));
              if (headers.length < 2) return 'missing';
              headers.forEach(h => h.click());
              return 'clicked';
            })()
            """)).ShouldBe("clicked");
        var page = await browser.WaitForTextAsync(t => t.Contains("BootNotification", StringComparison.Ordinal), "the OCPP sub-steps");
        await TestContext.Out.WriteLineAsync($"--- the failing scenario's page as text ---\n{page}\n---");
        page.ShouldContain("Given a station \"DERSIM-RPT-2\" with profile \"EVSE-DC-150kW-CCS-1port\" on OCPP 2.0.1");
        page.ShouldContain("And the EV charges for 15 minutes");
        page.ShouldContain("Then the station sent no \"TransactionEvent\"");
        // "the station connects" ends once the socket is open, so the boot's answer usually comes during the next step
        // (shown "no answer during this step"); on a busy machine the answer may beat the step's end (shown ✓). Either
        // way the BootNotification is a sub-step of the step that sent it.
        page.ShouldMatch(@"DERSIM-RPT-2 → BootNotification (✓|\(no answer during this step\))");
        page.ShouldContain("DERSIM-RPT-2 → TransactionEvent ✓");
        page.ShouldContain("OCPP traffic (transcript).txt");
        page.ShouldNotContain("OCPP traffic.ndjson");
        page.ShouldContain("Offending frames.txt");
        page.ShouldContain("Power and SoC DERSIM-RPT-2.svg");
        page.ShouldContain("Failed");
        page.ShouldContain("Assertion failure");
        page.ShouldContain("OCPP traffic, charts and profiles");

        // The link is a link, relative to the page, to the scenario's page beside the report.
        var href = await browser.EvaluateAsync("[...document.querySelectorAll('[data-testid=test-result-meta-link] a')].map(a => a.href).find(h => h.endsWith('.html')) ?? 'none'");
        href.ShouldStartWith(new Uri(traffic).AbsoluteUri + "/", customMessage: "the traffic link is not a link to reports/traffic/");
        File.Exists(new Uri(href).LocalPath).ShouldBeTrue(href);
        var failingPage = href;

        // The passing scenario's page: an excerpt of its traffic and the link; its steps without OCPP sub-steps.
        await browser.EvaluateAsync("history.back()");
        await browser.WaitForTextAsync(threeScenarios, "the scenario list again");
        (await browser.EvaluateAsync($$"""
            (() => {
              const leaf = [...document.querySelectorAll('[data-testid=tree-leaf]')].find(l => l.innerText.includes('{{Passing}}'));
              if (!leaf) return 'missing';
              leaf.click();
              return 'clicked';
            })()
            """)).ShouldBe("clicked");
        var passing = await browser.WaitForTextAsync(t => t.Contains("OCPP traffic (excerpt).txt", StringComparison.Ordinal), "the passing scenario's page");
        passing.ShouldContain("OCPP traffic, charts and profiles");
        passing.ShouldNotContain("OCPP traffic (transcript).txt");
        passing.ShouldNotContain("Power and SoC DERSIM-RPT-1.svg");
        (await browser.EvaluateAsync("""
            (() => {
              document.querySelectorAll('[data-testid=test-result-step-header]').forEach(h => h.click());
              return document.body.innerText.includes('DERSIM-RPT-1 → BootNotification') ? 'sub-steps' : 'none';
            })()
            """)).ShouldBe("none");

        browser.OutsideRequests.ShouldBeEmpty("the report asked for something beyond its own file");

        var screenshot = Path.Combine(reports, "allure-report-screenshot.png");
        await browser.ScreenshotAsync(screenshot);
        new FileInfo(screenshot).Length.ShouldBeGreaterThan(10_000);

        // Following the link from file://: the scenario's page lists its traffic and profile and shows its chart.
        await browser.NavigateAsync(failingPage);
        var files = await browser.WaitForTextAsync(t => t.Contains("OCPP traffic as NDJSON", StringComparison.Ordinal), "the failing scenario's page beside the report");
        files.ShouldContain("OCPP traffic, one line per frame");
        files.ShouldContain("EVSE profile of DERSIM-RPT-2 (EVSE-DC-150kW-CCS-1port)");
        files.ShouldContain("Power and SoC of DERSIM-RPT-2");
        (await browser.EvaluateAsync("new Promise(r => { const i = document.querySelector('img'); const done = () => r(String(i.naturalWidth)); i.complete ? done() : i.onload = done; })")).ShouldBe("760", "the chart loads beside the page");
        (await browser.EvaluateAsync("[...document.querySelectorAll('a')].every(a => a.href.startsWith('file:')) ? 'local' : 'elsewhere'")).ShouldBe("local");
        await TestContext.Out.WriteLineAsync($"report: {index}\nscreenshot: {screenshot}\n{await browser.DiagnoseAsync()}");
    }
}
