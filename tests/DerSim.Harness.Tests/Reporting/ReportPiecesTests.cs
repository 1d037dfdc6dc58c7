using System.Text.Json;
using System.Xml.Linq;
using DerSim.Gherkin.Model;
using DerSim.Harness.Reporting;
using DerSim.Harness.Reporting.Allure;
using DerSim.Harness.Reporting.Evidence;
using DerSim.Harness.Traffic;
using DerSim.Ocpp.Rpc;

namespace DerSim.Harness.Tests.Reporting;

public sealed class ReportPiecesTests
{
    private static FeatureDocument Feature(string relativePath, params string[] tags) =>
        new($"/x/{relativePath}", relativePath, "Smart charging", "", tags, "en", 1, []);

    private static ScenarioCase Scenario(FeatureDocument feature, string? rule, params string[] tags) =>
        new(feature, "id", "Limit is honoured", "Smart charging / Limit is honoured", "", rule, tags, 3, new Dictionary<string, string>(), []);

    [Test]
    public void Labels_come_from_folders_tags_and_severity()
    {
        var scenario = Scenario(Feature("smart-charging/limits.feature", "smart"), "Per EVSE", "smart", "critical", "ocpp2.0.1", "TC_K_01_CSMS", "issue:DERSIM-9", "story:Caps");
        var labels = AllureTags.Labels(scenario, "h", "t").Select(l => $"{l.Name}={l.Value}").ToList();
        labels.ShouldContain("epic=smart-charging");
        labels.ShouldContain("feature=Smart charging");
        labels.ShouldContain("story=Caps");
        labels.ShouldContain("parentSuite=smart-charging");
        labels.ShouldContain("suite=Smart charging");
        labels.ShouldContain("subSuite=Per EVSE");
        labels.ShouldContain("severity=critical");
        labels.ShouldContain("tag=ocpp2.0.1");
        labels.ShouldContain("tag=TC_K_01_CSMS");
        labels.ShouldNotContain("tag=critical");
        labels.ShouldNotContain("tag=issue:DERSIM-9");
        labels.ShouldContain("framework=dersim");
        labels.ShouldContain("language=C#");
        labels.ShouldContain("host=h");
        labels.ShouldContain("thread=t");
    }

    [Test]
    public void Severity_defaults_to_normal_and_a_root_feature_sits_in_features()
    {
        var labels = AllureTags.Labels(Scenario(Feature("boot.feature"), null), "h", "t");
        labels.ShouldContain(new AllureLabel("severity", "normal"));
        labels.ShouldContain(new AllureLabel("parentSuite", "features"));
        labels.ShouldNotContain(l => l.Name == "subSuite" || l.Name == "story");
    }

    [Test]
    public void A_case_id_links_to_its_row_of_the_conformance_report_per_version_and_labels_case_and_block()
    {
        var both = Scenario(Feature("core/boot.feature"), null, "ocpp2.0.1", "ocpp2.1", "TC_B_01_CSMS");
        AllureTags.Links(both, new AllureLinkTemplates(), "../conformance.html#{0}").ShouldBe([
            new AllureLink("TC_B_01_CSMS (OCPP 2.0.1)", "../conformance.html#2.0.1-TC_B_01_CSMS", "tms"),
            new AllureLink("TC_B_01_CSMS (OCPP 2.1)", "../conformance.html#2.1-TC_B_01_CSMS", "tms"),
        ]);
        AllureTags.CaseLabels(both).ShouldBe([new AllureLabel("conformanceCase", "TC_B_01_CSMS"), new AllureLabel("block", "B Provisioning")]);

        var v16 = Scenario(Feature("core/boot.feature"), null, "ocpp1.6", "TC_001_CSMS");
        AllureTags.Links(v16, new AllureLinkTemplates(), "../conformance.html#{0}").ShouldBe([new AllureLink("TC_001_CSMS", "../conformance.html#1.6-TC_001_CSMS", "tms")]);
        AllureTags.CaseLabels(v16).ShouldBe([new AllureLabel("conformanceCase", "TC_001_CSMS"), new AllureLabel("block", "Core")]);

        // A 2.x id on a 1.6 scenario is no case of it: no labels, and the link falls back to the template.
        var wrong = Scenario(Feature("core/boot.feature"), null, "ocpp1.6", "TC_B_01_CSMS");
        AllureTags.CaseLabels(wrong).ShouldBeEmpty();
        AllureTags.Links(wrong, new AllureLinkTemplates(), "../conformance.html#{0}").ShouldBe([new AllureLink("TC_B_01_CSMS", "TC_B_01_CSMS", "tms")]);
    }

