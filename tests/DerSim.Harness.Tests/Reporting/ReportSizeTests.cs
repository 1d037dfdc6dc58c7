using System.Diagnostics;
using System.Text.Json.Nodes;
using DerSim.Harness.Configuration.Loading;
using DerSim.Harness.Drivers.Csms;
using DerSim.Gherkin.Model;
using DerSim.Harness.Reporting;
using DerSim.Harness.Steps;

namespace DerSim.Harness.Tests.Reporting;

/// <summary>
/// The single-file report stays readable at catalogue scale: 600 scenarios with the bundled suite's traffic (most
/// passing, one in ten failing or broken) run through the real hooks, writer and renderer, and the page must stay within
/// 15 MB; the whole traffic is beside it in traffic/, linked.
/// </summary>
[NonParallelizable]
public sealed class ReportSizeTests
{
    private const int Scenarios = 600;
    private const long Limit = 15_000_000;

    [Test]
    [CancelAfter(300_000)]
    public async Task The_report_of_600_scenarios_stays_within_15_MB_with_the_traffic_linked_beside_it()
    {
        if (ReportRenderer.FindOnPath("node") is null || ReportRenderer.FindAllureCli() is null)
        {
            Assert.Ignore("Node.js or the npm package allure is missing: install Node.js 20+ and run `npm ci` in the repository root (.ci/run does)");
        }

        var root = Path.Combine(TestContext.CurrentContext.WorkDirectory, "report-size");
        var suite = ReportSizeFeatures.Write(Path.Combine(root, "features"), Scenarios);
        var reports = Path.Combine(root, "reports");
        if (Directory.Exists(reports))
        {
            Directory.Delete(reports, recursive: true);
        }

        var session = new ReportSession(reports);
        var world = new ScenarioWorldOptions
        {
            Settings = DerSimConfig.LoadDefault(),
            Environment = name => name == ScenarioFiles.ReportsDirectoryVariable ? reports : null,
            Output = TextWriter.Null,
        };

        var clock = Stopwatch.StartNew();
        var results = await ReportingRig.RunDirectoryAsync(Path.Combine(root, "features"), [typeof(ReportSizeSteps), typeof(ReportingHooks), typeof(TrafficHooks)], world, session);
        var run = clock.Elapsed;
        results.Count.ShouldBe(Scenarios);
        results.Count(r => r.Status == ScenarioStatus.Failed).ShouldBe(suite.Failing, string.Join("\n", results.Where(r => r.Status is not (ScenarioStatus.Passed or ScenarioStatus.Failed)).Select(r => r.Message).Take(3)));
        results.Count(r => r.Status == ScenarioStatus.Broken).ShouldBe(suite.Breaking);

        // The traffic must be as heavy as a real run's (bundled suite: transcripts 1 KB to 350 KB, median 18 KB, mean
        // 33 KB), or the figure below would be bought with small scenarios.
        var transcripts = Directory.GetFiles(Path.Combine(reports, ScenarioFiles.Folder), "*.txt").Select(f => new FileInfo(f).Length).Order().ToList();
        transcripts.Count.ShouldBe(Scenarios);
        var traffic = $"transcripts median {transcripts[Scenarios / 2] / 1024} KB, mean {transcripts.Average() / 1024:0} KB, max {transcripts[^1] / 1024} KB";
        transcripts.Average().ShouldBeGreaterThan(30 * 1024, traffic);
        transcripts[^1].ShouldBeGreaterThan(200 * 1024, traffic);

        using var output = new StringWriter();
        clock.Restart();
        await session.CompleteAsync(new ReportEnvironment { Csms = "none: synthetic traffic", OcppVersions = ["2.0.1"] }, output, summary: false);
        var render = clock.Elapsed;
        var index = Path.Combine(session.ReportDirectory, "index.html");
        File.Exists(index).ShouldBeTrue(output.ToString());
        var size = new FileInfo(index).Length;
        var beside = Directory.GetFiles(Path.Combine(reports, ScenarioFiles.Folder));
        await TestContext.Out.WriteLineAsync(
            $"report size: {Scenarios} scenarios ({Scenarios - suite.Failing - suite.Breaking} passed, {suite.Failing} failed, {suite.Breaking} broken; {traffic}): " +
            $"index.html {size / 1e6:0.00} MB ({size:N0} bytes), limit {Limit / 1e6:0} MB; beside it {beside.Length} files, {beside.Sum(f => new FileInfo(f).Length) / 1e6:0.0} MB; " +
            $"scenarios run and results written in {run.TotalSeconds:0.0} s, run files, junit and HTML in {render.TotalSeconds:0.0} s");
        size.ShouldBeLessThanOrEqualTo(Limit, $"the report of {Scenarios} scenarios is {size / 1e6:0.00} MB");

        // Every scenario links its traffic, and every linked file is where the page's relative link points.
        var links = Directory.GetFiles(session.ResultsDirectory, "*-result.json")
            .Select(f => JsonNode.Parse(File.ReadAllText(f))!["links"]!.AsArray().Select(l => l!["url"]!.GetValue<string>()).Where(u => u.StartsWith("../", StringComparison.Ordinal)).ToList())
            .ToList();
        links.Count.ShouldBe(Scenarios);

        // A case-tagged scenario also links its case's row of conformance.html, beside allure-report/.
        const string Conformance = "../conformance.html#";
        var page = File.ReadAllText(session.ConformanceHtmlFile);
        foreach (var anchor in links.SelectMany(l => l).Where(u => u.StartsWith(Conformance, StringComparison.Ordinal)).Select(u => u[Conformance.Length..]).Distinct())
        {
            page.ShouldContain($"id=\"{anchor}\"");
        }

        links = [.. links.Select(l => l.Where(u => !u.StartsWith(Conformance, StringComparison.Ordinal)).ToList())];
        links.ShouldAllBe(l => l.Count == 1 && l[0].EndsWith(".html", StringComparison.Ordinal));
        foreach (var url in links.SelectMany(l => l))
        {
            File.Exists(Path.GetFullPath(Path.Combine(session.ReportDirectory, Uri.UnescapeDataString(url)))).ShouldBeTrue(url);
        }
    }
}
