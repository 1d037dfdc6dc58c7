using System.Text.Json;
using System.Xml.Linq;
using DerSim.Gherkin.Model;
using DerSim.Harness.Configuration;
using DerSim.Harness.Reporting;
using DerSim.Harness.Tests.Drivers.Csms;
using DerSim.Harness.Tests.Drivers.Verdicts;

namespace DerSim.Harness.Tests.Conformance;

/// <summary>
/// A scenario the operator never acts on (the Manual driver waiting 1 s) and one the declaration rules out, through
/// the real runner and the report session: the verdict reaches the console table, the last line, JUnit, Allure and
/// conformance.json the same way.
/// </summary>
[NonParallelizable]
public sealed class VerdictReportingTests
{
    private const string Feature = """
        Feature: Verdicts end to end
          @ocpp2.0.1 @TC_B_20_CSMS
          Scenario: Nobody resets the station
            Given a station "VERDICT-E2E-1" with profile "EVSE-DC-150kW-CCS-1port" on OCPP 2.0.1
            When the station connects to the CSMS
            Then the CSMS answers the boot with "Accepted"
            When the CSMS resets the station with a "Hard" reset

          @ocpp2.0.1 @TC_K_01_CSMS @requires:SmartCharging
          Scenario: The CSMS has no smart charging
            Given a station "VERDICT-E2E-2" with profile "EVSE-DC-150kW-CCS-1port" on OCPP 2.0.1
        """;

    [Test]
    [CancelAfter(120_000)]
    public async Task An_operator_timeout_is_INCONCLUSIVE_and_a_missing_feature_N_A_in_every_report()
    {
        await using var csms = await ScriptedCsms.StartAsync(new ScriptedCsmsScript());
        var settings = new DerSimSettings
        {
            CallTimeoutSeconds = 5,
            CsmsDriver = "Manual",
            ManualTimeoutSeconds = 1,
            Target = new DerSim.Harness.Target.TargetDeclaration { Features = ["RemoteTrigger"] },
        };
        var reports = Directory.CreateTempSubdirectory("dersim-verdicts-").FullName;
        try
        {
            var session = new ReportSession(reports);
            var results = await InlineScenarios.RunAsync(Feature, csms.Url, settings, null, session);
            results.Select(r => r.Status).ShouldBe([ScenarioStatus.Inconclusive, ScenarioStatus.NotApplicable], string.Join("\n", results.Select(r => r.Message)));

            using var console = new StringWriter();
            var exit = await session.CompleteAsync(new ReportEnvironment { Csms = "scripted", OcppVersions = ["2.0.1"] }, console, render: false);
            exit.ShouldBe(0, "neither verdict fails the gate");
            var lines = console.ToString().TrimEnd().Split('\n').Select(l => l.TrimEnd()).ToList();
            lines.ShouldContain(l => l.StartsWith("VERDICT", StringComparison.Ordinal));
            lines.ShouldContain(l => l.StartsWith("INCONCLUSIVE", StringComparison.Ordinal) && l.EndsWith("Nobody resets the station", StringComparison.Ordinal));
            lines.ShouldContain(l => l.StartsWith("N/A", StringComparison.Ordinal) && l.EndsWith("The CSMS has no smart charging", StringComparison.Ordinal));
            lines[^1].ShouldBe("0 passed, 0 failed, 2 skipped");

            var junit = XDocument.Load(session.JUnitFile);
            var skipped = junit.Descendants("skipped").Select(s => s.Attribute("message")!.Value).ToList();
            skipped.Count.ShouldBe(2);
            skipped.ShouldContain(m => m.StartsWith("INCONCLUSIVE: ", StringComparison.Ordinal) && m.Contains("no operator made the CSMS send Reset", StringComparison.Ordinal));
            skipped.ShouldContain(m => m.StartsWith("N/A: ", StringComparison.Ordinal) && m.Contains("SmartCharging", StringComparison.Ordinal));
            junit.Descendants("failure").ShouldBeEmpty();
            junit.Descendants("error").ShouldBeEmpty();

            var allure = Directory.GetFiles(session.ResultsDirectory, "*-result.json").Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.Clone()).ToList();
            var reset = allure.Single(r => r.GetProperty("name").GetString() == "Nobody resets the station");
            reset.GetProperty("status").GetString().ShouldBe("skipped");
            Label(reset, "verdict").ShouldBe(["INCONCLUSIVE"]);
            Label(reset, "conformanceCase").ShouldBe(["TC_B_20_CSMS"]);
            Label(reset, "block").ShouldBe(["B Provisioning"]);
            var link = reset.GetProperty("links").EnumerateArray().Single(l => l.GetProperty("name").GetString() == "TC_B_20_CSMS");
            link.GetProperty("type").GetString().ShouldBe("tms");
            link.GetProperty("url").GetString().ShouldBe("../conformance.html#2.0.1-TC_B_20_CSMS");
            Label(allure.Single(r => r.GetProperty("name").GetString() == "The CSMS has no smart charging"), "verdict").ShouldBe(["N/A"]);

            var conformance = JsonDocument.Parse(File.ReadAllText(session.ConformanceJsonFile)).RootElement;
            var v201 = conformance.GetProperty("versions").EnumerateArray().Single(v => v.GetProperty("version").GetString() == "2.0.1");
            var b20 = v201.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "TC_B_20_CSMS");
            b20.GetProperty("verdict").GetString().ShouldBe("INCONCLUSIVE");
            b20.GetProperty("scenarios")[0].GetProperty("message").GetString()!.ShouldContain("no operator made the CSMS send Reset");
            var blockB = v201.GetProperty("blocks").EnumerateArray().Single(b => b.GetProperty("block").GetString() == "B Provisioning");
            blockB.GetProperty("verdicts").GetProperty("INCONCLUSIVE").GetInt32().ShouldBe(1);
            blockB.GetProperty("verdicts").GetProperty("PASS").GetInt32().ShouldBe(0);
            v201.GetProperty("total").GetProperty("verdicts").GetProperty("N/A").GetInt32().ShouldBe(1);
            File.ReadAllText(session.ConformanceHtmlFile).ShouldContain("id=\"2.0.1-TC_B_20_CSMS\"");
        }
        finally
        {
            Directory.Delete(reports, recursive: true);
        }
    }

    private static List<string?> Label(JsonElement result, string name) =>
        [.. result.GetProperty("labels").EnumerateArray().Where(l => l.GetProperty("name").GetString() == name).Select(l => l.GetProperty("value").GetString())];
}
