using System.Text.Json;
using DerSim.Gherkin.Model;
using DerSim.Harness.Conformance;
using DerSim.Harness.Tests.Reporting;
using DerSim.Ocpp;

namespace DerSim.Harness.Tests.Conformance;

/// <summary>
/// conformance.json and conformance.html of a made-up run: a case passed, one run twice (once failing), one left out
/// of the run, one without a scenario; the JSON read back as <c>dersim catalogue</c> reads it, and the page read in
/// headless Chromium.
/// </summary>
public sealed class ConformanceReportTests
{
    private static readonly FeatureDocument Boot = new("/x/features/core/boot.feature", "core/boot.feature", "Boot", "", [], "en", 1, []);

    private static ScenarioCase Scenario(string title, int line, IReadOnlyDictionary<string, string>? example, params string[] tags) =>
        new(Boot, $"core/boot.feature:{line}", title, $"Boot / {title}", "", null, tags, line, example ?? new Dictionary<string, string>(), []);

    private static ScenarioResult Result(ScenarioCase scenario, ScenarioStatus status, string message = "") =>
        new(scenario, status, TimeSpan.FromSeconds(1), null, message, []);

    private static ConformanceReport Report()
    {
        var cold = Scenario("Cold boot", 5, null, "ocpp2.0.1", "TC_B_01_CSMS");
        var row1 = Scenario("Reset <kind>", 20, new Dictionary<string, string> { ["kind"] = "Hard" }, "ocpp2.0.1", "TC_B_20_CSMS");
        var row2 = Scenario("Reset <kind>", 21, new Dictionary<string, string> { ["kind"] = "Soft" }, "ocpp2.0.1", "TC_B_20_CSMS");
        var left = Scenario("Reset during a transaction", 30, null, "ocpp2.0.1", "TC_B_21_CSMS");
        var v16 = Scenario("Cold boot 1.6", 40, null, "ocpp1.6", "TC_001_CSMS");
        return ConformanceReport.Build(
            ConformanceCatalogue.Default,
            [cold, row1, row2, left, v16],
            [
                Result(cold, ScenarioStatus.Passed), Result(row1, ScenarioStatus.Passed),
                Result(row2, ScenarioStatus.Failed, "features/core/boot.feature:21: expected Reset <b>OnIdle</b> & got <script>alert(1)</script>"),
                Result(v16, ScenarioStatus.NotApplicable, "the target does not declare OCPP 1.6"),
            ],
            missingStepsFail: false);
    }

    [Test]
    public void A_case_takes_the_worst_verdict_of_its_runs_and_says_not_run_or_no_scenario()
    {
        var v201 = Report().Versions.Single(v => v.Version == OcppVersion.V201);
        string Verdict(string id) => v201.Cases.Single(c => c.Case.Id == id).VerdictLabel;
        Verdict("TC_B_01_CSMS").ShouldBe("PASS");
        Verdict("TC_B_20_CSMS").ShouldBe("FAIL");
        Verdict("TC_B_21_CSMS").ShouldBe("not run");
        Verdict("TC_B_22_CSMS").ShouldBe("no scenario");
        var b = v201.Blocks.Single(b => b.Coverage.Block == "B Provisioning");
        (b.Count(ConformanceVerdict.Pass), b.Count(ConformanceVerdict.Fail), b.NotRun, b.Coverage.WithScenario, b.Coverage.Cases).ShouldBe((1, 1, 1, 3, 22));
    }

