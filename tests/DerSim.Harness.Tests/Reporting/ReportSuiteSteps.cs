using System.Text;
using DerSim.Gherkin.Glue;
using Reqnroll;
using DerSim.Gherkin.Model;
using DerSim.Harness.Reporting;
using DerSim.Harness.Reporting.Evidence;

namespace DerSim.Harness.Tests.Reporting;

/// <summary>Bindings of the reporting tests' own feature files (golden results and the browser suite).</summary>
[Binding]
public sealed class ReportSuiteSteps(ScenarioContext context)
{
    private decimal _kwh;

    [Given("the golden meter reads {int} kWh")]
    public void MeterReads(int kwh)
    {
        _kwh = kwh;
        // Evidence only a failure keeps, and a link to the scenario's files beside the report.
        ReportChannels.SubSteps.Add(context, new ReportSubStep($"read {kwh} kWh off the golden meter", ScenarioStatus.Passed) { KeptWhenNotFailed = false });
        ReportChannels.Links.Add(context, new ReportLink("OCPP traffic, charts and profiles", $"../traffic/golden-{kwh}.html"));
    }

    [When("the golden step reports {string} = {string} and {string} = {string}")]
    public void Reports(string name1, string value1, string name2, string value2)
    {
        context.AddParameter(name1, value1);
        context.AddParameter(name2, value2);
        ReportChannels.SubSteps.Add(context, new ReportSubStep("looked up the station", ScenarioStatus.Passed));
        ReportChannels.SubSteps.Add(context, new ReportSubStep("read the CSMS URL", ScenarioStatus.Passed));
        context.AddAttachment("golden note.txt", "text/plain", Encoding.UTF8.GetBytes("a golden note\n"));
    }

    [Then("the golden meter reads at least {int} kWh")]
    public void AtLeast(int kwh) => _kwh.ShouldBeGreaterThanOrEqualTo(kwh, "the golden meter");

    [Then("the report suite attaches a note")]
    public void AttachNote() => context.AddAttachment("suite note.txt", "text/plain", Encoding.UTF8.GetBytes("the passing scenario's note\n"));

    [When("the report suite's rig breaks")]
    public static void RigBreaks() => throw new InvalidOperationException("the report suite's rig broke on purpose");
}
