using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using DerSim.Harness.Drivers;
using DerSim.Gherkin.Features;
using DerSim.Gherkin.Glue;
using DerSim.Harness.Reporting;
using DerSim.Harness.Reporting.Allure;

namespace DerSim.Harness.Tests.Reporting;

public sealed class ReportRendererTests
{
    [Test]
    public async Task Without_node_the_results_stay_and_the_message_says_how_to_render()
    {
        var root = Path.Combine(TestContext.CurrentContext.WorkDirectory, "report-no-node");
        var results = Path.Combine(root, "allure-results");
        var sink = AllureDirectorySink.Fresh(results);
        sink.WriteResult(new AllureTestResult { Uuid = "u-1", HistoryId = "h", TestCaseId = "t", FullName = "f", Name = "n", Status = AllureStatus.Passed });

        var outcome = await ReportRenderer.RenderAsync(results, Path.Combine(root, "allure-report"), node: null, allureCli: ReportRenderer.FindAllureCli());

        outcome.Rendered.ShouldBeFalse();
        outcome.ReportFile.ShouldBeNull();
        outcome.Message.ShouldContain("Node.js is not installed");
        outcome.Message.ShouldContain("npm ci");
        outcome.Message.ShouldContain("./dersim report");
        File.Exists(Path.Combine(results, "u-1-result.json")).ShouldBeTrue();
        Directory.Exists(Path.Combine(root, "allure-report")).ShouldBeFalse();
    }

    [Test]
    public async Task An_empty_results_folder_is_not_rendered()
    {
        var results = Path.Combine(TestContext.CurrentContext.WorkDirectory, "report-empty", "allure-results");
        AllureDirectorySink.Fresh(results);
        var outcome = await ReportRenderer.RenderAsync(results, Path.Combine(results, "..", "allure-report"));
        outcome.Rendered.ShouldBeFalse();
        outcome.Message.ShouldContain("no Allure results");
    }

    [Test]
    public void The_analytics_tag_comes_out_and_the_rest_stays_byte_for_byte()
    {
        const string head = "<html><body><div id=\"app\"></div>\n    <script>window.allure = window.allure || {};</script>\n    ";
        const string tag = """
            <script async src="https://www.googletagmanager.com/gtag/js?id=G-TEST"></script>
                <script>
                    window.dataLayer = window.dataLayer || [];
                    function gtag(){dataLayer.push(arguments);}
                    gtag('js', new Date());
                    gtag('config', 'G-TEST', { "report": "awesome" });
                </script>
            """;
        const string tail = "\n    <script async>window.allureReportDataReady = false;</script>\n</body></html>";

        ReportRenderer.WithoutAnalytics(head + tag + tail).ShouldBe(head + tail);
        ReportRenderer.WithoutAnalytics(head + tail).ShouldBe(head + tail);
        // A page whose own script merely mentions gtag keeps it: only the loader and the configuration right behind it go.
        var own = head + "<script>const gtag = 1;</script>" + tail;
        ReportRenderer.WithoutAnalytics(own).ShouldBe(own);
    }

    [Test]
    public void The_page_shows_links_relative_to_it_and_still_no_other_scheme()
    {
        // The link check as allure 3.18.0's page has it (twice), inside the base64 script the single file inlines.
        const string check = "O=e=>{if(\"string\"!=typeof e)return;const t=e.trim();if(0===t.length)return;const n=t.match(/^([A-Za-z][A-Za-z0-9+.-]*):/);if(!n)return;const r=`${n[1].toLowerCase()}:`;if(L.has(r))try{return new URL(t).toString()}catch{return}}";
        const string script = "const L=new Set([\"http:\",\"https:\",\"mailto:\",\"tel:\"])," + check + ";module.exports=O;";
        string Page(string js) => $"<body><script>window.allure = {{}};</script>\n    <script   src=\"data:text/javascript;base64,{Convert.ToBase64String(Encoding.UTF8.GetBytes(js))}\"></script>\n</body>";

        var patched = ReportRenderer.WithRelativeLinks(Page(script));
        patched.ShouldNotBe(Page(script));
        var js = Encoding.UTF8.GetString(Convert.FromBase64String(Regex.Match(patched, "base64,([^\"]+)\"").Groups[1].Value));
        js.ShouldContain("if(!n)return/^\\.\\.?\\/[^\\s\"'<>\\\\]*$/.test(t)?t:void 0;const r=");

        // Run the patched check in node when it is there: ../ and ./ pass, schemes stay on the allow-list.
        if (ReportRenderer.FindOnPath("node") is { } node)
        {
            var file = Path.Combine(TestContext.CurrentContext.WorkDirectory, "link-check.js");
            File.WriteAllText(file, js + "\nconsole.log(JSON.stringify(['../traffic/A_1.6.html','./x.txt','traffic/x','//evil.example/x','javascript:alert(1)','../a\"onmouseover=x','https://example.com/a'].map(u => module.exports(u) ?? null)));");
            var info = new ProcessStartInfo(node, [file]) { RedirectStandardOutput = true };
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            output.ShouldBe("""["../traffic/A_1.6.html","./x.txt",null,null,null,null,"https://example.com/a"]""");
        }

        // A page whose script differs (another allure version) stays as it was: its links show as text.
        var other = Page("const somethingElse=1;");
        ReportRenderer.WithRelativeLinks(other).ShouldBe(other);
    }

    /// <summary>Figures for the closing note: the bundled features/ suite with every report written and rendered.</summary>
    [Test]
    [Explicit("a benchmark: runs the whole bundled suite once more")]
    public async Task Bench_the_bundled_suite_report()
    {
        var loaded = FeatureLoader.Load([Path.Combine(TestContext.CurrentContext.TestDirectory, "features")], "en");
        var session = new ReportSession(Path.Combine(TestContext.CurrentContext.WorkDirectory, "report-bench", "reports"));
        var clock = Stopwatch.StartNew();
        using (var runner = new ReqnrollExecutor(typeof(ScenarioWorld).Assembly) { Listeners = [session] })
        {
            await Task.WhenAll(loaded.Features.SelectMany(f => f.Scenarios).Select(s => runner.RunAsync(s, CancellationToken.None)));
            await runner.EndRunAsync();
        }

        var run = clock.Elapsed;
        var files = Directory.GetFiles(session.ResultsDirectory);
        using var output = new StringWriter();
        clock.Restart();
        await session.CompleteAsync(new ReportEnvironment { OcppVersions = ["1.6", "2.0.1", "2.1"] }, output);
        await TestContext.Out.WriteLineAsync(output.ToString());
        await TestContext.Out.WriteLineAsync($"bench: {session.Collector.Results.Count} scenarios run in parallel with Allure results written ({files.Length} files, {files.Sum(f => new FileInfo(f).Length) / 1024} KiB) in {run.TotalSeconds:0.00}s; run files + junit + HTML render {clock.Elapsed.TotalSeconds:0.00}s");
        File.Exists(Path.Combine(session.ReportDirectory, "index.html")).ShouldBeTrue();
    }
}