    [Test]
    public void A_case_without_a_scenario_carries_dersims_reason_in_the_json_and_the_page()
    {
        var catalogue = ConformanceCatalogue.Default.WithNotCovered("version\tid\treason\n2.0.1\tTC_B_22_CSMS\tneeds <a> second CSMS\n2.0.1\tTC_B_01_CSMS\tstale\n", "not-covered.tsv");
        var cold = Scenario("Cold boot", 5, null, "ocpp2.0.1", "TC_B_01_CSMS");
        var report = ConformanceReport.Build(catalogue, [cold], [Result(cold, ScenarioStatus.Passed)], missingStepsFail: false);

        using var json = JsonDocument.Parse(ConformanceReportJson.Write(report));
        var cases = json.RootElement.GetProperty("versions")[1].GetProperty("cases").EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!);
        cases["TC_B_22_CSMS"].GetProperty("notCovered").GetString().ShouldBe("needs <a> second CSMS");
        cases["TC_B_01_CSMS"].TryGetProperty("notCovered", out _).ShouldBeFalse("a case with a scenario shows its runs, not a reason");
        ConformanceReportJson.Read(ConformanceReportJson.Write(report), "conformance.json").VerdictOf(OcppVersion.V201, "TC_B_22_CSMS").ShouldBe("no scenario");
        ConformanceReportHtml.Write(report).ShouldContain("why none: needs &lt;a&gt; second CSMS");
    }

    [Test]
    public void The_json_has_its_documented_shape_and_reads_back()
    {
        var text = ConformanceReportJson.Write(Report());
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        root.GetProperty("format").GetString().ShouldBe("dersim-conformance/1");
        root.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("version").GetString()).ShouldBe(["1.6", "2.0.1", "2.1"]);
        var v201 = root.GetProperty("versions")[1];
        var total = v201.GetProperty("total");
        (total.GetProperty("cases").GetInt32(), total.GetProperty("coreMandatory").GetInt32(), total.GetProperty("mandatory").GetInt32()).ShouldBe((252, 104, 200));
        total.GetProperty("verdicts").EnumerateObject().Select(p => p.Name).ShouldBe(["PASS", "FAIL", "N/A", "INCONCLUSIVE", "ERROR", "not run"]);
        var reset = v201.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "TC_B_20_CSMS");
        reset.GetProperty("block").GetString().ShouldBe("B Provisioning");
        reset.GetProperty("mandatoryIn").EnumerateArray().Select(p => p.GetString()).ShouldBe(["Core"]);
        var runs = reset.GetProperty("scenarios").EnumerateArray().ToList();
        runs.Select(r => (r.GetProperty("file").GetString(), r.GetProperty("line").GetInt32(), r.GetProperty("example").GetProperty("kind").GetString(), r.GetProperty("verdict").GetString()))
            .ShouldBe([(Boot.DisplayPath, 20, "Hard", "PASS"), (Boot.DisplayPath, 21, "Soft", "FAIL")]);

        var read = ConformanceReportJson.Read(text, "conformance.json");
        read.VerdictOf(OcppVersion.V201, "TC_B_20_CSMS").ShouldBe("FAIL");
        read.VerdictOf(OcppVersion.V16, "TC_001_CSMS").ShouldBe("N/A");
        read.Count(OcppVersion.V201, "B Provisioning", ConformanceVerdict.Pass).ShouldBe(1);
        read.Count(OcppVersion.V16, "Core", ConformanceVerdict.NotApplicable).ShouldBe(1);
        ConformanceReportJson.Write(Report()).ShouldBe(text, "the same run writes the same file");
    }

    [TestCase("{", "r.json at $ (line 1): not JSON")]
    [TestCase("[]", "r.json at $: expected object, found array")]
    [TestCase("""{"format":"x"}""", "r.json at $.format: expected \"dersim-conformance/1\"")]
    [TestCase("""{"format":"dersim-conformance/1"}""", "r.json at $.versions: missing")]
    [TestCase("""{"format":"dersim-conformance/1","versions":[{"version":"3.0"}]}""", "r.json at $.versions[0].version: '3.0' is no OCPP version")]
    [TestCase("""{"format":"dersim-conformance/1","versions":[{"version":"2.1","blocks":[{"block":"B","verdicts":{"PASS":"1"}}]}]}""", "r.json at $.versions[0].blocks[0].verdicts.PASS: expected number, found string")]
    [TestCase("""{"format":"dersim-conformance/1","versions":[{"version":"2.1","blocks":[],"cases":[{"id":"TC_B_01_CSMS","verdict":"OK"}]}]}""", "r.json at $.versions[0].cases[0].verdict: 'OK' is no verdict")]
    public void A_malformed_file_names_itself_and_the_json_path(string text, string start)
    {
        var error = Should.Throw<FormatException>(() => ConformanceReportJson.Read(text, "r.json"));
        error.Message.ShouldStartWith(start);
        error.Message.ShouldNotContain("\n");
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task The_page_shows_the_figures_and_jumps_to_a_case_in_chromium()
    {
        var html = ConformanceReportHtml.Write(Report());
        html.ShouldNotContain("<script>alert(1)</script>");
        html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
        html.ShouldNotContain("http://");
        html.ShouldNotContain("https://");
        var folder = Directory.CreateTempSubdirectory("dersim-conformance-").FullName;
        try
        {
            var page = Path.Combine(folder, ConformanceReportHtml.FileName);
            await File.WriteAllTextAsync(page, html);
            await using var browser = await HeadlessChromium.StartAsync();
            await browser.NavigateAsync(new Uri(page).AbsoluteUri + "#2.0.1-TC_B_20_CSMS");
            await browser.WaitForTextAsync(t => t.Contains("OCPP 2.1", StringComparison.Ordinal), "the whole page", TimeSpan.FromSeconds(30));

            const string Row = "[...document.querySelectorAll('table.summary[data-version=\"{0}\"] tr')].find(r => r.cells[0].innerText.trim() === '{1}').innerText";
            var block = await browser.EvaluateAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, Row, "2.0.1", "B Provisioning"));
            block.Split('\t').Select(c => c.Trim()).ShouldBe(["B Provisioning", "22", "8", "11", "3", "1", "1", "0", "0", "0", "1"]);
            var all = await browser.EvaluateAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, Row, "2.0.1", "all"));
            all.Split('\t').Select(c => c.Trim()).Take(5).ShouldBe(["all", "252", "104", "200", "3"]);
            var v16 = await browser.EvaluateAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, Row, "1.6", "Core"));
            v16.Split('\t')[7].Trim().ShouldBe("1", "the 1.6 cold boot was N/A");

            (await browser.EvaluateAsync("document.querySelector(':target').id")).ShouldBe("2.0.1-TC_B_20_CSMS");
            var target = await browser.EvaluateAsync("document.querySelector(':target').innerText");
            target.ShouldContain("FAIL");
            target.ShouldContain("features/core/boot.feature:21");
            target.ShouldContain("<script>alert(1)</script>", customMessage: "the message shows as text, not as markup");
            browser.OutsideRequests.ShouldBeEmpty();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