    [Test]
    public void Links_come_from_issue_tms_and_oca_ids_with_templates()
    {
        var scenario = Scenario(Feature("a/b.feature"), null, "issue:DERSIM-9", "tms:T-1", "TC_B_01_CSMS", "TC_nope", "ocpp1.6");
        var links = AllureTags.Links(scenario, new AllureLinkTemplates { Issue = "https://issues.example/{0}" });
        links.ShouldBe([
            new AllureLink("DERSIM-9", "https://issues.example/DERSIM-9", "issue"),
            new AllureLink("T-1", "T-1", "tms"),
            new AllureLink("TC_B_01_CSMS", "TC_B_01_CSMS", "tms"),
        ]);
    }

    [TestCase("csmsUrl", "wss://cp:s3cret@csms.example:443/ocpp", "wss://cp:****@csms.example:443/ocpp")]
    [TestCase("CSMS", "ws://csms.example/ocpp?token=abc&x=1", "ws://csms.example/ocpp?token=****&x=1")]
    [TestCase("basicAuthPassword", "plain", "****")]
    [TestCase("profile", "EVSE-DC-150kW-CCS-1port", "EVSE-DC-150kW-CCS-1port")]
    public void Secrets_are_masked(string name, string value, string expected) => SecretMasking.MaskValue(name, value).ShouldBe(expected);

    [TestCase(ScenarioStatus.Passed, "passed", null)]
    [TestCase(ScenarioStatus.Failed, "failed", "")]
    [TestCase(ScenarioStatus.Ambiguous, "broken", "ambiguous step: ")]
    [TestCase(ScenarioStatus.Broken, "broken", "")]
    [TestCase(ScenarioStatus.Pending, "skipped", "pending: ")]
    [TestCase(ScenarioStatus.Undefined, "skipped", "undefined step: ")]
    [TestCase(ScenarioStatus.NotApplicable, "skipped", "not applicable: ")]
    [TestCase(ScenarioStatus.Inconclusive, "skipped", "inconclusive: ")]
    public void Statuses_map_to_allure_through_their_verdict_and_skips_say_which(ScenarioStatus status, string allure, string? prefix)
    {
        AllureStatusMapping.StatusOf(status).ShouldBe(allure);
        var details = AllureStatusMapping.DetailsOf(status, "why", new InvalidOperationException("why"));
        if (prefix is null)
        {
            details.ShouldBeNull();
        }
        else
        {
            details!.Message.ShouldBe(prefix + "why");
            details.Trace.ShouldBe("System.InvalidOperationException", "the message stands above the trace, not in it");
        }
    }

    [Test]
    public void A_trace_keeps_the_frames_above_the_runner()
    {
        const string stack = """
               at DerSim.Harness.Steps.TrafficSteps.SentNo(String action) in /src/Steps/TrafficSteps.cs:line 40
               at DerSim.Harness.Traffic.TrafficQuery.Single() in /src/Traffic/TrafficQuery.cs:line 12
            --- End of stack trace from previous location ---
               at InvokeStub_TrafficSteps.SentNo(Object, Span`1)
               at System.Reflection.MethodBaseInvoker.InvokeWithOneArg(Object obj, BindingFlags invokeAttr, Binder binder, Object[] parameters, CultureInfo culture)
               at DerSim.Gherkin.Runtime.BindingInvoker.InvokeAsync(MethodInfo method, Object instance, Object[] arguments)
            """;
        AllureStatusMapping.OwnFrames(stack).ShouldBe("""
               at DerSim.Harness.Steps.TrafficSteps.SentNo(String action) in /src/Steps/TrafficSteps.cs:line 40
               at DerSim.Harness.Traffic.TrafficQuery.Single() in /src/Traffic/TrafficQuery.cs:line 12
            """.TrimEnd());
        // Thrown by the runner itself: all of it is the story.
        const string runner = "   at DerSim.Gherkin.Runtime.ScenarioRun.RunAsync()\n   at DerSim.Gherkin.Runtime.TestRunner.RunAsync()";
        AllureStatusMapping.OwnFrames(runner).ShouldBe(runner);
        AllureStatusMapping.OwnFrames(null).ShouldBe("");
    }

