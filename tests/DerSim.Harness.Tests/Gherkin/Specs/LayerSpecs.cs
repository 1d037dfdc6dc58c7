using DerSim.Gherkin.Model;
using DerSim.Gherkin.NUnit;

namespace DerSim.Harness.Tests.Gherkin.Specs;

/// <summary>The binding layer's own specification: every scenario of Gherkin/Specs/*.feature is a test.</summary>
public sealed class LayerSpecs
{
    [GherkinScenarios("Gherkin/Specs")]
    public Task Run(ScenarioCase scenario) => GherkinNUnit.RunAsync(scenario);
}
