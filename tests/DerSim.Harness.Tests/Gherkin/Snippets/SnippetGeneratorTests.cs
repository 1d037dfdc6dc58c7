using DerSim.Harness.Gherkin;
using DerSim.Harness.Gherkin.Expressions;
using DerSim.Harness.Gherkin.Snippets;

namespace DerSim.Harness.Tests.Gherkin.Snippets;

/// <summary>Snippets for undefined steps, in Cucumber-expression style.</summary>
public sealed class SnippetGeneratorTests
{
    private static readonly ParameterTypeRegistry Registry = ParameterTypeRegistry.CreateDefault(System.Globalization.CultureInfo.InvariantCulture);

    [Test]
    public void The_contract_example()
    {
        SnippetGenerator.Generate(StepDefinitionType.Given, "the EV has 42 kWh", false, false, Registry)
            .ShouldBe("[Given(\"the EV has {int} kWh\")]\npublic void GivenTheEVHasKWh(int p0)\n{\n    throw new PendingStepException();\n}");
    }

    [TestCase("the station \"CS-1\" boots", "the station {string} boots", "WhenTheStationBoots(string p0)")]
    [TestCase("the station 'CS 1' boots", "the station {string} boots", "WhenTheStationBoots(string p0)")]
    [TestCase("charging at 7.4 kW for 30 minutes", "charging at {float} kW for {int} minutes", "WhenChargingAtKWForMinutes(float p0, int p1)")]
    [TestCase("a temperature of -3 degrees", "a temperature of {int} degrees", "WhenATemperatureOfDegrees(int p0)")]
    [TestCase("ISO15118 and V2G are on", "ISO15118 and V2G are on", "WhenISO15118AndV2GAreOn()")]
    [TestCase("the rate (in kW/h) is {high}", "the rate \\\\(in kW\\\\/h\\\\) is \\\\{high\\\\}", "WhenTheRateInKWHIsHigh()")]
    [TestCase("version 1.6 is used", "version {float} is used", "WhenVersionIsUsed(float p0)")]
    public void Values_become_parameters(string text, string expression, string signature)
    {
        var snippet = SnippetGenerator.Generate(StepDefinitionType.When, text, false, false, Registry);
        snippet.ShouldStartWith($"[When(\"{expression}\")]\npublic void {signature}\n");
    }

    [Test]
    public void Doc_strings_and_tables_come_last()
    {
        SnippetGenerator.Generate(StepDefinitionType.Then, "the reply is", true, false, Registry)
            .ShouldContain("public void ThenTheReplyIs(string multilineText)");
        SnippetGenerator.Generate(StepDefinitionType.Given, "these 2 stations", false, true, Registry)
            .ShouldContain("public void GivenTheseStations(int p0, DataTable dataTable)");
    }

    [Test]
    public void The_snippet_matches_its_step()
    {
        const string text = "user \"ann\" charges 12.5 kWh at 3 stations (fast/slow)";
        var snippet = SnippetGenerator.Generate(StepDefinitionType.When, text, false, false, Registry);
        var literal = snippet[(snippet.IndexOf('"', StringComparison.Ordinal) + 1)..snippet.IndexOf("\")]", StringComparison.Ordinal)];
        var expression = literal.Replace("\\\\", "\\", StringComparison.Ordinal);
        var arguments = new CucumberExpression(expression, Registry).Match(text);
        arguments.ShouldNotBeNull(expression);
        arguments.Select(a => a.Value).ShouldBe(["ann", "12.5", "3"]);
    }
}