    [Test]
    public void A_long_result_message_is_cut_at_a_line_end_and_says_where_the_rest_is()
    {
        var frames = string.Concat(Enumerable.Range(1, 12).Select(i => $"\n  #{i} 08:00:00 DERSIM-1 → [2,\"m{i}\",\"MeterValues\",{{{new string('x', 300)}}}]"));
        var message = "features/a.feature:9: Then every sample is at most 7 kW failed: 12 samples were above it:" + frames;
        var headline = AllureResultsWriter.Headline(message)!;
        headline.Length.ShouldBeLessThan(700);
        headline.ShouldStartWith("features/a.feature:9: Then every sample is at most 7 kW failed: 12 samples were above it:\n  #1 ");
        headline.ShouldEndWith("\n… (the whole message is on the failing step)");
        AllureResultsWriter.Headline("short").ShouldBe("short");
        AllureResultsWriter.Headline(null).ShouldBeNull();
    }

    [Test]
    public void Junit_and_console_summary_count_each_outcome()
    {
        var feature = Feature("core/boot.feature");
        ScenarioResult Result(string title, ScenarioStatus status, int line) =>
            new(Scenario(feature, null) with { Title = title, TestName = title, Line = line }, status, TimeSpan.FromSeconds(1.5), status == ScenarioStatus.Passed ? null : new InvalidOperationException("x"), status == ScenarioStatus.Passed ? "" : $"core/boot.feature:{line}: {title} went {status}", []);
        IReadOnlyList<ScenarioResult> results =
        [
            Result("ok", ScenarioStatus.Passed, 1), Result("bad", ScenarioStatus.Failed, 2), Result("boom", ScenarioStatus.Broken, 3), Result("n/a", ScenarioStatus.NotApplicable, 4),
            Result("late", ScenarioStatus.Inconclusive, 5), Result("twice", ScenarioStatus.Ambiguous, 6), Result("todo", ScenarioStatus.Undefined, 7),
        ];

        var suite = JUnitReport.Build(results).Root!.Element("testsuite")!;
        suite.Attribute("tests")!.Value.ShouldBe("7");
        suite.Attribute("failures")!.Value.ShouldBe("1");
        suite.Attribute("errors")!.Value.ShouldBe("2", "broken and ambiguous are ERROR");
        suite.Attribute("skipped")!.Value.ShouldBe("3", "N/A, INCONCLUSIVE and an undefined step (INCONCLUSIVE unless missing steps fail)");
        XElement Case(string name) => suite.Elements("testcase").Single(e => e.Attribute("name")!.Value == name);
        Case("bad").Element("failure")!.Attribute("message")!.Value.ShouldBe("core/boot.feature:2: bad went Failed");
        Case("twice").Element("error").ShouldNotBeNull();
        Case("late").Element("skipped")!.Attribute("message")!.Value.ShouldBe("INCONCLUSIVE: core/boot.feature:5: late went Inconclusive");
        Case("n/a").Element("skipped")!.Attribute("message")!.Value.ShouldBe("N/A: core/boot.feature:4: n/a went NotApplicable");
        var strict = JUnitReport.Build(results, missingStepsFail: true).Root!.Element("testsuite")!;
        strict.Attribute("errors")!.Value.ShouldBe("3", "with missingOrPendingStepsOutcome Error an undefined step is ERROR");

        using var output = new StringWriter();
        ConsoleSummary.Write(results, output);
        var lines = output.ToString().TrimEnd().Split('\n');
        lines[0].ShouldStartWith("VERDICT");
        lines[^1].ShouldBe("1 passed, 3 failed, 3 skipped");
        lines.ShouldContain(l => l.StartsWith("ERROR ", StringComparison.Ordinal) && l.Contains("boom", StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith("FAIL ", StringComparison.Ordinal) && l.Contains("bad", StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith("INCONCLUSIVE ", StringComparison.Ordinal) && l.Contains("late", StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith("N/A ", StringComparison.Ordinal) && l.Contains("n/a", StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith("PASS ", StringComparison.Ordinal) && l.Contains("ok", StringComparison.Ordinal));
        ConsoleSummary.CountLine(results, missingStepsFail: true).ShouldBe("1 passed, 4 failed, 2 skipped");
    }

    [Test]
    public void Run_files_have_masked_environment_and_categories_allure_3_reads()
    {
        var sink = new InMemoryAllureSink();
        AllureRunFiles.Write(sink, new ReportEnvironment { Csms = "wss://cp:pw@csms.example/ocpp", OcppVersions = ["1.6", "2.0.1"], DerSimVersion = "9.9.9" });
        var environment = System.Text.Encoding.UTF8.GetString(sink.Files["environment.properties"]);
        environment.ShouldContain("CSMS=wss://cp:****@csms.example/ocpp");
        environment.ShouldNotContain("pw@");
        environment.ShouldContain("OCPP.versions=1.6, 2.0.1");
        environment.ShouldContain("DerSim.version=9.9.9");
        environment.ShouldContain(".NET=.NET 10");

        using var categories = JsonDocument.Parse(sink.Files["categories.json"]);
        var names = categories.RootElement.EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        names.ShouldBe(["Protocol violation", "Timeout", "CSMS error", "Assertion failure"]);
        foreach (var category in categories.RootElement.EnumerateArray())
        {
            category.GetProperty("matchedStatuses").GetArrayLength().ShouldBeGreaterThan(0);
            category.GetProperty("messageRegex").GetString()!.ShouldNotContain("(?");
        }

        using var executor = JsonDocument.Parse(sink.Files["executor.json"]);
        executor.RootElement.GetProperty("name").GetString().ShouldBe("dersim");
        using var config = JsonDocument.Parse(ReportRenderer.Config("/r/allure-report", "/r/allure-history.jsonl"));
        config.RootElement.GetProperty("plugins").GetProperty("awesome").GetProperty("options").GetProperty("singleFile").GetBoolean().ShouldBeTrue();
        config.RootElement.GetProperty("historyPath").GetString().ShouldBe("/r/allure-history.jsonl");
    }

    [Test]
    public void Power_chart_plots_each_measurand_and_is_deterministic()
    {
        var recorder = new TrafficRecorder();
        var t0 = new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 4; i++)
        {
            var at = t0.AddMinutes(i * 5);
            var raw = $$"""[2,"m{{i}}","MeterValues",{"evseId":1,"meterValue":[{"timestamp":"{{at:yyyy-MM-ddTHH:mm:ssZ}}","sampledValue":[{"value":{{50000 + (i * 1000)}},"measurand":"Power.Active.Import"},{"value":{{120000}},"measurand":"Power.Offered"},{"value":{{20 + (i * 5)}},"measurand":"SoC"}]}]}]""";
            recorder.Record("DERSIM-C-1", new OcppFrameEvent(FrameDirection.Outbound, at, raw, OcppMessageType.Call, $"m{i}", "MeterValues", [], null, null), at);
        }

        var svg = PowerChart.Svg(recorder.Frames, "DERSIM-C-1")!;
        svg.ShouldBe(PowerChart.Svg(recorder.Frames, "DERSIM-C-1"));
        var document = XDocument.Parse(svg);
        document.Root!.Name.LocalName.ShouldBe("svg");
        document.Descendants().Count(e => e.Name.LocalName == "polyline").ShouldBe(3);
        svg.ShouldContain("DERSIM-C-1 EVSE 1");
        svg.ShouldContain("delivered (Power.Active.Import)");
        PowerChart.Svg(recorder.Frames, "OTHER").ShouldBeNull();
    }

    [Test]
    public void Power_chart_places_transaction_updates_without_an_evse_on_the_evse_of_their_transaction()
    {
        var recorder = new TrafficRecorder();
        var t0 = new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);
        string Event(int seq, string evse, int watts) =>
            $$"""[2,"t{{seq}}","TransactionEvent",{"eventType":"{{(seq == 0 ? "Started" : "Updated")}}","seqNo":{{seq}},"transactionInfo":{"transactionId":"tx-9"},{{evse}}"meterValue":[{"timestamp":"{{t0.AddMinutes(seq):yyyy-MM-ddTHH:mm:ssZ}}","sampledValue":[{"value":{{watts}},"measurand":"Power.Active.Import"}]}]}]""";
        string[] raws = [Event(0, "\"evse\":{\"id\":2,\"connectorId\":1},", 0), Event(1, "", 40000), Event(2, "", 45000)];
        foreach (var (raw, i) in raws.Select((r, i) => (r, i)))
        {
            recorder.Record("DERSIM-T-1", new OcppFrameEvent(FrameDirection.Outbound, t0, raw, OcppMessageType.Call, $"t{i}", "TransactionEvent", [], null, null), t0);
        }

        var svg = PowerChart.Svg(recorder.Frames, "DERSIM-T-1")!;
        svg.ShouldContain("DERSIM-T-1 EVSE 2");
        var line = XDocument.Parse(svg).Descendants().Single(e => e.Name.LocalName == "polyline");
        line.Attribute("points")!.Value.Split(' ').Length.ShouldBe(5, "three samples drawn as steps: 1 + 2 per later sample");
    }
}
